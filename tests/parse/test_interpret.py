"""Targeted cases of the interpreter that golden files do not show: layout mixtures, provenance,
page footers and glued numbers that cannot be recovered."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.parse import parse

SEEDS = Path(__file__).resolve().parents[1] / "data" / "parse" / "seeds"
SEED_001 = SEEDS / "001_0786ebd486ce37d5.txt"  # 2021 layout, one cell per line
SEED_002 = SEEDS / "002_5dfa3dd5397cb6f4.txt"  # 2019 layout, pipe rows


def _codes(parsed) -> list[str]:
    return [f.code for f in parsed.report.findings]


def test_every_number_read_has_its_source_line() -> None:
    parsed = parse(SEED_001)
    lines = SEED_001.read_text(encoding="utf-8").split("\n")
    for cell, value in parsed.report.numbers().items():
        assert value is not None, cell
        source = parsed.sources[cell]
        assert source.ref.line is not None
        # the printed text is on the line the source names
        assert source.raw in lines[source.ref.line - 1]


def test_2021_table_with_a_single_other_row_is_a_mixed_layout() -> None:
    text = SEED_001.read_text(encoding="utf-8")
    start = text.index("(六)其他处理")
    end = text.index("(七)总计")
    single = "(六)其他处理\n\n7\n\n0\n\n0\n\n0\n\n0\n\n0\n\n7\n\n"
    parsed = parse((text[:start] + single + text[end:]).encode("utf-8"))
    report = parsed.report
    assert report.format == "2021"
    assert "layout.mixed" in _codes(parsed)
    for key in ("other_overdue_correction", "other_overdue_fee", "other_other"):
        assert report.applications[key] == [None] * 7
    # the single row's numbers were not pushed into any other row
    assert report.applications["total_processed"] == [57, 1, 0, 0, 0, 0, 58]
    assert report.applications["carried_forward"] == [2, 0, 0, 0, 0, 0, 2]


def test_2019_table_with_the_2021_other_rows_does_not_crash() -> None:
    text = SEED_002.read_text(encoding="utf-8")
    old = "(六)其他處理 | 3 | 0 | 0 | 0 | 0 | 0 | 3 | ||"
    assert old in text
    rows = (
        "(六)其他處理 | 1.申請人無正當理由逾期不補正、行政機關不再處理其政府信息公開申請"
        " | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n"
        "2.申請人逾期未按收費通知要求繳納費用、行政機關不再處理其政府信息公開申請 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        "3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
    )
    parsed = parse(text.replace(old, rows).encode("utf-8"))
    assert parsed.report.format == "2019"
    assert "layout.mixed" in _codes(parsed)
    assert parsed.report.applications["total_processed"] == [62, 2, 0, 1, 0, 0, 65]


def test_page_footers_between_value_lines_are_not_values() -> None:
    text = SEED_001.read_text(encoding="utf-8")
    label = "二、上年结转政府信息公开申请数量"
    text = text.replace(f"{label}\n\n2\n\n0", f"{label}\n\n— 3 —\n\n2\n\n第 4 页\n\n0")
    parsed = parse(text.encode("utf-8"))
    assert parsed.report.applications["carried_over"] == [2, 0, 0, 0, 0, 0, 2]


def test_glued_row_with_many_possible_splits_is_unreadable_not_guessed() -> None:
    text = SEED_001.read_text(encoding="utf-8")
    block = "一、本年新收政府信息公开申请数量\n\n57\n\n1\n\n0\n\n0\n\n0\n\n0\n\n58"
    assert block in text
    # 10 digits for 7 cells where 总计 = sum of six still leaves several readings
    parsed = parse(text.replace(block, "一、本年新收政府信息公开申请数量\n\n1111110006").encode("utf-8"))
    assert parsed.report.applications["new_received"] == [None] * 7
    finding = next(f for f in parsed.report.findings if f.code == "parse.unreadable")
    assert "applications.new_received[6]" in finding.cells
    assert parsed.sources["applications.new_received[0]"].reason


def test_glued_row_with_one_reading_is_recovered_and_flagged() -> None:
    text = SEED_001.read_text(encoding="utf-8")
    block = "二、上年结转政府信息公开申请数量\n\n2\n\n0\n\n0\n\n0\n\n0\n\n0\n\n2"
    assert block in text
    parsed = parse(text.replace(block, "二、上年结转政府信息公开申请数量\n\n2000002").encode("utf-8"))
    assert parsed.report.applications["carried_over"] == [2, 0, 0, 0, 0, 0, 2]
    assert "parse.split_recovered" in _codes(parsed)


def test_placeholders_are_null_with_their_reason() -> None:
    text = SEED_002.read_text(encoding="utf-8")
    text = text.replace("規章 | 6 | 6 | 14 |", "規章 | / | — | 无 |")
    parsed = parse(text.encode("utf-8"))
    assert parsed.report.active_disclosure["regulations"] == {"made": None, "published": None, "total_public": None}
    assert parsed.sources["active_disclosure.regulations.made"].reason == "placeholder '/'"
    assert "cells.placeholders" in _codes(parsed)


def test_procurement_amount_without_unit_is_not_guessed() -> None:
    text = SEED_002.read_text(encoding="utf-8").replace("3798.8854萬元", "52.15")
    parsed = parse(text.encode("utf-8"))
    assert parsed.report.active_disclosure["procurement"]["amount_10k_yuan"] is None
    assert "cells.unit_unknown" in _codes(parsed)


def test_amount_in_yuan_is_converted_exactly() -> None:
    text = SEED_002.read_text(encoding="utf-8").replace("3798.8854萬元", "251000元")
    amount = parse(text.encode("utf-8")).report.active_disclosure["procurement"]["amount_10k_yuan"]
    assert str(amount) == "25.1"


def test_count_with_unit_is_read_and_noted() -> None:
    text = SEED_002.read_text(encoding="utf-8").replace("規章 | 6 | 6 | 14 |", "規章 | 6件 | 6 | 14 |")
    parsed = parse(text.encode("utf-8"))
    assert parsed.report.active_disclosure["regulations"]["made"] == 6
    assert "cells.unit_text" in _codes(parsed)


def test_only_unicode_spaces_is_an_empty_file() -> None:
    import pytest

    from gongkai.parse import ParseError

    with pytest.raises(ParseError, match="file is empty"):
        parse("\u3000 \n\u3000".encode(), name="blank.txt")


def _borderless_text() -> tuple[str, dict]:
    """Seed 001's tables as PDF text of a borderless layout: one line per row, values after the label."""
    import json

    from gongkai.report import get_format

    expected = json.loads((SEEDS / "001_0786ebd486ce37d5.expected.json").read_text(encoding="utf-8"))
    fmt = get_format("2021")
    lines = ["南通市海门区人民政府办公室2024年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"]
    for row in fmt.application_rows:
        values = " ".join(str(v) for v in expected["applications"][row.key])
        lines.append(f"{row.label} {values}")
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    lines.append(" ".join(["0"] * 15))
    return "\n".join(lines), expected


def test_group_label_broken_over_lines_in_a_borderless_table() -> None:
    text, expected = _borderless_text()
    text = text.replace("4.保护第三方合法权益", "(三)不予 4.保护第三方合法权益")
    text = text.replace("5.属于三类内部事务信息", "公开 5.属于三类内部事务信息")
    fee = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0"
    assert fee in text
    text = text.replace(
        fee, "2.申请人逾期未按收费通知要求缴纳费用、\n处理 0 0 0 0 0 0 0\n行政机关不再处理其政府信息公开申请"
    )
    parsed = parse(text.encode("utf-8"))
    assert parsed.report.applications == expected["applications"]
    assert not [f for f in parsed.report.findings if f.severity == "error"]


def test_row_label_without_values_is_an_error_finding() -> None:
    text, _ = _borderless_text()
    text = text.replace("2.重复申请 1 0 0 0 0 0 1", "2.重复申请")
    parsed = parse(text.encode("utf-8"))
    missing = [f for f in parsed.report.findings if f.code == "parse.rows_missing"]
    assert missing and "applications.not_processed_repeat[0]" in missing[0].cells
    assert parsed.report.applications["not_processed_repeat"] == [None] * 7


def test_blank_last_cell_of_the_review_row_stays_in_place() -> None:
    text = (SEEDS / "000_fe2429f4bb4f7b61.txt").read_text(encoding="utf-8")
    row = "20 | 13 | 38 | 42 | 113 | 5 | 1 | 15 | 3 | 24 | 4 | 0 | 1 | 2 | 7 |"
    assert row in text
    parsed = parse(text.replace(row, "20 | 13 | 38 | 42 | 113 | 5 | 1 | 15 | 3 | 24 | 4 | 0 | 1 | 2 |  |").encode())
    rl = parsed.report.review_litigation
    assert rl["litigation_after_reconsideration"] == {
        "maintained": 4,
        "corrected": 0,
        "other": 1,
        "pending": 2,
        "total": None,
    }
    assert rl["reconsideration"]["total"] == 113


def test_undeclared_big5_page_is_decoded_as_big5() -> None:
    text = (SEEDS / "002_5dfa3dd5397cb6f4.txt").read_text(encoding="utf-8")
    data = text.encode("big5", errors="replace")  # a mirror gateway's Big5 copy, no charset declared
    parsed = parse(data, name="big5.txt")
    assert parsed.encoding == "big5"
    assert parsed.report.applications["new_received"] == [61, 2, 0, 1, 0, 0, 64]
    assert parsed.report.agency == "泰州市人民政府办公室"


VARIANTS = SEEDS.parent / "variants"
TURNED = VARIANTS / "o_review_turned.txt"  # review table with a row per result and a column per block


def test_turned_review_table_with_a_short_row_is_unreadable_not_guessed() -> None:
    text = TURNED.read_text(encoding="utf-8")
    assert "结果纠正 | 1 | 0 | 0\n" in text
    parsed = parse(text.replace("结果纠正 | 1 | 0 | 0\n", "结果纠正 | 1 | 0\n").encode("utf-8"))
    review = parsed.report.review_litigation
    assert all(value is None for block in review.values() for value in block.values())
    assert "parse.unreadable" in _codes(parsed)
    assert "按结果分行" in (parsed.sources["review_litigation.reconsideration.maintained"].reason or "")


def test_turned_review_table_values_keep_their_printed_cells() -> None:
    parsed = parse(TURNED)
    lines = TURNED.read_text(encoding="utf-8").split("\n")
    # 复议后起诉 is printed before 未经复议直接起诉 in this header: its values come from the second column
    source = parsed.sources["review_litigation.litigation_after_reconsideration.pending"]
    assert lines[source.ref.line - 1].startswith("尚未审结")
    assert source.ref.cell == 3
    assert parsed.report.review_litigation["litigation_after_reconsideration"]["pending"] == 1


def test_official_review_layout_is_not_taken_for_a_turned_one() -> None:
    # one cell per line: every header word (结果维持 … 总计, three times) comes before the 15 values
    parsed = parse(SEED_001)
    assert not [f for f in parsed.report.findings if "按结果分行" in f.message]
    assert parsed.report.review_litigation["reconsideration"]["total"] is not None


def test_2019_applications_table_without_numbering_reads_the_same() -> None:
    import json
    import re

    text = SEED_002.read_text(encoding="utf-8")
    start = text.index("\n", text.index("三、收到和處理政府信息公開申請情況"))  # the heading keeps its number
    end = text.index("四、政府信息公開行政復議")
    table = re.sub(r"(^|\| )(?:[一二三四]、|\([一二三四五六七]\)|\d\.)", r"\1", text[start:end], flags=re.M)
    assert "| 屬于國家秘密 |" in table and "\n總計 |" in table  # 總計 and 其他處理 bare as well
    parsed = parse((text[:start] + table + text[end:]).encode("utf-8"))
    expected = json.loads((SEEDS / "002_5dfa3dd5397cb6f4.expected.json").read_text(encoding="utf-8"))
    assert parsed.report.format == "2019"
    assert parsed.report.to_json()["applications"] == expected["applications"]
    assert "parse.rows_missing" not in _codes(parsed)


SEED_000 = SEEDS / "000_fe2429f4bb4f7b61.txt"  # 2021 layout, pipe rows


def test_row_labels_worded_a_little_differently_are_read_and_reported() -> None:
    import json

    text = SEED_000.read_text(encoding="utf-8")
    changed = text.replace("3.补正后申请内容仍不明确 |", "3.补正后申请内容仍然不明确 |").replace(
        "4.保护第三方合法权益 |", "4.保护第三方的合法权益 |"
    )
    assert changed.count("仍然不明确") == 1 and changed.count("第三方的") == 1
    parsed = parse(changed.encode("utf-8"))
    expected = json.loads((SEEDS / "000_fe2429f4bb4f7b61.expected.json").read_text(encoding="utf-8"))
    assert parsed.report.to_json()["applications"] == expected["applications"]
    variants = [f.message for f in parsed.report.findings if f.code == "label.variant"]
    assert any("仍然不明确" in m for m in variants) and any("第三方的合法权益" in m for m in variants)


def test_a_label_unlike_any_row_is_not_guessed() -> None:
    text = SEED_000.read_text(encoding="utf-8")
    # shortened beyond recognition: not 85 % alike any row label, so the row is missing, not guessed
    changed = text.replace("二、上年结转政府信息公开申请数量 |", "二、上年结转申请数量 |")
    parsed = parse(changed.encode("utf-8"))
    assert parsed.report.applications["carried_over"] == [None] * 7
    missing = [f.message for f in parsed.report.findings if f.code == "parse.rows_missing"]
    # the finding names the row that is missing and the printed text that was not recognised
    assert any("二、上年结转政府信息公开申请数量" in m and "“二、上年结转申请数量”" in m for m in missing)
    assert parsed.report.applications["new_received"] == [1190, 18, 0, 0, 0, 2, 1210]


def test_a_label_worded_differently_alone_on_its_line_takes_the_values_below_it() -> None:
    import json

    text = SEED_001.read_text(encoding="utf-8")
    assert text.count("\n3.补正后申请内容仍不明确\n") == 1
    parsed = parse(text.replace("\n3.补正后申请内容仍不明确\n", "\n3.补正后申请内容仍然不明确\n").encode("utf-8"))
    expected = json.loads((SEEDS / "001_0786ebd486ce37d5.expected.json").read_text(encoding="utf-8"))
    assert parsed.report.to_json()["applications"] == expected["applications"]
    assert any("仍然不明确" in f.message for f in parsed.report.findings if f.code == "label.variant")
    # the values are counted on the lines after the label: exactly one row's worth, or nothing
    assert parsed.sources["applications.unable_unclear[0]"].ref.line > text.split("\n").index(
        "3.补正后申请内容仍不明确"
    )


def test_a_missing_disclosure_row_is_named_by_its_label() -> None:
    text = SEED_000.read_text(encoding="utf-8")
    parsed = parse(text.replace("行政处罚 | 916833", "行政处罚决定书 | 916833").encode("utf-8"))
    assert parsed.report.active_disclosure["punishment"]["decisions"] is None
    messages = [f.message for f in parsed.report.findings if f.code == "parse.rows_missing"]
    assert any("（行政处罚）" in m and "“行政处罚决定书”" in m for m in messages), messages


@pytest.mark.parametrize(
    ("text_file", "expected_file"),
    [
        ("u_pdftotext_columns.txt", "../docx/2021_official.expected.json"),
        ("w_pdftotext_columns_2019.txt", "../pdf/2019_official.expected.json"),
    ],
)
def test_tables_read_down_their_columns_are_unreadable_never_misread(text_file: str, expected_file: str) -> None:
    # `pdftotext` without -layout wrote these tables column by column: the values of 本年制发件数 for
    # every row, then those of 本年废止件数 ... Filling rows in printed order would put them in the
    # wrong cells; every cell must be its true value or null, and the finding must say why.
    import json

    parsed = parse(VARIANTS / text_file)
    expected = json.loads((VARIANTS / expected_file).read_text(encoding="utf-8"))
    got = parsed.report.to_json()
    nulls = 0
    for table in ("active_disclosure", "applications", "review_litigation"):
        for row, want in expected[table].items():
            have = got[table][row]
            pairs = (
                zip(have.values(), want.values(), strict=True)
                if isinstance(want, dict)
                else zip(have, want, strict=True)
            )
            for value, true in pairs:
                assert value is None or value == true, (table, row, value, true)
                nulls += value is None
    assert nulls > 0
    assert any(f.code == "parse.unreadable" and "按列" in f.message for f in parsed.report.findings)


@pytest.mark.parametrize(
    ("seed", "expected_name", "old", "new", "fmt"),
    [
        (  # a 2024 report in the 2021 format under the 2019 headers
            SEED_000,
            "000_fe2429f4bb4f7b61",
            "信息内容 | 本年新发件数 | 本年废止件数 | 现行有效件数 |",
            "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |",
            "2021",
        ),
        (  # a 2020 report in the 2019 format under the 2021 headers
            SEED_002,
            "002_5dfa3dd5397cb6f4",
            "信息內容 | 本年新 制作數量 | 本年新 公開數量 | 對外公開總數量 |",
            "信息內容 | 本年制發件數 | 本年廢止件數 | 現行有效件數 |",
            "2019",
        ),
    ],
)
def test_headers_of_the_other_format_are_read_as_the_rows_format(
    seed: Path, expected_name: str, old: str, new: str, fmt: str
) -> None:
    import json

    text = seed.read_text(encoding="utf-8")
    assert old in text
    parsed = parse(text.replace(old, new).encode("utf-8"))
    expected = json.loads((SEEDS / f"{expected_name}.expected.json").read_text(encoding="utf-8"))
    assert parsed.report.format == fmt
    got = parsed.report.to_json()
    for table in ("active_disclosure", "applications", "review_litigation"):
        assert got[table] == expected[table], table
    assert "layout.header_mismatch" in _codes(parsed)


def test_a_row_number_column_before_the_labels_is_not_data() -> None:
    import json
    import re

    text = SEED_000.read_text(encoding="utf-8")
    counter = iter(range(1, 100))
    # a 序号 cell in front of every row that starts with a data-row label followed by values
    numbered = re.sub(
        r"^(?=(?:[一二四]、|\(七\)|\d\.)[^|\n]* \| \d)", lambda _: f"{next(counter)} | ", text, flags=re.M
    )
    assert numbered.count("\n1 | 一、本年新收") == 1 and "\n19 | 四、结转下年度" in numbered
    # and the group cell of (六) on a line of its own, so its rows are read with the group open
    row = "(六)其他处理 | 1.申请人无正当理由逾期不补正"
    assert row in numbered
    numbered = numbered.replace(row, "(六)其他处理\n99 | 1.申请人无正当理由逾期不补正")
    parsed = parse(numbered.encode("utf-8"))
    expected = json.loads((SEEDS / "000_fe2429f4bb4f7b61.expected.json").read_text(encoding="utf-8"))
    assert parsed.report.to_json()["applications"] == expected["applications"]
    assert not [f for f in parsed.report.findings if f.code.startswith(("layout.", "parse."))]
    assert parsed.sources["applications.new_received[0]"].ref.cell == 3  # after the 序号 and the label


def test_a_table_drawn_with_box_characters_is_read() -> None:
    import json

    lines = SEED_000.read_text(encoding="utf-8").split("\n")
    boxed = []
    for line in lines:
        if " | " in line:  # a table row: drawn with box bars, with a rule line above it
            boxed += ["├──────┼──────┤", "│" + line.rstrip(" |").replace(" | ", "│") + "│"]
        else:
            boxed.append(line)
    parsed = parse("\n".join(boxed).encode("utf-8"))
    expected = json.loads((SEEDS / "000_fe2429f4bb4f7b61.expected.json").read_text(encoding="utf-8"))
    got = parsed.report.to_json()
    for table in ("active_disclosure", "applications", "review_litigation"):
        assert got[table] == expected[table], table


def test_a_report_whose_tables_are_not_in_the_text_names_no_printed_rows() -> None:
    # tables published as images: the headings are there, no header or number of any table
    text = (
        "澄溪县教育局2023年政府信息公开工作年度报告\n一、总体情况\n2023年,本局认真贯彻落实条例。\n"
        "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
        "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n问题。\n"
        "六、其他需要报告的事项\n无。\n"
    )
    parsed = parse(text.encode("utf-8"))
    assert parsed.report.review_litigation["reconsideration"]["total"] is None
    # no "row printed without values" for a review table that was never printed
    assert not [f for f in parsed.report.findings if f.code == "parse.rows_missing"]
    assert parsed.sources["review_litigation.reconsideration.total"].reason == "table not printed"


@pytest.mark.parametrize("wrap", ["pre", "br", "p"])
def test_a_text_copy_of_the_tables_inside_a_web_page_is_read(wrap: str) -> None:
    import html
    import json

    lines = [html.escape(line) for line in SEED_000.read_text(encoding="utf-8").split("\n")]
    body = {
        "pre": "<pre>" + "\n".join(lines) + "</pre>",
        "br": "<p>" + "<br>".join(lines) + "</p>",
        "p": "".join(f"<p>{line}</p>" for line in lines),
    }[wrap]
    parsed = parse(f"<html><body>{body}</body></html>".encode())
    assert parsed.kind == "html"
    expected = json.loads((SEEDS / "000_fe2429f4bb4f7b61.expected.json").read_text(encoding="utf-8"))
    got = parsed.report.to_json()
    for table in ("active_disclosure", "applications", "review_litigation"):
        assert got[table] == expected[table], table
    assert parsed.sources["applications.new_received[0]"].ref.cell == 2


def _seed_000_tables() -> dict:
    import json

    expected = json.loads((SEEDS / "000_fe2429f4bb4f7b61.expected.json").read_text(encoding="utf-8"))
    return {t: expected[t] for t in ("active_disclosure", "applications", "review_litigation")}


def _tables(parsed) -> dict:
    got = parsed.report.to_json()
    return {t: got[t] for t in ("active_disclosure", "applications", "review_litigation")}


@pytest.mark.parametrize(
    ("numbering", "sample"),
    [
        (lambda n: f"（{n}）", "（1）属于国家秘密"),
        (lambda n: f"{n}）", "1）属于国家秘密"),
        (lambda n: "①②③④⑤⑥⑦⑧"[int(n) - 1], "①属于国家秘密"),
    ],
)
def test_sub_rows_renumbered_in_another_style_are_read(numbering, sample: str) -> None:
    import re

    text = SEED_000.read_text(encoding="utf-8")
    renumbered = re.sub(r"(?m)(^|\| )(\d)\.", lambda m: m.group(1) + numbering(m.group(2)), text)
    assert sample in renumbered and "1.属于国家秘密" not in renumbered
    parsed = parse(renumbered.encode("utf-8"))
    assert _tables(parsed) == _seed_000_tables()
    assert not [f for f in parsed.report.findings if f.code.startswith(("layout.", "parse."))]


def test_markdown_bold_labels_and_values_are_read() -> None:
    import re

    text = SEED_000.read_text(encoding="utf-8")
    # an OCR/converter copy: row labels and totals in bold
    bold = re.sub(r"(?m)^((?:[一二四]、|\([一二三四五六七]\))[^|\n]*?)(?= \|)", r"**\1**", text)
    bold = re.sub(r"(?m)(?<=\| )(1210|1179)(?= \|)", r"**\1**", bold)
    assert "**一、本年新收政府信息公开申请数量** |" in bold and "| **1210** |" in bold
    parsed = parse(bold.encode("utf-8"))
    assert _tables(parsed) == _seed_000_tables()
    assert parsed.sources["applications.new_received[6]"].raw == "1210"


def test_a_colon_after_a_row_label_is_not_part_of_it() -> None:
    import re

    text = SEED_000.read_text(encoding="utf-8")
    rows = r"(?m)(^|\| )(规章|行政规范性文件|行政许可|行政处罚|行政强制|行政事业性收费|\d\.[^|\n]+?)( \|)"
    colons = re.sub(rows, r"\1\2：\3", text)
    assert "规章： |" in colons and "1.属于国家秘密： |" in colons
    assert _tables(parse(colons.encode("utf-8"))) == _seed_000_tables()


def test_zero_printed_as_a_chinese_numeral_reads_as_zero() -> None:
    import re

    text = SEED_000.read_text(encoding="utf-8")
    zeros = re.sub(r"(?<=\| )0(?= \|)", "〇", text)
    assert zeros.count("〇") > 50
    parsed = parse(zeros.encode("utf-8"))
    assert _tables(parsed) == _seed_000_tables()
    assert parsed.sources["applications.denied_state_secret[0]"].raw == "〇"
    assert not [f for f in parsed.report.findings if f.code.startswith(("cells.", "parse."))]


@pytest.mark.parametrize("damaged", ["0 0 O 0 0 0 0", "0 0 0 0 0 0 0：", "0* 0 0 0 0 0 0*"])
def test_a_damaged_value_line_under_a_label_ends_that_row(damaged: str) -> None:
    """`pdftotext` output, a label then its values on the next line: when that line cannot be read,
    the row is unreadable — the next row's values must not move up into it."""
    import json

    variants = SEEDS.parent / "variants"
    lines = (variants / "t_pdftotext_raw.txt").read_text(encoding="utf-8").split("\n")
    assert lines[60].startswith("（二）部分公开") and lines[64] == "0 0 0 0 0 0 0"
    lines[64] = damaged
    parsed = parse("\n".join(lines).encode("utf-8"))
    expected = json.loads((variants / "t_pdftotext_raw.expected.json").read_text(encoding="utf-8"))
    got = _tables(parsed)
    assert got["applications"]["partially_granted"] == [None] * 7
    expected["applications"]["partially_granted"] = [None] * 7
    assert got == {t: expected[t] for t in got}
    unreadable = [f for f in parsed.report.findings if f.code == "parse.unreadable"]
    assert len(unreadable) == 1 and "第65行" in unreadable[0].message
    assert parsed.sources["applications.partially_granted[0]"].reason is not None


def _with_subtotal(text: str, after: int) -> str:
    """Seed 000 with a 小计 column inserted after the applicant column ``after`` of every row."""
    import re

    out = []
    for line in text.split("\n"):
        cells = line.split(" | ")
        numbers = [i for i, c in enumerate(cells) if re.fullmatch(r"\d+", c.strip())]
        if len(numbers) == 7:
            cells.insert(numbers[after] + 1, str(sum(int(cells[i]) for i in numbers[1:6])))
        out.append(" | ".join(cells))
    return "\n".join(out)


@pytest.mark.parametrize("after", [0, 5])
def test_a_subtotal_column_placed_by_the_sums_is_left_out(after: int) -> None:
    text = _with_subtotal(SEED_000.read_text(encoding="utf-8"), after)
    assert "| 399 | 4 | 0 | 0 | 0 | 0 | 4 | 403 |" in text or "| 399 | 4 | 4 | 0 | 0 | 0 | 0 | 403 |" in text
    parsed = parse(text.encode("utf-8"))
    assert _tables(parsed) == _seed_000_tables()
    assert [f.code for f in parsed.report.findings].count("layout.subtotal_column") == 1
    assert parsed.sources["applications.new_received[6]"].raw == "1210"


def test_a_row_with_more_numbers_than_cells_is_not_read_by_taking_the_first() -> None:
    text = SEED_000.read_text(encoding="utf-8")
    row = "4.保护第三方合法权益 | 4 | 0 | 0 | 0 | 0 | 0 | 4 | ||"
    assert row in text
    parsed = parse(text.replace(row, row.replace("| 4 | ||", "| 4 | 4 ||")).encode("utf-8"))
    assert parsed.report.applications["denied_third_party"] == [None] * 7
    assert any(f.code == "parse.unreadable" and "印有8个值" in f.message for f in parsed.report.findings)
    expected = _seed_000_tables()
    expected["applications"]["denied_third_party"] = [None] * 7
    assert _tables(parsed) == expected


@pytest.mark.parametrize("one_cell_per_line", [False, True])
def test_article_20_columns_in_another_order_are_read_under_their_headers(one_cell_per_line: bool) -> None:
    text = SEED_000.read_text(encoding="utf-8")
    for printed, swapped in [
        ("| 本年废止件数 | 现行有效件数 |", "| 现行有效件数 | 本年废止件数 |"),
        ("规章 | 2 | 1 | 4 |", "规章 | 2 | 4 | 1 |"),
        ("行政规范性文件 | 175 | 319 | 1625 |", "行政规范性文件 | 175 | 1625 | 319 |"),
    ]:
        assert printed in text
        text = text.replace(printed, swapped)
    if one_cell_per_line:
        text = "\n".join(text.split(" | ")).replace("|", "")
    parsed = parse(text.encode("utf-8"))
    assert _tables(parsed)["active_disclosure"] == _seed_000_tables()["active_disclosure"]
    assert parsed.sources["active_disclosure.regulations.in_force"].raw == "4"
    assert "layout.column_order" in [f.code for f in parsed.report.findings]


def test_header_rows_repeated_at_a_page_break_before_3_other_open_no_row() -> None:
    """A PDF table continued on a new page repeats its header rows, whose last words are the bare
    其他 and 总计 — also the bare names of 3.其他 and (七)总计, the rows after 2.申请人逾期…: read
    as those rows, they took the blank group cells of the next row and every value slid along."""
    import json

    pdf = SEEDS.parent / "page_breaks" / "2021_header_repeated_before_3_other.pdf"
    expected = json.loads(pdf.with_suffix(".expected.json").read_text(encoding="utf-8"))
    parsed = parse(pdf)
    assert _tables(parsed) == expected
