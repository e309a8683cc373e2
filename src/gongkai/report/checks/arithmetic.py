"""The cross-totals (勾稽关系) of formats.yaml evaluated on one report, or on two consecutive years.

C1 ``applications.balance``, C2 ``applications.results_sum``, C3 ``applications.row_total`` and C4
``review_litigation.block_total`` check one report; C5 ``applications.carry_over_continuity`` and C6
``active_disclosure.in_force_continuity`` compare year Y with year Y-1. A relation with a blank or
unreadable cell is not evaluated (those cells are reported once per table under ``cells.placeholders``).
"""

from __future__ import annotations

from functools import cache

from gongkai.report.checks.codes import codes, finding
from gongkai.report.checks.formulas import Binding, CellTerm, LinearCheck, Term, linear_checks
from gongkai.report.checks.view import ReportView
from gongkai.report.formats import Format, get_format
from gongkai.report.model import Finding

__all__ = ["check_cross_totals", "check_cross_year"]

PREVIOUS_PREFIX = "previous:"
"""Cells of the year Y-1 report in a cross-year finding are given as ``previous:<cell id>``."""

# Beyond this many terms a side lists only its non-zero cells, and beyond that many again only its sum
# (a 21-row sum is unreadable in a message).
_MAX_LISTED_TERMS = 6


def check_cross_totals(view: ReportView) -> list[Finding]:
    """Every single-report linear check of formats.yaml that applies to the report's layout."""
    findings: list[Finding] = []
    for rule in linear_checks():
        if rule.cross_year or not rule.applies_to(view.fmt.key):
            continue
        findings += _evaluate(rule, {0: view})
    return findings


def check_cross_year(previous: ReportView, current: ReportView) -> list[Finding]:
    """The year-to-year checks of formats.yaml (warnings) that apply to both layouts."""
    findings: list[Finding] = []
    for rule in linear_checks():
        if not rule.cross_year or not (rule.applies_to(previous.fmt.key) and rule.applies_to(current.fmt.key)):
            continue
        findings += _evaluate(rule, {0: current, -1: previous})
    return findings


Plan = tuple[tuple[Binding, tuple[CellTerm, ...], tuple[CellTerm, ...]], ...]


def _evaluate(rule: LinearCheck, views: dict[int, ReportView]) -> list[Finding]:
    findings: list[Finding] = []
    layouts = tuple(sorted((year, view.fmt.key) for year, view in views.items()))
    for binding, left, right in _plan(rule, layouts):
        sides: list[list[tuple[CellTerm, int]]] = []
        for cells in (left, right):
            values = [(term, views[term.year].whole(term.cell)) for term in cells]
            if any(value is None for _, value in values):
                break
            sides.append([(term, value) for term, value in values if value is not None])
        if len(sides) != 2:
            continue
        left_total = sum(term.sign * value for term, value in sides[0])
        right_total = sum(term.sign * value for term, value in sides[1])
        if left_total == right_total:
            continue
        message = _message(rule, binding, views, sides[0], sides[1], left_total, right_total)
        refs = [_cell_ref(term) for side in sides for term, _ in side]
        findings.append(finding(rule.id, message, refs))
    return findings


@cache
def _plan(rule: LinearCheck, layouts: tuple[tuple[int, str], ...]) -> Plan:
    """Every binding of a rule with its concrete cells, per combination of layouts (computed once)."""
    formats = {year: get_format(key) for year, key in layouts}
    plan = []
    for binding in rule.bindings(formats[0]):
        left = _expand_per_year(rule, rule.left, binding, formats)
        right = _expand_per_year(rule, rule.right, binding, formats)
        if left is not None and right is not None:
            plan.append((binding, tuple(left), tuple(right)))
    return tuple(plan)


def _expand_per_year(
    rule: LinearCheck, side: tuple[Term, ...], binding: Binding, formats: dict[int, Format]
) -> list[CellTerm] | None:
    """Expand each term against the layout of the report of its own year."""
    result: list[CellTerm] = []
    for term in side:
        fmt = formats.get(term.year)
        if fmt is None:
            return None
        cells = rule.expand((term,), binding, fmt)
        if cells is None:
            return None
        result += cells
    return result


def _cell_ref(term: CellTerm) -> str:
    return term.cell if term.year == 0 else f"{PREVIOUS_PREFIX}{term.cell}"


def _message(
    rule: LinearCheck,
    binding: Binding,
    views: dict[int, ReportView],
    left: list[tuple[CellTerm, int]],
    right: list[tuple[CellTerm, int]],
    left_total: int,
    right_total: int,
) -> str:
    view = views[0]
    context = "，".join(_variable_label(rule, name, value, view) for name, value in binding.items())
    left_text = _side_text(left, left_total, rule, binding, views)
    right_text = _side_text(right, right_total, rule, binding, views)
    rule_text = rule.message or codes()[rule.id].title
    head = f"{context}：" if context else ""
    return f"{head}{left_text}，但{right_text}，相差{abs(left_total - right_total)}。{rule_text.rstrip('。')}。"


def _variable_label(rule: LinearCheck, name: str, value: str, view: ReportView) -> str:
    position = rule.variable_position(name)
    if position == ("A", "column"):
        return f"{view.column_label(value)}列"
    if position == ("A", "row"):
        return f"{view.row_label(value)}行"
    if position is not None and position[0] == "RL":
        return view.block_label(value)
    if position is not None and position[0] == "AD":
        return next((f"{t.caption}·{r.label}" for t, r in view.fmt.disclosure_rows if r.key == value), value)
    return value


def _term_label(term: CellTerm, rule: LinearCheck, binding: Binding, views: dict[int, ReportView]) -> str:
    """The part of a cell's label not already named by the context (row for a column rule, …)."""
    view = views[term.year]
    bound_values = set(binding.values())
    year = ""
    if len(views) > 1:
        year = f"{view.report.year}年" if isinstance(view.report.year, int) else ("上一年度" if term.year else "本年度")
    if term.table == "A":
        if term.column in bound_values and term.row not in bound_values:
            label = view.row_label(term.row)
        elif term.row in bound_values and term.column not in bound_values:
            label = view.column_label(term.column)
        else:
            label = view.cell_label(term.cell)
    elif term.table == "RL":
        label = view.review_column_label(term.column)
    else:
        label = next(
            (
                c.label
                for t, r in view.fmt.disclosure_rows
                if r.key == term.row
                for c in t.columns
                if c.key == term.column
            ),
            term.column,
        )
    return f"{year}{label}"


def _side_text(
    side: list[tuple[CellTerm, int]],
    total: int,
    rule: LinearCheck,
    binding: Binding,
    views: dict[int, ReportView],
) -> str:
    shown = side
    omitted = False
    if len(side) > _MAX_LISTED_TERMS:
        shown = [(term, value) for term, value in side if value != 0]
        omitted = len(shown) < len(side)
        if len(shown) > _MAX_LISTED_TERMS:
            return f"各项合计 {total}"
    parts: list[str] = []
    for i, (term, value) in enumerate(shown):
        text = f"{_term_label(term, rule, binding, views)} {value}"
        if i == 0:
            parts.append(text if term.sign > 0 else f"− {text}")
        else:
            parts.append(f"{'+' if term.sign > 0 else '−'} {text}")
    if len(side) == 1:
        return parts[0]
    if not shown:
        return f"各项均为0，合计 {total}"
    listed = " ".join(parts)
    note = "（其余各项为0）" if omitted else ""
    return f"{listed}{note} = {total}"
