"""C7 ``text_matches_tables``: numbers stated in 一、总体情况 that contradict the tables.

Narratives state many numbers, most of them about something else (letters to the mayor's mailbox,
messages answered, documents issued) or about a part of the applications (其中自然人申请11件, 书面申请7件、
网上申请14件, 以县政府名义答复7件). A false alarm costs a reviewer's trust, so the reading is deliberately
narrow: a number is compared only when

- it is written in digits directly as ``…N件`` after one of a few phrases for the year's totals
  (收到/受理/新收 … 申请N件; 答复/办结 … N件; 办理 … 申请N件; 结转下年度 … N件; 上年结转 … N件;
  行政复议 … N件; 行政诉讼 … N件), within one clause (text between punctuation marks);
- the clause has no word that narrows or shifts it: 其中, a channel or applicant type (书面, 网上, 自然人,
  企业 …), a topic (关于, 涉及, 领域), a comparison (同比, 较, 增长 …), a result (败诉, 纠正 …), another year;
- for applications, the sentence is about 申请 and (for 收到/受理) the phrase names 公开; a clause that is
  one item of a "、" list whose next item has no such phrase (书面申请7件、网上申请14件) is a breakdown, skipped.

Both readings of "received" found in published reports are accepted: 一、本年新收 alone, or 一 + 二、上年结转
(衢州市 2024: 受理1258件 = 1210 + 48). "行政诉讼N件" may count both kinds of suit or one of them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from gongkai.report.checks.codes import finding
from gongkai.report.checks.view import ReportView
from gongkai.report.formats import APPLICANT_COLUMNS
from gongkai.report.model import Finding, application_cell, review_cell

__all__ = ["Statement", "check_narrative", "statements"]

_SENTENCE_END = re.compile(r"[。!?\n]")
_CLAUSE_DELIMITER = re.compile(r"([,、:;()\[\]])")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_MAX_QUOTE = 60

_TOTALS = "(?:共计|合计|总计|总数为|总数|数量为|数量|共|为|达|了)*"
_RECEIVED = re.compile(rf"(?:收到|受理|新收|接收|接到)(?P<gap>\D{{0,40}}?)(?:申请|依申请公开){_TOTALS}(?P<n>\d+)件")
_ANSWERED = re.compile(rf"(?:答复|办结|办理完毕|处理完毕)(?P<gap>\D{{0,20}}?){_TOTALS}(?P<n>\d+)件")
# Between 答复/办结 and the number only words naming the applications themselves may stand.
_ANSWERED_GAP = re.compile(r"(?:政府信息|信息|依申请|申请|公开|的|了|共|各类|全部|均|已)*")
_HANDLED = re.compile(rf"(?<!继续)办理(?P<gap>\D{{0,30}}?)(?:申请|依申请公开){_TOTALS}(?P<n>\d+)件")
_FORWARD = re.compile(
    rf"(?:结转|转入|顺延)(?:至|到)?下一?年度?(?:继续)?(?:办理|答复|处理)?的?(?:政府信息公开)?(?:申请)?{_TOTALS}(?P<n>\d+)件"
)
_OVER = re.compile(rf"上一?年度?结转(?:而来)?的?(?:政府信息公开)?(?:申请)?{_TOTALS}(?P<n>\d+)件")
_REVIEW_GAP = rf"(?:案件|申请|案)?{_TOTALS}"

# Words that make a clause about a part, another thing or another time (see the module docstring).
_CLAUSE_BLOCKERS = (
    "其中",
    "同比",
    "较",
    "相比",
    "比上年",
    "上年同期",
    "增长",
    "增加",
    "下降",
    "减少",
    "上升",
    "累计",
    "以来",
    "历年",
)
_CLAUSE_BLOCKED = re.compile("|".join(map(re.escape, _CLAUSE_BLOCKERS)))
_APPLICATION_QUALIFIERS = (
    "书面",
    "网上",
    "网络",
    "在线",
    "线上",
    "线下",
    "当面",
    "现场",
    "窗口",
    "信函",
    "来信",
    "来访",
    "邮寄",
    "传真",
    "邮件",
    "电子",
    "自然人",
    "法人",
    "企业",
    "机构",
    "组织",
    "个人",
    "公民",
    "部门",
    "乡镇",
    "街道",
    "单位",
    "许可",
    "信访",
    "投诉",
    "举报",
    "留言",
    "信箱",
    "咨询",
    "建议",
    "提案",
    "关于",
    "涉及",
    "有关",
    "领域",
    "其他",
    "上年",
    "去年",
    "信件",
    "来电",
    "电话",
    "热线",
    "工单",
    "诉求",
    "事项",
    "意见",
)
_ANSWER_QUALIFIERS = ("按时", "按期", "逾期", "延期", "超期", "当场", "名义", "率")
_REVIEW_BLOCKERS = ("败诉", "胜诉", "纠正", "纠错", "撤销", "维持", "确认违法", "驳回", "审结", "结案", "和", "及")
_APPLICATION_CONTEXT = ("公开申请", "依申请", "信息公开")
# A clause that sets up a comparison makes the rest of its sentence about differences, not totals.
_COMPARING = ("相比", "对比", "比较")
# A phrase that makes a "、" list item a statement of its own rather than a breakdown.
_ANY_PHRASE = re.compile(r"收到|受理|新收|接收|接到|答复|办结|办理|结转|行政复议|行政诉讼")


@dataclass(frozen=True)
class Statement:
    """One number the narrative states about the year's totals, and the clause it was read from."""

    kind: str  # received | answered | handled | carried_forward | carried_over | reconsideration | litigation
    number: int
    clause: str


def statements(text: str, year: int | None, review_keywords: tuple[str, str]) -> Iterator[Statement]:
    """The statements of :mod:`this module's <gongkai.report.checks.narrative>` narrow reading, in order."""
    reconsideration_word, litigation_word = review_keywords
    text = _THOUSANDS.sub("", unicodedata.normalize("NFKC", text))
    text = re.sub(r"(?<=\d)\s+(?=件)", "", text)
    for sentence in _SENTENCE_END.split(text):
        if "件" not in sentence:
            continue
        parts = _CLAUSE_DELIMITER.split(sentence)
        clauses = parts[0::2]
        delimiters = parts[1::2]
        about_disclosure = "公开" in sentence
        about_applications = False  # 答复/办结/结转 … N件 count once the sentence speaks of applications
        comparing = False
        for i, clause in enumerate(clauses):
            about_applications = about_applications or any(w in clause for w in _APPLICATION_CONTEXT)
            if comparing or "件" not in clause:
                comparing = comparing or any(w in clause for w in _COMPARING)
                continue
            comparing = any(w in clause for w in _COMPARING)
            if _other_year(clause, year) or _CLAUSE_BLOCKED.search(clause):
                continue
            breakdown = _is_list_item(clauses, delimiters, i)
            quote = clause.strip()[:_MAX_QUOTE]
            if about_applications and "结转" in clause:
                for pattern, kind in ((_FORWARD, "carried_forward"), (_OVER, "carried_over")):
                    for m in pattern.finditer(clause):
                        yield Statement(kind, int(m["n"]), quote)
                continue
            if not breakdown:
                yield from _application_statements(clause, quote, about_applications)
            if about_disclosure:
                yield from _review_statements(clause, quote, reconsideration_word, litigation_word)


def _application_statements(clause: str, quote: str, about_applications: bool) -> Iterator[Statement]:
    claimed: set[int] = set()
    for m in _RECEIVED.finditer(clause):
        if "公开" in m[0] and not _qualified(clause[: m.start()] + m["gap"], _APPLICATION_QUALIFIERS):
            claimed.add(m.start("n"))
            yield Statement("received", int(m["n"]), quote)
    if not about_applications:
        return
    for pattern, kind in ((_ANSWERED, "answered"), (_HANDLED, "handled")):
        for m in pattern.finditer(clause):
            around = clause[: m.start()] + m["gap"]
            if m.start("n") in claimed or _qualified(around, _APPLICATION_QUALIFIERS + _ANSWER_QUALIFIERS):
                continue
            if kind == "handled" and "公开" not in m[0]:
                continue
            if kind == "answered" and not _ANSWERED_GAP.fullmatch(m["gap"]):
                continue
            claimed.add(m.start("n"))
            yield Statement(kind, int(m["n"]), quote)


def _review_statements(clause: str, quote: str, reconsideration: str, litigation: str) -> Iterator[Statement]:
    if any(w in clause for w in _REVIEW_BLOCKERS) or (reconsideration in clause and litigation in clause):
        return
    for word, kind in ((reconsideration, "reconsideration"), (litigation, "litigation")):
        for m in re.finditer(rf"{re.escape(word)}{_REVIEW_GAP}(?P<n>\d+)件", clause):
            yield Statement(kind, int(m["n"]), quote)


def _qualified(gap: str, words: tuple[str, ...]) -> bool:
    return any(word in gap for word in words)


def _other_year(clause: str, year: int | None) -> bool:
    return year is not None and any(int(y) != year for y in _YEAR.findall(clause))


def _is_list_item(clauses: list[str], delimiters: list[str], i: int) -> bool:
    """True when a "、" neighbour of clause i states a count without a phrase of its own (a breakdown)."""
    neighbours = []
    if i > 0 and delimiters[i - 1] == "、":
        neighbours.append(clauses[i - 1])
    if i < len(delimiters) and delimiters[i] == "、":
        neighbours.append(clauses[i + 1])
    return any(re.search(r"\d+件", c) and not _ANY_PHRASE.search(c) for c in neighbours)


def check_narrative(view: ReportView) -> list[Finding]:
    """text_matches_tables warnings for the statements of 一、总体情况 that no table reading supports."""
    sections = view.report.sections if isinstance(view.report.sections, dict) else {}
    text = sections.get("overview")
    if not isinstance(text, str) or not text.strip():
        return []
    year = view.report.year if isinstance(view.report.year, int) else None
    reconsideration, litigation = view.fmt.review_header
    findings: list[Finding] = []
    seen: set[tuple[str, int]] = set()
    for statement in statements(text, year, (reconsideration, litigation)):
        if (statement.kind, statement.number) in seen:
            continue
        seen.add((statement.kind, statement.number))
        compare = _COMPARISONS[statement.kind]
        result = compare(view)
        if result is None:
            continue
        accepted, description, cells = result
        if statement.number in accepted:
            continue
        message = (
            f"{view.section_label('overview')}中写“{statement.clause}”（{statement.number}件），"
            f"但{description}，数字不一致，请核对正文或表格。"
        )
        findings.append(finding("text_matches_tables", message, cells))
    return findings


# -- what each kind of statement is compared with ------------------------------------------------
Comparison = tuple[set[int], str, list[str]]


def _total(row: str) -> str:
    return application_cell(row, APPLICANT_COLUMNS[-1])


def _app_value(view: ReportView, row: str) -> tuple[int | None, str, str]:
    cell = _total(row)
    return view.whole(cell), view.cell_label(cell), cell


def _received(view: ReportView) -> Comparison | None:
    new, new_label, new_cell = _app_value(view, "new_received")
    over, over_label, over_cell = _app_value(view, "carried_over")
    if new is None:
        return None
    if over is None:
        return {new}, f"表格中{new_label}为{new}", [new_cell]
    return (
        {new, new + over},
        f"表格中{new_label}为{new}，加上{over_label}{over}共{new + over}",
        [new_cell, over_cell],
    )


def _single(row: str) -> Callable[[ReportView], Comparison | None]:
    def compare(view: ReportView) -> Comparison | None:
        value, label, cell = _app_value(view, row)
        return None if value is None else ({value}, f"表格中{label}为{value}", [cell])

    return compare


def _handled(view: ReportView) -> Comparison | None:
    processed = _single("total_processed")(view)
    received = _received(view)
    if processed is None or received is None:
        return None
    description = f"{processed[1]}，{received[1].removeprefix('表格中')}"
    return processed[0] | received[0], description, processed[2] + received[2]


def _review_blocks(view: ReportView, litigation: bool) -> list[str]:
    return [b.key for b in view.fmt.review_blocks if (b.parent_label is not None) == litigation]


def _reconsideration(view: ReportView) -> Comparison | None:
    values = [(view.whole(review_cell(b, "total")), b) for b in _review_blocks(view, litigation=False)]
    if not values or any(v is None for v, _ in values):
        return None
    total = sum(v for v, _ in values if v is not None)
    cells = [review_cell(b, "total") for _, b in values]
    labels = "、".join(view.block_label(b) for _, b in values)
    return {total}, f"表格中{labels}总计为{total}", cells


def _litigation(view: ReportView) -> Comparison | None:
    blocks = _review_blocks(view, litigation=True)
    values = {b: view.whole(review_cell(b, "total")) for b in blocks}
    known = {b: v for b, v in values.items() if v is not None}
    if not known:
        return None
    accepted = set(known.values())
    if len(known) == len(blocks):
        accepted.add(sum(known.values()))
    parts = "，".join(f"{view.block_label(b)}总计为{v}" for b, v in known.items())
    return accepted, f"表格中{parts}", [review_cell(b, "total") for b in known]


_COMPARISONS: dict[str, Callable[[ReportView], Comparison | None]] = {
    "received": _received,
    "answered": _single("total_processed"),
    "handled": _handled,
    "carried_forward": _single("carried_forward"),
    "carried_over": _single("carried_over"),
    "reconsideration": _reconsideration,
    "litigation": _litigation,
}
