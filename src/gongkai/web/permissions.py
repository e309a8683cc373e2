"""View guards. Object scoping is done by the selectors; these only say who may open a kind of page."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

__all__ = ["agency_staff_required", "supervisor_required"]

View = Callable[..., HttpResponse]


def agency_staff_required(view: View) -> View:
    """Clerks, approvers and admins of an agency; anyone else (supervisors included) gets 403."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not getattr(request.user, "is_agency_staff", False):
            raise PermissionDenied("只有受理机关的工作人员可以查看申请")
        return view(request, *args, **kwargs)

    return guarded


def supervisor_required(view: View) -> View:
    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not getattr(request.user, "is_supervisor", False):
            raise PermissionDenied("只有上级监督人员可以查看")
        return view(request, *args, **kwargs)

    return guarded
