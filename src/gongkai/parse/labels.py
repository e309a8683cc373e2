"""The label index: every printed label of both formats, by its matching key, derived from formats.yaml.

Nothing here is typed by hand except the generic header words that every layout shares are taken
from the definition too; the only additions are the accepted variants listed in formats.yaml
(`label_variants`). A label is found by exact key first and, for the long row labels of the
applications table, by prefix (PDF text wraps them) — never by position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from gongkai.parse.normalize import label_key
from gongkai.report.formats import FORMAT_KEYS, get_format, label_variants

__all__ = ["Label", "LabelIndex", "label_index"]

_MAX_FRAGMENT = 8  # characters of a broken group label that may precede a row label
_ALIKE = 0.85  # difflib ratio from which a printed row label is read as an official one worded differently
_CLEARLY = 0.05  # by how much it must be closer to that label than to any other


@dataclass(frozen=True, slots=True)
class Label:
    """What a printed label means.

    kind: ``app_row`` (data row of the applications table), ``app_group`` (merged group cell),
    ``ad_row`` (第二十条 table row), ``ad_caption``, ``ad_column`` (第二十条 column header),
    ``header`` (any other table header word), ``review_header`` (行政复议 / 行政诉讼 …),
    ``section`` (one of the six headings).
    """

    kind: str
    key: str
    formats: frozenset[str]
    official: str
    variant: bool = False


class LabelIndex:
    def __init__(self) -> None:
        self.exact: dict[str, list[Label]] = {}
        self.row_keys: list[tuple[str, Label]] = []  # data-row labels, for wrapped/truncated printing
        self.markers: dict[str, set[str]] = {k: set() for k in FORMAT_KEYS}
        self.group_prefixes: list[str] = []
        self.groups_by_first: dict[str, list[str]] = {}  # group_prefixes by first character, longest first
        self.group_pieces: set[str] = set()  # every piece of two to eight characters of a group label
        # format → row label keys printed in that format only ("行政规范性文件", "其他对外管理服务事项")
        self.only_rows: dict[str, set[str]] = {k: set() for k in FORMAT_KEYS}
        self._prefixes: dict[str, dict[str, list[tuple[int, Label]]]] = {}
        self._whole: dict[str, dict[str, tuple[int, Label]]] = {}
        self._lengths: dict[str, list[int]] = {}
        # format → bare text that is also a column header ("总计", "其他") → (the applications row it
        # names when printed right after ``previous``, previous): see _add_bare_labels
        self.after_row: dict[str, dict[str, tuple[Label, str]]] = {k: {} for k in FORMAT_KEYS}

    def add(self, text: str, label: Label) -> None:
        key = label_key(text)
        entries = self.exact.setdefault(key, [])
        for i, existing in enumerate(entries):
            if (existing.kind, existing.key, existing.variant) == (label.kind, label.key, label.variant):
                entries[i] = Label(
                    label.kind, label.key, existing.formats | label.formats, existing.official, label.variant
                )
                return
        entries.append(label)

    def lookup(self, key: str, fmt: str) -> Label | None:
        """The meaning of ``key`` in format ``fmt`` (falls back to the other format's meaning)."""
        entries = self.exact.get(key)
        if not entries:
            return None
        for entry in entries:
            if fmt in entry.formats:
                return entry
        return entries[0]

    def find(self, key: str, fmt: str, *, prefix: bool = False) -> Label | None:
        """Exact lookup; then without merged group labels glued in front ("（三）不予公开1.属于国家秘密",
        as text dumps print a rowspan cell and the row's own label together); then, with ``prefix``,
        a wrapped applications row label."""
        label = self.lookup(key, fmt)
        if label is not None:
            return label
        for group in self.groups_by_first.get(key[:1], ()):
            if key.startswith(group) and len(key) > len(group):
                label = self.find(key[len(group) :], fmt, prefix=prefix)
                if label is not None:
                    return label
        if not prefix:
            return None
        found = self.app_row_by_prefix(key, fmt) or self.app_row_by_suffix(key, fmt)
        if found is None:
            for rest in self.after_group_fragment(key):  # "(六)其2.申请人逾期未按收费通知要求缴纳费"
                found = self.app_row_by_prefix(rest, fmt)
                if found is not None:
                    break
        return found

    def after_group_fragment(self, key: str) -> list[str]:
        """``key`` without a leading piece of a group label, for each such piece ("(三)不", "予公开",
        "他处理"): `pdftotext -layout` prints a merged group cell's text broken over the lines of the
        rows beside it, in front of their labels. Only pieces of two to eight characters."""
        pieces = self.group_pieces
        if key[:2] not in pieces:  # every longer piece starts with a two-character one
            return []
        return [key[cut:] for cut in range(2, min(_MAX_FRAGMENT, len(key) - 4) + 1) if key[:cut] in pieces]

    def app_row_by_suffix(self, key: str, fmt: str) -> Label | None:
        """An applications row label after a fragment of a group label broken over lines in a
        borderless table ("(三)不予4.保护第三方合法权益", "公开5.属于三类内部事务信息"). Only long row
        labels count, and only after a short fragment, so narrative never matches."""
        whole = self._whole_app_rows(fmt)
        if len(key) - _MAX_FRAGMENT > self._app_row_lengths(fmt)[-1]:
            return None  # longer than any row label behind the longest fragment: narrative
        found: tuple[int, Label] | None = None
        for cut in range(1, min(_MAX_FRAGMENT, len(key) - 5) + 1):
            hit = whole.get(key[cut:])
            if hit is not None and (found is None or hit[0] < found[0]):
                found = hit
        return None if found is None else found[1]

    def app_row_by_prefix(self, key: str, fmt: str) -> Label | None:
        """A data-row label printed in part: wrapped by PDF text ("(二)部分公开(区分处理的,只计") or
        broken over two lines ("行政规范性" / "文件"). Only a unique match of at least four characters
        (three when numbered: "3.危") counts; a longer text may extend an applications row label (a
        footnote mark after it)."""
        if len(key) < 4 and not (len(key) == 3 and _ENUMERATOR.match(key)):
            return None  # three characters only as a numbered piece: "3.危" of "3.危及“三安全一稳定”"
        matches = list(self._row_prefixes(fmt).get(key, ()))
        if len(key) >= 5 and key[:3] in self._row_prefixes(fmt):  # some label starts as the text does
            whole = self._whole_app_rows(fmt)
            for length in self._app_row_lengths(fmt):
                if length > len(key):
                    break
                hit = whole.get(key[:length])
                if hit is not None:
                    matches.append(hit)
        if not matches:
            return None
        if len({label.key for _, label in matches}) > 1:
            return None
        return max(matches, key=lambda m: m[0])[1]  # the last in definition order, as a scan would keep

    def resembling(self, key: str, fmt: str) -> Label | None:
        """The data-row label of ``fmt`` that ``key`` is a differently worded copy of, if exactly one is.

        Hand-typed tables change a word ("3.补正后申请内容仍然不明确", "4.保护第三方的合法权益").
        The interpreter asks only for an unknown text followed by a full row of values; the
        answer is marked ``variant`` so the printed wording is reported (label.variant). At least
        85 % alike (difflib's ratio, on keys with the same numbering or both without), and closer
        to that label than to any other by a clear margin — else None, and the row stays unread.
        """
        if not 6 <= len(key) <= 80:
            return None  # shorter texts are fragments of wrapped labels, found by prefix or not at all
        match = _ENUMERATOR.match(key)
        number = match.group(0) if match else ""
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(key)  # difflib keeps what it learns about the second sequence between calls
        scores: dict[str, tuple[float, Label]] = {}
        for full, label in self.row_keys:
            if fmt not in label.formats:
                continue
            official = _ENUMERATOR.match(full)
            if (official.group(0) if official else "") != number:
                continue
            if abs(len(full) - len(key)) > max(3, len(full) // 4):
                continue
            matcher.set_seq1(full)
            if matcher.real_quick_ratio() < _ALIKE or matcher.quick_ratio() < _ALIKE:
                continue  # upper bounds of ratio(), much cheaper
            ratio = matcher.ratio()
            if ratio > scores.get(label.key, (0.0, label))[0]:
                scores[label.key] = (ratio, label)
        ranked = sorted(scores.values(), key=lambda s: s[0], reverse=True)
        if not ranked or ranked[0][0] < _ALIKE:
            return None
        if len(ranked) > 1 and ranked[1][0] > ranked[0][0] - _CLEARLY:
            return None
        found = ranked[0][1]
        return Label(found.kind, found.key, found.formats, found.official, variant=True)

    # Lookup tables for the two searches above, by format: a label is looked up for every cell
    # text the parser has not seen before, and scanning every row label for each was most of that.
    def _row_prefixes(self, fmt: str) -> dict[str, list[tuple[int, Label]]]:
        """Every prefix (three characters or more) of every data-row label of ``fmt``."""
        table = self._prefixes.get(fmt)
        if table is None:
            table = {}
            for position, (full, label) in enumerate(self.row_keys):
                if fmt in label.formats:
                    for length in range(3, len(full) + 1):
                        table.setdefault(full[:length], []).append((position, label))
            self._prefixes[fmt] = table
        return table

    def _whole_app_rows(self, fmt: str) -> dict[str, tuple[int, Label]]:
        """The whole applications row labels of ``fmt``, the first of a text kept."""
        table = self._whole.get(fmt)
        if table is None:
            table = {}
            for position, (full, label) in enumerate(self.row_keys):
                if label.kind == "app_row" and fmt in label.formats:
                    table.setdefault(full, (position, label))
            self._whole[fmt] = table
        return table

    def _app_row_lengths(self, fmt: str) -> list[int]:
        lengths = self._lengths.get(fmt)
        if lengths is None:
            lengths = self._lengths[fmt] = sorted({len(full) for full in self._whole_app_rows(fmt)})
        return lengths


@cache
def label_index() -> LabelIndex:
    index = LabelIndex()
    variants = {label_key(k): v for k, v in label_variants().items()}
    for fkey in FORMAT_KEYS:
        fmt = get_format(fkey)
        only = frozenset({fkey})

        def add(text: str, kind: str, key: str, *, only: frozenset[str] = only) -> None:
            label = Label(kind, key, only, text)
            index.add(text, label)
            for variant in variants.get(label_key(text), ()):
                index.add(variant, Label(kind, key, only, text, variant=True))

        for section in fmt.sections:
            add(section.label, "section", section.key)
        add(fmt.disclosure_row_header, "header", "disclosure_row_header")
        for number, table in enumerate(fmt.disclosure_tables):
            add(table.caption, "ad_caption", str(number))
            for column in table.columns:
                add(column.label, "ad_column", column.key)
            for row in table.rows:
                add(row.label, "ad_row", row.key)
                index.row_keys.append((label_key(row.label), Label("ad_row", row.key, only, row.label)))
        add(fmt.corner_note, "header", "corner_note")
        add(fmt.applicant_header, "header", "applicant_header")
        add(fmt.organisation_header, "header", "organisation_header")
        for column in fmt.applicant_columns:
            add(column.label, "header", f"applicant.{column.key}")
        for item in fmt.application_items:
            if hasattr(item, "spans"):
                add(item.label, "app_group", item.key)
                if label_key(item.label) not in index.group_prefixes:
                    index.group_prefixes.append(label_key(item.label))
            else:
                add(item.label, "app_row", item.key)
                index.row_keys.append((label_key(item.label), Label("app_row", item.key, only, item.label)))
        for top in fmt.review_header:
            add(top, "review_header", top)
        for block in fmt.review_blocks:
            add(block.label, "review_header", block.key)
        for column in fmt.review_columns:
            add(column.label, "header", f"review.{column.key}")
        index.markers[fkey] = {label_key(m) for m in fmt.layout_markers}
    _add_bare_labels(index)
    index.group_prefixes.sort(key=len, reverse=True)
    for key, entries in index.exact.items():
        formats = frozenset().union(*(e.formats for e in entries))
        if len(formats) == 1 and any(e.kind in ("ad_row", "app_row") for e in entries):
            index.only_rows[next(iter(formats))].add(key)
    for group in index.group_prefixes:
        index.groups_by_first.setdefault(group[:1], []).append(group)
        index.group_pieces.update(
            group[i : i + n] for n in range(2, _MAX_FRAGMENT + 1) for i in range(len(group) - n + 1)
        )
    return index


_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}\.)")


def _add_bare_labels(index: LabelIndex) -> None:
    """Applications row and group labels printed without their numbering ("属于国家秘密" for
    "1.属于国家秘密", "予以公开" for "(一)予以公开"), as many hand-made tables print them.

    Exact matches only (no prefix or suffix search, so narrative cannot open a row), and only
    where the bare text means nothing else in that format. 其他 and 总计 are also column headers:
    printed bare, they name "3.其他" / "(七)总计" only right after the row that precedes them in the
    format (``after_row``; the interpreter knows the last row it read).
    """
    bare: dict[str, list[Label]] = {}
    order = {fkey: get_format(fkey).application_row_keys for fkey in FORMAT_KEYS}
    printed = set(index.exact)  # the labels of both formats, before any bare text is added
    for key, entries in index.exact.items():
        match = _ENUMERATOR.match(key)
        if match is None:
            continue
        for entry in entries:
            if entry.kind in ("app_row", "app_group") and not entry.variant:
                bare.setdefault(key[match.end() :], []).append(entry)
    for text, entries in bare.items():
        if len(text) < 2:
            continue
        for fkey in FORMAT_KEYS:
            meanings = {(e.kind, e.key) for e in entries if fkey in e.formats}
            if len(meanings) != 1:
                continue  # absent from this format, or two rows of it would share the bare text
            entry = next(e for e in entries if fkey in e.formats)
            if text in printed:  # a header word too: a row only where its place in the table says so
                rows = order[fkey]
                if entry.kind == "app_row" and rows.index(entry.key) > 0:
                    previous = rows[rows.index(entry.key) - 1]
                    index.after_row[fkey][text] = (
                        Label(entry.kind, entry.key, frozenset({fkey}), entry.official),
                        previous,
                    )
                continue
            index.add(text, Label(entry.kind, entry.key, frozenset({fkey}), entry.official))
            if entry.kind == "app_group" and text not in index.group_prefixes:
                index.group_prefixes.append(text)
