"""One reconsideration or lawsuit about the agency's disclosure work, linked to an application when known.

A case is filed, then concluded with a result; a pending case has neither conclusion date nor result
(尚未审结). :func:`gongkai.procedure.statistics.review_table` decides in which years it is counted.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from gongkai.procedure.statistics import CaseKind, CaseResult
from gongkai.web.agencies.models import Agency
from gongkai.web.ledger.models import Application

__all__ = ["CASE_KIND_LABELS", "CASE_RESULT_LABELS", "Case"]

CASE_KIND_LABELS: dict[str, str] = {
    CaseKind.RECONSIDERATION.value: "行政复议",
    CaseKind.LITIGATION_DIRECT.value: "行政诉讼（未经复议直接起诉）",
    CaseKind.LITIGATION_AFTER_RECONSIDERATION.value: "行政诉讼（复议后起诉）",
}
CASE_RESULT_LABELS: dict[str, str] = {
    CaseResult.MAINTAINED.value: "维持",
    CaseResult.CORRECTED.value: "纠正",
    CaseResult.OTHER.value: "其他",
    "": "尚未审结",
}


class Case(models.Model):
    agency = models.ForeignKey(Agency, verbose_name="被申请机关", on_delete=models.PROTECT, related_name="cases")
    kind = models.CharField("类型", max_length=40, choices=list(CASE_KIND_LABELS.items()))
    application = models.ForeignKey(
        Application,
        verbose_name="涉及的申请",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    case_number = models.CharField("案号", max_length=100, blank=True)
    body = models.CharField("复议机关或法院", max_length=100, blank=True)
    filed_on = models.DateField("立案日期")
    concluded_on = models.DateField("审结日期", null=True, blank=True)
    result = models.CharField("结果", max_length=20, choices=list(CASE_RESULT_LABELS.items()), blank=True)
    note = models.TextField("说明", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT)
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "复议诉讼案件"
        verbose_name_plural = "复议诉讼案件"
        ordering = ["-filed_on", "-pk"]
        indexes = [models.Index(fields=["agency", "filed_on"])]

    def __str__(self) -> str:
        return self.case_number or f"{self.get_kind_display()} {self.filed_on.isoformat()}"

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise RuntimeError("cases are never deleted")
