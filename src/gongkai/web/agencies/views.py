"""The agency admin's user page: list, create (through ``create_user``), change role, (de)activate."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from gongkai.web.agencies.forms import NewUserForm
from gongkai.web.agencies.models import Role, User
from gongkai.web.agencies.services import create_user
from gongkai.web.agencies.staffing import change_role, is_agency_admin, set_active
from gongkai.web.errors import ServiceError

__all__ = ["user_change", "users"]


def _admin(request: HttpRequest) -> User:
    """The requesting admin; anyone else gets 404, as for another agency's objects."""
    user = request.user
    if not isinstance(user, User) or not is_agency_admin(user):
        raise Http404("只有管理员可以管理用户")
    return user


def users(request: HttpRequest) -> HttpResponse:
    admin = _admin(request)
    form = NewUserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        assert admin.agency is not None
        try:
            created = create_user(
                actor=admin,
                username=data["username"],
                password=data["password"],
                agency=admin.agency,
                role=data["role"],
                full_name=data["full_name"],
                email=data["email"],
            )
        except ServiceError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, f"已添加用户 {created.username}（{created.get_role_display()}）")
            return redirect("agency-users")
    people = User.objects.filter(agency_id=admin.agency_id).order_by("-is_active", "role", "username")
    return render(request, "agencies/users.html", {"people": people, "form": form, "roles": Role.choices})


@require_POST
def user_change(request: HttpRequest, pk: int) -> HttpResponse:
    admin = _admin(request)
    user = User.objects.filter(pk=pk, agency_id=admin.agency_id).first()
    if user is None:
        raise Http404("没有这个用户")
    try:
        if "role" in request.POST:
            change_role(actor=admin, user=user, role=request.POST["role"])
            messages.success(request, f"{user.username} 现为{user.get_role_display()}")
        elif "active" in request.POST:
            set_active(actor=admin, user=user, active=request.POST["active"] == "1")
            messages.success(request, f"已{'启用' if user.is_active else '停用'} {user.username}")
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect("agency-users")
