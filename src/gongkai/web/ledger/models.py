"""Applications, requested items, and the append-only events that decide every date.

An :class:`Application` holds what was registered (channel, receipt date, applicant, items) and,
stored for listing, what :func:`gongkai.procedure.compute` last said about it (due date, status,
provisional flag, outcome). Those stored fields are *derived*: services recompute them from the
:class:`Event` rows on every change and never write them otherwise. Events are never edited or
deleted; a mistaken one is voided by a later ``voided`` event that names it and gives a reason.

Hooks for later apps: a reply letter belongs to a ``decided`` event (its template is
``gongkai.procedure.decision(outcome).letter``); exports read :class:`Application` rows and their
:class:`ItemDecision` rows; the report builder reads ``received_on``, ``concluded_on``, ``outcome``
and ``applicant_type`` through :func:`gongkai.web.ledger.selectors.ledger_entries`.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from gongkai.procedure import decision
from gongkai.procedure.statistics import APPLICANT_TYPES
from gongkai.web.agencies.models import Agency

__all__ = [
    "APPLICANT_TYPE_LABELS",
    "ApplicantKind",
    "Application",
    "ChannelChoice",
    "ConsultationChoice",
    "Event",
    "EventType",
    "ImmutableRecordError",
    "ItemDecision",
    "OrganisationType",
    "RequestedItem",
]

APPLICANT_TYPE_LABELS: dict[str, str] = {
    "natural_person": "自然人",
    "commercial": "商业企业",
    "research": "科研机构",
    "social_welfare": "社会公益组织",
    "legal_services": "法律服务机构",
    "other": "其他",
}
assert tuple(APPLICANT_TYPE_LABELS) == APPLICANT_TYPES


class ImmutableRecordError(RuntimeError):
    """An attempt to change or delete a record the ledger keeps forever."""


class ChannelChoice(models.TextChoices):
    """:class:`gongkai.procedure.Channel`, with the labels the office uses."""

    IN_PERSON = "in_person", "当面提交"
    POST_SIGNED = "post_signed", "邮寄（签收）"
    POST_UNSIGNED = "post_unsigned", "平常信函"
    ONLINE = "online", "互联网渠道"
    FAX = "fax", "传真"


class ApplicantKind(models.TextChoices):
    PERSON = "person", "公民（自然人）"
    ORGANISATION = "organisation", "法人或者其他组织"


class OrganisationType(models.TextChoices):
    """The five organisation columns of the annual report's applications table."""

    COMMERCIAL = "commercial", "商业企业"
    RESEARCH = "research", "科研机构"
    SOCIAL_WELFARE = "social_welfare", "社会公益组织"
    LEGAL_SERVICES = "legal_services", "法律服务机构"
    OTHER = "other", "其他"


class ConsultationChoice(models.TextChoices):
    THIRD_PARTY = "third_party", "第三方（第三十二条）"
    AGENCY = "agency", "其他机关（第三十四条）"


class Application(models.Model):
    agency = models.ForeignKey(Agency, verbose_name="受理机关", on_delete=models.PROTECT, related_name="applications")
    number = models.CharField("申请编号", max_length=40)
    year = models.PositiveSmallIntegerField("年度")
    serial = models.PositiveIntegerField("序号")
    channel = models.CharField("申请渠道", max_length=20, choices=ChannelChoice.choices)
    submitted_on = models.DateField("提交日期", null=True, blank=True)
    signed_for_on = models.DateField("签收日期", null=True, blank=True)
    confirmed_on = models.DateField("确认日期", null=True, blank=True)
    received_on = models.DateField("收到申请日期", help_text="第三十一条")

    applicant_kind = models.CharField("申请人类型", max_length=20, choices=ApplicantKind.choices)
    applicant_type = models.CharField("统计类别", max_length=20, choices=list(APPLICANT_TYPE_LABELS.items()))
    applicant_name = models.CharField("申请人", max_length=100)
    id_number = models.CharField("身份证号", max_length=18, blank=True)
    credit_code = models.CharField("统一社会信用代码", max_length=18, blank=True)
    contact_person = models.CharField("联系人", max_length=50, blank=True)
    phone = models.CharField("联系电话", max_length=30, blank=True)
    address = models.CharField("通信地址", max_length=200, blank=True)
    email = models.EmailField("电子邮箱", blank=True)

    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="经办人", on_delete=models.PROTECT, related_name="handled_applications"
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    registered_at = models.DateTimeField("登记时间", auto_now_add=True)

    # derived from the events by gongkai.procedure; written only by services.refresh_deadlines
    due_date = models.DateField("答复期限", null=True, blank=True)
    original_due_date = models.DateField("原答复期限", null=True, blank=True)
    extended = models.BooleanField("已延期", default=False)
    status = models.CharField("状态", max_length=30, default="on_time")
    provisional = models.BooleanField("期限暂定", default=False)
    closed = models.BooleanField("已办结", default=False)
    concluded_on = models.DateField("办结日期", null=True, blank=True)
    outcome = models.CharField("办理结果", max_length=40, blank=True)
    withdrawn = models.BooleanField("已撤回", default=False)
    voided = models.BooleanField("已作废", default=False)
    deadlines = models.JSONField("期限推算", default=dict)
    computed_on = models.DateField("推算日期", null=True, blank=True)

    class Meta:
        verbose_name = "政府信息公开申请"
        verbose_name_plural = "政府信息公开申请"
        ordering = ["-received_on", "-serial"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "number"], name="ledger_application_number_unique"),
            models.UniqueConstraint(fields=["agency", "year", "serial"], name="ledger_application_serial_unique"),
        ]
        indexes = [
            models.Index(fields=["agency", "received_on"]),
            models.Index(fields=["agency", "closed", "due_date"]),
            models.Index(fields=["agency", "handler", "closed"]),
            models.Index(fields=["agency", "id_number"]),
            models.Index(fields=["agency", "credit_code"]),
            # the ledger list in its order, covering its count and its page of ids (index-only on PostgreSQL);
            # voided last, so SQLite keeps choosing (agency, closed, due_date) for the open applications
            models.Index(
                fields=["agency", "received_on", "serial", "voided"], include=["id"], name="ledger_app_list_order_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.number

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableRecordError("applications are never deleted; void them with a reason")

    @property
    def identifier(self) -> str:
        """The applicant's ID number or credit code, whichever applies."""
        return self.id_number or self.credit_code


class RequestedItem(models.Model):
    """One piece of information asked for; each gets its own decision."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="items")
    position = models.PositiveSmallIntegerField("序号")
    text = models.TextField("申请公开的政府信息")

    class Meta:
        verbose_name = "申请事项"
        verbose_name_plural = "申请事项"
        ordering = ["application", "position"]
        constraints = [models.UniqueConstraint(fields=["application", "position"], name="ledger_item_position_unique")]

    def __str__(self) -> str:
        return f"{self.position}. {self.text[:40]}"

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableRecordError("requested items are never deleted")


class EventType(models.TextChoices):
    """Every kind of event the ledger records (a superset of :class:`gongkai.procedure.EventKind`)."""

    RECEIVED = "received", "收到申请"
    CORRECTION_NOTICE = "correction_notice", "补正告知"
    CORRECTED = "corrected", "收到补正申请"
    CONSULTATION_SENT = "consultation_sent", "征求意见"
    CONSULTATION_ANSWERED = "consultation_answered", "收到意见"
    EXTENSION_REQUESTED = "extension_requested", "申请延期"
    EXTENSION_APPROVED = "extension_approved", "批准延期"
    FEE_NOTICE = "fee_notice", "收费通知"
    FEE_PAID = "fee_paid", "缴纳费用"
    DECIDED = "decided", "作出答复决定"
    REPLY_SENT = "reply_sent", "答复送达"
    WITHDRAWN = "withdrawn", "申请人撤回申请"
    VOIDED = "voided", "作废记录"


class Event(models.Model):
    """One dated event of an application; appended, never changed (a ``voided`` event cancels one)."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="events")
    sequence = models.PositiveIntegerField("记录顺序")
    kind = models.CharField("事件", max_length=30, choices=EventType.choices)
    on = models.DateField("日期")
    party = models.CharField("征求意见对象", max_length=100, blank=True)
    consultation = models.CharField("征求意见类型", max_length=20, choices=ConsultationChoice.choices, blank=True)
    correction_due = models.DateField("补正期限", null=True, blank=True)
    reason = models.TextField("理由或说明", blank=True)
    replaced_due = models.DateField("延期前的答复期限", null=True, blank=True)
    new_due = models.DateField("延期后的答复期限", null=True, blank=True)
    fee_yuan = models.PositiveIntegerField("收费金额（元）", null=True, blank=True)
    outcome = models.CharField("办理结果", max_length=40, blank=True)
    voids = models.OneToOneField(
        "self", verbose_name="作废的记录", null=True, blank=True, on_delete=models.PROTECT, related_name="voided_by"
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="记录人", on_delete=models.PROTECT)
    recorded_at = models.DateTimeField("记录时间", auto_now_add=True)

    class Meta:
        verbose_name = "办理事件"
        verbose_name_plural = "办理事件"
        ordering = ["application", "on", "sequence"]
        constraints = [models.UniqueConstraint(fields=["application", "sequence"], name="ledger_event_sequence_unique")]

    def __str__(self) -> str:
        return f"{self.on.isoformat()} {self.get_kind_display()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableRecordError("events are append-only; void a mistaken event instead")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableRecordError("events are never deleted; void a mistaken event instead")


class ItemDecision(models.Model):
    """The decision on one requested item, part of a ``decided`` event."""

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="item_decisions")
    item = models.ForeignKey(RequestedItem, on_delete=models.PROTECT, related_name="decisions")
    outcome = models.CharField("办理结果", max_length=40)
    legal_basis = models.CharField("法律依据", max_length=200, blank=True)

    class Meta:
        verbose_name = "事项决定"
        verbose_name_plural = "事项决定"
        ordering = ["item__position"]

    @property
    def outcome_label(self) -> str:
        return decision(self.outcome).label

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableRecordError("item decisions are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableRecordError("item decisions are never deleted")
