"""``gongkai parse`` and ``gongkai check``: outputs, exit codes, and batches that survive a bad file."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from gongkai.parse import parse
from gongkai.report.model import Report

from .conftest import CLEAN_SEED, SEEDS, WARNING_SEED

Run = Callable[..., Result]


def _no_traceback(result: Result) -> None:
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout
    assert result.exception is None or isinstance(result.exception, SystemExit)


def _broken_total_json(tmp_path: Path) -> Path:
    """A clean report whose 新收 总计 no longer equals the sum of its six applicant columns."""
    data = parse(CLEAN_SEED).to_json()
    data["applications"]["new_received"][6] += 1
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# -- exit codes -----------------------------------------------------------------------------


def test_parse_clean_report_exits_0_with_a_summary(run: Run) -> None:
    result = run("parse", CLEAN_SEED)
    assert result.exit_code == 0, result.stderr
    assert CLEAN_SEED.name in result.stdout
    assert "泰州市人民政府办公室" in result.stdout
    assert "198 of 198 numbers read" in result.stdout
    assert result.stderr == ""


def test_warnings_alone_do_not_fail(run: Run) -> None:
    result = run("check", WARNING_SEED)
    assert result.exit_code == 0
    assert "warning" in result.stdout
    assert "58" in result.stdout  # the table total the narrative's 答复54件 contradicts


def test_error_finding_exits_1(run: Run, tmp_path: Path) -> None:
    broken = _broken_total_json(tmp_path)
    result = run("check", broken)
    assert result.exit_code == 1
    assert "error" in result.stdout
    assert "applications.new_received[6]" in result.stdout
    _no_traceback(result)


@pytest.mark.parametrize("command", ["parse", "check"])
def test_missing_file_is_a_failed_file_exit_1(run: Run, command: str, tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    result = run(command, missing)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {missing}: file not found"
    _no_traceback(result)


@pytest.mark.parametrize(
    "args",
    [
        ["parse"],
        ["check"],
        ["parse", "--no-such-option", str(CLEAN_SEED)],
        ["parse", "--json", "--csv", str(CLEAN_SEED)],
        ["parse", "-o", "/no/such/dir/out.json", str(CLEAN_SEED)],
    ],
    ids=["parse-no-file", "check-no-file", "unknown-option", "json-and-csv", "output-dir-missing"],
)
def test_usage_errors_exit_2(run: Run, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    _no_traceback(result)


# -- batches --------------------------------------------------------------------------------


def test_batch_continues_past_a_bad_file(run: Run, tmp_path: Path) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 64)
    seeds = sorted(SEEDS.glob("*.txt"))
    result = run("parse", "--json", seeds[0], junk, tmp_path / "missing.txt", *seeds[1:])
    assert result.exit_code == 1
    reports = json.loads(result.stdout)
    assert len(reports) == len(seeds)  # every readable file, in argument order
    assert [r["agency"] for r in reports] == [parse(s).report.agency for s in seeds]
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"error: {junk}: ") and "binary" in lines[0]
    assert lines[1] == f"error: {tmp_path / 'missing.txt'}: file not found"
    _no_traceback(result)


def test_check_batch_json_lists_failed_files_too(run: Run, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("check", "--json", CLEAN_SEED, empty)
    assert result.exit_code == 1
    items = json.loads(result.stdout)
    assert [i["file"] for i in items] == [str(CLEAN_SEED), str(empty)]
    assert items[0] == {"file": str(CLEAN_SEED), "error": None, "findings": []}
    assert "empty" in items[1]["error"] and items[1]["findings"] == []


def test_directory_argument_is_a_failed_file(run: Run, tmp_path: Path) -> None:
    result = run("parse", tmp_path, CLEAN_SEED)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {tmp_path}: is a directory, not a report file"
    assert "泰州市人民政府办公室" in result.stdout


# -- JSON -----------------------------------------------------------------------------------


def test_json_single_file_is_one_report_object(run: Run) -> None:
    result = run("parse", "--json", WARNING_SEED)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    report = Report.from_json(data)
    assert report.year == 2024
    assert report.numbers() == parse(WARNING_SEED).report.numbers()
    # the checker's finding is carried in the JSON next to the reader's
    assert any("54" in f["message"] for f in data["findings"])


def test_json_of_every_seed_validates(run: Run) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    result = run("parse", "--json", "--sources", *seeds)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == len(seeds)
    for item, seed in zip(data, seeds, strict=True):
        assert Report.from_json(item).numbers() == parse(seed).report.numbers()
        assert item["sources"]["applications.new_received[6]"]["printed"]


def test_json_written_to_output_file(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "reports.json"
    result = run("parse", "-o", out, CLEAN_SEED, WARNING_SEED)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert f"wrote 2 of 2 reports to {out}" in result.stderr
    assert [Report.from_json(x).agency for x in json.loads(out.read_text(encoding="utf-8"))] == [
        "泰州市人民政府办公室",
        "南通市海门区人民政府办公室",
    ]


def test_check_accepts_report_json(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "clean.json"
    path.write_text(json.dumps(parse(CLEAN_SEED).to_json(), ensure_ascii=False), encoding="utf-8")
    result = run("check", "--json", path)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"file": str(path), "error": None, "findings": []}


def test_check_rejects_malformed_report_json_in_one_line(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"format": "1999"}', encoding="utf-8")
    result = run("check", path)
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert str(path) in result.stderr and "format" in result.stderr


# -- CSV ------------------------------------------------------------------------------------


def test_csv_has_one_row_per_cell(run: Run) -> None:
    result = run("parse", "--csv", CLEAN_SEED, WARNING_SEED)
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["file", "table", "row", "column", "value"]
    expected = len(parse(CLEAN_SEED).report.cell_ids()) + len(parse(WARNING_SEED).report.cell_ids())
    assert len(rows) - 1 == expected
    by_cell = {(r[0], r[1], r[2], r[3]): r[4] for r in rows[1:]}
    assert by_cell[(str(WARNING_SEED), "applications", "new_received", "total")] == "58"
    assert by_cell[(str(WARNING_SEED), "active_disclosure", "normative_documents", "in_force")] == "31"


def test_csv_output_suffix_implies_csv_and_sources_add_columns(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "cells.csv"
    result = run("parse", "--sources", "-o", out, WARNING_SEED)
    assert result.exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    cell = next(r for r in rows if r["row"] == "new_received" and r["column"] == "total")
    assert cell["value"] == "58" and cell["printed"] == "58" and "118" in cell["source"]  # seed line 118 prints it


# -- progress -------------------------------------------------------------------------------


def _subprocess(args: list[str], force_terminal: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE")}
    if force_terminal:
        env["FORCE_COLOR"] = "1"  # rich then treats stderr as a terminal, as an interactive run would
    code = "import sys; from gongkai.cli import main; sys.argv[0] = 'gongkai'; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120)


def test_progress_bar_on_a_terminal_batch_goes_to_stderr_only(tmp_path: Path) -> None:
    seeds = [str(s) for s in sorted(SEEDS.glob("*.txt"))]
    result = _subprocess(["parse", "--json", *seeds, str(tmp_path / "gone.txt")], force_terminal=True)
    assert result.returncode == 1
    assert len(json.loads(result.stdout)) == len(seeds)  # stdout is pure JSON
    assert f"{len(seeds) + 1}/{len(seeds) + 1}" in result.stderr  # the bar reached the end
    assert f"error: {tmp_path / 'gone.txt'}: file not found" in result.stderr  # not erased by the bar


def test_no_progress_bar_for_small_batches_or_redirected_stderr() -> None:
    seeds = [str(s) for s in sorted(SEEDS.glob("*.txt"))]
    assert _subprocess(["parse", "--json", *seeds[:3]], force_terminal=True).stderr == ""
    assert _subprocess(["parse", "--json", *seeds], force_terminal=False).stderr == ""


def test_check_of_report_json_replaces_stale_findings(run: Run, tmp_path: Path) -> None:
    data = parse(CLEAN_SEED).to_json()
    data["findings"] = [{"code": "applications.row_total", "severity": "error", "message": "已更正", "cells": []}]
    path = tmp_path / "corrected.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run("check", "--json", path)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["findings"] == []


def test_output_that_cannot_be_written_is_exit_1_in_one_line(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.mkdir()  # a directory where the file should go
    result = run("parse", "-o", target, CLEAN_SEED)
    assert result.exit_code == 1
    assert result.stderr.strip().startswith(f"error: {target}: cannot write")
    assert len(result.stderr.splitlines()) == 1
