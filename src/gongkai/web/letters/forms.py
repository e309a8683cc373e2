"""Thin forms for the letter pages."""

from __future__ import annotations

from django import forms

from gongkai.web.ledger.forms import DateInput

__all__ = ["SendForm", "TemplateUploadForm"]


class SendForm(forms.Form):
    on = forms.DateField(label="送达日期", widget=DateInput())
    how = forms.CharField(
        label="送达方式", max_length=60, required=False, help_text="如：邮寄（挂号）、当面领取、电子邮件"
    )


class TemplateUploadForm(forms.Form):
    file = forms.FileField(label="模板文件（.docx）")
