"""Whether the parser's hot modules run compiled (mypyc) or from their Python source, and the guard.

Parse speed is a target (issue 2: at most 5× the cost of merely decoding and OpenCC-converting a
report), and the walk over a report's rows is pure Python work that CPython runs several times
slower than the same code compiled. So the build (``hatch_build.py``) compiles the modules listed
in :data:`MODULES` with mypyc, a well-kept compiler of type-annotated Python (mypy's own), and
records the SHA-256 of each source it compiled in ``native.json`` beside this file. The Python
sources stay the definition: the compiled modules are the same code, and every test runs on them.

A compiled module silently shadows its ``.py``, so a source edited after the build would not run —
and mypyc's modules call each other directly in C, so one stale module makes the whole group
stale. :func:`install` therefore compares the recorded hashes with the sources at import and, when
any differs (or ``GONGKAI_PURE_PYTHON=1`` asks for it), makes every module of the group load from
its ``.py``. :data:`STATUS` says which happened; the benchmarks print it.

Standard library only: this runs before any other module of the parser is imported.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

__all__ = ["MANIFEST", "MODULES", "STATUS", "install", "source_hashes"]

MODULES: tuple[str, ...] = (
    "gongkai.parse.document",
    "gongkai.parse.format_detection",
    "gongkai.parse.html_reader",
    "gongkai.parse.interpret",
    "gongkai.parse.labels",
    "gongkai.parse.metadata",
    "gongkai.parse.normalize",
    "gongkai.parse.numbers",
    "gongkai.parse.reader",
    "gongkai.parse.recover",
    "gongkai.parse.text_reader",
)
"""The modules compiled together (one mypyc group); the build hook reads this tuple."""

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "native.json"
PURE_ENV = "GONGKAI_PURE_PYTHON"

STATUS = "source (not installed yet)"
"""``"compiled"``, or ``"source (<why>)"`` once :func:`install` has run."""


def source_path(module: str, root: Path = HERE) -> Path:
    """The ``.py`` file of one of :data:`MODULES` (they all live in this package)."""
    return root / (module.rsplit(".", 1)[1] + ".py")


def compiled_path(module: str, root: Path = HERE) -> Path:
    """Where the compiled extension of ``module`` sits for this interpreter."""
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    return root / (module.rsplit(".", 1)[1] + suffix)


def source_hashes(root: Path = HERE, modules: Sequence[str] = MODULES) -> dict[str, str]:
    """SHA-256 of each module's source, as the build records them."""
    return {m: hashlib.sha256(source_path(m, root).read_bytes()).hexdigest() for m in modules}


def why_source(root: Path = HERE, environ: os._Environ[str] | dict[str, str] = os.environ) -> str | None:
    """Why the group must run from source (None: the compiled modules are current)."""
    if environ.get(PURE_ENV, "") not in ("", "0"):
        return f"{PURE_ENV} is set"
    manifest = root / "native.json"
    if not manifest.exists():
        return "not compiled"
    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "native.json unreadable"
    if recorded.get("suffix") != importlib.machinery.EXTENSION_SUFFIXES[0]:
        return "compiled for another Python"
    modules = recorded.get("modules", {})
    if set(modules) != set(MODULES):
        return "compiled module list differs"
    if any(not compiled_path(m, root).exists() for m in MODULES):
        return "compiled files missing"
    try:
        current = source_hashes(root)
    except OSError:
        return "sources unreadable"
    stale = sorted(m.rsplit(".", 1)[1] for m in MODULES if modules[m] != current[m])
    if stale:
        return "sources changed since the build: " + ", ".join(stale)
    return None


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Finds the group's modules as ``.py`` files, ahead of the compiled extensions beside them."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in MODULES:
            return None
        return importlib.util.spec_from_file_location(fullname, source_path(fullname, self.root))


def install() -> str:
    """Decide compiled or source for the group, before any of it is imported; return :data:`STATUS`."""
    global STATUS
    reason = why_source()
    if reason is None:
        STATUS = "compiled"
    else:
        STATUS = f"source ({reason})"
        if not any(isinstance(f, _SourceFinder) for f in sys.meta_path):
            sys.meta_path.insert(0, _SourceFinder(HERE))
    return STATUS
