"""Rows of cells → the report: find each table row by its own label and give it its printed values.

How values meet labels (annual-report-format.md §8: "locate rows by their own labels, not by
position"): a data-row label opens a *slot* that expects as many values as its format has
columns. Values printed in the same physical row fill it in place, blank cells included. Values in
rows without a label fill the oldest open slot — which covers one-cell-per-line copies and
PDF-to-text where all labels of a block come first and the value lines after. A slot left short
is read only if its digits can be cut one way that satisfies the table's sums (recover.py);
otherwise its cells are ``None`` with the reason. Group labels, header words and narrative never
take values.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple, cast

from gongkai.parse.document import Document, FieldsCompared, Row, SourceRef
from gongkai.parse.format_detection import detect_format
from gongkai.parse.labels import Label, LabelIndex, label_index
from gongkai.parse.metadata import find_year_agency
from gongkai.parse.normalize import label_key
from gongkai.parse.numbers import CellValue, is_value_text, read_cell, split_values
from gongkai.parse.recover import candidate_splits
from gongkai.report.formats import APPLICANT_COLUMNS, FORMAT_KEYS, Format, get_format
from gongkai.report.model import (
    SECTION_KEYS,
    Finding,
    Report,
    application_cell,
    disclosure_cell,
    review_cell,
)

__all__ = ["CellSource", "Interpretation", "clear_caches", "interpret", "restore_caches", "snapshot_caches"]

_MAX_LABEL_LEN = 90
_NARRATIVE_SECTIONS = frozenset(SECTION_KEYS)
_FRAGMENT = 4  # characters of label text that may stand alone before a row's values
_CJK = re.compile("[\u4e00-\u9fff]")
_DIGIT = re.compile(r"\d")
_TABLE_NAMES = {
    "active_disclosure": "主动公开情况表",
    "applications": "申请情况表",
    "review_litigation": "复议诉讼情况表",
}
_PAGE_MARK = re.compile(
    r"^(?:[-—–―]{1,2}\s*\d{1,4}\s*[-—–―]{1,2}|第\s*\d{1,4}\s*页(?:\s*[,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$",
    re.IGNORECASE,
)
_NARRATIVE_JUNK = ("上一篇", "下一篇", "打印本页", "关闭窗口", "【打印】", "【关闭】", "扫一扫", "分享到")


class CellSource(FieldsCompared):
    """Where one table cell came from and what was printed there (a slotted class: see SourceRef)."""

    __slots__ = ("raw", "reason", "ref")
    FIELDS = ("ref", "raw", "reason")

    def __init__(self, ref: SourceRef, raw: str, reason: str | None = None) -> None:
        self.ref = ref
        self.raw = raw
        self.reason = reason

    def __repr__(self) -> str:
        return f"CellSource({self.ref!r}, {self.raw!r}, {self.reason!r})"


@dataclass
class Interpretation:
    report: Report
    sources: dict[str, CellSource]
    findings: list[Finding]


_Token = CellSource
"""A value as printed (``reason`` None): already the source it becomes when it reads cleanly, so the
commonest cell of all needs no second tuple when its slot is stored."""


class _SlotSpec(NamedTuple):
    """What a row label's slot is, worked out once per format: not for every row of every report."""

    target: str  # "app:<row>", "ad:<row>", "review"
    size: int
    kinds: tuple[str, ...]
    ids: list[str]  # the report's cell ids, in printed order
    table: str  # "app", "ad", "review"
    row: str
    integral: bool  # a cell printed as plain digits reads as that integer (no amount columns)
    columns: tuple[str, ...] = ()  # the column keys of a 第二十条 row


@cache
def _slot_specs(fmt_key: str) -> dict[str, _SlotSpec]:
    """Every slot of format ``fmt_key``, by target."""
    fmt = get_format(fmt_key)
    specs = {}
    for row in fmt.application_row_keys:
        target = f"app:{row}"
        kinds = ("count",) * len(APPLICANT_COLUMNS)
        specs[target] = _SlotSpec(target, len(kinds), kinds, _cell_ids(fmt_key, target), "app", row, True)
    for table, ad_row in fmt.disclosure_rows:
        target = f"ad:{ad_row.key}"
        kinds = tuple(c.type for c in table.columns)
        ids = _cell_ids(fmt_key, target)
        columns = tuple(c.key for c in table.columns)
        specs[target] = _SlotSpec(target, len(kinds), kinds, ids, "ad", ad_row.key, _integral(kinds), columns)
    kinds = ("count",) * len(fmt.review_cell_order)
    specs["review"] = _SlotSpec("review", len(kinds), kinds, _cell_ids(fmt_key, "review"), "review", "", True)
    return specs


@cache
def _slot_specs_of(fmt_key: str, table: str) -> dict[str, _SlotSpec]:
    """The slots of one table of format ``fmt_key``, by row key."""
    return {spec.row: spec for spec in _slot_specs(fmt_key).values() if spec.table == table}


@dataclass(eq=False, slots=True)
class _Slot:
    """A row label waiting for its values. Compared by identity: ``open.remove(slot)`` compared the
    value lists of every open slot field by field, and each slot's target is unique anyway."""

    spec: _SlotSpec
    label_key: str
    ref: SourceRef
    values: list[_Token] = field(default_factory=list)
    order: tuple[str, ...] = ()  # a 第二十条 row's column keys in the order its header printed them

    @property
    def target(self) -> str:
        return self.spec.target

    @property
    def size(self) -> int:
        return self.spec.size

    @property
    def full(self) -> bool:
        return len(self.values) >= self.size


class _Item:
    """One classified cell: a label, a value (or blank), or text.

    A plain class with slots rather than a named tuple: compiled (native.py), it is built without
    a call into Python code, and nothing unpacks it as a tuple."""

    __slots__ = ("key", "label", "ref", "text", "values")

    def __init__(self, label: Label | None, values: tuple[str, ...], text: str, ref: SourceRef, key: str) -> None:
        self.label = label
        self.values = values
        self.text = text
        self.ref = ref
        self.key = key


# Classification depends only on the cell text and the format; published reports repeat the same
# few hundred strings ("0", row labels), so a bounded per-process cache makes the walk cheap.
_Hit = tuple[Label | None, tuple[str, ...], str, str, bool, bool]
"""A classified cell text: (label, trailing values, head text, label key, is a section heading,
is one value alone — a number, placeholder or blank, the commonest cell of a table)."""
_CLASSIFIED: dict[str, dict[str, _Hit]] = {}  # format → text → hit
_DATA_ROWS = frozenset({"app_row", "ad_row"})
_CACHE_LIMIT = 100_000
_APPLICANT_HEADERS = ("applicant", "organisation")  # keys of the applications table's column headers
_NOTHING: _Hit = (None, (), "", "", False, False)  # a cell that is neither label nor value


def _is_row_number(raw: str) -> bool:
    """A 序号 cell: one to three plain digits, not zero."""
    return 0 < len(raw) <= 3 and raw.isdigit() and raw.isascii() and raw != "0" * len(raw)


def _ref(row: Row, index: int) -> SourceRef:
    """``row.ref(index)`` without the method call: ``Row`` is a union of two classes, and a plain
    function is one direct call once compiled."""
    refs = row.refs
    if refs is not None:
        return refs[index]
    return SourceRef(row.line, index + 1)


class _Walker:
    def __init__(self, doc: Document, fmt: Format, index: LabelIndex) -> None:
        self.doc = doc
        self.fmt = fmt
        self.index = index
        self.report = Report.empty(fmt.key)
        self.sources: dict[str, CellSource] = {}
        self.findings: list[Finding] = []
        self.open: list[_Slot] = []
        self.done: set[str] = set()
        self.seen_targets: set[str] = set()
        self.section: str | None = None
        self.section_lines: dict[str, list[str]] = {}
        self.review_created = False
        # a review table printed turned round: one row per result column, one value per block
        self.review_header_blocks: dict[object, list[str]] = {}  # header row → the blocks it names, in order
        self.review_slot: _Slot | None = None
        self.review_header_seen = False  # a printed 行政复议 / 行政诉讼 header, not just the section heading
        self.last_app_row: str | None = None  # the applications row whose label was read last
        self.after_header = False  # the last label read in this row was a column header of the applications table
        self.resembling: dict[str, Label | None] = {}  # unknown label text → the row label it resembles
        self.at = 0  # the index of the row being read (for looking ahead at the lines after a label)
        self.unread_labels: list[str] = []  # unknown texts followed by values inside the tables
        # rows whose values were not printed in the label's own row (filled from the lines after),
        # and the tables whose column headers came between such values (see note_column_order)
        self.detached: set[str] = set()
        self.column_major: dict[str, str] = {}
        # (result column, values the review slot held when its label was printed): a label printed
        # after values had begun means the table is turned round (see close_turned)
        self.review_marks: list[tuple[str, int]] = []
        self.review_blocks, self.review_columns = _review_label_keys(fmt.key)
        self.after_row = index.after_row[fmt.key]
        self.variants: dict[str, str] = {}
        self.ambiguous: dict[str, list[tuple[int, ...]]] = {}
        self.pending_ambiguous: dict[str, _Slot] = {}
        self.seen_other_group_values = False
        # the 第二十条 column headers printed since the last row or caption, and the order in force
        self.ad_header: list[str] = []
        self.ad_order: tuple[str, ...] = ()
        self.reordered: list[str] = []  # 第二十条 rows read in their header's column order
        # numbers printed in a row beyond the cells of the slot it filled ("小计" columns, stray cells)
        self.surplus: dict[str, tuple[_Slot, list[_Token]]] = {}
        self.group: str | None = None  # the merged group label seen since the last data row
        self.foreign_rows: list[str] = []  # rows of the other layout printed in this one
        self.unit_cells: list[str] = []  # count cells printed with a unit ("5件")
        self.classified = _CLASSIFIED.setdefault(fmt.key, {})
        # the cells read with a reason (blank, placeholder, unreadable …), few among hundreds; set by finish()
        self.explained: list[tuple[str, CellSource]] = []
        self.specs = _slot_specs(fmt.key)
        self.app_specs = _slot_specs_of(fmt.key, "app")
        self.ad_specs = _slot_specs_of(fmt.key, "ad")

    # -- classification --------------------------------------------------------------------
    def classify(self, text: str) -> _Hit:
        """What one cell's text is (see :data:`_Hit`), cached: labels and small numbers recur in every report."""
        hit = self.classified.get(text)  # keyed by the text alone: no key tuple to build per cell
        if hit is None:
            if len(text) > _MAX_LABEL_LEN and len(text) - text.count(" ") > _MAX_LABEL_LEN:
                # narrative; not a row of `pdftotext -layout`, whose label and values are padded with spaces
                return (None, (), text, "", False, False)
            hit = self._classify_text(text)
            if len(self.classified) >= _CACHE_LIMIT:
                self.classified.clear()
            self.classified[text] = hit
        return hit

    def _classify_text(self, text: str) -> _Hit:
        if text.isdigit() and text.isascii():
            return None, (text,), "", "", False, True  # a plain count, most cells of every table
        if _PAGE_MARK.match(text):
            return None, (), text, "", False, False  # "— 3 —", "第3页 共10页": a page footer, never a value
        if is_value_text(text):
            return None, (text,), "", "", False, True
        key = label_key(text)
        fmt = self.fmt.key
        label = self.index.find(key, fmt)
        if label is not None:
            return label, (), text, key, label.kind == "section", False
        head, values = split_values(text)
        if values:
            head_key = label_key(head)
            if not head_key:
                return None, tuple(values), "", "", False, len(values) == 1
            label = self.index.find(head_key, fmt, prefix=True)
            return label, tuple(values), head, head_key, label is not None and label.kind == "section", False
        label = self.index.find(key, fmt, prefix=True)
        return label, (), text, key, label is not None and label.kind == "section", False

    # -- the walk ---------------------------------------------------------------------------
    def run(self) -> None:
        classified = self.classified
        open_slots = self.open
        for at, row in enumerate(self.doc.rows):
            if not row.positional and open_slots and self.group != "other_group":
                # one value alone on its line (one cell per line, PDF text): straight to the oldest
                # slot that still has room, without the general walk
                text = row.texts[0]
                hit = classified.get(text)
                if hit is not None and hit[5] and not hit[2]:
                    if hit[1][0]:
                        self.feed_one(_Token(_ref(row, 0), hit[1][0], None))
                    continue
            self.at = at
            self.row(row)
        self.close_all()
        self.resolve_ambiguous()

    def row(self, row: Row) -> None:
        texts = row.texts
        positional = row.positional
        self.after_header = False
        classified = self.classified  # looked up inline; a hit is a non-empty tuple
        if not positional:
            text = texts[0]
            hit = classified.get(text) or self.classify(text)
            if hit[0] is None:
                values = hit[1]
                if not values:
                    found = self.resemble_line(hit) if self.in_tables() and len(hit[3]) >= 6 else None
                    if found is None:
                        if not (self.open and self.damaged_values(text, _ref(row, 0))):
                            self.add_narrative(text)
                        return
                    hit = found  # a row label worded differently, its values on the lines after it
                elif hit[2] and self.open and self.damaged_values(text, _ref(row, 0)):
                    return  # "0 0 O 0 0 0 0": read as text "0 0 O" before four values
                elif len(values) == 1 and not hit[2] and self.group != "other_group":
                    # the commonest line of all, one value alone (one cell per line): straight to its slot
                    if values[0] and self.open:
                        self.feed_one(_Token(_ref(row, 0), values[0], None))
                    return
            hits = [hit]
        else:
            cached = [classified.get(text) for text in texts]
            if None in cached:
                hits = [cached[i] or self.classify(texts[i]) for i in range(len(texts))]
            else:
                hits = cast("list[_Hit]", cached)
        refs = row.refs
        line = row.line
        if any(hit[4] for hit in hits):
            for i, hit in enumerate(hits):
                if hit[4]:
                    self.enter_section(_Item(hit[0], hit[1], hit[2], _ref(row, i), hit[3]))
            return
        current: _Slot | None = None
        following: list[_Token] = []  # values after the current label in this row
        unlabelled: list[_Token] = []
        start = 0  # the cell the general walk below begins at
        first = hits[0]
        label = first[0]
        if label is None and len(hits) > 2 and first[5] and _is_row_number(first[1][0]):
            second = hits[1][0]
            if second is not None and second.kind in _DATA_ROWS and not hits[1][1] and all(hit[5] for hit in hits[2:]):
                hits[0] = first = _NOTHING  # a 序号 column before the row's own label: not a value
        if label is None and first[2] and (first[1] or len(hits) > 1) and self.in_tables():
            hits[0] = first = self.resemble(hits, positional)
            label = first[0]
        at = 0  # merged group cells (and blank or text cells) in front of the row's own label
        while (
            (label is None or label.kind == "app_group") and not first[1] and first[5] is False and at + 1 < len(hits)
        ):
            at += 1
            first = hits[at]
            label = first[0]
        if label is not None and label.kind in _DATA_ROWS and not first[1] and all(hit[5] for hit in hits[at + 1 :]):
            # the commonest table row: its own label (after its group cells, in a grid), then one value per cell
            for i in range(at):
                group = hits[i]
                if group[0] is not None:
                    item = _Item(group[0], (), group[2], _ref(row, i), group[3])
                    if group[0].variant:
                        self.note_variant(group[0], item)
                    self.on_label(group[0], item)
            item = _Item(label, (), first[2], _ref(row, at), first[3])
            if label.variant:
                self.note_variant(label, item)
            current = self.on_label(label, item)
            if current is not None:
                if refs is None:
                    following = [_Token(SourceRef(line, i + 1), hits[i][1][0], None) for i in range(at + 1, len(hits))]
                else:
                    following = [_Token(refs[i], hits[i][1][0], None) for i in range(at + 1, len(hits))]
                self.give(current, following, positional, unlabelled)
                if unlabelled:
                    self.feed(unlabelled, positional)
                return
            start = at + 1
        elif at:
            first = hits[0]
            label = first[0]
        for i in range(start, len(hits)):
            label, values, text, key, _, _ = hits[i]
            if (
                label is None
                and (not values or text)
                and current is not None
                and positional
                and _DIGIT.search(texts[i])
                and not (values and self.is_continuation(key))
            ):
                # "约7", "99注", "86^1": a cell of this row that is not a plain number keeps its
                # place (read as null with its reason) — skipped, the cells after it would shift
                ref = refs[i] if refs is not None else SourceRef(line, i + 1)
                following.append(_Token(ref, texts[i], None))
                continue
            if label is None and not values:
                continue
            ref = refs[i] if refs is not None else SourceRef(line, i + 1)
            if label is not None:
                if current is not None:
                    self.give(current, following, positional, unlabelled)
                item = _Item(label, values, text, ref, key)
                if label.variant:
                    self.note_variant(label, item)
                current = self.on_label(label, item)
                following = [_Token(ref, raw, None) for raw in values] if current is not None else []
                continue
            if text and not self.is_continuation(key):
                continue  # narrative that happens to end in numbers
            if current is None and self.group == "other_group" and any(values):
                self.seen_other_group_values = True  # a 2019-style single （六） row in a 2021 table
                continue
            sink = following if current is not None else unlabelled
            if len(values) == 1:  # a cell holding one value, nearly every cell of a table
                sink.append(_Token(ref, values[0], None))
            else:
                sink.extend([_Token(ref, raw, None) for raw in values])
        if current is not None:
            self.give(current, following, positional, unlabelled)
        if unlabelled:
            self.feed(unlabelled, positional)

    def damaged_values(self, text: str, ref: SourceRef) -> bool:
        """Take a line that is the waiting row's values, damaged, as that row's values, unreadable.

        A label printed alone, its values on the next line ("0 0 0 0 0 0 0"): when that line
        cannot be read ("0 0 O 0 0 0 0", "0 0 0 0 0 0 0：", "3* 0 0 0 0 0 3*"), it must still end the
        row; left as narrative, the next row's values would fill this row and every row after would
        take its successor's numbers. Recognised narrowly: no Chinese character, a digit, not a page
        mark, and exactly as many printed items as the waiting row has cells (two or more: a lone
        item may be a page number or a footnote mark).
        """
        slot = next((s for s in self.open if len(s.values) < s.size), None)
        if slot is None or slot.values or slot is self.review_slot or _CJK.search(text) is not None:
            return False
        items = text.split()
        if len(items) != slot.size or slot.size < 2 or not any(map(str.isdigit, text)) or _PAGE_MARK.match(text):
            return False
        self.open.remove(slot)
        self.done.add(slot.target)
        why = f"印为“{text}”，无法读作{slot.size}个数字"
        self.mark_unreadable(slot.spec.ids, ref, text, why, reason=f"unreadable row: {why}", tail="，本行各栏未读取")
        return True

    def in_tables(self) -> bool:
        """Between the first 第二十条 or applications row read and the review table."""
        return bool(self.seen_targets) and not self.review_created

    def resemble_line(self, hit: _Hit) -> _Hit | None:
        """:meth:`resemble` for a label alone on its line, its values on the lines after it (one cell
        per line): the values counted are the single-value lines that follow, up to the next text."""
        rows = self.doc.rows
        count = 0
        at = self.at + 1
        while at < len(rows) and count <= 25:
            line = rows[at]
            if line.positional:
                break
            text = line.texts[0]
            after = self.classified.get(text) or self.classify(text)
            if not (after[5] and not after[2] and after[1][0]):
                break
            count += 1
            at += 1
        if not count:
            return None
        found = self.resemble([hit, *([(None, ("0",), "", "", False, True)] * count)], True)
        return found if found is not hit else None

    def resemble(self, hits: list[_Hit], positional: bool) -> _Hit:
        """The first cell of a row, read as a differently worded data-row label when it is one.

        Only an unknown text inside the tables (:meth:`in_tables`) followed by exactly one value per
        column of the row it resembles (in its own cell, or in the cells after it) is compared,
        so narrative never is; a row already read is never read again this way.
        """
        first = hits[0]
        if first[1]:  # values in the label's own cell: "3.补正后申请内容仍然不明确 4 0 0 0 0 0 4"
            if len(hits) > 1:
                return first
            values = list(first[1])
        elif positional and all(hit[5] for hit in hits[1:]):
            values = [hit[1][0] for hit in hits[1:]]
        else:
            return first
        key = first[3]
        if key in self.resembling:
            found = self.resembling[key]
        else:
            found = self.resembling[key] = self.index.resembling(key, self.fmt.key)
        if found is None:
            if first[2] not in self.unread_labels:
                self.unread_labels.append(first[2])  # named in the rows-missing finding
            return first
        spec = (self.app_specs if found.kind == "app_row" else self.ad_specs).get(found.key)
        if spec is None or spec.target in self.seen_targets:
            return first
        while len(values) > spec.size and values[-1] == "":
            values.pop()  # blank padding cells under a wider header
        if len(values) != spec.size:
            return first
        return (found, first[1], first[2], key, False, False)

    def give(self, slot: _Slot, tokens: list[_Token], positional: bool, overflow: list[_Token]) -> None:
        """Put the values printed after a label in its own row into its slot.

        In a row with real cells, surplus blank cells are layout, not values: trailing ones are
        padding under a wide header, leading ones are the empty label columns of a Markdown/OCR
        copy ("| 一、本年新收… |  |  | 19 | 3 |…"). They are dropped only while the row has more
        cells than the slot has room for, so a genuinely blank 自然人 or 总计 cell stays in place.
        """
        room = slot.size - len(slot.values)
        if positional:
            while len(tokens) > room and tokens and tokens[-1].raw == "":
                tokens.pop()
            while len(tokens) > room and tokens and tokens[0].raw == "":
                tokens.pop(0)
        slot.values.extend(tokens[:room])
        extra = [t for t in tokens[room:] if t.raw != ""]
        if extra and positional and not any(s is not slot and len(s.values) < s.size for s in self.open):
            self.note_surplus(slot, extra)  # more numbers in the label's own row than it has cells
        else:
            overflow.extend(extra)

    def on_label(self, label: Label, item: _Item) -> _Slot | None:
        kind = label.kind
        after_header = self.after_header
        if kind == "header" and self.last_app_row is not None and not after_header:
            named = self.after_row.get(item.key)
            if named is not None and named[1] == self.last_app_row:
                label, kind = named[0], "app_row"  # "总计" printed bare right after "3.其他": "(七)总计"
        # after a column header of the applications table in the same row, a bare 其他/总计 is a
        # header too (the header rows repeated at a page break), not the row after the last one read
        self.after_header = kind == "header" and label.key.startswith(_APPLICANT_HEADERS)
        if kind == "app_row":
            self.group = None
            spec = self.app_specs.get(label.key)
            if spec is None:
                if label.official not in self.foreign_rows:
                    self.foreign_rows.append(label.official)
                return None
            self.last_app_row = label.key
            return self.open_slot(spec, item)
        if kind == "app_group":
            self.group = label.key
            if label.key == "other_group" and item.values:
                self.seen_other_group_values = True
            return None
        if kind == "ad_row":
            if self.section in _NARRATIVE_SECTIONS:
                return None  # "行政许可 1532" in a table of the 总体情况: not the 第二十条 table
            if self.ad_header:
                self.ad_order, self.ad_header = tuple(self.ad_header), []
            spec = self.ad_specs.get(label.key)
            if spec is None:
                return None
            slot = self.open_slot(spec, item)
            if slot is not None and self.ad_order != spec.columns and sorted(self.ad_order) == sorted(spec.columns):
                slot.order = self.ad_order
                self.reordered.append(item.text)
            return slot
        if kind == "review_header":
            self.close_tables(("app:", "ad:"))
            self.ensure_review(item.ref)
            self.review_header_seen = True
            block = self.review_blocks.get(label.key)
            if block is not None:
                where = (item.ref.line, item.ref.table, item.ref.row, item.ref.page)
                self.review_header_blocks.setdefault(where, []).append(block)
            return None
        if kind == "header" and self.review_slot is not None and self.review_slot in self.open:
            column = self.review_columns.get(label.key)
            if column is not None:
                self.review_marks.append((column, len(self.review_slot.values)))
                return None
        if kind == "ad_column":
            self.note_column_order("ad", item.text)
            if label.key not in self.ad_header:
                self.ad_header.append(label.key)
        elif kind == "ad_caption":
            self.ad_header, self.ad_order = [], ()
        if kind in ("ad_caption", "ad_column") and self.section in _NARRATIVE_SECTIONS:
            self.section = None  # the 第二十条 tables begin, whether or not heading 二 was printed
        elif kind == "header" and self.last_app_row is not None and label.key.startswith(_APPLICANT_HEADERS):
            self.note_column_order("app", item.text)
        if kind in ("ad_caption", "ad_column"):
            self.close_tables(("app:", "review"))
        elif kind == "header" and label.key in ("corner_note", "applicant_header", "organisation_header"):
            self.close_tables(("ad:", "review"))
        return None

    def open_slot(self, spec: _SlotSpec, item: _Item) -> _Slot | None:
        if spec.target in self.seen_targets:
            return None  # a repeated label (e.g. a second copy of the table) never overwrites
        self.seen_targets.add(spec.target)
        for slot in list(self.open):
            if slot.values:
                self.close(slot)
        official = _official_key(item.label.official) if item.label is not None else item.key
        slot = _Slot(spec, official, item.ref)
        self.open.append(slot)
        return slot

    def close_turned(self, slot: _Slot) -> None:
        """Read a review table printed turned round: one row per result column, one value per block.

        Some agencies print 第四部分 with the three blocks (行政复议 / 未经复议直接起诉 / 复议后起诉) as
        columns and a row per result (结果维持 … 总计). Taken in printed order those values would
        fill the wrong cells; the sign is a result label printed after values have begun. Each
        result label then owns the values up to the next one, which must be exactly one per block,
        read in the block order of the header that named all three blocks (else the format's).
        Anything else is unreadable, never guessed.
        """
        blocks = [b.key for b in self.fmt.review_blocks]
        rows: list[tuple[str, int]] = []
        for column, position in self.review_marks:
            if rows and rows[-1][1] == position:
                rows[-1] = (column, position)  # a header row naming several columns: the last one labels what follows
            else:
                rows.append((column, position))
        bounds = [position for _, position in rows] + [len(slot.values)]
        groups = {column: slot.values[bounds[i] : bounds[i + 1]] for i, (column, _) in enumerate(rows)}
        bad = [column for column, tokens in groups.items() if len(tokens) != len(blocks)]
        if rows[0][1] != 0 or bad or len(groups) != len(rows):
            why = "复议诉讼情况表按结果分行印出，但各行的数值个数与行政复议、行政诉讼栏目不符，无法确定各值所属栏目"
            printed = " ".join(t.raw for t in slot.values)
            ref = slot.values[0].ref
            for cell_id in slot.spec.ids:
                self.sources[cell_id] = CellSource(ref, printed, why)
            self.findings.append(Finding("parse.unreadable", "error", f"{_where(ref)}：{why}。", tuple(slot.spec.ids)))
            return
        order = next(
            (named for named in reversed(self.review_header_blocks.values()) if sorted(named) == sorted(blocks)), blocks
        )
        for column, tokens in groups.items():
            for block, token in zip(order, tokens, strict=True):
                self.store_cell(review_cell(block, column), "count", token)
        missing = [c for c in self.fmt.review_columns if c.key not in groups]
        if missing:
            cells = tuple(review_cell(b, c.key) for b in blocks for c in missing)
            for cell_id in cells:
                self.sources[cell_id] = CellSource(slot.ref, "", "result row not printed")
            names = "、".join(c.label for c in missing)
            self.findings.append(
                Finding("parse.rows_missing", "error", f"复议诉讼情况表按结果分行印出，缺少“{names}”行。", cells)
            )

    def store_cell(self, cell_id: str, kind: str, token: _Token) -> None:
        """Read one printed value into one cell: a value that is not plain digits, or a cell of a
        review table printed turned round (:meth:`store` takes rows of plain counts whole)."""
        reading = _read(token.raw, kind)
        self.report.set(cell_id, reading.value)
        if reading.reason is None and reading.raw == token.raw:
            self.sources[cell_id] = token
        else:
            self.sources[cell_id] = CellSource(token.ref, reading.raw, reading.reason)
        if reading.unit is not None and kind.startswith("count"):
            self.unit_cells.append(cell_id)

    def note_column_order(self, table: str, printed: str) -> None:
        """A column header of ``table`` printed while one of its rows is half filled from the lines
        after its label: the text runs down the columns, not along the rows (PDF-to-text of a
        table read column by column). Those rows' values cannot be told apart; see finish()."""
        if table in self.column_major:
            return
        for slot in self.open:
            if slot.spec.table == table and 0 < len(slot.values) < slot.size and slot.target in self.detached:
                self.column_major[table] = printed
                return

    def ensure_review(self, ref: SourceRef) -> None:
        if self.review_created:
            return
        self.review_created = True
        self.seen_targets.add("review")
        self.review_slot = _Slot(self.specs["review"], "", ref)
        self.open.append(self.review_slot)

    def feed(self, tokens: list[_Token], positional: bool) -> None:
        """Values of a row that has no label of its own go to the oldest open slot(s)."""
        if positional:
            # trailing blank cells are padding — unless the row has exactly the cells the waiting
            # slot needs (a review row whose last cell is blank)
            room = self.open[0].size - len(self.open[0].values) if self.open else 0
            while tokens and tokens[-1].raw == "" and len(tokens) != room:
                tokens.pop()
            if len(self.open) == 1:
                while len(tokens) > room and tokens[0].raw == "":
                    tokens.pop(0)  # an empty corner or label cell before the values of the one waiting row
            if not any(t.raw for t in tokens):
                return
            if not self.open and len(tokens) >= 15 and not self.review_created:
                self.ensure_review(tokens[0].ref)
        else:
            tokens = [t for t in tokens if t.raw != ""]
        open_slots = self.open
        first = open_slots[0] if open_slots and not open_slots[0].values else None  # filled from empty by this row?
        for at, token in enumerate(tokens):
            while open_slots and len(open_slots[0].values) >= open_slots[0].size:
                self.close(open_slots[0])
            if not open_slots:
                if positional and first is not None and first.values and first.values[-1] is tokens[at - 1]:
                    # this one row printed more numbers than the slot it filled has cells
                    self.note_surplus(first, [t for t in tokens[at:] if t.raw != ""])
                return
            open_slots[0].values.append(token)
            self.detached.add(open_slots[0].spec.target)
        while open_slots and len(open_slots[0].values) >= open_slots[0].size:
            self.close(open_slots[0])

    def feed_one(self, token: _Token) -> None:
        """:meth:`feed` for a single non-blank value (the fast path of one-cell-per-line copies)."""
        open_slots = self.open
        while open_slots and len(open_slots[0].values) >= open_slots[0].size:
            self.close(open_slots[0])
        if open_slots:
            slot = open_slots[0]
            slot.values.append(token)
            self.detached.add(slot.spec.target)
            if len(slot.values) >= slot.size:
                self.close(slot)

    def close_tables(self, prefixes: tuple[str, ...]) -> None:
        for slot in list(self.open):
            if slot.target.startswith(prefixes):
                self.close(slot)

    def close_all(self) -> None:
        for slot in list(self.open):
            self.close(slot)

    # -- sections and narrative -------------------------------------------------------------
    def enter_section(self, item: _Item) -> None:
        assert item.label is not None
        key = item.label.key
        self.note_variant(item.label, item)
        if key == "review_litigation":
            self.close_tables(("app:", "ad:"))
            self.ensure_review(item.ref)
        elif key == "applications":
            self.close_tables(("ad:", "review"))
        elif key in SECTION_KEYS:
            self.close_tables(("app:", "ad:", "review"))
        self.section = key
        if key in SECTION_KEYS:
            self.section_lines.setdefault(key, [])

    def add_narrative(self, text: str) -> None:
        if self.section in _NARRATIVE_SECTIONS and not text.startswith(_NARRATIVE_JUNK):
            self.section_lines[self.section].append(text)

    def is_continuation(self, key: str) -> bool:
        """True when text before values in a row belongs to the table, not to narrative.

        Either it is the wrapped tail of the label of an open slot ("他情形)" after "(二)部分公开(…不计其"),
        or a piece of such a label behind a piece of a group label (`pdftotext -layout`: "他处理 用、
        行政机关不再处理其政府信息公开申"), or a short piece of a group label broken over lines in a
        borderless table ("处理" of "(六)其他处理") while a slot still waits for its first value.
        """
        if not key:
            return False
        if any(s.label_key.endswith(key) and len(key) >= 2 for s in self.open):
            return True
        for rest in self.index.after_group_fragment(key):  # "他处理" + the middle of a wrapped label
            if len(rest) >= 6 and any(rest in s.label_key and len(s.values) < s.size for s in self.open):
                return True
        return (
            len(key) <= _FRAGMENT
            and any(key in group for group in self.index.group_prefixes)
            and any(not s.values for s in self.open)
        )

    def note_variant(self, label: Label, item: _Item) -> None:
        if label.variant and label.official not in self.variants:
            self.variants[label.official] = item.text

    # -- closing a slot: read its values ----------------------------------------------------
    def cell_ids(self, slot: _Slot) -> list[str]:
        return slot.spec.ids

    def store(self, spec: _SlotSpec, tokens: list[_Token]) -> None:
        """Read a full slot's values and put them straight into the report, with their sources.

        Whole rows at a time (a slice of the applications list, a dict update) rather than cell by
        cell through ``Report.set``: every table row of every report passes here.
        """
        ids = spec.ids
        raws = [token.raw for token in tokens]
        joined = "".join(raws)
        if not (spec.integral and joined.isascii() and all(raw.isdigit() for raw in raws)):
            for cell_id, kind, token in zip(ids, spec.kinds, tokens, strict=True):  # placeholders, units …
                self.store_cell(cell_id, kind, token)
            return
        # the commonest row: plain counts, each token already its own source. Plain loops rather
        # than map/zip into update(): the compiled module runs them as C loops without calls.
        values = [int(raw) for raw in raws]
        table = spec.table
        if table == "app":
            self.report.applications[spec.row][:] = values
        elif table == "ad":
            cells = self.report.active_disclosure[spec.row]
            columns = spec.columns
            for i in range(len(columns)):
                cells[columns[i]] = values[i]
        else:
            rl = self.report.review_litigation
            order = self.fmt.review_cell_order
            for i in range(len(order)):
                rl[order[i][0]][order[i][1]] = values[i]
        sources = self.sources
        for i in range(len(ids)):
            sources[ids[i]] = tokens[i]

    def close(self, slot: _Slot) -> None:
        if slot in self.open:
            self.open.remove(slot)
        self.done.add(slot.target)
        if slot is self.review_slot and any(position for _, position in self.review_marks):
            self.close_turned(slot)
            return
        ids = self.cell_ids(slot)
        tokens = slot.values[: slot.size]
        if len(tokens) == slot.size:
            if slot.order:  # columns printed in another order than the format's: each value to its header
                tokens = [tokens[slot.order.index(column)] for column in slot.spec.columns]
            self.store(slot.spec, tokens)
            return
        if not tokens:
            # a review table opened by the section heading alone, no header and no number under it:
            # the table is missing (the checker's tables.missing), not a row printed without values
            reason = "table not printed" if slot is self.review_slot and not self.review_header_seen else None
            for cell_id in ids:
                self.sources[cell_id] = CellSource(slot.ref, "", reason or "row printed without values")
            return
        digits = [t.raw.replace(",", "") for t in tokens]
        candidates = candidate_splits(digits, slot.size, _constraint(slot.target, self.fmt))
        ref = tokens[0].ref
        printed = " ".join(t.raw for t in tokens)
        if candidates is not None and len(candidates) == 1:
            for cell_id, value in zip(ids, candidates[0], strict=True):
                self.report.set(cell_id, value)
                self.sources[cell_id] = CellSource(ref, printed, None)
            self.findings.append(
                Finding(
                    "parse.split_recovered",
                    "warning",
                    f"{_where(ref)}数字连在一起印出（“{printed}”），已按本表合计关系唯一确定拆分，请核对原文。",
                    tuple(ids),
                )
            )
            return
        if candidates and slot.target.startswith("app:"):
            self.ambiguous[slot.target] = candidates
            self.pending_ambiguous[slot.target] = slot
            return
        self.unreadable(slot, ids, printed, candidates)

    def unreadable(self, slot: _Slot, ids: list[str], printed: str, candidates: list[tuple[int, ...]] | None) -> None:
        ref = slot.values[0].ref if slot.values else slot.ref
        if candidates is None or len(candidates) > 1:
            why = f"“{printed}”可拆分为{slot.size}个数的方式不唯一，无法确定各栏数值"
        else:
            why = f"印有{len(slot.values)}个值，应有{slot.size}个，无法确定各值所属栏目"
        self.mark_unreadable(ids, ref, printed, why)

    def mark_unreadable(
        self, ids: list[str], ref: SourceRef, printed: str, why: str, *, reason: str | None = None, tail: str = ""
    ) -> None:
        """The cells ``ids`` could not be read: each gets the printed text and why; one finding says so."""
        for cell_id in ids:
            self.sources[cell_id] = CellSource(ref, printed, reason or why)
        self.findings.append(Finding("parse.unreadable", "error", f"{_where(ref)}：{why}{tail}。", tuple(ids)))

    def resolve_ambiguous(self) -> None:
        """Cut glued application rows using the column sums of the whole table."""
        changed = True
        while changed and self.ambiguous:
            changed = False
            for target, candidates in list(self.ambiguous.items()):
                row = target.split(":", 1)[1]
                kept = [c for c in candidates if self.fits_columns(row, c)]
                if len(kept) == 1:
                    slot = self.pending_ambiguous.pop(target)
                    del self.ambiguous[target]
                    ids = self.cell_ids(slot)
                    printed = " ".join(t.raw for t in slot.values)
                    for cell_id, value in zip(ids, kept[0], strict=True):
                        self.report.set(cell_id, value)
                        self.sources[cell_id] = CellSource(slot.values[0].ref, printed, None)
                    self.findings.append(
                        Finding(
                            "parse.split_recovered",
                            "warning",
                            f"{_where(slot.values[0].ref)}数字连在一起印出（“{printed}”），"
                            "已按本表勾稽关系唯一确定拆分，请核对原文。",
                            tuple(ids),
                        )
                    )
                    changed = True
        for target in list(self.ambiguous):
            slot = self.pending_ambiguous.pop(target)
            printed = " ".join(t.raw for t in slot.values)
            self.unreadable(slot, self.cell_ids(slot), printed, self.ambiguous.pop(target))

    def fits_columns(self, row: str, values: tuple[int, ...]) -> bool:
        apps = self.report.applications
        outcome = self.fmt.outcome_rows
        for c in range(len(APPLICANT_COLUMNS)):

            def get(r: str, c: int = c) -> object:
                return values[c] if r == row else apps.get(r, [None] * 7)[c]

            balance = ("new_received", "carried_over", "total_processed", "carried_forward")
            if row in balance:
                got = [get(r) for r in balance]
                if all(isinstance(v, int) for v in got) and got[0] + got[1] != got[2] + got[3]:  # type: ignore[operator]
                    return False
            if row in outcome or row == "total_processed":
                parts = [get(r) for r in outcome]
                total = get("total_processed")
                if all(isinstance(v, int) for v in [*parts, total]) and sum(parts) != total:  # type: ignore[arg-type]
                    return False
        return True

    # -- results ----------------------------------------------------------------------------
    def note_surplus(self, slot: _Slot, tokens: list[_Token]) -> None:
        """Keep the numbers a row printed beyond its slot's cells, for :meth:`read_surplus`."""
        if tokens and slot.target not in self.ambiguous:
            self.surplus.setdefault(slot.target, (slot, []))[1].extend(tokens)

    def read_surplus(self) -> None:
        """A row that printed more numbers than the format has cells: which of them are the cells?

        Reading the first ones would be a guess — with a 小计 column after 其他, the 小计 would be
        read as 总计. Applications rows of eight plain counts are read when the numbers themselves
        say where a 小计 column stands: leaving out the number at that position gives seven whose
        总计 is the sum of the six applicant columns, the number left out being the sum of the five
        法人或其他组织 columns — at one and the same position in every such row of the table
        (a row alone may fit two positions; the table's rows together rarely do). Those rows are
        read, with the warning ``layout.subtotal_column``; any other row with surplus numbers is
        ``null``, ``parse.unreadable``.
        """
        fits: dict[str, dict[int, tuple[int, ...]]] = {}
        for target, (slot, extra) in self.surplus.items():
            if slot.spec.table == "app" and len(slot.values) + len(extra) == slot.size + 1:
                fits[target] = _subtotal_fits([t.raw for t in slot.values[: slot.size] + extra])
        common = set.intersection(*(set(f) for f in fits.values() if f)) if any(fits.values()) else set()
        subtotal_rows = 0
        for target, (slot, extra) in self.surplus.items():
            tokens = slot.values[: slot.size] + extra
            ids = slot.spec.ids
            readings = {fits[target][at] for at in common if at in fits.get(target, {})}
            if len(readings) == 1:
                left_out = min(at for at in common if at in fits[target])
                kept = [token for at, token in enumerate(tokens) if at != left_out]
                for cell_id, value, token in zip(ids, readings.pop(), kept, strict=True):
                    self.report.set(cell_id, value)
                    self.sources[cell_id] = token
                subtotal_rows += 1
                continue
            printed = " ".join(t.raw for t in tokens)
            why = f"印有{len(tokens)}个值，应有{slot.size}个，无法确定各值所属栏目"
            for cell_id in ids:
                self.report.set(cell_id, None)  # store() put the row's first numbers there
            self.mark_unreadable(ids, tokens[0].ref, printed, why)
        if subtotal_rows:
            self.findings.append(
                Finding(
                    "layout.subtotal_column",
                    "warning",
                    f"申请情况表有{subtotal_rows}行多印了一栏（法人或其他组织的小计），规定格式没有此栏；"
                    "已按各行的合计关系确定小计所在的栏并略去，请核对原文。",
                )
            )

    def finish(self) -> None:
        self.read_surplus()
        self.unread_column_major()
        self.explained = [(c, src) for c, src in self.sources.items() if src.reason]
        self.report.sections = {
            key: "\n".join(lines) for key, lines in self.section_lines.items() if key in SECTION_KEYS and lines
        }
        for official, printed in self.variants.items():
            self.findings.append(
                Finding(
                    "label.variant",
                    "warning",
                    f"表头或标题“{printed}”与规定格式的“{official}”不一致。",
                )
            )
        if self.reordered:
            self.findings.append(
                Finding(
                    "layout.column_order",
                    "warning",
                    f"第二十条表格（{'、'.join(self.reordered)}）的栏目顺序与规定格式不同，已按所印表头把各数字归入对应栏目。",
                )
            )
        self.report_placeholders()
        self.report_missing_rows()
        if self.foreign_rows:
            other = next(k for k in FORMAT_KEYS if k != self.fmt.key)
            self.findings.append(
                Finding(
                    "layout.mixed",
                    "error",
                    f"第二十条表格为{self.fmt.key}年格式，申请情况表却印有{other}年格式的行"
                    f"（{'、'.join(self.foreign_rows[:3])}），这些行的数字无法归入本格式，未读取。",
                )
            )
        if self.seen_other_group_values and self.fmt.key == "2021":
            self.findings.append(
                Finding(
                    "layout.mixed",
                    "error",
                    "第二十条表格为2021年格式，但（六）其他处理只印了一行数字，未按2021年格式分为三项。",
                )
            )

    def unread_column_major(self) -> None:
        """Withdraw the values of every row filled from detached lines of a table read down its
        columns (note_column_order): which printed number belongs to which row is not known."""
        for table, printed in self.column_major.items():
            cells: list[str] = []
            for target in sorted(self.detached):
                spec = self.specs.get(target)
                if spec is None or spec.table != table:
                    continue
                for cell_id in spec.ids:
                    source = self.sources.get(cell_id)
                    ref = source.ref if source is not None else SourceRef()
                    self.report.set(cell_id, None)
                    self.sources[cell_id] = CellSource(ref, source.raw if source else "", "column order")
                    cells.append(cell_id)
            if cells:
                name = _TABLE_NAMES[cells[0].split(".", 1)[0]]
                self.findings.append(
                    Finding(
                        "parse.unreadable",
                        "error",
                        f"{name}的数字在原文中按列而非按行排列（表头“{printed}”夹在数字之间，常见于PDF转出的文本），"
                        f"无法确定各数字所属的行，{len(cells)}个单元格未读取。",
                        tuple(cells),
                    )
                )

    def report_placeholders(self) -> None:
        """One finding per table and kind of cell that was printed but is not a plain number."""
        kinds = {
            "placeholder": "cells.placeholders",
            "blank": "cells.placeholders",
            "not a number": "cells.not_a_number",
            "amount": "cells.unit_unknown",
        }
        groups: dict[tuple[str, str], list[str]] = {}
        shown: dict[tuple[str, str], set[str]] = {}
        for cell_id, source in self.explained:
            reason = source.reason
            assert reason is not None
            code = next((c for prefix, c in kinds.items() if reason.startswith(prefix)), None)
            if code is None:
                continue
            key = (code, cell_id.split(".", 1)[0])
            groups.setdefault(key, []).append(cell_id)
            shown.setdefault(key, set()).add(source.raw or "空白")
        for (code, table), cells in groups.items():
            marks = "、".join(sorted(shown[(code, table)])[:6])
            name = _TABLE_NAMES[table]
            if code == "cells.placeholders":
                text = f"{name}有{len(cells)}个单元格印为“{marks}”而非数字，已按无数值读取（未当作0）。"
            elif code == "cells.unit_unknown":
                text = f"{name}的金额印为“{marks}”，未注明元或万元，无法换算为万元，已按无数值读取。"
            else:
                text = f"{name}有{len(cells)}个单元格印为“{marks}”，不是数字，已按无数值读取。"
            self.findings.append(Finding(code, "warning", text, tuple(cells)))
        if self.unit_cells:
            self.findings.append(
                Finding(
                    "cells.unit_text",
                    "warning",
                    f"{len(self.unit_cells)}个计数单元格连同单位一起印出（如“5件”），已读取其中的数字；表格中应只填数字。",
                    tuple(self.unit_cells),
                )
            )

    def report_missing_rows(self) -> None:
        """Rows of a table that was found only in part (a truncated page, a lost row)."""
        empty = [c for c, src in self.explained if src.reason == "row printed without values"]
        if empty:
            labels = {f"applications.{r.key}": r.label for r in self.fmt.application_rows}
            labels.update({f"active_disclosure.{r.key}": r.label for _, r in self.fmt.disclosure_rows})
            labels.update({f"review_litigation.{b.key}": b.label for b in self.fmt.review_blocks})
            rows = list(dict.fromkeys(c.split("[")[0] if "[" in c else c.rsplit(".", 1)[0] for c in empty))
            shown = "、".join(labels.get(r, r) for r in rows[:4]) + ("等" if len(rows) > 4 else "")
            self.findings.append(
                Finding(
                    "parse.rows_missing",
                    "error",
                    f"{len(rows)}行印有行名但没有读到数字（{shown}），可能是原文被截断或版式错乱。",
                    tuple(empty),
                )
            )
        found_app = any(t.startswith("app:") for t in self.seen_targets)
        missing = [r for r in self.fmt.application_row_keys if f"app:{r}" not in self.seen_targets]
        unread = ""
        if self.unread_labels:
            unread = (
                "；表中另有未能识别的行名（"
                + "、".join(f"“{t}”" for t in self.unread_labels[:3])
                + ("等" if len(self.unread_labels) > 3 else "")
                + "），其数字未读取"
            )
        if found_app and missing:
            labels = {r.key: r.label for r in self.fmt.application_rows}
            shown = "、".join(labels[m] for m in missing[:4]) + ("等" if len(missing) > 4 else "")
            self.findings.append(
                Finding(
                    "parse.rows_missing",
                    "error",
                    f"申请情况表缺少{len(missing)}行（{shown}），可能是原文被截断{unread}。",
                    tuple(application_cell(m, i) for m in missing for i in range(len(APPLICANT_COLUMNS))),
                )
            )
        found_ad = any(t.startswith("ad:") for t in self.seen_targets)
        missing_ad = [r.key for _, r in self.fmt.disclosure_rows if f"ad:{r.key}" not in self.seen_targets]
        if found_ad and missing_ad:
            ad_labels = [self.fmt.disclosure_row(k)[1].label for k in missing_ad]
            self.findings.append(
                Finding(
                    "parse.rows_missing",
                    "error",
                    f"主动公开情况表缺少{len(missing_ad)}行（{'、'.join(ad_labels)}）{unread}。",
                    tuple(disclosure_cell(k, c.key) for k in missing_ad for c in self.fmt.disclosure_row(k)[0].columns),
                )
            )
        review_values = [v for v in self.report.review_litigation.values() for x in v.values() if x is not None]
        if self.review_created and not review_values and "review" not in self.done:
            self.findings.append(
                Finding("parse.rows_missing", "error", "复议诉讼情况表没有印出数字。", ("review_litigation",))
            )


@cache
def _official_key(label: str) -> str:
    return label_key(label)


@cache
def _cell_ids(fmt_key: str, target: str) -> list[str]:
    fmt = get_format(fmt_key)
    if target == "review":
        return [review_cell(b, c) for b, c in fmt.review_cell_order]
    table, row = target.split(":", 1)
    if table == "app":
        return [application_cell(row, i) for i in range(len(APPLICANT_COLUMNS))]
    ad_table, _ = fmt.disclosure_row(row)
    return [disclosure_cell(row, c.key) for c in ad_table.columns]


@cache
def _review_label_keys(fmt_key: str) -> tuple[dict[str, str], dict[str, str]]:
    """Label keys that name one review block, and those that name one result column, of ``fmt_key``.

    Derived from the format through the label index: 行政复议 is indexed under the top header's key,
    总计 under the applicants' total — what matters is which printed word means which block/column.
    行政诉讼 names two blocks, so it names none here.
    """
    fmt = get_format(fmt_key)
    index = label_index()
    blocks: dict[str, str] = {}
    for block in fmt.review_blocks:
        label = index.find(label_key(block.label), fmt_key)
        if label is not None:
            blocks[label.key] = block.key
    columns: dict[str, str] = {}
    for column in fmt.review_columns:
        for label in index.exact.get(label_key(column.label), []):
            columns[label.key] = column.key
    return blocks, columns


_READINGS: defaultdict[str, dict[str, CellValue]] = defaultdict(dict)  # kind → printed text → reading


@cache
def _integral(kinds: tuple[str, ...]) -> bool:
    """True when a cell of every one of these kinds printed as plain digits reads as that integer."""
    return not any(kind.startswith("amount") for kind in kinds)


def _subtotal_fits(raws: list[str]) -> dict[int, tuple[int, ...]]:
    """Where a 小计 column may stand in an applications row printed with one: position → the seven cells.

    Eight plain counts; leaving out the number at a position (not the first, 自然人) must give
    seven whose last (总计) is the sum of the six before it, the number left out being the sum of
    the five 法人或其他组织 columns.
    """
    if not all(raw.isdigit() and raw.isascii() for raw in raws):
        return {}
    numbers = [int(raw) for raw in raws]
    fits: dict[int, tuple[int, ...]] = {}
    for left_out in range(1, len(numbers)):
        row = tuple(n for at, n in enumerate(numbers) if at != left_out)
        if row[6] == sum(row[:6]) and numbers[left_out] == sum(row[1:6]):
            fits[left_out] = row
    return fits


def clear_caches() -> None:
    """Forget the classifications and readings of cell texts learnt from the reports read so far.

    For benchmarks, which must time a report the parser has not already seen: the caches pay off
    because labels and placeholders recur across reports, not because one report is read twice.
    """
    _CLASSIFIED.clear()
    _READINGS.clear()


_Snapshot = tuple[dict[str, dict[str, _Hit]], dict[str, dict[str, CellValue]]]


def snapshot_caches() -> _Snapshot:
    """A copy of what :func:`clear_caches` clears, for :func:`restore_caches` (benchmarks)."""
    return ({k: dict(v) for k, v in _CLASSIFIED.items()}, {k: dict(v) for k, v in _READINGS.items()})


def restore_caches(snapshot: _Snapshot) -> None:
    """Put the caches back as :func:`snapshot_caches` found them."""
    clear_caches()
    for key, hits in snapshot[0].items():
        _CLASSIFIED[key] = dict(hits)
    for key, cells in snapshot[1].items():
        _READINGS[key] = dict(cells)


def _read(raw: str, kind: str) -> CellValue:
    """read_cell with a bounded cache per kind: placeholders ("/", "—") and units recur in every report."""
    readings = _READINGS[kind]
    hit = readings.get(raw)
    if hit is None:
        hit = read_cell(raw, kind)
        if len(readings) >= _CACHE_LIMIT:
            readings.clear()
        readings[raw] = hit
    return hit


def _where(ref: SourceRef) -> str:
    return ref.describe() or "原文某处"


def _constraint(target: str, fmt: Format) -> Callable[[tuple[int, ...]], bool] | None:
    if target.startswith("app:"):
        return lambda v: sum(v[:6]) == v[6]
    if target == "review":
        width = len(fmt.review_columns)

        def blocks(v: tuple[int, ...]) -> bool:
            return all(sum(v[i : i + width - 1]) == v[i + width - 1] for i in range(0, len(v), width))

        return blocks
    return None


def interpret(doc: Document) -> Interpretation:
    """Read the report out of ``doc``'s rows."""
    index = label_index()
    year, agency = find_year_agency(doc.rows[:80])
    fmt_key, findings = detect_format(doc, year, index)
    walker = _Walker(doc, get_format(fmt_key), index)
    walker.run()
    walker.finish()
    walker.report.year = year
    walker.report.agency = agency
    return Interpretation(walker.report, walker.sources, findings + walker.findings)
