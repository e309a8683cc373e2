"""Thin forms for cases; the rules are in the services."""

from __future__ import annotations

from django import forms

from gongkai.web.cases.models import CASE_KIND_LABELS, CASE_RESULT_LABELS

__all__ = ["CaseForm", "ConcludeForm"]

_DATE = forms.DateInput(attrs={"type": "date"})
_RESULTS = [(k, v) for k, v in CASE_RESULT_LABELS.items()]


class CaseForm(forms.Form):
    kind = forms.ChoiceField(label="类型", choices=list(CASE_KIND_LABELS.items()))
    application_number = forms.CharField(label="涉及的申请编号", required=False, max_length=40)
    case_number = forms.CharField(label="案号", required=False, max_length=100)
    body = forms.CharField(label="复议机关或法院", required=False, max_length=100)
    filed_on = forms.DateField(label="立案日期", widget=_DATE)
    concluded_on = forms.DateField(label="审结日期", required=False, widget=_DATE)
    result = forms.ChoiceField(label="结果", choices=_RESULTS, required=False)
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ConcludeForm(forms.Form):
    concluded_on = forms.DateField(label="审结日期", required=False, widget=_DATE)
    result = forms.ChoiceField(label="结果", choices=_RESULTS, required=False)
