"""The core never sees Django, the web app or the CLI (STYLE habit 1), checked by import-linter.

The contract lives in pyproject.toml; these tests run it and make sure it still names every core
package, so a new core package cannot slip out of it unnoticed.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = {"gongkai.report", "gongkai.parse", "gongkai.render", "gongkai.procedure", "gongkai.corpus"}
EDGE = {"gongkai.cli", "gongkai.web"}


def _contract() -> dict[str, list[str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "forbidden"]
    return contract


def test_contract_covers_every_core_package() -> None:
    packages = {f"gongkai.{p.name}" for p in (ROOT / "src" / "gongkai").iterdir() if p.is_dir() and p.name[0] != "_"}
    assert packages - EDGE <= set(_contract()["source_modules"]), "a core package is missing from the contract"
    assert set(_contract()["source_modules"]) >= CORE
    assert {"django", *EDGE} <= set(_contract()["forbidden_modules"])


def test_core_imports_neither_django_nor_web_nor_cli() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout
