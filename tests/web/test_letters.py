"""Reply letters: the content of every kind, the sign-off before sending, templates, permissions."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gongkai.procedure import WorkdayCalendar, decision
from gongkai.procedure.identifiers import mask_id_number
from gongkai.web.audit.models import AuditEntry
from gongkai.web.errors import ServiceError
from gongkai.web.ledger.models import Application, Event, EventType
from gongkai.web.ledger.services import approve_extension, decision_outcomes, record_decision, record_event
from gongkai.web.letters.context import plain_label
from gongkai.web.letters.documents import default_template, validate_template
from gongkai.web.letters.kinds import LETTER_TITLES, letter_kinds
from gongkai.web.letters.models import Letter, LetterState
from gongkai.web.letters.selectors import occasions
from gongkai.web.letters.services import approve_letter, draft_letter, mark_sent, upload_template

from .factories import PASSWORD, TODAY, World, make_application

ITEMS = ("2023年城关镇征收补偿方案", "城关镇2023年财政预算表")


def _text(data: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs)


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def _decided(world: World, calendar: WorkdayCalendar, outcome: str, **overrides: object) -> tuple[Application, Event]:
    application = make_application(world.clerk_a, items=ITEMS, **overrides)
    event = record_decision(
        actor=world.clerk_a,
        application=application,
        on=date(2024, 6, 12),
        today=TODAY,
        calendar=calendar,
        outcomes={item.pk: (outcome, "") for item in application.items.all()},
    )
    return application, event


def test_every_letter_of_the_taxonomy_has_a_valid_default_template() -> None:
    assert set(letter_kinds()) == set(LETTER_TITLES)
    for kind in letter_kinds():
        validate_template(default_template(kind), name=kind)


@pytest.mark.parametrize("outcome", [key for key, _ in decision_outcomes()])
def test_decision_letter_content(world: World, calendar: WorkdayCalendar, outcome: str) -> None:
    application, event = _decided(world, calendar, outcome)
    letter = draft_letter(actor=world.clerk_a, application=application, event=event, today=TODAY)
    assert letter.kind == decision(outcome).letter
    text = _text(bytes(letter.document))
    assert LETTER_TITLES[letter.kind] in text
    for wanted in (
        "甲县人民政府",
        "王小明：",
        application.number,
        "2024年6月3日",
        "2024年6月14日",
        letter.number,
        *ITEMS,
    ):
        assert wanted in text, wanted
    if outcome == "unable_not_held":
        assert "本机关不掌握该政府信息" in text
    elif outcome not in ("granted", "partially_granted", "other_other"):
        assert plain_label(decision(outcome).label).split("、")[0].removeprefix("申请人") in text
    article = decision(outcome).article
    if article and article.startswith("第"):
        assert article in text
    assert application.id_number not in text
    assert mask_id_number(application.id_number) not in text
    assert application.phone not in text and application.address not in text
    assert "{{" not in text and "{%" not in text


def test_partial_grant_lists_each_items_decision(world: World, calendar: WorkdayCalendar) -> None:
    application = make_application(world.clerk_a, items=ITEMS)
    first, second = application.items.all()
    event = record_decision(
        actor=world.clerk_a,
        application=application,
        on=date(2024, 6, 12),
        today=TODAY,
        calendar=calendar,
        outcomes={first.pk: ("granted", ""), second.pk: ("denied_state_secret", "")},
    )
    letter = draft_letter(actor=world.clerk_a, application=application, event=event, today=TODAY)
    text = _text(bytes(letter.document))
    assert letter.kind == "reply_partially_granted"
    assert f"1．{ITEMS[0]}——予以公开" in text
    assert f"2．{ITEMS[1]}——不予公开（属于国家秘密）（依据：《中华人民共和国政府信息公开条例》第十四条）" in text
    assert "第三十七条" in text


def test_interim_letters(world: World, calendar: WorkdayCalendar) -> None:
    application = make_application(world.clerk_a, received=date(2024, 5, 20))
    record_event(
        actor=world.clerk_a,
        application=application,
        kind=EventType.CORRECTION_NOTICE,
        on=date(2024, 5, 21),
        correction_due=date(2024, 6, 4),
        reason="请说明所需文件的发文年份",
        today=TODAY,
        calendar=calendar,
    )
    record_event(
        actor=world.clerk_a,
        application=application,
        kind=EventType.CORRECTED,
        on=date(2024, 5, 24),
        today=TODAY,
        calendar=calendar,
    )
    for party, kind in (("甲县示例物业有限公司", "third_party"), ("甲县自然资源局", "agency")):
        record_event(
            actor=world.clerk_a,
            application=application,
            kind=EventType.CONSULTATION_SENT,
            on=date(2024, 5, 27),
            party=party,
            consultation=kind,
            today=TODAY,
            calendar=calendar,
        )
    record_event(
        actor=world.clerk_a,
        application=application,
        kind=EventType.EXTENSION_REQUESTED,
        on=date(2024, 6, 3),
        reason="需要检索的档案较多",
        today=TODAY,
        calendar=calendar,
    )
    approve_extension(
        actor=world.approver_a, application=application, on=date(2024, 6, 4), today=TODAY, calendar=calendar
    )
    record_event(
        actor=world.clerk_a,
        application=application,
        kind=EventType.FEE_NOTICE,
        on=date(2024, 6, 5),
        fee_yuan=100,
        today=TODAY,
        calendar=calendar,
    )
    application.refresh_from_db()
    found = {o.kind: o.event for o in occasions(application)}
    assert set(found) == {
        "notice_correction",
        "request_third_party_opinion",
        "request_agency_opinion",
        "notice_extension",
        "notice_fee",
    }
    texts = {
        kind: _text(
            bytes(draft_letter(actor=world.clerk_a, application=application, event=event, today=TODAY).document)
        )
        for kind, event in found.items()
    }
    assert "2024年6月4日前" in texts["notice_correction"] and "请说明所需文件的发文年份" in texts["notice_correction"]
    assert "第三十条" in texts["notice_correction"]
    extension = application.events.get(kind=EventType.EXTENSION_APPROVED)
    assert (
        f"{extension.new_due.year}年{extension.new_due.month}月{extension.new_due.day}日前作出答复"
        in texts["notice_extension"]
    )
    assert "需要检索的档案较多" in texts["notice_extension"] and "第三十三条" in texts["notice_extension"]
    assert "甲县示例物业有限公司：" in texts["request_third_party_opinion"]
    assert "第三十二条" in texts["request_third_party_opinion"]
    assert "甲县自然资源局：" in texts["request_agency_opinion"] and "第三十四条" in texts["request_agency_opinion"]
    assert "100元" in texts["notice_fee"] and "国办函〔2020〕109号" in texts["notice_fee"]
    for kind in ("request_third_party_opinion", "request_agency_opinion"):
        assert "王小明" not in texts[kind], "a consultation letter names no applicant"
    for text in texts.values():
        assert application.id_number not in text


def test_markup_in_applicant_data_is_escaped(world: World, calendar: WorkdayCalendar) -> None:
    application, event = _decided(world, calendar, "granted", applicant_name="A&B <公司>")
    letter = draft_letter(actor=world.clerk_a, application=application, event=event, today=TODAY)
    assert "A&B <公司>：" in _text(bytes(letter.document))


def test_only_a_signed_off_letter_is_sent(world: World, calendar: WorkdayCalendar) -> None:
    application, event = _decided(world, calendar, "granted")
    letter = draft_letter(actor=world.clerk_a, application=application, event=event, today=TODAY)
    with pytest.raises(ServiceError, match="尚未经审核人审核"):
        mark_sent(actor=world.clerk_a, letter=letter, on=TODAY, today=TODAY, calendar=calendar)
    with pytest.raises(ServiceError, match="只有审核人"):
        approve_letter(actor=world.clerk_a, letter=letter)
    assert not application.events.filter(kind=EventType.REPLY_SENT).exists()
    approve_letter(actor=world.approver_a, letter=letter)
    with pytest.raises(ServiceError, match="不能早于"):
        mark_sent(actor=world.clerk_a, letter=letter, on=date(2024, 6, 11), today=TODAY, calendar=calendar)
    mark_sent(actor=world.clerk_a, letter=letter, on=TODAY, today=TODAY, calendar=calendar, how="邮寄")
    letter.refresh_from_db()
    assert letter.state == LetterState.SENT and letter.approved_by == world.approver_a
    sent = application.events.get(kind=EventType.REPLY_SENT)
    assert letter.sent_event == sent and sent.on == TODAY and letter.number in sent.reason
    actions = list(AuditEntry.objects.filter(object_id=str(application.pk)).values_list("action", flat=True))
    assert [
        a for a in actions if a.startswith("letter.") or a == "event.reply_sent"
    ] == ["letter.draft", "letter.approve", "event.reply_sent", "letter.send"]
    with pytest.raises(ServiceError, match="已送达"):
        draft_letter(actor=world.clerk_a, application=application, event=event, today=TODAY)


def test_redraft_supersedes_and_keeps_the_earlier_letter(world: World, calendar: WorkdayCalendar) -> None:
    application, event = _decided(world, calendar, "granted")
    first = draft_letter(actor=world.clerk_a, application=application, event=event, today=TODAY)
    second = draft_letter(actor=world.clerk_a, application=application, event=event, today=TODAY)
    first.refresh_from_db()
    assert first.state == LetterState.SUPERSEDED and second.state == LetterState.DRAFT
    assert second.serial == first.serial + 1
    with pytest.raises(ServiceError):
        approve_letter(actor=world.approver_a, letter=first)
    assert Letter.objects.count() == 2


def test_the_workflow_through_the_pages(world: World, calendar: WorkdayCalendar) -> None:
    application, event = _decided(world, calendar, "denied_state_secret")
    clerk, approver = _client("clerk-a"), _client("approver-a")
    page = clerk.get(reverse("application-letters", args=[application.pk]))
    assert page.status_code == 200 and "不予公开答复书" in page.content.decode()
    clerk.post(reverse("letter-draft", args=[application.pk, event.pk]))
    letter = Letter.objects.get()
    assert "审核通过" not in clerk.get(reverse("application-letters", args=[application.pk])).content.decode()
    approver.post(reverse("letter-approve", args=[application.pk, letter.pk]))
    response = clerk.post(
        reverse("letter-send", args=[application.pk, letter.pk]), {"on": "2024-06-13", "how": "当面领取"}
    )
    assert response.status_code == 302
    download = clerk.get(reverse("letter-download", args=[application.pk, letter.pk]))
    assert download.status_code == 200 and download["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "不予公开" in _text(download.content)
    assert application.events.filter(kind=EventType.REPLY_SENT, on=date(2024, 6, 13)).exists()


def test_other_agency_and_supervisor_cannot_reach_letters(world: World, calendar: WorkdayCalendar) -> None:
    application, event = _decided(world, calendar, "granted")
    letter = draft_letter(actor=world.clerk_a, application=application, event=event, today=TODAY)
    urls = [
        reverse("application-letters", args=[application.pk]),
        reverse("letter-draft", args=[application.pk, event.pk]),
        reverse("letter-approve", args=[application.pk, letter.pk]),
        reverse("letter-send", args=[application.pk, letter.pk]),
        reverse("letter-download", args=[application.pk, letter.pk]),
    ]
    other = _client("approver-b")
    for url in urls:
        assert other.get(url).status_code in (404, 405), url
        assert other.post(url, {"on": "2024-06-13"}).status_code == 404, url
    supervisor = _client("supervisor-a")
    for url in urls:
        assert supervisor.get(url).status_code in (403, 405), url
    assert supervisor.get(urls[-1]).status_code == 403
    assert Client().get(urls[-1]).status_code == 302
    letter.refresh_from_db()
    assert letter.state == LetterState.DRAFT and Letter.objects.count() == 1


def _edited_default(kind: str, extra: str) -> bytes:
    from docx import Document

    document = Document(io.BytesIO(default_template(kind)))
    document.add_paragraph(extra)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_an_admin_replaces_a_template_which_is_then_used(world: World, calendar: WorkdayCalendar) -> None:
    data = _edited_default("reply_granted", "联系人：政务公开办 {{ agency_name }}")
    with pytest.raises(ServiceError, match="管理员"):
        upload_template(actor=world.clerk_a, kind="reply_granted", data=data, filename="x.docx")
    upload_template(actor=world.admin_a, kind="reply_granted", data=data, filename="予以公开.docx")
    application, event = _decided(world, calendar, "granted")
    letter = draft_letter(actor=world.clerk_a, application=application, event=event, today=TODAY)
    assert "联系人：政务公开办 甲县人民政府" in _text(bytes(letter.document))
    assert "予以公开.docx" in letter.template_source
    upload_template(actor=world.admin_a, kind="reply_granted", data=None)
    again = draft_letter(actor=world.clerk_a, application=application, event=event, today=TODAY)
    assert "联系人" not in _text(bytes(again.document)) and again.template_source == "默认模板"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip", "不是 DOCX"),
        (None, "未知的占位符 applicant_id"),
        (b"", "文件为空"),
    ],
)
def test_a_bad_template_is_rejected(world: World, data: bytes | None, message: str) -> None:
    payload = _edited_default("reply_granted", "{{ applicant_id }}") if data is None else data
    with pytest.raises(ServiceError, match=message):
        upload_template(actor=world.admin_a, kind="reply_granted", data=payload, filename="bad.docx")


def test_broken_placeholder_syntax_is_rejected(world: World) -> None:
    with pytest.raises(ServiceError, match="占位符"):
        upload_template(
            actor=world.admin_a,
            kind="reply_granted",
            data=_edited_default("reply_granted", "{{ number "),
            filename="b.docx",
        )


def test_template_page_is_for_admins(world: World) -> None:
    admin = _client("admin-a")
    page = admin.get(reverse("letter-templates"))
    assert page.status_code == 200 and "予以公开答复书" in page.content.decode()
    upload = SimpleUploadedFile("x.docx", b"junk", content_type="application/octet-stream")
    response = admin.post(reverse("letter-templates"), {"kind": "reply_granted", "file": upload}, follow=True)
    assert "不是 DOCX" in response.content.decode()
    assert _client("clerk-a").get(reverse("letter-templates")).status_code == 404
    assert _client("supervisor-a").get(reverse("letter-templates")).status_code == 403
    got = admin.get(reverse("letter-template-download", args=["notice_fee"]))
    assert got.status_code == 200 and "缴费通知书" in _text(got.content)


def test_reply_cannot_be_marked_sent_from_the_event_menu(world: World, calendar: WorkdayCalendar) -> None:
    """Only a letter signed off by an approver counts as sent: the ledger's event page refuses 答复送达."""
    from gongkai.web.ledger.views import EVENT_MENU

    assert EventType.REPLY_SENT not in [kind for kind, _ in EVENT_MENU]
    application, _ = _decided(world, calendar, "granted")
    url = reverse("application-event", kwargs={"pk": application.pk, "kind": EventType.REPLY_SENT.value})
    response = _client(world.clerk_a.username).post(url, {"on": "2024-06-13", "reason": "邮寄"})
    assert response.status_code == 302
    assert response["Location"] == reverse("application-letters", kwargs={"pk": application.pk})
    assert not application.events.filter(kind=EventType.REPLY_SENT).exists()
