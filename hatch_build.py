"""Build hook: compile the parser's hot modules with mypyc (see src/gongkai/parse/native.py for why).

For a wheel the compiled extensions are added to it (the wheel becomes platform-specific); for an
editable install (``pip install -e .``) they are written next to their sources, and skipped when
those are already compiled from the current sources. ``native.json`` records the SHA-256 of every
compiled source, so that at import a source edited since the build runs from its ``.py`` instead.

A machine without a C compiler still gets a working, slower, pure-Python gongkai: the failure is
printed and the build goes on — unless ``GONGKAI_REQUIRE_NATIVE=1`` (CI) makes it an error.
``GONGKAI_PURE_PYTHON=1`` skips compiling altogether.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PACKAGE = Path("src") / "gongkai" / "parse"

# Run in a child process whose working directory is the copied source root, so that mypy finds
# the package by its path and nothing of the build's state leaks into this process.
_COMPILE = """
import sys
from mypyc.build import mypycify
from setuptools import Distribution
from setuptools.command.build_ext import build_ext

paths, out, temp = sys.argv[1].split(","), sys.argv[2], sys.argv[3]
extensions = mypycify(["--ignore-missing-imports", *paths], opt_level="3", target_dir=temp + "/c")
dist = Distribution({"ext_modules": extensions, "script_name": "hatch_build", "script_args": []})
command = build_ext(dist)
command.build_lib = out
command.build_temp = temp + "/o"
command.ensure_finalized()
command.run()
"""


def _native(root: Path) -> ModuleType:
    """src/gongkai/parse/native.py, loaded by its path (standard library only, so it loads here
    before gongkai is installed): the one list of what is compiled and the one manifest check."""
    spec = importlib.util.spec_from_file_location("_gongkai_native", root / PACKAGE / "native.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class NativeBuildHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if os.environ.get("GONGKAI_PURE_PYTHON", "") not in ("", "0"):
            return
        root = Path(self.root)
        package = root / PACKAGE
        native = _native(root)
        if version == "editable" and native.why_source(package, {}) is None:
            return  # the extensions beside the sources were built from exactly these sources
        manifest = {"suffix": importlib.machinery.EXTENSION_SUFFIXES[0], "modules": native.source_hashes(package)}
        work = Path(tempfile.mkdtemp(prefix="gongkai-native-"))
        try:
            built = self._compile(root, native, work)
        except (OSError, subprocess.CalledProcessError) as exc:
            shutil.rmtree(work, ignore_errors=True)
            if os.environ.get("GONGKAI_REQUIRE_NATIVE", "") not in ("", "0"):
                raise RuntimeError(f"gongkai: compiling the parser failed: {exc}") from exc
            sys.stderr.write(f"gongkai: parser not compiled, running from source ({exc})\n")
            return
        if version == "editable":
            (package / "native.json").unlink(missing_ok=True)  # never a manifest beside half-copied files
            for path in built:
                shutil.copy2(path, root / "src" / path.relative_to(work / "lib"))
            (package / "native.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
            shutil.rmtree(work, ignore_errors=True)
            return
        (work / "native.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        force = build_data.setdefault("force_include", {})
        for path in built:
            force[str(path)] = str(path.relative_to(work / "lib"))
        force[str(work / "native.json")] = "gongkai/parse/native.json"
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        self._work = work  # removed in finalize(), after the wheel has taken the files

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)

    def _compile(self, root: Path, native: ModuleType, work: Path) -> list[Path]:
        """Compile ``native.MODULES`` from a copy of the sources; the extension files, under ``work/lib``."""
        source = work / "src"
        shutil.copytree(
            root / "src" / "gongkai", source / "gongkai", ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__")
        )
        modules: tuple[str, ...] = native.MODULES
        paths = ",".join(str(native.source_path(m, Path("gongkai") / "parse")) for m in modules)
        sys.stderr.write(f"gongkai: compiling {len(modules)} parser modules with mypyc (about a minute)\n")
        subprocess.run(
            [sys.executable, "-c", _COMPILE, paths, str(work / "lib"), str(work / "tmp")],
            cwd=source,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        built = sorted((work / "lib").rglob("*" + importlib.machinery.EXTENSION_SUFFIXES[0]))
        expected = {native.compiled_path(m, work / "lib" / "gongkai" / "parse") for m in modules}
        if not expected <= set(built):
            raise OSError(f"mypyc did not produce {sorted(p.name for p in expected - set(built))}")
        return built
