"""The demo gives the report builder a complete report: documents, figures, cases, a published year."""

from __future__ import annotations

from gongkai.procedure import WorkdayCalendar
from gongkai.report.model import Report
from gongkai.web.agencies.models import Agency, User
from gongkai.web.demo import load_demo
from gongkai.web.reports.models import ReportVersion
from gongkai.web.reports.selectors import rollup, sum_reports
from gongkai.web.reports.services import draft_findings, open_report

from .factories import TODAY


def test_demo_report_is_complete_and_checked_against_last_year(calendar: WorkdayCalendar) -> None:
    load_demo(today=TODAY, calendar=calendar, applications=160, seed=7)
    clerk = User.objects.get(username="demo-clerk")
    report = open_report(actor=clerk, year=TODAY.year - 1, today=TODAY)
    built, findings = draft_findings(report)
    assert all(value is not None for value in built.numbers().values())
    assert built.active_disclosure["normative_documents"]["issued"] > 0
    assert sum(int(built.review_litigation[b]["total"] or 0) for b in built.review_litigation) > 0
    assert not [f for f in findings if f.severity == "error"]
    assert "pair.not_comparable" not in {f.code for f in findings}
    published = ReportVersion.objects.filter(kind="published").values_list("report__agency__code", flat=True)
    assert sorted(published) == ["SFX", "SFX-ZRZY"]
    found = rollup(User.objects.get(username="demo-supervisor"), TODAY.year - 2)
    states = {s.agency.code: s.state for s in found.states}
    assert found.summed == 2 and found.combined is not None
    assert states["SFX"] == "published" and states["SFX-ZJ"] in ("drafted", "checked")
    assert Agency.objects.filter(code__startswith="SFX").count() == 4


def test_rollup_sums_published_cells_and_keeps_blanks_blank(calendar: WorkdayCalendar) -> None:
    load_demo(today=TODAY, calendar=calendar, applications=160, seed=7)
    found = rollup(User.objects.get(username="demo-supervisor"), TODAY.year - 2)
    versions = [Report.from_json(v.report_json) for v in ReportVersion.objects.filter(kind="published")]
    assert found.combined is not None
    for cell in ("applications.new_received[6]", "active_disclosure.fees.amount_10k_yuan"):
        assert found.combined.get(cell) == sum(v.get(cell) or 0 for v in versions), cell  # type: ignore[misc]
    one, two = Report.empty("2021", year=2023), Report.empty("2021", year=2023)
    one.set("active_disclosure.licensing.decisions", 5)
    summed = sum_reports([one, two], 2023)
    assert summed is not None
    assert summed.get("active_disclosure.licensing.decisions") == 5
    assert summed.get("active_disclosure.punishment.decisions") is None
    assert rollup(User.objects.get(username="demo-clerk"), TODAY.year - 2).combined is None  # not a supervisor
