"""Report year, agency and layout, found where the text states them.

The year is the year the statistics cover (not the publication date): taken from the title
("…2024年政府信息公开工作年度报告", "2024年××局政府信息公开…", "…年度报告（2024年度）", in
digits or Chinese numerals "二〇二四年"), else the statistics period ("统计期限为2024年1月1日…"),
else a "2024年度" classification line. The agency is the name the report gives itself in its title. The
layout is told by the 第二十条 column headers (annual-report-format.md §8), else by the （六）其他处理
sub-rows, else by the year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain

from gongkai.parse.document import Row

__all__ = ["find_agency", "find_year", "find_year_agency"]

# "2024年度政府信息公开工作年度报告", "2024年政府信息公开年报". Found by its literal end and then
# the year before it: a pattern that starts with \d makes the regex engine try every position of
# the text (a fifth of a text report's parse time went there).
_TITLE_TAIL = re.compile(r"政(?:府信息|务)公开(?:工作)?(?:年度)?(?:报告|年报)")
# the year just before the title's end ("…局2023年度政府信息公开…"), its digits possibly spaced out
# by PDF text ("2 0 2 3 年"); or the year first and the agency between ("2023年澄溪县人民政府政府…")
_TITLE_HEAD = re.compile(r"(\d\s?\d\s?\d\s?\d)\s*年度?(?:本机关|本单位|本级)?$")
_TITLE_HEAD_FIRST = re.compile(r"(\d{4})\s*年度?([\u4e00-\u9fff()]{2,30})$")
# or the year after it, in brackets: "…政府信息公开工作年度报告(2023年度)"
_TITLE_YEAR_AFTER = re.compile(r"\s*\(\s*(\d{4})\s*年度?\s*\)")
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_CN_YEAR = re.compile(r"二[〇零][〇零一二三四五六七八九]{2}(?=\s*年)")
_PERIOD = re.compile(r"统计(?:期限|时限|期间|区间|时间)[^0-9]{0,12}(\d{4})\s*年\s*1\s*月\s*1\s*日")
_YEAR_CLASS_TAIL = re.compile(r"年度(?!报告)")  # "2024年度" as a classification, not "年度报告"
_YEAR_CLASS_HEAD = re.compile(r"(?<!\d)(\d{4})\s*$")
_LOOK_BACK = 40  # characters before a literal end searched for its year (with room for spaces)
_AGENCY_END = (
    "人民政府办公室", "人民政府办公厅", "人民政府", "办公室", "办公厅", "委员会", "管理委员会", "管委会",
    "局", "厅", "委", "署", "院", "部", "中心", "办事处", "街道", "镇", "乡", "政府", "分局", "支队", "大队",
    "所", "站", "办", "会",
)  # fmt: skip
_HEAD_CHARS = 6000  # title, preface and statistics period stand well inside the first pages
_LEADING_VERBS = re.compile(r"^.*?(?:现将|现向社会公开|现向社会公布|现予公布|现公布|现发布|公布|发布|现将)")
_CJK_NAME = re.compile(r"([\u4e00-\u9fff()（）]{2,40})$")


def find_year(lines: list[str]) -> int | None:
    """The report year from the first lines of the document (None when not stated).

    The lines are searched as one text, joined without separators, so a title broken over two
    lines ("…局2023年政府信息公开" / "工作年度报告") is found; the first match in reading order wins.
    """
    text = _head_text(lines)
    return _year_in(text, _title_years(text))


def find_year_agency(rows: Sequence[Row]) -> tuple[int | None, str | None]:
    """:func:`find_year` and :func:`find_agency` of the texts of ``rows`` (the first rows of a
    document), with the head text joined and its titles found once, as far as either needs them."""
    texts: list[str] = []
    for row in rows:
        texts.extend(row.texts)
    text = _head_text(texts)
    year: int | None = None
    agency: str | None = None
    for title_year, before in _title_years(text):
        if year is None and 2000 <= title_year <= 2100:
            year = title_year
        if agency is None:
            agency = _agency_from(before)
        if year is not None and agency is not None:
            break
    if year is None:
        year = _year_in(text, ())  # no title states it: the statistics period, a "2024年度" line
    return year, agency


def _year_in(text: str, titles: Iterable[tuple[int, str]]) -> int | None:
    found = chain(
        (year for year, _ in titles),
        (int(m.group(1)) for m in _PERIOD.finditer(text)),
        (year for year, _ in _years_before(_YEAR_CLASS_TAIL, _YEAR_CLASS_HEAD, text)),
    )
    return next((year for year in found if 2000 <= year <= 2100), None)


def _head_text(lines: Iterable[str]) -> str:
    """The first lines as one text, with a year written in Chinese numerals ("二〇二三年") in digits."""
    text = "".join(lines)[:_HEAD_CHARS]
    if "〇" in text or "零" in text:  # every such year from 2000 on has one; the regex runs only then
        text = _CN_YEAR.sub(lambda m: m.group(0).translate(_CN_DIGITS), text)
    return text


def _title_years(text: str) -> Iterator[tuple[int, str]]:
    """(year, the text that ends with the agency's name) of each title: the year before the title,
    first ("2023年澄溪县人民政府政府信息公开…", the name between), or after it in brackets."""
    for m in _TITLE_TAIL.finditer(text):
        window = max(0, m.start() - _LOOK_BACK)
        before = _TITLE_HEAD.search(text, window, m.start())
        if before:
            yield int(before.group(1).replace(" ", "")), text[max(0, before.start() - 80) : before.start()]
            continue
        first = _TITLE_HEAD_FIRST.search(text, window, m.start())
        if first:
            yield int(first.group(1)), first.group(2)
            continue
        after = _TITLE_YEAR_AFTER.match(text, m.end())
        if after:
            yield int(after.group(1)), text[max(0, m.start() - 80) : m.start()]


def _years_before(tail: re.Pattern[str], head: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    """(year, where it starts) of each ``tail`` match whose text just before matches ``head``."""
    for m in tail.finditer(text):
        before = head.search(text, max(0, m.start() - _LOOK_BACK), m.start())
        if before:
            yield int(before.group(1)), before.start()


def find_agency(lines: list[str]) -> str | None:
    """The agency as the report names itself in its title ("衡山县人民政府" / "2023年…年度报告"), or None."""
    return _agency_in(_title_years(_head_text(lines)))


def _agency_in(titles: Iterable[tuple[int, str]]) -> str | None:
    for _, before in titles:
        name = _agency_from(before)
        if name:
            return name
    return None


_CLAUSE_BREAK = re.compile(r"[,。;:《》\"]")
_LEADING_WORD = re.compile(r"^(?:关于|根据)")
_TRAILING_WORD = re.compile(r"(?:关于|的)$")  # "澄溪县教育局关于2023年…"


def _agency_from(text: str) -> str | None:
    text = _CLAUSE_BREAK.split(text)[-1].strip()
    text = _LEADING_VERBS.sub("", text).strip()
    text = _LEADING_WORD.sub("", text)
    text = _TRAILING_WORD.sub("", text)
    m = _CJK_NAME.search(text)
    if not m:
        return None
    name = m.group(1)
    if name.endswith(_AGENCY_END) and len(name) >= 3:
        return name
    return None
