"""What a letter is filled with: the application's data, the decision per item and its legal basis.

The applicant's name goes in (the letter is addressed to them); their ID number, credit code, phone
and address never do — a letter is copied, filed and sometimes published, and the number is not
needed to answer. Consultation letters go to a third party and carry no applicant at all.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from gongkai.procedure import decision
from gongkai.web.ledger.models import Application, Event, EventType
from gongkai.web.letters.kinds import LETTER_TITLES, addressed_to_applicant

__all__ = ["PLACEHOLDERS", "chinese_date", "legal_basis", "letter_context", "plain_label", "sample_context"]

PLACEHOLDERS: dict[str, str] = {
    "agency_name": "受理机关名称",
    "title": "文书标题",
    "letter_number": "文号",
    "applicant_name": "申请人姓名或名称",
    "number": "申请编号",
    "received_on": "收到申请日期",
    "letter_date": "成文日期",
    "due_date": "答复期限",
    "items": "申请事项（每项：position 序号、text 内容、outcome 办理结果、basis 依据）",
    "outcome": "办理结果",
    "reason": "理由",
    "basis": "法律依据",
    "remark": "说明",
    "correction_due": "补正期限",
    "correction_items": "需要补正的事项",
    "extension_reason": "延期理由",
    "new_due": "延长后的答复期限",
    "replaced_due": "原答复期限",
    "fee_yuan": "收费金额（元）",
    "payment_due": "缴费期限",
    "party": "征求意见对象",
}
"""Every name a template may use, with its meaning (shown on the template page)."""

REGULATION = "《中华人民共和国政府信息公开条例》"
_NUMBERING = re.compile(r"^(（[一二三四五六七八九十]+）|\d+[.．、])")


def chinese_date(day: date | None) -> str:
    """2024年6月3日, the way official letters write dates."""
    return "" if day is None else f"{day.year}年{day.month}月{day.day}日"


def plain_label(label: str) -> str:
    """A table row label as prose: no （一） / 1. numbering, no counting note in brackets."""
    text = _NUMBERING.sub("", label.strip())
    return re.sub(r"（区分处理的.*?）$", "", text)


def legal_basis(article: str | None) -> str:
    """An article of the regulation named in full; other sources (国办函…) as they are."""
    if not article:
        return REGULATION
    article = article.strip()
    return f"{REGULATION}{article}" if article.startswith("第") else article


def _outcome_text(key: str) -> str:
    found = decision(key)
    label = plain_label(found.label)
    return f"{plain_label(found.group_label)}（{label}）" if found.group_label else label


def _decided(application: Application, event: Event) -> dict[str, Any]:
    decisions = {d.item_id: d for d in event.item_decisions.all()}
    items = []
    reasons: list[str] = []
    bases: list[str] = []
    for item in application.items.all():
        found = decisions.get(item.pk)
        outcome = _outcome_text(found.outcome) if found else ""
        basis = legal_basis(found.legal_basis or decision(found.outcome).article) if found else ""
        items.append({"position": item.position, "text": item.text, "outcome": outcome, "basis": basis})
        if found and found.outcome not in ("granted", "partially_granted"):
            reason = plain_label(decision(found.outcome).label)
            if reason not in reasons:
                reasons.append(reason)
        if basis and basis not in bases:
            bases.append(basis)
    overall = decision(event.outcome)
    if overall.key in ("granted", "partially_granted"):
        bases = [legal_basis(overall.article)]
    return {
        "items": items,
        "outcome": _outcome_text(overall.key),
        "reason": "；".join(reasons),
        "basis": "、".join(bases) or legal_basis(overall.article),
    }


def letter_context(
    *, application: Application, event: Event, kind: str, letter_number: str, letter_date: date
) -> dict[str, Any]:
    """The placeholders' values for one letter about ``event`` (see :data:`PLACEHOLDERS`)."""
    items = [{"position": i.position, "text": i.text, "outcome": "", "basis": ""} for i in application.items.all()]
    context: dict[str, Any] = dict.fromkeys(PLACEHOLDERS, "")
    context.update(
        {
            "agency_name": application.agency.name,
            "title": LETTER_TITLES[kind],
            "letter_number": letter_number,
            "applicant_name": application.applicant_name if addressed_to_applicant(kind) else "",
            "number": application.number,
            "received_on": chinese_date(application.received_on),
            "letter_date": chinese_date(letter_date),
            "due_date": chinese_date(application.due_date),
            "items": items,
            "remark": event.reason,
            "party": event.party,
        }
    )
    if event.kind == EventType.DECIDED:
        context.update(_decided(application, event))
        if kind == "notice_abandoned":
            overall = decision(event.outcome)
            context["reason"] = plain_label(overall.label).removeprefix("申请人").split("、行政机关")[0]
    else:
        interim = {
            EventType.CORRECTION_NOTICE: "correction_notice",
            EventType.EXTENSION_APPROVED: "extension_notice",
            EventType.FEE_NOTICE: "fee_notice",
        }.get(EventType(event.kind))
        if event.kind == EventType.CONSULTATION_SENT:
            interim = "agency_consultation" if event.consultation == "agency" else "third_party_consultation"
        if interim:
            context["basis"] = legal_basis(decision(interim).article)
            if interim == "fee_notice":
                context["basis"] = f"《政府信息公开信息处理费管理办法》（{decision(interim).article}）"
    if event.kind == EventType.CORRECTION_NOTICE:
        context["correction_due"] = chinese_date(event.correction_due)
        context["correction_items"] = event.reason or "请明确所需政府信息的名称、文号或者便于查询的其他特征性描述。"
        context["remark"] = ""
    if event.kind == EventType.EXTENSION_APPROVED:
        context["extension_reason"] = event.reason or "需要检索、审查的信息较多"
        context["new_due"] = chinese_date(event.new_due)
        context["replaced_due"] = chinese_date(event.replaced_due)
        context["remark"] = ""
    if event.kind == EventType.FEE_NOTICE:
        context["fee_yuan"] = event.fee_yuan or ""
        fee_due = (application.deadlines or {}).get("fee_payment_due") or {}
        context["payment_due"] = chinese_date(date.fromisoformat(fee_due["due"])) if fee_due.get("due") else ""
    return context


def sample_context() -> dict[str, Any]:
    """Invented values for every placeholder: an uploaded template must render with them."""
    context: dict[str, Any] = {key: f"〔{label}〕" for key, label in PLACEHOLDERS.items()}
    context["items"] = [
        {"position": 1, "text": "〔申请事项〕", "outcome": "〔办理结果〕", "basis": "〔依据〕"},
        {"position": 2, "text": "〔申请事项〕", "outcome": "〔办理结果〕", "basis": "〔依据〕"},
    ]
    context["fee_yuan"] = 100
    return context
