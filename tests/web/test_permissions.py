"""Permissions on the server: agency A never reaches agency B's applications by any URL or method;
supervisors see figures, never an ID number; anonymous users see nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.web.ledger.models import Application, EventType

from .factories import PASSWORD, World, make_application


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def _urls(application: Application) -> list[str]:
    pk = application.pk
    received = application.events.get(kind=EventType.RECEIVED)
    return [
        reverse("application-detail", args=[pk]),
        reverse("application-decide", args=[pk]),
        reverse("application-void", args=[pk, received.pk]),
        *[reverse("application-event", args=[pk, kind]) for kind in ("correction_notice", "extension_approved")],
    ]


def test_other_agency_gets_404_by_detail_url_and_post(world: World) -> None:
    theirs = make_application(world.clerk_b)
    client = _client("clerk-a")
    for url in _urls(theirs):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"on": "2024-06-05", "reason": "x"}).status_code == 404, url
    assert theirs.events.count() == 1


def test_other_agency_never_appears_in_lists_or_search(world: World) -> None:
    theirs = make_application(world.clerk_b, applicant_name="乙县申请人")
    mine = make_application(world.clerk_a, applicant_name="甲县申请人")
    client = _client("clerk-a")
    for url in (reverse("application-list"), reverse("application-list") + "?text=申请人", reverse("dashboard")):
        page = client.get(url).content.decode()
        assert theirs.number not in page and "乙县申请人" not in page
    assert mine.number in client.get(reverse("application-list")).content.decode()


def test_supervisor_sees_figures_but_no_personal_data(world: World) -> None:
    application = make_application(world.clerk_a, received=date(2024, 6, 3))
    client = _client("supervisor-a")
    assert client.get(reverse("dashboard")).status_code == 302
    overview = client.get(reverse("supervision"))
    assert overview.status_code == 200 and "甲县人民政府" in overview.content.decode()
    table = client.get(reverse("supervision-table", args=[world.county_a.pk, 2024]))
    assert table.status_code == 200
    for page in (overview, table):
        text = page.content.decode()
        assert application.id_number not in text and application.id_number[-4:] not in text
        assert application.applicant_name not in text and application.phone not in text
    for url in [reverse("application-list"), reverse("application-register"), *_urls(application)]:
        assert client.get(url).status_code in (403, 404), url
    assert client.get(reverse("supervision-table", args=[world.county_b.pk, 2024])).status_code == 404


def test_staff_cannot_open_supervision(world: World) -> None:
    assert _client("clerk-a").get(reverse("supervision")).status_code == 403


@pytest.mark.parametrize("name", ["dashboard", "application-list", "application-register", "supervision"])
def test_anonymous_users_are_sent_to_login(world: World, name: str) -> None:
    response = Client().get(reverse(name))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_anonymous_sees_no_application(world: World) -> None:
    application = make_application(world.clerk_a)
    for url in _urls(application):
        response = Client().post(url, {"on": "2024-06-05"})
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert application.events.count() == 1


def test_lists_mask_and_detail_shows_in_full(world: World) -> None:
    application = make_application(world.clerk_a, phone="10098765432")
    client = _client("clerk-a")
    listing = client.get(reverse("application-list")).content.decode()
    assert application.id_number not in listing
    assert application.id_number[:6] + "********" + application.id_number[-4:] in listing
    detail = client.get(reverse("application-detail", args=[application.pk])).content.decode()
    assert application.id_number in detail and "10098765432" in detail


def test_only_an_approver_sees_and_uses_the_approval_form(world: World) -> None:
    application = make_application(world.clerk_a)
    url = reverse("application-event", args=[application.pk, "extension_approved"])
    detail = reverse("application-detail", args=[application.pk])
    assert url not in _client("clerk-a").get(detail).content.decode()
    assert url in _client("approver-a").get(detail).content.decode()
