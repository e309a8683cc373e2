"""The linear check formulas of formats.yaml, read into terms the checker can evaluate.

formats.yaml writes each cross-total as one line, e.g.
``A[new_received][c] + A[carried_over][c] == A[total_processed][c] + A[carried_forward][c]`` with
``for_each: {c: [...]}``. Rather than retype those relations in Python, this module parses every
``checks:`` entry whose formula is a sum of cells on both sides of ``==``; the other entries
(``counts.non_negative_integer``, ``layout.matches_year`` …) are prose rules the checker implements
by hand. Grammar of a term: ``A[row][col]`` (applications), ``RL.block.col`` (review/litigation),
``AD.row.col`` (active disclosure), each optionally with a year, ``A(Y)`` or ``A(Y-1)``, and
``sum(A[r][c] for r in <list>)`` where ``<list>`` is a tuple attribute of the Format (``outcome_rows``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from gongkai.report.formats import APPLICANT_COLUMNS, Format, definition
from gongkai.report.model import Severity, application_cell, disclosure_cell, review_cell

__all__ = ["Binding", "CellTerm", "LinearCheck", "Term", "linear_checks", "parse_formula"]

_TERM = re.compile(
    r"""\s*(?P<sign>[+-])?\s*(?:
        sum\(\s*A\[(?P<svar>\w+)\]\[(?P<scol>\w+)\]\s+for\s+(?P=svar)\s+in\s+(?P<list>\w+)\s*\)
      | (?P<table>A|RL|AD)(?:\((?P<year>Y(?:-1)?)\))?
        (?:\[(?P<r1>\w+)\]\[(?P<c1>\w+)\]|\.(?P<r2>\w+)\.(?P<c2>\w+))
    )\s*""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Term:
    """One signed cell reference of a formula; ``row``/``column`` may be variables of ``for_each``."""

    sign: int
    table: str
    year: int
    row: str
    column: str
    over: str | None = None  # sum(...) over a Format list; ``row`` is then the summed variable


@dataclass(frozen=True)
class CellTerm:
    """A term with every variable bound: a concrete cell of the report of year offset ``year``."""

    sign: int
    year: int
    table: str
    row: str
    column: str
    cell: str


Binding = dict[str, str]


@dataclass(frozen=True)
class LinearCheck:
    """A ``checks:`` entry of formats.yaml whose formula is ``sum of terms == sum of terms``."""

    id: str
    severity: Severity
    formats: tuple[str, ...] | None
    left: tuple[Term, ...]
    right: tuple[Term, ...]
    for_each: tuple[tuple[str, tuple[str, ...] | None], ...]
    message: str | None

    @property
    def cross_year(self) -> bool:
        """True for C5/C6-style rules that compare year Y with year Y-1 of the same agency."""
        return any(t.year != 0 for t in (*self.left, *self.right))

    def applies_to(self, format_key: str) -> bool:
        return self.formats is None or format_key in self.formats

    def bindings(self, fmt: Format) -> Iterator[Binding]:
        """Every assignment of the ``for_each`` variables (lists from the YAML or the variable's domain)."""
        names = [name for name, _ in self.for_each]
        domains = [values if values is not None else self._domain(name, fmt) for name, values in self.for_each]
        for combo in itertools.product(*domains):
            yield dict(zip(names, combo, strict=True))

    def expand(self, side: tuple[Term, ...], binding: Binding, fmt: Format) -> list[CellTerm] | None:
        """The concrete cells of one side, or None when a cell does not exist in this layout."""
        cells: list[CellTerm] = []
        for term in side:
            rows: tuple[str, ...] = (binding.get(term.row, term.row),)
            if term.over:
                listed = getattr(fmt, term.over, None)
                if not isinstance(listed, tuple):
                    return None
                rows = tuple(str(row) for row in listed)
            for row in rows:
                column = binding.get(term.column, term.column)
                cell = _cell_id(term.table, row, column, fmt)
                if cell is None:
                    return None
                cells.append(CellTerm(term.sign, term.year, term.table, row, column, cell))
        return cells

    def variable_position(self, name: str) -> tuple[str, str] | None:
        """(table, "row" | "column") where a variable is used, to label it in messages."""
        for term in (*self.left, *self.right):
            if term.row == name and term.over is None:
                return term.table, "row"
            if term.column == name:
                return term.table, "column"
        return None

    def _domain(self, name: str, fmt: Format) -> tuple[str, ...]:
        position = self.variable_position(name)
        if position is None:
            return ()
        table, axis = position
        if table == "A":
            return fmt.application_row_keys if axis == "row" else APPLICANT_COLUMNS
        if table == "RL":
            return (
                tuple(b.key for b in fmt.review_blocks) if axis == "row" else tuple(c.key for c in fmt.review_columns)
            )
        return tuple(r.key for _, r in fmt.disclosure_rows)


def _cell_id(table: str, row: str, column: str, fmt: Format) -> str | None:
    if table == "A":
        if row not in fmt.application_row_keys or column not in APPLICANT_COLUMNS:
            return None
        return application_cell(row, column)
    if table == "RL":
        if row not in {b.key for b in fmt.review_blocks} or column not in {c.key for c in fmt.review_columns}:
            return None
        return review_cell(row, column)
    for t, r in fmt.disclosure_rows:
        if r.key == row and column in {c.key for c in t.columns}:
            return disclosure_cell(row, column)
    return None


def _parse_side(text: str) -> tuple[Term, ...] | None:
    terms: list[Term] = []
    pos = 0
    while pos < len(text):
        match = _TERM.match(text, pos)
        if match is None or match.end() == pos or (terms and not match["sign"]):
            return None
        sign = -1 if match["sign"] == "-" else 1
        if match["list"]:
            terms.append(Term(sign, "A", 0, match["svar"], match["scol"], over=match["list"]))
        else:
            year = -1 if match["year"] == "Y-1" else 0
            row = match["r1"] or match["r2"]
            column = match["c1"] or match["c2"]
            terms.append(Term(sign, match["table"], year, row, column))
        pos = match.end()
    return tuple(terms) or None


def parse_formula(formula: str) -> tuple[tuple[Term, ...], tuple[Term, ...]] | None:
    """(left, right) terms of ``left == right``, or None when the formula is not a linear sum of cells."""
    text = formula.split("#", 1)[0].strip()
    if text.count("==") != 1:
        return None
    left, right = (_parse_side(side) for side in text.split("=="))
    if left is None or right is None:
        return None
    return left, right


@cache
def linear_checks() -> tuple[LinearCheck, ...]:
    """The checks of formats.yaml that this module can evaluate, in definition order."""
    result: list[LinearCheck] = []
    for entry in definition().get("checks", []):
        parsed = parse_formula(str(entry.get("formula", "")))
        if parsed is None:
            continue
        for_each = tuple(
            (str(name), tuple(str(v) for v in values) if isinstance(values, list) else None)
            for name, values in (entry.get("for_each") or {}).items()
        )
        formats = entry.get("formats")
        severity: Severity = "error" if entry.get("severity") == "error" else "warning"
        result.append(
            LinearCheck(
                id=str(entry["id"]),
                severity=severity,
                formats=tuple(str(f) for f in formats) if formats else None,
                left=parsed[0],
                right=parsed[1],
                for_each=for_each,
                message=entry.get("message"),
            )
        )
    return tuple(result)
