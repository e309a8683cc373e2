"""C7: numbers in 一、总体情况 against the tables — found when they contradict, silent otherwise."""

from __future__ import annotations

import pytest
from report_factory import TOTAL, consistent_report

from gongkai.report import Report
from gongkai.report.checks import check
from gongkai.report.checks.narrative import statements
from gongkai.report.model import application_cell, review_cell

KEYWORDS = ("行政复议", "行政诉讼")


def narrative_findings(overview: str, format_key: str = "2021") -> list:
    report = consistent_report(format_key, narrative=False)
    report.sections["overview"] = overview.format(**_numbers(report))
    return [f for f in check(report) if f.code == "text_matches_tables"]


def _numbers(report: Report) -> dict[str, int]:
    apps = {row: [v or 0 for v in values] for row, values in report.applications.items()}
    rl = {block: {k: v or 0 for k, v in cells.items()} for block, cells in report.review_litigation.items()}
    return {
        "new": apps["new_received"][TOTAL],
        "over": apps["carried_over"][TOTAL],
        "received": apps["new_received"][TOTAL] + apps["carried_over"][TOTAL],
        "done": apps["total_processed"][TOTAL],
        "forward": apps["carried_forward"][TOTAL],
        "rc": rl["reconsideration"]["total"],
        "direct": rl["litigation_direct"]["total"],
        "lit": rl["litigation_direct"]["total"] + rl["litigation_after_reconsideration"]["total"],
        "wrong": 99999,
    }


@pytest.mark.parametrize(
    "overview",
    [
        "2024年共收到政府信息公开申请{new}件,办结{done}件,结转下年度继续办理{forward}件。",
        "全年受理政府信息公开申请{received}件(含上年结转{over}件),已全部办结。",
        "共办理政府信息公开申请{done}件。",
        "全年共办结政府信息依申请公开{done}件,同比下降4.5%。",
        "发生政府信息公开行政复议案件{rc}件、政府信息公开行政诉讼案件{lit}件。",
        "因政府信息公开被提起行政诉讼{direct}件。",
    ],
)
def test_consistent_statements_are_silent(overview: str) -> None:
    assert narrative_findings(overview) == []


@pytest.mark.parametrize(
    ("overview", "cell"),
    [
        ("2024年共收到政府信息公开申请{wrong}件。", application_cell("new_received", TOTAL)),
        ("共受理政府信息公开申请{new}件,答复{wrong}件。", application_cell("total_processed", TOTAL)),
        ("共办结政府信息公开申请{wrong}件。", application_cell("total_processed", TOTAL)),
        ("结转下年度继续办理{wrong}件。依申请公开工作平稳。", None),
        ("依申请公开:结转下年度继续办理{wrong}件。", application_cell("carried_forward", TOTAL)),
        ("依申请公开:上年结转申请{wrong}件。", application_cell("carried_over", TOTAL)),
        ("共办理政府信息公开申请{wrong}件。", application_cell("total_processed", TOTAL)),
        ("全年发生政府信息公开行政复议案件{wrong}件。", review_cell("reconsideration", "total")),
        ("政府信息公开行政诉讼案件{wrong}件。", review_cell("litigation_direct", "total")),
    ],
)
def test_contradicting_statements_are_found(overview: str, cell: str | None) -> None:
    found = narrative_findings(overview)
    if cell is None:  # the sentence does not speak of 申请: not read
        assert found == []
        return
    assert len(found) == 1
    assert found[0].severity == "warning"
    assert cell in found[0].cells
    assert "99999" in found[0].message


def test_works_on_the_2019_format() -> None:
    assert narrative_findings("全年收到政府信息公开申请{new}件,答复{wrong}件。", "2019")
    assert narrative_findings("全年收到政府信息公开申请{new}件,答复{done}件。", "2019") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年受理“区长信箱”信件210件、办结率97.62%,“部门信箱”信件230件。", []),
        ("主动公开各类信息22685条,总访问量424万次,办结留言634件。", []),
        ("收到政府信息公开申请60件,其中自然人申请59件,占比98%。", [("received", 60)]),
        ("共收到政府信息公开依申请公开书面申请7件、网上申请14件,按时进行了答复,其中以县政府名义答复7件。", []),
        (
            "共受理政府信息公开申请16件,其中自然人申请11件,商业机构申请5件,办结15件。",
            [("received", 16), ("answered", 15)],
        ),
        ("受理政府信息公开申请较上年增加12件。", []),
        ("2023年受理政府信息公开申请50件。", []),
        ("累计受理政府信息公开申请3000件。", []),
        ("收到涉及征地拆迁的政府信息公开申请40件。", []),
        ("网上受理政府信息公开申请40件。", []),
        ("政府信息公开行政诉讼败诉案件0件,行政复议纠正案件1件。", []),
        ("发生政府信息公开行政复议和行政诉讼案件5件。", []),
        ("受理行政许可申请3000件,办结2999件。", []),
        ("答复人大代表建议12件、政协提案8件。", []),
        ("政府信息公开申请按时答复30件。", []),
        ("另有72件申请按照《条例》顺延到下年度答复。", []),
        ("全年收到政府信息公开申请1,258件。", [("received", 1258)]),
    ],
)
def test_only_unambiguous_statements_are_read(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(s.kind, s.number) for s in statements(text, 2024, KEYWORDS)] == expected


def test_full_width_text_is_read() -> None:
    found = list(statements("全年收到政府信息公开申请６０件，答复５４件；结转下年度继续办理２件。", 2024, KEYWORDS))
    assert [(s.kind, s.number) for s in found] == [("received", 60), ("answered", 54), ("carried_forward", 2)]
