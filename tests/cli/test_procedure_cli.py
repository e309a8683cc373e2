"""``gongkai deadline`` and ``gongkai calendar load|show`` through the Typer app."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import gongkai.cli.procedure  # noqa: F401  (registers the commands on the app)
from gongkai.cli.app import app

FIXTURE = Path(__file__).parent.parent / "data" / "procedure" / "2027.toml"


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("GONGKAI_DATA_DIR", str(tmp_path))
    return CliRunner()


def test_deadline_prints_the_date(runner: CliRunner) -> None:
    # 2024-09-27 + 20 working days, 国庆 10.1–7 off, 9.29 and 10.12 worked (国办发明电〔2023〕7号)
    result = runner.invoke(app, ["deadline", "--received", "2024-09-27"])
    assert result.exit_code == 0
    assert result.stdout.strip() == "2024-10-30"


def test_deadline_options(runner: CliRunner) -> None:
    args = ["deadline", "--received", "2024-04-30", "--corrected", "2024-05-20"]
    assert runner.invoke(app, args).stdout.strip() == "2024-06-18"
    args = ["deadline", "--received", "2024-12-20", "--extended"]
    assert runner.invoke(app, args).stdout.strip() == "2025-02-21"
    args = [
        "deadline",
        "--received",
        "2024-09-27",
        "--paused",
        "2024-10-08:2024-10-08",
        "--paused",
        "2024-10-09:2024-10-09",
    ]
    assert runner.invoke(app, args).stdout.strip() == "2024-11-01"


def test_deadline_json(runner: CliRunner) -> None:
    args = ["deadline", "--received", "2024-09-27", "--paused", "2024-10-08:2024-10-09", "--json"]
    data = json.loads(runner.invoke(app, args).stdout)
    assert data["due"] == "2024-11-01"
    assert len(data["counted_working_days"]) == 20
    assert data["pauses"] == [["2024-10-08", "2024-10-09"]]
    assert data["paused_working_days"] == ["2024-10-08", "2024-10-09"]
    assert data["provisional"] is False


def test_unknown_year_is_flagged_then_loaded(runner: CliRunner) -> None:
    args = ["deadline", "--received", "2026-12-21", "--json"]
    before = json.loads(runner.invoke(app, args).stdout)
    assert before["provisional"] is True and before["due"] == "2027-01-18"
    shown = runner.invoke(app, ["calendar", "show", "2027"])
    assert shown.exit_code == 0 and "no official schedule" in shown.stdout
    loaded = runner.invoke(app, ["calendar", "load", str(FIXTURE)])
    assert loaded.exit_code == 0 and "loaded 2027" in loaded.stdout
    after = json.loads(runner.invoke(app, args).stdout)
    assert after["provisional"] is False and after["due"] == "2027-01-19"
    assert "春节" in runner.invoke(app, ["calendar", "show", "2027"]).stdout


def test_show_package_year(runner: CliRunner) -> None:
    result = runner.invoke(app, ["calendar", "show", "2025"])
    assert "2025-01-26" in result.stdout and "春节" in result.stdout
    toml = runner.invoke(app, ["calendar", "show", "2025", "--toml"]).stdout
    assert toml.startswith("year = 2025")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["deadline", "--received", "2024-02-30"], "--received: '2024-02-30' is not a date"),
        (["deadline", "--received", "2024-02-01", "--corrected", "soon"], "--corrected"),
        (["deadline", "--received", "2024-02-01", "--paused", "2024-02-05"], "is not START:END"),
        (["deadline", "--received", "2024-02-01", "--paused", "2024-02-05:2024-02-01"], "ends before"),
        (["deadline", "--received", "2024-02-01", "--corrected", "2024-01-01"], "before the receipt date"),
    ],
)
def test_bad_input_is_one_line_exit_2(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_bad_calendar_file(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "2027.toml"
    bad.write_text("year = 2027\n", encoding="utf-8")
    result = runner.invoke(app, ["calendar", "load", str(bad)])
    assert result.exit_code == 2
    assert "source" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("command", [["deadline"], ["calendar"], ["calendar", "load"], ["calendar", "show"]])
def test_every_command_has_help(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.stdout
