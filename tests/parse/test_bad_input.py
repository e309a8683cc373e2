"""Bad input: each kind gives a ParseError naming the file and the reason, and a one-line CLI message.

A truncated report is not an error: every cell that could be read comes back, with findings that
say what is missing, and the command exits 1. Samples in tests/data/parse/bad/ (when present) are
held to the same rule: they fail loudly, one way or the other, and never with a traceback.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from gongkai.parse import MAX_BYTES, ParseError, parse

DATA = Path(__file__).resolve().parents[1] / "data" / "parse"
SEED = DATA / "seeds" / "001_0786ebd486ce37d5.txt"
BAD = DATA / "bad"

NOT_A_REPORT = """关于做好2025年春节期间安全生产工作的通知

各乡镇人民政府，各街道办事处，区各有关部门：
春节将至，为切实做好节日期间安全生产工作，现将有关事项通知如下。
一、高度重视节日安全生产工作。各单位要在1月20日前完成隐患排查，检查企业156家，整改问题48项。
二、加强值班值守。节日期间实行24小时值班制度，值班电话保持畅通。
三、及时报送信息。重大情况须在2小时内报告。

某区人民政府办公室
2025年1月15日
"""


def _write_empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    return path


def _write_blank(tmp_path: Path) -> Path:
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \r\n\t\n  \n")
    return path


def _write_junk(tmp_path: Path) -> Path:
    path = tmp_path / "junk.dat"
    path.write_bytes(bytes((i * 7919 + 13) % 256 for i in range(50_000)))
    return path


def _write_not_a_report(tmp_path: Path) -> Path:
    path = tmp_path / "notice.txt"
    path.write_text(NOT_A_REPORT, encoding="utf-8")
    return path


def _write_not_a_report_html(tmp_path: Path) -> Path:
    path = tmp_path / "notice.html"
    rows = "".join(f"<tr><td>第{i}项</td><td>{i * 3}</td></tr>" for i in range(1, 20))
    path.write_text(
        f"<html><head><meta charset='utf-8'><title>通知</title></head><body><p>{NOT_A_REPORT}</p>"
        f"<table>{rows}</table></body></html>",
        encoding="utf-8",
    )
    return path


def _write_huge(tmp_path: Path) -> Path:
    """10 MB that starts like a real report: the size alone must stop it."""
    path = tmp_path / "huge.txt"
    head = SEED.read_bytes()
    filler = "本年新收政府信息公开申请数量 | 57 | 1 | 0 | 0 | 0 | 0 | 58\n".encode()
    with path.open("wb") as out:
        out.write(head)
        out.write(filler * ((10 * 1024 * 1024 - len(head)) // len(filler) + 1))
    assert path.stat().st_size > 10 * 1024 * 1024 > MAX_BYTES
    return path


def _directory(tmp_path: Path) -> Path:
    path = tmp_path / "reports"
    path.mkdir()
    return path


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "no-such-report.txt"


# (writer, words the reason must contain)
CASES: dict[str, tuple[Callable[[Path], Path], tuple[str, ...]]] = {
    "empty": (_write_empty, ("empty",)),
    "blank": (_write_blank, ("empty",)),
    "binary-junk": (_write_junk, ("binary",)),
    "not-a-report": (_write_not_a_report, ("not a 政府信息公开工作年度报告",)),
    "not-a-report-html": (_write_not_a_report_html, ("not a 政府信息公开工作年度报告",)),
    "10MB": (_write_huge, ("MB", "limit")),
    "directory": (_directory, ("directory",)),
    "missing": (_missing, ("not found",)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_a_parse_error_naming_file_and_reason(case: str, tmp_path: Path) -> None:
    write, words = CASES[case]
    path = write(tmp_path)
    with pytest.raises(ParseError) as caught:
        parse(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert caught.value.source == str(path)
    for word in words:
        assert word in message


@pytest.mark.parametrize("case", ["empty", "binary-junk", "not-a-report"])
def test_bad_bytes_are_named_by_the_caller(case: str, tmp_path: Path) -> None:
    data = CASES[case][0](tmp_path).read_bytes()
    with pytest.raises(ParseError) as caught:
        parse(data, name="upload-17")
    assert str(caught.value).startswith("upload-17: ")


def _cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The installed entry point in a real process: what a user sees, tracebacks included if any."""
    code = "import sys; from gongkai.cli import main; sys.argv[0] = 'gongkai'; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True, timeout=120, check=False
    )


def test_cli_gives_one_line_per_bad_file_and_goes_on(tmp_path: Path) -> None:
    paths = [write(tmp_path) for write, _ in CASES.values()]
    result = _cli("parse", *paths, SEED)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == len(paths), result.stderr
    for line, path in zip(lines, paths, strict=True):
        assert line.startswith(f"error: {path}: ")
    assert "Traceback" not in result.stderr
    assert "南通市海门区人民政府办公室" in result.stdout  # the good file after them was still read


# -- truncated ------------------------------------------------------------------------------


def _truncated(tmp_path: Path) -> Path:
    """Seed 001 cut off inside the applications table, in the middle of the (四)无法提供 rows."""
    text = SEED.read_text(encoding="utf-8")
    cut = text.index("1.本机关不掌握相关政府信息")
    path = tmp_path / "truncated.txt"
    path.write_text(text[:cut], encoding="utf-8")
    return path


def test_truncated_report_keeps_every_readable_cell(tmp_path: Path) -> None:
    full = parse(SEED).report
    cut = parse(_truncated(tmp_path)).report
    read = {cell: value for cell, value in cut.numbers().items() if value is not None}
    assert read, "nothing was read from the part before the cut"
    # every number that was read is the number printed (same as in the whole report)
    assert all(full.get(cell) == value for cell, value in read.items())
    # the whole first table and the first application rows were before the cut
    for cell in full.cell_ids():
        if cell.startswith(("active_disclosure.", "applications.new_received", "applications.carried_over")):
            assert cut.get(cell) == full.get(cell), cell
    # nothing after the cut was invented
    assert cut.applications["carried_forward"] == [None] * 7
    assert all(v is None for block in cut.review_litigation.values() for v in block.values())


def test_truncated_report_has_findings_naming_what_is_missing(tmp_path: Path) -> None:
    report = parse(_truncated(tmp_path)).report
    errors = [f for f in report.findings if f.severity == "error"]
    assert errors
    missing = {cell for f in errors for cell in f.cells}
    assert "applications.carried_forward[6]" in missing
    assert any("截断" in f.message or "缺少" in f.message for f in errors)


def test_truncated_report_exits_1_with_its_numbers(tmp_path: Path) -> None:
    import json

    from gongkai.report.model import Report

    path = _truncated(tmp_path)
    result = _cli("parse", "--json", path)
    assert result.returncode == 1
    report = Report.from_json(json.loads(result.stdout))
    assert report.applications["new_received"] == [57, 1, 0, 0, 0, 0, 58]
    codes = {f.code for f in report.findings if f.severity == "error"}
    assert codes, "a truncated report must carry an error-severity finding"
    assert "Traceback" not in result.stderr


# -- samples --------------------------------------------------------------------------------

SAMPLES = sorted(p for p in BAD.glob("*") if p.is_file() and not p.name.endswith((".md", ".expected.json")))


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_bad_sample_fails_loudly(path: Path) -> None:
    try:
        parsed = parse(path)
    except ParseError as exc:
        assert str(exc).startswith(f"{path}: ") and "\n" not in str(exc)
    else:
        assert any(f.severity == "error" for f in parsed.findings), f"{path.name} read without an error finding"
    result = _cli("parse", path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
