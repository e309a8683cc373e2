"""``gongkai render`` and ``gongkai convert``: outputs by option or suffix, one-line errors, exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from gongkai.cli import _register, app
from gongkai.parse import parse
from gongkai.report.model import Report

from .conftest import SEED_FILES, synthetic_report

_register()

Run = Callable[..., Result]


@pytest.fixture
def run() -> Run:
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def report_json(tmp_path: Path) -> Path:
    path = tmp_path / "report.json"
    path.write_text(synthetic_report("2021", 51).dumps(), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("to", "magic"), [("html", b"<!DOCTYPE html>"), ("md", b"# "), ("docx", b"PK"), ("csv", b"\xef\xbb\xbf")]
)
def test_render_each_format(run: Run, report_json: Path, tmp_path: Path, to: str, magic: bytes) -> None:
    out = tmp_path / f"out.{to}"
    result = run("render", report_json, "--to", to, "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(magic)


def test_render_takes_format_from_suffix(run: Run, report_json: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    assert run("render", report_json, "-o", out).exit_code == 0
    assert out.read_bytes().startswith(b"PK")


def test_render_rejects_unknown_format(run: Run, report_json: Path, tmp_path: Path) -> None:
    assert run("render", report_json, "--to", "rtf", "-o", tmp_path / "x.rtf").exit_code == 2
    result = run("render", report_json, "-o", tmp_path / "x.rtf")
    assert result.exit_code == 2
    assert "cannot tell the output format" in result.stderr


def test_bad_json_is_one_line_naming_file_and_key(run: Run, tmp_path: Path) -> None:
    data = synthetic_report("2021", 52).to_json()
    data["applications"]["granted"] = [1, 2]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    result = run("render", bad, "--to", "html", "-o", tmp_path / "x.html")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and "applications.granted" in lines[0]
    assert "Traceback" not in result.output
    assert not (tmp_path / "x.html").exists()


def test_not_json_and_missing_file(run: Run, tmp_path: Path) -> None:
    junk = tmp_path / "junk.json"
    junk.write_text("{not json", encoding="utf-8")
    result = run("render", junk, "-o", tmp_path / "x.html")
    assert result.exit_code == 1 and "not JSON" in result.stderr
    result = run("render", tmp_path / "missing.json", "-o", tmp_path / "x.html")
    assert result.exit_code == 1 and "file not found" in result.stderr


def test_output_into_missing_directory_is_usage_error(run: Run, report_json: Path, tmp_path: Path) -> None:
    result = run("render", report_json, "-o", tmp_path / "nowhere" / "x.html")
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_convert_text_to_html_md_and_json(run: Run, tmp_path: Path) -> None:
    source = SEED_FILES[2]
    original = parse(source).report
    for suffix in ("html", "md", "json"):
        out = tmp_path / f"converted.{suffix}"
        result = run("convert", source, "-o", out)
        assert result.exit_code == 0, result.output
        back = Report.loads(out.read_text(encoding="utf-8")) if suffix == "json" else parse(out).report
        assert back.numbers() == original.numbers()
        assert (back.format, back.year, back.agency) == (original.format, original.year, original.agency)


def test_convert_unreadable_source(run: Run, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run("convert", empty, "-o", tmp_path / "x.html")
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "empty" in result.stderr
