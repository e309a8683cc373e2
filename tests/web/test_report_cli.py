"""``gongkai report build`` writes what the builder computes; ``gongkai report import`` feeds the cross-year check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongkai.cli import _register, app
from gongkai.parse import parse
from gongkai.render import render
from gongkai.web.reports.builder import build_report
from gongkai.web.reports.models import ReportVersion
from gongkai.web.reports.services import draft_report, open_report, save_sections

from .factories import TODAY, World
from .reporting import fill_agency

_register()
runner = CliRunner()


@pytest.fixture
def filled(world: World) -> World:
    fill_agency(world.clerk_a)
    return world


def test_build_json_equals_the_builder(filled: World) -> None:
    result = runner.invoke(app, ["report", "build", "jx", "2023"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["applications"] == build_report(filled.county_a, 2023).to_json()["applications"]
    assert "收到政府信息公开申请" in data["sections"]["overview"]
    assert "JX 2023: 0 errors" in result.stderr or "jx 2023: 0 errors" in result.stderr


def test_build_uses_the_saved_draft_and_writes_pdf(filled: World, tmp_path: Path) -> None:
    report = open_report(actor=filled.clerk_a, year=2024, today=TODAY)
    save_sections(actor=filled.clerk_a, report=report, sections={"problems": "培训不足，将加强。"})
    out = tmp_path / "r.pdf"
    result = runner.invoke(app, ["report", "build", "JX", "2024", "--to", "pdf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    read = parse(out.read_bytes(), name="r.pdf").report
    assert read.numbers() == draft_report(report).numbers()
    assert "培训不足" in read.sections.get("problems", "")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["report", "build", "NOPE", "2023"], 2),
        (["report", "build", "JX", "2023", "--to", "xls"], 2),
        (["report", "build", "JX", "2023", "--to", "pdf"], 2),
    ],
)
def test_build_bad_input_is_one_line(filled: World, args: list[str], code: int) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == code
    assert result.stderr.startswith("error: ") and "Traceback" not in result.output


def test_import_a_published_report_for_the_cross_year_check(filled: World, tmp_path: Path) -> None:
    last_year = build_report(filled.county_a, 2022)
    last_year.sections = {"overview": "2022年总体情况。"}
    path = tmp_path / "2022.html"
    path.write_bytes(render(last_year, "html"))
    result = runner.invoke(app, ["report", "import", str(path), "--agency", "JX"])
    assert result.exit_code == 0, result.output
    version = ReportVersion.objects.get()
    assert version.kind == "imported" and version.report.year == 2022
    assert version.report_json["applications"] == last_year.to_json()["applications"]
    missing = runner.invoke(app, ["report", "import", str(tmp_path / "none.html"), "--agency", "JX"])
    assert missing.exit_code == 1 and missing.stderr.startswith("error: ")
    junk = tmp_path / "junk.txt"
    junk.write_text("not a report", encoding="utf-8")
    assert runner.invoke(app, ["report", "import", str(junk), "--agency", "JX"]).exit_code == 1
