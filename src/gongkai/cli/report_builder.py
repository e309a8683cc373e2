"""``gongkai report build`` and ``gongkai report import``: the workbench's report builder without a browser.

``build`` computes exactly what the builder page shows (for a scheduled run every January);
``import`` parses an earlier year's published report into the agency's history, so the next year's
cross-year check has something to compare with. Django is set up inside the commands, so
``gongkai --help`` stays light.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from gongkai.cli.app import app

__all__ = ["report_app"]

report_app = typer.Typer(
    name="report",
    help="Build an agency's annual report from the workbench's records, or import a published one.",
    no_args_is_help=True,
)
app.add_typer(report_app, name="report")

OUTPUTS = ("json", "html", "docx", "pdf")


def _setup() -> None:
    """Django with the same settings as ``gongkai serve``; one line and exit 2 when the database fails."""
    from django.apps import apps

    if apps.ready:
        return
    from gongkai.cli.serve import _settings_module

    os.environ["DJANGO_SETTINGS_MODULE"] = _settings_module()
    import django
    from django.core.management import call_command

    try:
        django.setup()
        call_command("migrate", interactive=False, verbosity=0)
    except Exception as exc:  # an unreachable database or unwritable data dir: one line, no traceback
        typer.echo(f"error: database: {exc}".splitlines()[0], err=True)
        raise typer.Exit(2) from None


@report_app.command("build")
def build(
    agency: Annotated[str, typer.Argument(help="The agency's code (机关代码), e.g. SFX-ZJ.")],
    year: Annotated[int, typer.Argument(help="The report year.")],
    to: Annotated[str, typer.Option("--to", help="Output: json, html, docx or pdf.")] = "json",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here (default: stdout for json/html).")
    ] = None,
) -> None:
    """Compute AGENCY's report for YEAR from the ledger, register and cases (same as the builder page)."""
    to = to.lower()
    if to not in OUTPUTS:
        typer.echo(f"error: --to: {to!r} is not one of {', '.join(OUTPUTS)}", err=True)
        raise typer.Exit(2)
    if output is None and to in ("docx", "pdf"):
        typer.echo(f"error: -o: a {to} file needs an output path", err=True)
        raise typer.Exit(2)
    _setup()
    import json

    from gongkai.render import render
    from gongkai.web.errors import ServiceError
    from gongkai.web.reports.services import scheduled_report

    try:
        report, findings = scheduled_report(agency, year)
    except ServiceError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2) from None
    if to == "json":
        report.findings = findings
        data = (json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    else:
        data = render(report, to)
    if output is None:
        typer.echo(data.decode("utf-8"), nl=False)
    else:
        try:
            output.write_bytes(data)
        except OSError as exc:
            typer.echo(f"error: {output}: cannot write: {exc.strerror}", err=True)
            raise typer.Exit(1) from None
    errors = [f for f in findings if f.severity == "error"]
    typer.echo(
        f"{agency} {year}: {len(errors)} errors, {len(findings) - len(errors)} warnings"
        + (f"; written to {output}" if output else ""),
        err=True,
    )
    if errors:
        raise typer.Exit(1)


@report_app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="The published report (HTML, DOCX, PDF or text).")],
    agency: Annotated[str, typer.Option("--agency", help="The agency's code (机关代码).")],
    year: Annotated[int | None, typer.Option("--year", help="The report year, when the file does not say.")] = None,
) -> None:
    """Parse a published report into AGENCY's history as that year's published version."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        typer.echo(f"error: {file}: {exc.strerror or 'cannot read'}", err=True)
        raise typer.Exit(1) from None
    _setup()
    from gongkai.web.agencies.models import Agency
    from gongkai.web.errors import ServiceError
    from gongkai.web.reports.services import import_report

    found = Agency.objects.filter(code=agency.strip().upper()).first()
    if found is None:
        typer.echo(f"error: --agency: no agency has the code {agency!r}", err=True)
        raise typer.Exit(2)
    try:
        version = import_report(actor=None, agency=found, data=data, name=file.name, year=year)
    except ServiceError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{found.code} {version.report.year}: imported {file.name} as version {version.number}")
