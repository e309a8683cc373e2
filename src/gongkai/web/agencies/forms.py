"""Thin forms for the agency admin's user page."""

from __future__ import annotations

from django import forms

from gongkai.web.agencies.models import Role

__all__ = ["NewUserForm"]


class NewUserForm(forms.Form):
    username = forms.CharField(label="用户名", max_length=150)
    full_name = forms.CharField(label="姓名", max_length=50, required=False)
    email = forms.EmailField(label="电子邮箱（接收到期提醒）", required=False)
    role = forms.ChoiceField(label="角色", choices=Role.choices)
    password = forms.CharField(label="初始密码", widget=forms.PasswordInput, strip=False)
