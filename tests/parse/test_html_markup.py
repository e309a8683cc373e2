"""Markup of real government pages around an otherwise readable report: XHTML declarations,
ASP.NET forms, hidden and deleted text, note marks, UTF-16 files, tables in the 总体情况."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.parse import parse

VARIANTS = Path(__file__).resolve().parents[1] / "data" / "parse" / "variants"
PAGE = VARIANTS / "a_html_rowspan_utf8.html"
NEW_RECEIVED = "<td>86</td><td>9</td><td>0</td><td>1</td><td>2</td><td>1</td><td>99</td></tr>"  # 一、本年新收… row


def _page() -> str:
    text = PAGE.read_text(encoding="utf-8")
    assert NEW_RECEIVED in text
    return text


def _tables(parsed) -> dict:
    got = parsed.report.to_json()
    return {t: got[t] for t in ("active_disclosure", "applications", "review_litigation")}


def _expected() -> dict:
    expected = json.loads(PAGE.with_name("a_html_rowspan_utf8.expected.json").read_text(encoding="utf-8"))
    return {t: expected[t] for t in ("active_disclosure", "applications", "review_litigation")}


@pytest.mark.parametrize(
    "wrap",
    [
        lambda page: '<?xml version="1.0" encoding="utf-8"?>\n' + page,  # XHTML pages of CMSs
        lambda page: page.replace("<body>", '<body><form id="aspnetForm" method="post">').replace(
            "</body>", "</form></body>"
        ),  # ASP.NET: the whole body in one form
        lambda page: page.replace(
            NEW_RECEIVED, NEW_RECEIVED.replace("<td>86</td>", '<td>8<span style="display: none">1</span>6</td>')
        ),
        lambda page: page.replace(NEW_RECEIVED, NEW_RECEIVED.replace("<td>86</td>", "<td><del>85</del>86</td>")),
        lambda page: page.replace(NEW_RECEIVED, NEW_RECEIVED.replace("<td>86</td>", "<td>8\u00ad6</td>")),
    ],
    ids=["xml-declaration", "aspnet-form", "hidden-span", "deleted-text", "soft-hyphen"],
)
def test_page_markup_around_the_report_does_not_change_it(wrap) -> None:
    page = wrap(_page())
    assert page != _page()
    assert _tables(parse(page.encode("utf-8"))) == _expected()


def test_a_utf16_file_with_its_byte_order_mark_is_read() -> None:
    page = _page().replace('<meta charset="utf-8">', '<meta charset="utf-16">')
    parsed = parse(page.encode("utf-16"))
    assert parsed.encoding == "utf-16"
    assert _tables(parsed) == _expected()


@pytest.mark.parametrize("mark", ["<sup>1</sup>", "①", "¹", "<sup>注</sup>", "注"])
def test_a_note_mark_after_a_number_makes_that_cell_unreadable_not_a_bigger_number(mark: str) -> None:
    page = _page().replace(NEW_RECEIVED, NEW_RECEIVED.replace("<td>99</td>", f"<td>99{mark}</td>"))
    parsed = parse(page.encode("utf-8"))
    expected = _expected()
    expected["applications"]["new_received"][6] = None
    assert _tables(parsed) == expected  # the other six cells keep their places
    assert parsed.sources["applications.new_received[6]"].reason.startswith("not a number")
    assert "cells.not_a_number" in [f.code for f in parsed.report.findings]


def test_a_note_cell_and_a_row_number_column_do_not_shift_the_row() -> None:
    """With a 序号 in front, a skipped text cell let the 序号 fill the row: every value moved one place."""
    page = (
        _page()
        .replace('<tr><td colspan="3">一、本年新收', '<tr><td>1</td><td colspan="3">一、本年新收')
        .replace(NEW_RECEIVED, NEW_RECEIVED.replace("<td>99</td>", "<td>约99</td>"))
    )
    parsed = parse(page.encode("utf-8"))
    assert parsed.report.applications["new_received"] == [86, 9, 0, 1, 2, 1, None]


def test_a_table_in_the_overview_with_row_labels_of_article_20_is_not_that_table() -> None:
    table = (
        "<table><tr><td>公开事项</td><td>条数</td></tr><tr><td>行政许可</td><td>1532</td></tr>"
        "<tr><td>行政处罚</td><td>207</td></tr><tr><td>行政规范性文件</td><td>9</td></tr></table>"
    )
    page = _page().replace("<p>（二）依申请公开。", table + "<p>（二）依申请公开。", 1)
    assert table in page
    assert _tables(parse(page.encode("utf-8"))) == _expected()


def test_an_empty_corner_cell_before_the_review_values_is_not_a_value() -> None:
    values = "<tr><td>2</td><td>1</td><td>0</td><td>1</td><td>4</td>"
    assert _page().count(values) == 1
    page = _page().replace(values, "<tr><td></td>" + values[4:])
    assert _tables(parse(page.encode("utf-8"))) == _expected()
