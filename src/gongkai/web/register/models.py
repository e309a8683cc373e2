"""The register of 规章 and 行政规范性文件, its 索引号 counters, and the entered 第二十条 figures.

The annual report counts documents by their dates (:mod:`gongkai.procedure.register`), so a document
keeps its 成文日期, 公开日期 and 废止日期; ``status`` is what the register shows a reader and must agree
with the 废止日期 (the services keep it so). The 索引号 is given once, when the document is
registered, from a per-agency, per-year counter, and never changes.

The other figures of 第二十条 (行政许可, 行政处罚, 行政强制 decisions, 行政事业性收费 …) are not derived
from documents: the agency enters one value per row and column and year, and each value remembers
who entered it (every change is also in the audit trail).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from gongkai.procedure.register import DocumentKind
from gongkai.web.agencies.models import Agency

__all__ = ["DOCUMENT_KIND_LABELS", "AnnualFigure", "Document", "DocumentStatus", "IndexCode", "IndexCounter"]

DOCUMENT_KIND_LABELS: dict[str, str] = {
    DocumentKind.REGULATION.value: "规章",
    DocumentKind.NORMATIVE.value: "行政规范性文件",
}


class DocumentStatus(models.TextChoices):
    IN_FORCE = "in_force", "现行有效"
    AMENDED = "amended", "已修改"
    ABOLISHED = "abolished", "已废止"
    EXPIRED = "expired", "已失效"


class IndexCode(models.Model):
    """The code an agency prints in its 索引号 (its 统一社会信用代码 or organisation code)."""

    agency = models.OneToOneField(Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="index_code")
    code = models.CharField("索引号机关代码", max_length=20)

    class Meta:
        verbose_name = "索引号机关代码"
        verbose_name_plural = "索引号机关代码"

    def __str__(self) -> str:
        return self.code


class IndexCounter(models.Model):
    """The last serial given in a year; incremented in SQL (``last = last + 1``) so two clerks never share one."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="register_counter_unique")]


class Document(models.Model):
    agency = models.ForeignKey(Agency, verbose_name="制发机关", on_delete=models.PROTECT, related_name="documents")
    kind = models.CharField("类别", max_length=30, choices=list(DOCUMENT_KIND_LABELS.items()))
    doc_number = models.CharField("文号", max_length=100)
    title = models.CharField("标题", max_length=300)
    made_on = models.DateField("成文日期")
    published_on = models.DateField("公开日期", null=True, blank=True)
    abolished_on = models.DateField("废止日期", null=True, blank=True)
    status = models.CharField("状态", max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.IN_FORCE)
    index_number = models.CharField("索引号", max_length=40)
    index_year = models.PositiveSmallIntegerField("索引号年度")
    index_serial = models.PositiveIntegerField("索引号序号")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT)
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "规章和规范性文件"
        verbose_name_plural = "规章和规范性文件"
        ordering = ["-made_on", "-index_serial"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "index_number"], name="register_index_number_unique"),
            models.UniqueConstraint(
                fields=["agency", "index_year", "index_serial"], name="register_index_serial_unique"
            ),
        ]
        indexes = [models.Index(fields=["agency", "kind", "made_on"])]

    def __str__(self) -> str:
        return f"{self.doc_number} {self.title}"

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise RuntimeError("register documents are never deleted; record their 废止日期 instead")


class AnnualFigure(models.Model):
    """One entered cell of 第二十条 for one year (row and column keys of the year's format)."""

    agency = models.ForeignKey(Agency, verbose_name="机关", on_delete=models.PROTECT, related_name="figures")
    year = models.PositiveSmallIntegerField("年度")
    row = models.CharField("项目", max_length=40)
    column = models.CharField("栏目", max_length=40)
    value = models.DecimalField("数值", max_digits=16, decimal_places=4)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="填报人", on_delete=models.PROTECT)
    entered_at = models.DateTimeField("填报时间", auto_now=True)

    class Meta:
        verbose_name = "第二十条数据"
        verbose_name_plural = "第二十条数据"
        ordering = ["year", "row", "column"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "row", "column"], name="register_figure_unique")
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.row}.{self.column} = {self.value}"
