"""Thin forms: shape and types only; every rule is in the services."""

from __future__ import annotations

from django import forms

from gongkai.web.register.models import DOCUMENT_KIND_LABELS, DocumentStatus

__all__ = ["DocumentForm", "DocumentUpdateForm", "IndexCodeForm", "UploadForm"]

_DATE = forms.DateInput(attrs={"type": "date"})


class IndexCodeForm(forms.Form):
    code = forms.CharField(label="索引号机关代码（统一社会信用代码）", max_length=20)


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=list(DOCUMENT_KIND_LABELS.items()))
    doc_number = forms.CharField(label="文号", max_length=100)
    title = forms.CharField(label="标题", max_length=300)
    made_on = forms.DateField(label="成文日期", widget=_DATE)
    published_on = forms.DateField(label="公开日期", required=False, widget=_DATE)
    abolished_on = forms.DateField(label="废止日期", required=False, widget=_DATE)
    status = forms.ChoiceField(label="状态", choices=[("", "按废止日期"), *DocumentStatus.choices], required=False)


class DocumentUpdateForm(forms.Form):
    title = forms.CharField(label="标题", max_length=300)
    published_on = forms.DateField(label="公开日期", required=False, widget=_DATE)
    abolished_on = forms.DateField(label="废止日期", required=False, widget=_DATE)
    status = forms.ChoiceField(label="状态", choices=[("", "按废止日期"), *DocumentStatus.choices], required=False)


class UploadForm(forms.Form):
    file = forms.FileField(label="CSV 或 XLSX 文件")
