"""The numbers of a generated report equal the numbers read back from its own HTML, DOCX and PDF."""

from __future__ import annotations

import pytest

from gongkai.parse import parse
from gongkai.render import render
from gongkai.web.reports.services import approve_report, draft_report, open_report, save_sections

from .factories import TODAY, World
from .reporting import fill_agency


@pytest.mark.parametrize("to", ["html", "docx", "pdf"])
def test_generated_report_reads_back_to_the_same_numbers(world: World, to: str) -> None:
    fill_agency(world.clerk_a)
    report = open_report(actor=world.clerk_a, year=2023, today=TODAY)
    save_sections(actor=world.clerk_a, report=report, sections={"problems": "一是队伍不稳定；二是培训不足。"})
    built = draft_report(report)
    read = parse(render(built, to), name=f"report.{to}").report
    assert read.numbers() == built.numbers()
    assert read.year == 2023


def test_frozen_files_read_back_to_the_frozen_numbers(world: World) -> None:
    fill_agency(world.clerk_a)
    report = open_report(actor=world.clerk_a, year=2024, today=TODAY)
    version = approve_report(actor=world.approver_a, report=report, today=TODAY)
    for to in ("html", "docx", "pdf"):
        read = parse(bytes(getattr(version, to)), name=f"v.{to}").report
        assert read.to_json()["applications"] == version.report_json["applications"], to
        assert read.to_json()["active_disclosure"] == version.report_json["active_disclosure"], to
