"""Command line: ``gongkai parse``, ``check``, ``render``, ``convert``, ``deadline``, ``calendar`` …

Each command module registers itself on :data:`gongkai.cli.app.app`; importing them here wires them in.
"""

from gongkai.cli.app import app

__all__ = ["app", "main"]


def _register() -> None:
    import importlib

    for name in ("reports", "procedure", "render", "serve", "remind", "report_builder"):
        importlib.import_module(f"gongkai.cli.{name}")


def main() -> None:
    _register()
    app()
