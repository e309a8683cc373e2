"""The annual report of an agency and year: a live draft, justifications, and frozen versions.

The draft stores only what people write (the narrative sections); its numbers are computed afresh
from the records every time it is shown, so they are never typed and never stale. Approval and
publication freeze a :class:`ReportVersion`: the report JSON and the rendered HTML, DOCX and PDF
bytes with their SHA-256. A version is never changed or deleted (the model refuses, the services
never try); a corrected re-publication is a new version, and the earlier one stays listed.

A report imported by parsing an earlier published report is a version of source ``imported``: the
cross-year check reads last year's published version whichever way it came.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from gongkai.web.agencies.models import Agency

__all__ = ["AnnualReport", "FrozenQuerySet", "ImmutableVersionError", "Justification", "ReportVersion", "VersionKind"]


class ImmutableVersionError(RuntimeError):
    """An attempt to change or delete a frozen report version."""


class AnnualReport(models.Model):
    agency = models.ForeignKey(Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="annual_reports")
    year = models.PositiveSmallIntegerField("年度")
    sections = models.JSONField("正文", default=dict, help_text="overview / problems / other")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        verbose_name = "年度报告"
        verbose_name_plural = "年度报告"
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="reports_agency_year_unique")]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}年度报告"


class Justification(models.Model):
    """An approver's reason for approving despite one error finding (keyed by code and cells)."""

    report = models.ForeignKey(AnnualReport, on_delete=models.PROTECT, related_name="justifications")
    finding_key = models.CharField("问题", max_length=500)
    text = models.TextField("说明")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="审核人", on_delete=models.PROTECT)
    at = models.DateTimeField("时间", auto_now=True)

    class Meta:
        verbose_name = "问题说明"
        verbose_name_plural = "问题说明"
        constraints = [models.UniqueConstraint(fields=["report", "finding_key"], name="reports_justification_unique")]


class FrozenQuerySet(models.QuerySet["ReportVersion"]):
    """Bulk ``update()`` and ``delete()`` would bypass :meth:`ReportVersion.save`; they are refused too."""

    def update(self, **kwargs: Any) -> int:
        raise ImmutableVersionError("report versions are frozen; publish a corrected version instead")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ImmutableVersionError("report versions are never deleted")


class VersionKind(models.TextChoices):
    APPROVED = "approved", "已审核"
    PUBLISHED = "published", "已发布"
    IMPORTED = "imported", "导入的已发布报告"


class ReportVersion(models.Model):
    report = models.ForeignKey(AnnualReport, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField("版本")
    kind = models.CharField("类型", max_length=20, choices=VersionKind.choices)
    report_json = models.JSONField("报告数据")
    findings = models.JSONField("核对结果", default=list)
    justifications = models.JSONField("问题说明", default=list)
    html = models.BinaryField("HTML", default=b"")
    docx = models.BinaryField("DOCX", default=b"")
    pdf = models.BinaryField("PDF", default=b"")
    hashes = models.JSONField("SHA-256", default=dict)
    source_name = models.CharField("来源文件", max_length=300, blank=True)
    published_on = models.DateField("发布日期", null=True, blank=True)
    note = models.TextField("更正说明", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True, on_delete=models.PROTECT
    )
    created_at = models.DateTimeField("时间", auto_now_add=True)

    objects = FrozenQuerySet.as_manager()

    class Meta:
        verbose_name = "报告版本"
        verbose_name_plural = "报告版本"
        ordering = ["report", "number"]
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="reports_version_unique")]

    def __str__(self) -> str:
        return f"{self.report} 第{self.number}版（{self.get_kind_display()}）"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableVersionError("report versions are frozen; publish a corrected version instead")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableVersionError("report versions are never deleted")
