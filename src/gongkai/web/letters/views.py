"""Thin views for letters: list and draft per application, sign-off, sending, download; templates.

Scoping: every application comes from :func:`ledger.selectors.application_for` (404 for another
agency's), and only agency staff get in (supervisors get 403: letters carry applicants' names).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from gongkai.web.agencies.models import Role, User
from gongkai.web.clock import today, workday_calendar
from gongkai.web.errors import ServiceError
from gongkai.web.ledger.selectors import application_for
from gongkai.web.letters import selectors, services
from gongkai.web.letters.context import PLACEHOLDERS
from gongkai.web.letters.documents import default_template
from gongkai.web.letters.forms import SendForm, TemplateUploadForm
from gongkai.web.letters.kinds import LETTER_LABELS
from gongkai.web.permissions import agency_staff_required

__all__ = [
    "approve",
    "download",
    "draft",
    "letters",
    "send",
    "template_download",
    "templates",
]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _docx(data: bytes, filename: str) -> HttpResponse:
    from urllib.parse import quote

    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


@agency_staff_required
def letters(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    application = application_for(user, pk)
    return render(
        request,
        "letters/application_letters.html",
        {"application": application, "occasions": selectors.occasions(application), "can_approve": user.can_approve},
    )


@require_POST
@agency_staff_required
def draft(request: HttpRequest, pk: int, event_pk: int) -> HttpResponse:
    user = _user(request)
    application = application_for(user, pk)
    event = application.events.filter(pk=event_pk).first()
    if event is None:
        raise Http404("没有这条记录")
    try:
        letter = services.draft_letter(actor=user, application=application, event=event, today=today())
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"已拟制 {letter}，请审核人审核")
    return redirect("application-letters", pk=application.pk)


@require_POST
@agency_staff_required
def approve(request: HttpRequest, pk: int, letter_pk: int) -> HttpResponse:
    user = _user(request)
    letter = selectors.letter_for(user, pk, letter_pk)
    try:
        services.approve_letter(actor=user, letter=letter)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"已审核 {letter}")
    return redirect("application-letters", pk=pk)


@agency_staff_required
def send(request: HttpRequest, pk: int, letter_pk: int) -> HttpResponse:
    user = _user(request)
    letter = selectors.letter_for(user, pk, letter_pk)
    form = SendForm(request.POST or None, initial={"on": today()})
    if request.method == "POST" and form.is_valid():
        try:
            services.mark_sent(
                actor=user,
                letter=letter,
                on=form.cleaned_data["on"],
                how=form.cleaned_data["how"],
                today=today(),
                calendar=workday_calendar(),
            )
        except ServiceError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, f"已登记 {letter} 送达")
            return redirect("application-letters", pk=pk)
    return render(request, "letters/send.html", {"application": letter.application, "letter": letter, "form": form})


@agency_staff_required
def download(request: HttpRequest, pk: int, letter_pk: int) -> HttpResponse:
    letter = selectors.letter_for(_user(request), pk, letter_pk)
    return _docx(bytes(letter.document), letter.filename)


@agency_staff_required
def templates(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if user.role != Role.ADMIN:
        raise Http404("只有管理员可以管理文书模板")
    form = TemplateUploadForm()
    if request.method == "POST":
        kind = request.POST.get("kind", "")
        form = TemplateUploadForm(request.POST, request.FILES)
        try:
            if request.POST.get("restore"):
                services.upload_template(actor=user, kind=kind, data=None)
                messages.success(request, f"{LETTER_LABELS.get(kind, kind)}已恢复默认模板")
                return redirect("letter-templates")
            if form.is_valid():
                upload = form.cleaned_data["file"]
                services.upload_template(actor=user, kind=kind, data=upload.read(), filename=upload.name)
                messages.success(request, f"已更换{LETTER_LABELS.get(kind, kind)}模板")
                return redirect("letter-templates")
        except ServiceError as error:
            messages.error(request, error.message)
    return render(
        request,
        "letters/templates.html",
        {"rows": selectors.template_overview(user), "form": form, "placeholders": list(PLACEHOLDERS.items())},
    )


@agency_staff_required
def template_download(request: HttpRequest, kind: str) -> HttpResponse:
    """The template in use for ``kind`` (the agency's, else the default), to edit and upload again."""
    user = _user(request)
    if kind not in LETTER_LABELS or user.agency is None:
        raise Http404("没有这种文书")
    uploaded = selectors.current_template(user.agency, kind)
    data = bytes(uploaded.document) if uploaded is not None else default_template(kind)
    return _docx(data, f"{LETTER_LABELS[kind]}模板.docx")
