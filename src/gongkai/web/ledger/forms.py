"""Thin forms: they parse and present; every rule is checked by the services (and the procedure engine)."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.web.ledger.models import (
    ApplicantKind,
    ChannelChoice,
    ConsultationChoice,
    EventType,
    OrganisationType,
    RequestedItem,
)
from gongkai.web.ledger.selectors import LedgerSearch

__all__ = ["EVENT_FIELDS", "DecisionForm", "EventForm", "RegisterForm", "SearchForm", "VoidForm"]

ITEM_SLOTS = 5


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def _date(label: str, required: bool = False) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DateInput())


class RegisterForm(forms.Form):
    channel = forms.ChoiceField(label="申请渠道", choices=ChannelChoice.choices)
    submitted_on = _date("提交日期（当面提交）")
    signed_for_on = _date("签收日期（邮寄签收）")
    confirmed_on = _date("确认日期（平常信函、互联网、传真）")
    applicant_kind = forms.ChoiceField(label="申请人类型", choices=ApplicantKind.choices, widget=forms.RadioSelect)
    applicant_name = forms.CharField(label="姓名或名称", max_length=100)
    id_number = forms.CharField(label="身份证号", max_length=20, required=False)
    credit_code = forms.CharField(label="统一社会信用代码", max_length=20, required=False)
    organisation_type = forms.ChoiceField(
        label="组织类别", choices=[("", "—"), *list(OrganisationType.choices)], required=False
    )
    contact_person = forms.CharField(label="联系人", max_length=50, required=False)
    phone = forms.CharField(label="联系电话", max_length=30, required=False)
    address = forms.CharField(label="通信地址", max_length=200, required=False)
    email = forms.EmailField(label="电子邮箱", required=False)
    confirm_repeats = forms.BooleanField(label="已核对可能的重复申请，仍予登记", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n in range(1, ITEM_SLOTS + 1):
            self.fields[f"item_{n}"] = forms.CharField(
                label=f"申请公开的政府信息（第{n}项）",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def items(self) -> list[str]:
        return [self.cleaned_data.get(f"item_{n}", "") or "" for n in range(1, ITEM_SLOTS + 1)]

    def item_fields(self) -> list[forms.BoundField]:
        return [self[f"item_{n}"] for n in range(1, ITEM_SLOTS + 1)]


EVENT_FIELDS: dict[str, tuple[str, ...]] = {
    EventType.CORRECTION_NOTICE: ("on", "correction_due", "reason"),
    EventType.CORRECTED: ("on",),
    EventType.CONSULTATION_SENT: ("on", "party", "consultation"),
    EventType.CONSULTATION_ANSWERED: ("on", "party", "reason"),
    EventType.EXTENSION_REQUESTED: ("on", "reason"),
    EventType.EXTENSION_APPROVED: ("on", "reason"),
    EventType.FEE_NOTICE: ("on", "fee_yuan", "reason"),
    EventType.FEE_PAID: ("on",),
    EventType.REPLY_SENT: ("on", "reason"),
    EventType.WITHDRAWN: ("on", "reason"),
}
"""Which fields each event's form shows (the decision and the void have their own forms)."""

_REASON_LABELS = {
    EventType.CORRECTION_NOTICE: "需要补正的事项",
    EventType.CONSULTATION_ANSWERED: "意见摘要",
    EventType.EXTENSION_REQUESTED: "延期理由",
    EventType.EXTENSION_APPROVED: "审核意见",
    EventType.FEE_NOTICE: "收费依据",
    EventType.REPLY_SENT: "送达方式",
    EventType.WITHDRAWN: "撤回说明",
}


class EventForm(forms.Form):
    on = _date("日期", required=True)
    correction_due = _date("补正期限")
    party = forms.CharField(label="征求意见对象", max_length=100, required=False)
    consultation = forms.ChoiceField(label="征求意见类型", choices=ConsultationChoice.choices, required=False)
    fee_yuan = forms.IntegerField(label="收费金额（元）", min_value=1, required=False)
    reason = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keep = EVENT_FIELDS[kind]
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        if "reason" in self.fields:
            self.fields["reason"].label = _REASON_LABELS.get(EventType(kind), "说明")


class DecisionForm(forms.Form):
    on = _date("答复日期", required=True)

    def __init__(self, *args: Any, items: list[RequestedItem], outcomes: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"outcome_{item.pk}"] = forms.ChoiceField(
                label=f"第{item.position}项 办理结果", choices=[("", "—请选择—"), *outcomes]
            )
            self.fields[f"basis_{item.pk}"] = forms.CharField(
                label=f"第{item.position}项 法律依据（留空则按办理结果填入条款）", max_length=200, required=False
            )

    def rows(self) -> list[tuple[RequestedItem, forms.BoundField, forms.BoundField]]:
        return [(i, self[f"outcome_{i.pk}"], self[f"basis_{i.pk}"]) for i in self.items]

    def outcomes(self) -> dict[int, tuple[str, str]]:
        return {
            i.pk: (self.cleaned_data.get(f"outcome_{i.pk}", ""), self.cleaned_data.get(f"basis_{i.pk}", ""))
            for i in self.items
        }


class VoidForm(forms.Form):
    reason = forms.CharField(label="作废理由", widget=forms.Textarea(attrs={"rows": 3}))


class SearchForm(forms.Form):
    text = forms.CharField(label="编号、申请人或内容", required=False)
    received_from = _date("收到日期自")
    received_to = _date("至")
    outcome = forms.ChoiceField(label="办理结果", required=False)
    state = forms.ChoiceField(
        label="状态",
        required=False,
        choices=[
            ("", "全部"),
            ("open", "办理中"),
            ("overdue", "已超期"),
            ("closed", "已答复"),
            ("withdrawn", "已撤回"),
            ("voided", "已作废"),
        ],
    )

    def __init__(self, *args: Any, outcomes: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = [("", "全部"), *outcomes]

    def criteria(self) -> LedgerSearch:
        """The search the query string asks for (everything, when it asks for nothing valid).

        One place for the list page and its CSV/XLSX export, so the export is always the list as shown.
        """
        if not (self.is_bound and self.is_valid()):
            return LedgerSearch()
        data = self.cleaned_data
        return LedgerSearch(
            text=data["text"] or "",
            received_from=data["received_from"],
            received_to=data["received_to"],
            outcome=data["outcome"] or "",
            state=data["state"] or "",
        )
