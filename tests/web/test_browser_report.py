"""The report builder in a real browser (the fixtures of test_browser.py): in the demo county, the
approver generates last year's report, follows a number to its records, checks, approves, publishes
and downloads the PDF, which reads back to the numbers on the page. With ``GONGKAI_SCREENSHOT_DIR``
set the builder's screenshot is written there (docs/img/web-report-builder.png)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from playwright.sync_api import Browser, expect

from gongkai.parse import parse
from gongkai.procedure import WorkdayCalendar
from gongkai.web.demo import load_demo
from gongkai.web.reports.models import ReportVersion

from .test_browser import VIEWPORT, _log_in, _shot, browser, shots  # noqa: F401 (fixtures)


def test_generate_check_approve_download(
    live_server: object,
    browser: Browser,  # noqa: F811
    calendar: WorkdayCalendar,
    today: date,
    shots: Path,  # noqa: F811
) -> None:
    load_demo(today=today, calendar=calendar)
    year = today.year - 1
    base = str(live_server)
    page = browser.new_page(viewport=VIEWPORT, locale="zh-CN")
    page.set_default_timeout(30_000)
    _log_in(page, base, "demo-approver", "审核人")

    page.get_by_role("link", name="年度报告").click()
    page.get_by_label("年度").select_option(str(year))
    page.get_by_role("button", name="生成报告").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"{year}年政府信息公开工作年度报告")
    expect(page.locator("#checks")).to_contain_text("已与上一年度已发布的报告")
    _shot(page, shots, "report-builder", full_page=False)

    carried = page.locator('td[data-cell="applications.carried_forward[6]"] a')
    shown = int(carried.inner_text())
    carried.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("applications.carried_forward[6]")
    expect(page.locator("main")).to_contain_text(f"共 {shown} 条记录")
    assert page.locator("table.list tbody tr").count() == shown
    page.go_back()

    page.get_by_role("button", name=re.compile("审核通过")).click()
    expect(page.locator(".message.success")).to_contain_text("审核通过")
    page.get_by_role("button", name="发布").click()
    expect(page.locator(".message.success")).to_contain_text("已发布")
    version = ReportVersion.objects.get(report__agency__code="SFX", report__year=year, kind="published")

    with page.expect_download() as download:
        page.locator(f'a[href="/reports/versions/{version.pk}/pdf/"]').click()
    path = download.value.path()
    assert path is not None
    read = parse(Path(path).read_bytes(), name="report.pdf").report
    assert read.applications["carried_forward"][6] == shown
    assert read.to_json()["applications"] == version.report_json["applications"]
