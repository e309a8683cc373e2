"""``gongkai render`` and ``gongkai convert``: a report written in the official layouts.

Thin on purpose: ``render`` loads report JSON (report-json.md) and calls
:func:`gongkai.render.render`; ``convert`` reads any source :func:`gongkai.parse.parse` reads (or
report JSON) and writes whatever the output's suffix names. Exit codes follow docs/cli.md: 0 done,
1 the input could not be read (missing file, bad JSON — the message names the file and the key,
unreadable report), 2 usage (unknown format or suffix, output into a missing directory). A note
on stderr says which official fonts are not installed here when a DOCX or PDF is written.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from gongkai.cli.app import app

if TYPE_CHECKING:
    from gongkai.report.model import Report

__all__ = ["SUFFIXES", "Writable", "convert_command", "render_command"]

EXIT_FAILED = 1
EXIT_USAGE = 2

SUFFIXES: dict[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".md": "md",
    ".markdown": "md",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".json": "json",
}
"""Output suffix → what ``convert`` writes (``json`` is the report JSON itself)."""


class Writable(StrEnum):
    """What ``render --to`` accepts (gongkai.render.FORMATS; listed here so --help needs no import)."""

    html = "html"
    docx = "docx"
    pdf = "pdf"
    md = "md"
    csv = "csv"
    xlsx = "xlsx"


class _Failed(Exception):
    """A one-line reason and the exit code it means."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


def _load_json(path: Path) -> Report:
    from gongkai.report.model import Report, ReportJSONError

    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise _Failed(f"{path}: file not found") from None
    except IsADirectoryError:
        raise _Failed(f"{path}: is a directory, not a report file") from None
    except UnicodeDecodeError:
        raise _Failed(f"{path}: not UTF-8 text, so not report JSON") from None
    except OSError as exc:
        raise _Failed(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        return Report.loads(text)
    except ReportJSONError as exc:
        raise _Failed(f"{path}: {exc}") from None


def _read_any(path: Path) -> Report:
    if path.suffix.lower() == ".json":
        return _load_json(path)
    from gongkai.parse import ParseError, parse

    try:
        return parse(path).report
    except ParseError as exc:
        raise _Failed(str(exc)) from None


def _target(output: Path, to: str | None) -> str:
    if to is not None:
        return to
    kind = SUFFIXES.get(output.suffix.lower())
    if kind is None:
        known = ", ".join(sorted(SUFFIXES))
        raise _Failed(f"{output}: cannot tell the output format from the suffix (known: {known})", EXIT_USAGE)
    return kind


def _produce(report: Report, kind: str) -> bytes:
    if kind == "json":
        return (report.dumps() + "\n").encode("utf-8")
    from gongkai.render import render

    return render(report, kind)


def _font_note(kind: str) -> None:
    if kind not in ("docx", "pdf"):
        return
    from gongkai.render.fonts import substitutions

    missing = substitutions()
    if not missing:
        return
    if kind == "docx":
        names = "、".join(dict.fromkeys(official for official, _ in missing.values()))
        note = f"the DOCX names {names}; they are not installed here, so this machine's Word/LibreOffice substitutes"
    else:
        used = ", ".join(f"{official}→{fallback}" for official, fallback in missing.values())
        note = f"fonts substituted in the PDF: {used}"
    print(f"note: {note}", file=sys.stderr)


def _write(data: bytes, output: Path) -> None:
    if str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    if not output.parent.is_dir():
        raise _Failed(f"{output}: directory {output.parent} does not exist", EXIT_USAGE)
    try:
        output.write_bytes(data)
    except OSError as exc:
        raise _Failed(f"{output}: cannot write ({exc.strerror or exc})") from None


def _run(source: Path, output: Path, to: str | None, *, json_only: bool) -> None:
    try:
        kind = _target(output, to)
        if json_only and kind == "json":
            raise _Failed("render writes html, docx, pdf, md, csv or xlsx; use convert to write JSON", EXIT_USAGE)
        report = _load_json(source) if json_only else _read_any(source)
        data = _produce(report, kind)
        _write(data, output)
    except _Failed as failure:
        print(f"error: {failure}", file=sys.stderr)
        raise typer.Exit(failure.code) from None
    _font_note(kind)


@app.command("render")
def render_command(
    report_file: Annotated[
        Path, typer.Argument(help="Report JSON (report-json.md), e.g. from `gongkai parse --json`.")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write; - for stdout.")],
    to: Annotated[
        Writable | None,
        typer.Option("--to", help="Output format; default: from the suffix of -o.", show_default=False),
    ] = None,
) -> None:
    """Write a report JSON in the official layout: HTML, DOCX (GB/T 9704), PDF, Markdown, CSV or XLSX."""
    _run(report_file, output, to.value if to is not None else None, json_only=True)


@app.command("convert")
def convert_command(
    source: Annotated[Path, typer.Argument(help="A published report (text, HTML, DOCX, PDF) or report JSON.")],
    output: Annotated[
        Path,
        typer.Option(
            "-o", "--output", help="File to write; its suffix picks the format (.html .docx .pdf .md .csv .xlsx .json)."
        ),
    ],
) -> None:
    """Read a report in any readable format and write it in another, chosen by the suffix of -o."""
    _run(source, output, None, json_only=False)
