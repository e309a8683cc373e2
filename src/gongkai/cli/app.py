"""The Typer application every command module registers on (thin: each command calls one library function)."""

import typer

__all__ = ["app"]

app = typer.Typer(
    name="gongkai",
    help="gongkai (公开): read, check and write 政府信息公开工作年度报告; statutory deadlines.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
