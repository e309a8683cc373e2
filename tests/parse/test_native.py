"""The compiled parser (parse/native.py): when it runs, when its sources run instead, and that both read alike."""

from __future__ import annotations

import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.parse import native

DATA = Path(__file__).resolve().parents[1] / "data" / "parse"


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A copy of the group's sources with fake extensions and a manifest that matches them."""
    for module in native.MODULES:
        shutil.copy2(native.source_path(module), native.source_path(module, tmp_path))
        native.compiled_path(module, tmp_path).write_bytes(b"")
    manifest = {"suffix": importlib.machinery.EXTENSION_SUFFIXES[0], "modules": native.source_hashes(tmp_path)}
    (tmp_path / "native.json").write_text(json.dumps(manifest), encoding="utf-8")
    return tmp_path


def test_current_build_runs_compiled(package: Path) -> None:
    assert native.why_source(package, {}) is None


def test_edited_source_makes_the_group_run_from_source(package: Path) -> None:
    interpret = native.source_path("gongkai.parse.interpret", package)
    interpret.write_text(interpret.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert native.why_source(package, {}) == "sources changed since the build: interpret"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda p: (p / "native.json").unlink(), "not compiled"),
        (lambda p: (p / "native.json").write_text("{", encoding="utf-8"), "native.json unreadable"),
        (lambda p: native.compiled_path("gongkai.parse.labels", p).unlink(), "compiled files missing"),
        (
            lambda p: (p / "native.json").write_text(
                json.dumps({**json.loads((p / "native.json").read_text()), "suffix": ".cpython-399.so"})
            ),
            "compiled for another Python",
        ),
    ],
)
def test_reasons_to_run_from_source(package: Path, change, reason: str) -> None:  # type: ignore[no-untyped-def]
    change(package)
    assert native.why_source(package, {}) == reason


def test_environment_asks_for_source(package: Path) -> None:
    assert native.why_source(package, {"GONGKAI_PURE_PYTHON": "1"}) == "GONGKAI_PURE_PYTHON is set"
    assert native.why_source(package, {"GONGKAI_PURE_PYTHON": "0"}) is None


_DUMP = """
import json, sys
from pathlib import Path
from gongkai.parse import ParseError, native, parse
import gongkai.parse.interpret as interpret
out = {"status": native.STATUS, "interpret": interpret.__file__, "reports": {}}
for name in sys.argv[1:]:
    try:
        parsed = parse(name)
    except ParseError as exc:
        out["reports"][name] = str(exc)
        continue
    findings = [[f.code, f.message, list(f.cells)] for f in parsed.findings]
    out["reports"][name] = [parsed.to_json(with_sources=True), findings]
print(json.dumps(out, ensure_ascii=False, default=str))
"""


def _dump(files: list[str], pure: bool) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "GONGKAI_PURE_PYTHON"}
    if pure:
        env["GONGKAI_PURE_PYTHON"] = "1"
    done = subprocess.run([sys.executable, "-c", _DUMP, *files], env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_compiled_and_source_read_every_sample_alike() -> None:
    """The same reports, sources and findings from the compiled group and from its Python sources."""
    files = sorted(
        str(p)
        for p in DATA.rglob("*")
        if p.is_file() and p.suffix in (".txt", ".md", ".html", ".htm", ".docx", ".pdf") and "bad" not in p.parts
    )
    assert len(files) > 40
    source = _dump(files, pure=True)
    assert str(source["interpret"]).endswith("interpret.py")
    assert str(source["status"]).startswith("source (")
    installed = _dump(files, pure=False)
    assert installed["reports"] == source["reports"]
