"""``gongkai parse`` and ``gongkai check``: published annual reports → numbers and findings.

Thin on purpose: every file goes through :func:`gongkai.parse.parse` and
:func:`gongkai.report.checks.check`; this module only picks the output (a short rich summary, the
JSON of report-json.md, or CSV with one row per cell), keeps a batch going past a file it cannot
read, and sets the exit code:

* 0 — every file was read and no file has an error-severity finding;
* 1 — some file could not be read (missing, a directory, empty, not a report …) or has an
  error-severity finding; each unreadable file gets one line on stderr naming it and the reason;
* 2 — usage error (unknown option, no FILE, ``--json`` with ``--csv``, ``-o`` into a missing directory).

A missing FILE is deliberately a failed file (exit 1), not a usage error: in a batch of a thousand
downloads one that vanished must not stop the other 999. The parser and the checker are imported
inside the commands so that ``gongkai --help`` does not load lxml or OpenCC.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from gongkai.cli.app import app

if TYPE_CHECKING:
    from gongkai.parse import ParsedReport
    from gongkai.report.model import Finding, Report

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "Outcome", "check_command", "parse_command", "read_file"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
PROGRESS_MIN_FILES = 4
"""Batches of at least this many files get a progress bar (on stderr, and only on a terminal)."""

Files = Annotated[
    list[Path],
    typer.Argument(
        help="Report files: text, HTML, DOCX or PDF (check also takes report JSON).",
        show_default=False,
        metavar="FILE",
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON (an array when several files).")]


@dataclass
class Outcome:
    """What became of one file: a checked report, or the one-line reason it could not be read."""

    file: str
    report: Report | None = None
    parsed: ParsedReport | None = None
    error: str | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def failed(self) -> bool:
        """Counts toward exit code 1: unreadable, or an error-severity finding."""
        return self.error is not None or self.errors > 0


def read_file(path: Path) -> Outcome:
    """Read (or, for ``.json``, load) one report and check it; never raises.

    The parse findings and the checker's findings are merged into ``report.findings`` so the JSON
    output carries both, the reader's first. A report JSON is checked afresh: the findings it
    carries describe the file it was read from, before any correction, so they are replaced.
    """
    from gongkai.parse import ParseError, parse
    from gongkai.report.checks import check, merge_findings
    from gongkai.report.model import Report, ReportJSONError

    name = str(path)
    parsed = None
    try:
        if path.suffix.lower() == ".json":
            report = Report.loads(path.read_text(encoding="utf-8"))
        else:
            parsed = parse(path)
            report = parsed.report
    except ParseError as exc:
        return Outcome(name, error=str(exc))
    except ReportJSONError as exc:
        return Outcome(name, error=f"{name}: not a report JSON ({exc})")
    except FileNotFoundError:
        return Outcome(name, error=f"{name}: file not found")
    except (OSError, UnicodeDecodeError) as exc:
        return Outcome(name, error=f"{name}: cannot be read ({getattr(exc, 'strerror', None) or exc})")
    except Exception as exc:  # the one-line contract holds even for a bug: the batch goes on
        return Outcome(name, error=f"{name}: could not be read ({type(exc).__name__}: {exc})")
    try:
        extra = check(report)
    except Exception as exc:
        return Outcome(name, error=f"{name}: the checker failed ({type(exc).__name__}: {exc})")
    report.findings = merge_findings(report.findings if parsed is not None else [], extra)
    return Outcome(name, report=report, parsed=parsed, findings=report.findings)


def _outcomes(files: list[Path]) -> Iterator[Outcome]:
    """Each file's outcome in argument order, with a progress bar on stderr for larger batches.

    A file that could not be read is reported here, one line on stderr, through the bar's own
    console: a plain write would be erased by the bar's next redraw.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    err = Console(stderr=True)
    show = len(files) >= PROGRESS_MIN_FILES and err.is_terminal
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not show,
        # Lines printed to a terminal stdout go above the bar; a piped stdout (JSON) is left alone.
        redirect_stdout=sys.stdout.isatty(),
        redirect_stderr=False,
    )
    with progress if show else nullcontext():
        task = progress.add_task("reading", total=len(files))
        for path in files:
            outcome = read_file(path)
            if outcome.error is not None:
                err.print(f"error: {outcome.error}", markup=False, highlight=False, emoji=False, soft_wrap=True)
            yield outcome
            progress.advance(task)


def _exit_code(outcomes: list[Outcome]) -> int:
    return EXIT_FAILED if any(o.failed for o in outcomes) else EXIT_OK


def _check_output(output: Path | None) -> None:
    if output is not None and not output.parent.exists():
        raise typer.BadParameter(f"directory {output.parent} does not exist", param_hint="'-o' / '--output'")


def _write(text: str, output: Path | None) -> bool:
    """Write to ``output`` (or stdout); a write failure is one line on stderr and a failed run."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return True
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"error: {output}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return False
    return True


# -- parse ----------------------------------------------------------------------------------


def _json_text(items: list[dict[str, Any]], several: bool) -> str:
    data: Any = items if several else (items[0] if items else None)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _split_cell(cell: str) -> tuple[str, str, str]:
    """``applications.granted[6]`` → (applications, granted, total); dotted ids split on their dots."""
    from gongkai.report.formats import APPLICANT_COLUMNS

    table, _, rest = cell.partition(".")
    if "[" in rest:
        row, _, index = rest.partition("[")
        return table, row, APPLICANT_COLUMNS[int(index.rstrip("]"))]
    row, _, column = rest.partition(".")
    return table, row, column


CSV_HEADER = ("file", "table", "row", "column", "value")


def _csv_text(outcomes: list[Outcome], with_sources: bool) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER + (("source", "printed") if with_sources else ()))
    for outcome in outcomes:
        if outcome.report is None:
            continue
        sources = outcome.parsed.sources if outcome.parsed is not None else {}
        for cell, value in outcome.report.numbers().items():
            row: list[object] = [outcome.file, *_split_cell(cell), "" if value is None else value]
            if with_sources:
                src = sources.get(cell)
                row += [src.ref.describe(), src.raw] if src is not None else ["", ""]
            writer.writerow(row)
    return buffer.getvalue()


def _severity_counts(findings: list[Finding]) -> str:
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def _print_finding(console: Console, finding: Finding, with_cells: bool) -> None:
    style = "red" if finding.severity == "error" else "yellow"
    cells = f" [dim]({escape(', '.join(finding.cells))})[/dim]" if with_cells and finding.cells else ""
    console.print(
        f"  [{style}]{finding.severity:<7}[/{style}] {escape(finding.code)}  {escape(finding.message)}{cells}"
    )


def _print_summary(console: Console, outcome: Outcome) -> None:
    report, parsed = outcome.report, outcome.parsed
    if report is None:
        return
    numbers = report.numbers()
    read = sum(1 for v in numbers.values() if v is not None)
    kind = parsed.kind if parsed is not None else "json"
    encoding = f" ({parsed.encoding})" if parsed is not None and parsed.encoding else ""
    mark = "[red]✗[/red]" if outcome.failed else "[green]✓[/green]"
    console.print(f"{mark} [bold]{escape(outcome.file)}[/bold]")
    console.print(
        f"  {kind}{encoding} · {report.format} format · year {report.year or '?'} · "
        f"{escape(report.agency or 'agency not stated')}"
    )
    console.print(f"  {read} of {len(numbers)} numbers read · {_severity_counts(outcome.findings)}")
    for finding in outcome.findings:
        _print_finding(console, finding, with_cells=False)


@app.command("parse")
def parse_command(
    files: Files,
    as_json: JsonFlag = False,
    as_csv: Annotated[
        bool, typer.Option("--csv", help="Print CSV, one row per cell: file, table, row, column, value.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the JSON or CSV here instead of stdout (.csv implies --csv)."),
    ] = None,
    with_sources: Annotated[
        bool, typer.Option("--sources", help="Add where each number was printed (JSON 'sources', CSV columns).")
    ] = False,
) -> None:
    """Read published annual reports into the model, check them, and print a summary, JSON or CSV.

    Exit code 0 when every file was read without an error-severity finding, 1 otherwise, 2 on a usage error.
    """
    if as_json and as_csv:
        raise typer.BadParameter("choose one of --json and --csv", param_hint="'--json' / '--csv'")
    _check_output(output)
    if output is not None and not as_json and not as_csv:
        as_csv = output.suffix.lower() == ".csv"
        as_json = not as_csv
    console = Console(highlight=False, soft_wrap=True)
    outcomes: list[Outcome] = []
    for outcome in _outcomes(files):
        outcomes.append(outcome)
        if not as_json and not as_csv:
            _print_summary(console, outcome)
    ok = True
    if as_json:
        items = [o.parsed.to_json(with_sources=with_sources) for o in outcomes if o.parsed is not None]
        ok = _write(_json_text(items, several=len(files) > 1), output)
    elif as_csv:
        ok = _write(_csv_text(outcomes, with_sources), output)
    if output is not None and ok:
        read = sum(1 for o in outcomes if o.report is not None)
        print(f"wrote {read} of {len(files)} reports to {output}", file=sys.stderr)
    raise typer.Exit(_exit_code(outcomes) if ok else EXIT_FAILED)


# -- check ----------------------------------------------------------------------------------


def _check_json(outcome: Outcome) -> dict[str, Any]:
    return {
        "file": outcome.file,
        "error": outcome.error,
        "findings": [f.to_json() for f in outcome.findings],
    }


@app.command("check")
def check_command(files: Files, as_json: JsonFlag = False) -> None:
    """Check annual reports (published files or report JSON) and print every finding with its cells.

    Exit code 0 when every file was read and has no error-severity finding, 1 otherwise, 2 on a usage error.
    """
    console = Console(highlight=False, soft_wrap=True)
    outcomes: list[Outcome] = []
    for outcome in _outcomes(files):
        outcomes.append(outcome)
        if as_json or outcome.report is None:
            continue
        mark = "[red]✗[/red]" if outcome.failed else "[green]✓[/green]"
        summary = _severity_counts(outcome.findings) if outcome.findings else "no findings"
        console.print(f"{mark} [bold]{escape(outcome.file)}[/bold]: {summary}")
        for finding in outcome.findings:
            _print_finding(console, finding, with_cells=True)
    if as_json:
        items = [_check_json(o) for o in outcomes]
        data: Any = items if len(files) > 1 else items[0]
        _write(json.dumps(data, ensure_ascii=False, indent=2) + "\n", None)
    raise typer.Exit(_exit_code(outcomes))
