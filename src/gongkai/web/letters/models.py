"""Letters and the agencies' own templates.

A :class:`Letter` is drafted from an event of an application (a decision, a 补正 notice, an
approved extension, a consultation, a fee notice), holds the DOCX as rendered at drafting, and moves
draft → approved (an approver signs off) → sent. A redrafted letter supersedes the earlier one,
which is kept. Nothing here is deleted. A :class:`LetterTemplate` row is an agency's upload for one
kind; the newest row is in use, and a row without a document means "back to gongkai's default".
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from gongkai.web.agencies.models import Agency
from gongkai.web.letters.kinds import LETTER_LABELS

__all__ = ["ImmutableLetterError", "Letter", "LetterState", "LetterTemplate"]

KIND_CHOICES = list(LETTER_LABELS.items())


class ImmutableLetterError(RuntimeError):
    """Letters and templates are never deleted."""


class LetterState(models.TextChoices):
    DRAFT = "draft", "待审核"
    APPROVED = "approved", "已审核"
    SENT = "sent", "已送达"
    SUPERSEDED = "superseded", "已重拟"


class Letter(models.Model):
    agency = models.ForeignKey(Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="+")
    application = models.ForeignKey(
        "ledger.Application", verbose_name="申请", on_delete=models.PROTECT, related_name="letters"
    )
    event = models.ForeignKey("ledger.Event", verbose_name="办理事件", on_delete=models.PROTECT, related_name="letters")
    kind = models.CharField("文书类型", max_length=40, choices=KIND_CHOICES)
    year = models.PositiveSmallIntegerField("年度")
    serial = models.PositiveIntegerField("序号")
    number = models.CharField("文号", max_length=60)
    letter_date = models.DateField("成文日期")
    state = models.CharField("状态", max_length=20, choices=LetterState.choices, default=LetterState.DRAFT)
    document = models.BinaryField("文书")
    template_source = models.CharField("所用模板", max_length=100)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="拟稿人", on_delete=models.PROTECT, related_name="+"
    )
    drafted_at = models.DateTimeField("拟稿时间", auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField("审核时间", null=True, blank=True)
    sent_on = models.DateField("送达日期", null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="送达登记人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    sent_event = models.ForeignKey(
        "ledger.Event", verbose_name="答复送达记录", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "答复文书"
        verbose_name_plural = "答复文书"
        ordering = ["application", "drafted_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "serial"], name="letters_letter_serial_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.get_kind_display()}"

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableLetterError("letters are never deleted; draft a new one to replace it")

    @property
    def filename(self) -> str:
        return f"{self.application.number}-{self.get_kind_display()}-{self.serial}.docx"


class LetterTemplate(models.Model):
    agency = models.ForeignKey(Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("文书类型", max_length=40, choices=KIND_CHOICES)
    document = models.BinaryField("模板", null=True, blank=True)
    filename = models.CharField("文件名", max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = "文书模板"
        verbose_name_plural = "文书模板"
        ordering = ["agency", "kind", "-uploaded_at", "-pk"]

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableLetterError("templates are kept; upload the default again to go back")
