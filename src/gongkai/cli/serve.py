"""``gongkai serve``: migrate the database, optionally load the demo, serve with waitress.

Django and waitress are imported inside the command, so ``gongkai --help`` stays light. Settings:
``$DJANGO_SETTINGS_MODULE`` if set, else the production settings when ``GONGKAI_SECRET_KEY`` is set,
else the local settings (SQLite and a generated key in the data directory).
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

from gongkai.cli.app import app

__all__ = ["serve"]


def _settings_module() -> str:
    if os.environ.get("DJANGO_SETTINGS_MODULE"):
        return os.environ["DJANGO_SETTINGS_MODULE"]
    return "gongkai.web.settings.prod" if os.environ.get("GONGKAI_SECRET_KEY") else "gongkai.web.settings.local"


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    demo: Annotated[
        bool, typer.Option("--demo", help="Load the demo county and users (password gongkai-demo) first.")
    ] = False,
    threads: Annotated[int, typer.Option("--threads", help="Worker threads of the server.")] = 8,
) -> None:
    """Serve the workbench (政府信息公开工作台) with waitress after applying migrations."""
    os.environ["DJANGO_SETTINGS_MODULE"] = _settings_module()
    os.environ.setdefault("GONGKAI_ALLOWED_HOSTS", ",".join(sorted({"localhost", "127.0.0.1", host})))
    import django
    from django.conf import settings
    from django.core.management import call_command

    try:
        django.setup()
        call_command("migrate", interactive=False, verbosity=0)
    except Exception as exc:  # a wrong database URL or an unwritable data dir: one line, no traceback
        typer.echo(f"error: database: {exc}".splitlines()[0], err=True)
        raise typer.Exit(2) from None
    typer.echo(f"database: {settings.DATABASES['default']['NAME']}")
    from gongkai.web.clock import today, workday_calendar
    from gongkai.web.ledger.services import recompute_open_applications

    if demo:
        from gongkai.web.demo import DEMO_PASSWORD, load_demo

        summary = load_demo(today=today(), calendar=workday_calendar())
        verb = "loaded" if summary.created else "already present"
        typer.echo(f"demo {verb}: {summary.agencies} agencies, {summary.applications} applications")
        typer.echo(f"demo users ({DEMO_PASSWORD}): {', '.join(summary.users)}")
    recomputed = recompute_open_applications(calendar=workday_calendar(), today=today())
    typer.echo(f"deadlines of {recomputed} open applications recomputed")
    from waitress import serve as waitress_serve

    from gongkai.web.wsgi import application

    typer.echo(f"serving on http://{host}:{port}/ (Ctrl+C stops)")
    waitress_serve(application, host=host, port=port, threads=threads)
