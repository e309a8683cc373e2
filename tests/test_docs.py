"""Docs that are checked: the README's commands are the ones CI runs and the ones that exist.

docs/cli.md against the commands is tested in tests/cli/test_help.py; this module holds the README
and the links between the documents.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from gongkai.cli import _register, app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
OWN_DOCS = [
    ROOT / "README.md",
    ROOT / "docs" / "cli.md",
    ROOT / "docs" / "formats.md",
    ROOT / "benchmarks" / "README.md",
]


def _code_lines(markdown: str) -> list[str]:
    blocks = re.findall(r"```(?:bash)?\n(.*?)```", markdown, flags=re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    (command,) = [line for line in _code_lines(README) if "pytest" in line]
    ci_lines = [line.strip() for line in CI.splitlines() if "pytest" in line and not line.lstrip().startswith("#")]
    assert ci_lines == [command]
    assert command.startswith("python3 -m venv .venv && ")


def test_ci_fails_on_errors() -> None:
    assert "set -euo pipefail" in CI
    assert "lint-imports" in CI and "ruff check ." in CI


def test_readme_main_job_runs_on_a_file_in_the_repository() -> None:
    (command,) = [line for line in _code_lines(README) if "gongkai parse" in line]
    assert command.startswith("python3 -m venv .venv && .venv/bin/pip install -e . && ")
    target = command.split()[-1]
    assert (ROOT / target).is_file(), target


def test_commands_named_in_the_readme_exist() -> None:
    _register()
    names = set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    named = set(re.findall(r"`gongkai (\w+)", README))
    assert named and named <= names


@pytest.mark.parametrize("doc", OWN_DOCS, ids=[str(d.relative_to(ROOT)) for d in OWN_DOCS])
def test_relative_links_resolve(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
        if "://" in target:
            continue
        assert (doc.parent / target).exists(), f"{doc.name}: broken link {target}"
