"""The workbench in a real browser: Debian's Chromium driven by Playwright against a live server.

One application from registration to the decision, as a clerk and an approver would do it by
hand: log in, register a natural person's application, send a 补正 notice, record the corrected
application, request an extension, approve it as the approver, decide, draft the reply letter, sign
it off as the approver and download it (a DOCX naming the applicant and the request). Screenshots of the main pages
are taken on the way; with ``GONGKAI_SCREENSHOT_DIR`` set they are written there (that is how
docs/img/web-*.png are made: ``GONGKAI_SCREENSHOT_DIR=docs/img pytest tests/web/test_browser.py``).

The browser is the system's ``/usr/bin/chromium`` (Debian package ``chromium``), never a download;
when it is missing the test fails rather than skips — CI installs it.
"""

from __future__ import annotations

import io
import os
import random
import re
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from gongkai.procedure import WorkdayCalendar
from gongkai.procedure.identifiers import fake_id_number
from gongkai.web.demo import DEMO_PASSWORD, load_demo
from gongkai.web.ledger.models import Application, EventType

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: install the Debian package chromium (apt-get install chromium)")
    # Playwright's sync API keeps an event loop on this thread, so Django would refuse the ORM calls
    # the test and the database teardown make here; nothing async touches the database.
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield launched
            launched.close()
    finally:
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where screenshots go: ``GONGKAI_SCREENSHOT_DIR`` (the docs) or the test's own folder."""
    target = os.environ.get("GONGKAI_SCREENSHOT_DIR", "")
    path = Path(target) if target else tmp_path
    path.mkdir(parents=True, exist_ok=True)
    return path


def _shot(page: Page, folder: Path, name: str, *, full_page: bool = False) -> None:
    path = folder / f"web-{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    assert path.stat().st_size > 5000, f"{path.name} is (nearly) empty"


def _log_in(page: Page, base: str, username: str, role: str) -> None:
    page.goto(base + "/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.locator(".who")).to_contain_text(role)


def _log_out(page: Page) -> None:
    page.get_by_role("button", name="退出").click()
    expect(page.get_by_role("heading", name="登录")).to_be_visible()


def _record(page: Page, link: str, fields: dict[str, str]) -> None:
    """Open one of the application's event forms, fill it, save, and be back on the application."""
    page.get_by_role("link", name=link, exact=True).click()
    for label, value in fields.items():
        page.get_by_label(label, exact=False).fill(value)
    page.get_by_role("button", name="保存").click()
    expect(page.locator(".message.success")).to_be_visible()


def test_register_correct_extend_approve_decide(
    live_server: object, browser: Browser, calendar: WorkdayCalendar, today: date, shots: Path
) -> None:
    load_demo(today=today, calendar=calendar)
    base = str(live_server)
    page = browser.new_page(viewport=VIEWPORT, locale="zh-CN")
    page.set_default_timeout(15_000)

    page.goto(base + "/")
    expect(page).to_have_url(re.compile(r"/login/"))  # anonymous: the login page, nothing else
    _shot(page, shots, "login")
    _log_in(page, base, "demo-clerk", "经办人")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    _shot(page, shots, "dashboard")

    page.get_by_role("link", name="申请台账").click()
    expect(page.locator("table.list tbody tr").first).to_be_visible()
    _shot(page, shots, "ledger")

    # register: a natural person, in person, two days ago
    page.get_by_role("link", name="登记申请").click()
    id_number = fake_id_number(random.Random(20240612))
    page.get_by_label("申请渠道").select_option("in_person")
    page.get_by_label("提交日期（当面提交）").fill("2024-06-12")
    page.get_by_label("公民（自然人）").check()
    page.get_by_label("姓名或名称").fill("测试申请人")
    page.get_by_label("身份证号").fill(id_number)
    page.get_by_label("联系电话").fill("10012345678")
    page.get_by_label("通信地址").fill("示范县城关镇测试路1号")
    page.get_by_label("申请公开的政府信息（第1项）").fill("2023年示范县浏览器测试专项资金分配明细")
    _shot(page, shots, "register", full_page=True)
    page.get_by_role("button", name="登记").click()
    expect(page.locator(".message.success")).to_contain_text("已登记申请")
    application = Application.objects.get(applicant_name="测试申请人")
    detail = page.url
    assert detail.endswith(f"/applications/{application.pk}/")
    expect(page.locator(".due")).to_be_visible()

    _record(
        page, "补正告知", {"日期": "2024-06-13", "补正期限": "2024-06-28", "需要补正的事项": "请明确所需信息的名称"}
    )
    expect(page.locator(".due")).to_contain_text("等待补正")
    _record(page, "收到补正", {"日期": "2024-06-14"})
    _record(page, "申请延期", {"日期": "2024-06-14", "延期理由": "需调取多个年度档案"})
    _log_out(page)

    _log_in(page, base, "demo-approver", "审核人")
    page.goto(detail)
    _record(page, "批准延期", {"日期": "2024-06-14"})
    expect(page.locator(".timeline")).to_contain_text("答复期限由")
    expect(page.locator(".due")).to_contain_text("已延期")
    _log_out(page)

    _log_in(page, base, "demo-clerk", "经办人")
    page.goto(detail)
    page.get_by_role("link", name="作出答复决定").click()
    page.get_by_label("答复日期").fill("2024-06-14")
    page.get_by_label("第1项 办理结果").select_option("granted")
    page.get_by_role("button", name="保存").click()
    expect(page.locator(".message.success")).to_contain_text("已记录答复决定")
    expect(page.locator("main")).to_contain_text("已于 2024-06-14 作出答复")
    _shot(page, shots, "detail", full_page=True)

    # the reply letter: drafted by the clerk, signed off by the approver, then downloaded
    page.get_by_role("link", name=re.compile("答复书、告知书")).click()
    page.get_by_role("button", name="拟制予以公开答复书").click()
    expect(page.locator("main")).to_contain_text("予以公开答复书")
    _log_out(page)
    _log_in(page, base, "demo-approver", "审核人")
    page.goto(detail)
    page.get_by_role("link", name=re.compile("答复书、告知书")).click()
    page.get_by_role("button", name="审核通过").click()
    expect(page.locator(".badge.letter-approved")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="下载 DOCX").first.click()
    letter = download_info.value.path().read_bytes()
    assert download_info.value.suggested_filename.endswith(".docx")
    assert letter[:2] == b"PK"
    with zipfile.ZipFile(io.BytesIO(letter)) as docx:
        body = docx.read("word/document.xml").decode()
    assert "测试申请人" in body and "浏览器测试专项资金" in body
    assert id_number not in body  # no ID number in any letter

    application.refresh_from_db()
    kinds = list(application.events.order_by("sequence").values_list("kind", flat=True))
    assert kinds == [
        EventType.RECEIVED,
        EventType.CORRECTION_NOTICE,
        EventType.CORRECTED,
        EventType.EXTENSION_REQUESTED,
        EventType.EXTENSION_APPROVED,
        EventType.DECIDED,
    ]
    assert application.closed and application.outcome == "granted" and application.extended
    assert application.id_number == id_number
    page.close()
