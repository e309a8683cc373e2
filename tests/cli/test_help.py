"""Every command has help and a section in docs/cli.md; ``gongkai --help`` loads no heavy library."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import Result

from gongkai.cli import app

ROOT = Path(__file__).resolve().parents[2]
CLI_DOC = ROOT / "docs" / "cli.md"


def _commands(group: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every command and sub-command; Typer bundles its own click, so groups are told by their ``commands``."""
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        yield path, command
        if hasattr(command, "commands"):
            yield from _commands(command, path)


COMMANDS = list(_commands(typer.main.get_command(app)))
IDS = [" ".join(path) for path, _ in COMMANDS]


def test_the_report_commands_are_registered() -> None:
    assert {"parse", "check"} <= set(IDS)


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_command_has_help(run: Callable[..., Result], path: tuple[str, ...], command: Any) -> None:
    assert (command.help or "").strip(), f"gongkai {' '.join(path)} has no help text"
    result = run(*path, "--help")
    assert result.exit_code == 0
    assert f"gongkai {' '.join(path)}" in " ".join(result.stdout.split())


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=IDS)
def test_command_is_documented(path: tuple[str, ...]) -> None:
    headings = [line.strip("# ").strip() for line in CLI_DOC.read_text(encoding="utf-8").splitlines()]
    wanted = f"`gongkai {' '.join(path)}`"
    assert wanted in headings, f"docs/cli.md has no heading {wanted}"


def test_documented_commands_exist() -> None:
    """The reverse direction: docs/cli.md does not describe a command that is gone."""
    documented = {
        line.strip("# ").strip().strip("`").removeprefix("gongkai ")
        for line in CLI_DOC.read_text(encoding="utf-8").splitlines()
        if line.startswith("#") and line.strip("# ").startswith("`gongkai ")
    }
    assert documented <= set(IDS)


HEAVY = ("lxml", "opencc", "weasyprint", "docx", "openpyxl", "pdfplumber", "django", "dask", "duckdb")


def test_help_stays_light() -> None:
    """Loading every command module must not import a heavy library (they load inside the commands)."""
    code = (
        "import sys\n"
        "from gongkai.cli import _register\n"
        "_register()\n"
        f"print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


def test_console_script_help_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import sys; sys.argv = ['gongkai', '--help']; from gongkai.cli import main; main()"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert "parse" in result.stdout and "check" in result.stdout
