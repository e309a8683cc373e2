"""The kinds of letter and which event of an application calls for which.

The letter a decision needs is :attr:`gongkai.procedure.Decision.letter` (the outcome → template
mapping lives there, once). What this module adds is only the link from the ledger's interim events
to the interim decisions of the taxonomy, and each kind's title and short label for the pages.
No Django import here: ``scripts/make_letter_templates.py`` reads the titles too.
"""

from __future__ import annotations

from gongkai.procedure import decision, decisions

__all__ = ["LETTER_LABELS", "LETTER_TITLES", "addressed_to_applicant", "kind_for_event", "letter_kinds"]

LETTER_TITLES: dict[str, str] = {
    "reply_granted": "政府信息公开申请答复书",
    "reply_partially_granted": "政府信息公开申请答复书",
    "reply_denied": "政府信息公开申请答复书",
    "reply_not_held": "政府信息公开申请答复书",
    "reply_unable": "政府信息公开申请答复书",
    "reply_not_processed": "政府信息公开申请告知书",
    "reply_other": "政府信息公开申请告知书",
    "notice_abandoned": "政府信息公开申请告知书",
    "notice_correction": "补正政府信息公开申请告知书",
    "notice_extension": "政府信息公开申请延期答复告知书",
    "request_third_party_opinion": "政府信息公开征求第三方意见函",
    "request_agency_opinion": "政府信息公开征求意见函",
    "notice_fee": "政府信息公开信息处理费缴费通知书",
}
"""The title printed on each kind of letter."""

LETTER_LABELS: dict[str, str] = {
    "reply_granted": "予以公开答复书",
    "reply_partially_granted": "部分公开答复书",
    "reply_denied": "不予公开答复书",
    "reply_not_held": "无法提供答复书（本机关不掌握）",
    "reply_unable": "无法提供答复书",
    "reply_not_processed": "不予处理告知书",
    "reply_other": "其他处理告知书",
    "notice_abandoned": "不再处理告知书（逾期未补正或未缴费）",
    "notice_correction": "补正通知",
    "notice_extension": "延期答复通知",
    "request_third_party_opinion": "征求第三方意见函",
    "request_agency_opinion": "征求其他机关意见函",
    "notice_fee": "收费通知",
}
"""The short name of each kind on the workbench's pages."""

_INTERIM_EVENTS: dict[tuple[str, str], str] = {
    # (ledger event kind, consultation type) → interim decision of gongkai.procedure.outcomes
    ("correction_notice", ""): "correction_notice",
    ("extension_approved", ""): "extension_notice",
    ("fee_notice", ""): "fee_notice",
    ("consultation_sent", "third_party"): "third_party_consultation",
    ("consultation_sent", "agency"): "agency_consultation",
}


def letter_kinds() -> list[str]:
    """Every template name the taxonomy uses, in the taxonomy's order."""
    return list(dict.fromkeys(d.letter for d in decisions().values()))


def kind_for_event(event_kind: str, *, outcome: str = "", consultation: str = "") -> str | None:
    """The letter an event calls for, or None (a receipt, a payment, a withdrawal need none)."""
    if event_kind == "decided":
        return decision(outcome).letter if outcome else None
    key = _INTERIM_EVENTS.get((event_kind, consultation if event_kind == "consultation_sent" else ""))
    return decision(key).letter if key else None


def addressed_to_applicant(kind: str) -> bool:
    """A consultation letter goes to the third party or agency, and names no applicant."""
    return not kind.startswith("request_")
