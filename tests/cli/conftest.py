"""Shared pieces for the command-line tests: the wired-up Typer app and a runner with stderr apart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from gongkai.cli import _register, app

SEEDS = Path(__file__).resolve().parents[1] / "data" / "parse" / "seeds"
CLEAN_SEED = SEEDS / "002_5dfa3dd5397cb6f4.txt"
"""A seed on which neither the reader nor the checker finds anything (2019 format, all cells printed)."""
WARNING_SEED = SEEDS / "001_0786ebd486ce37d5.txt"
"""A seed whose narrative says 答复54件 while its table totals 58: a warning, not an error."""

_register()


@pytest.fixture
def run() -> Callable[..., Result]:
    runner = CliRunner()

    def invoke(*args: str | Path) -> Result:
        return runner.invoke(app, [str(a) for a in args])

    return invoke
