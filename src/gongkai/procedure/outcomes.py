"""The complete decision taxonomy: every outcome row of both formats, and the interim decisions.

Keys, labels and articles come from ``formats.yaml`` (the rows of each format, and
``statutory_rules.outcome_articles`` / ``interim_decisions`` for what the rows do not name). What is
gongkai's own is only which reply-letter template each decision needs, and the rule below for an
application whose items got different decisions.

**Several items, mixed decisions** (:func:`combine_items`). The table counts applications, and the
label of （二）部分公开 says "区分处理的，只计这一情形，不计其他情形". gongkai's reading
(annual-report-format.md §7, status I): an application is counted once; if any item was disclosed
(granted or partially) and anything else was withheld, it is ``partially_granted``. If nothing was
disclosed and the items' reasons differ, the first reason in a precedence order is counted — by
default the order of the official table (不予公开 before 无法提供 before 不予处理 before 其他处理),
overridable per call because the texts do not settle it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from gongkai.report.formats import FORMAT_KEYS, definition, get_format

__all__ = [
    "Decision",
    "combine_items",
    "decision",
    "decisions",
    "final_outcomes",
    "table_row",
]

_LETTERS: dict[str, str] = {
    # outcome group (or key) → reply-letter template; one template per kind of answer, the reason and
    # article are filled in from the decision
    "granted": "reply_granted",
    "partially_granted": "reply_partially_granted",
    "denied": "reply_denied",
    "unable_not_held": "reply_not_held",
    "unable_needs_creation": "reply_unable",
    "unable_unclear": "reply_unable",
    "not_processed": "reply_not_processed",
    "other_overdue_correction": "notice_abandoned",
    "other_overdue_fee": "notice_abandoned",
    "other_other": "reply_other",
    "other_handling": "reply_other",
    "correction_notice": "notice_correction",
    "extension_notice": "notice_extension",
    "third_party_consultation": "request_third_party_opinion",
    "agency_consultation": "request_agency_opinion",
    "fee_notice": "notice_fee",
}


@dataclass(frozen=True)
class Decision:
    """One kind of decision: its label, legal basis, whether it closes the application, its letter.

    ``rows`` maps a format key to the table row the decision is counted in (absent: not counted in
    that format; interim decisions are counted nowhere).
    """

    key: str
    label: str
    group: str | None
    group_label: str | None
    article: str | None
    article_status: str | None
    final: bool
    letter: str
    rows: dict[str, str]


@cache
def decisions() -> dict[str, Decision]:
    """Every decision gongkai knows, final outcomes first (in the 2021 table order), then interim ones."""
    rules: dict[str, Any] = definition()["statutory_rules"]
    extra_articles: dict[str, str] = rules["outcome_articles"]
    found: dict[str, Decision] = {}
    for fmt_key in FORMAT_KEYS:
        fmt = get_format(fmt_key)
        groups = {g.key: g.label for g in fmt.application_groups}
        rows = {r.key: r for r in fmt.application_rows}
        for key in fmt.outcome_rows:
            row = rows[key]
            if key in found:
                found[key].rows[fmt_key] = key
                continue
            group = row.group if row.group in ("denied", "unable", "not_processed", "other_group") else None
            article = row.article or extra_articles.get(key)
            found[key] = Decision(
                key=key,
                label=row.label,
                group=group,
                group_label=groups.get(group) if group else None,
                article=article,
                article_status=row.article_status or (None if row.article else ("I" if article else "U")),
                final=True,
                letter=_LETTERS.get(key) or _LETTERS[str(group)],
                rows={fmt_key: key},
            )
    # the 2019 layout has one （六）其他处理 row for the three 2021 sub-rows; the 2021 layout counts a
    # 2019-style other_handling under 3.其他
    for key in ("other_overdue_correction", "other_overdue_fee", "other_other"):
        found[key].rows.setdefault("2019", "other_handling")
    found["other_handling"].rows.setdefault("2021", "other_other")
    for key, item in rules["interim_decisions"].items():
        found[key] = Decision(
            key=key,
            label=item["label"],
            group=None,
            group_label=None,
            article=item["article"],
            article_status=None,
            final=False,
            letter=_LETTERS[key],
            rows={},
        )
    return found


def decision(key: str) -> Decision:
    """The decision named ``key``; ValueError (one line, listing nothing huge) for an unknown key."""
    try:
        return decisions()[key]
    except KeyError:
        raise ValueError(f"outcome: {key!r} is not a known decision") from None


def final_outcomes() -> tuple[str, ...]:
    """Keys of every decision that closes an application (the outcome rows of both formats)."""
    return tuple(k for k, d in decisions().items() if d.final)


def table_row(outcome: str, format_key: str) -> str:
    """The row of ``format_key``'s table that a final ``outcome`` is counted in."""
    found = decision(outcome)
    if not found.final:
        raise ValueError(f"outcome: {outcome!r} is an interim decision and is not counted in the table")
    return found.rows[format_key]


def combine_items(items: Sequence[str], precedence: Sequence[str] | None = None) -> str:
    """The one outcome an application with several items is counted under (see the module docstring)."""
    if not items:
        raise ValueError("items: an application has at least one item")
    for item in items:
        if not decision(item).final:
            raise ValueError(f"items: {item!r} is an interim decision, not an item's outcome")
    distinct = set(items)
    if len(distinct) == 1:
        return items[0]
    if distinct & {"granted", "partially_granted"}:
        return "partially_granted"
    order = tuple(precedence) if precedence is not None else final_outcomes()
    for key in order:
        if key in distinct:
            return key
    missing = sorted(distinct - set(order))
    raise ValueError(f"precedence: does not rank {', '.join(missing)}")
