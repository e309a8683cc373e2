"""Writing annual reports in the official layouts: HTML, DOCX (GB/T 9704), PDF, Markdown, CSV, XLSX.

``render(report, to)`` is the one entry point; every format is drawn from the same layout model
(:mod:`gongkai.render.layout`), itself derived from the format definition. Heavy libraries
(python-docx, WeasyPrint, openpyxl) are imported only by the writer that needs them.
"""

from __future__ import annotations

from collections.abc import Callable

from gongkai.report.model import Report

__all__ = ["FORMATS", "RenderError", "render", "render_html_fragment"]

FORMATS: tuple[str, ...] = ("html", "docx", "pdf", "md", "csv", "xlsx")
"""What ``render`` writes (also the file suffixes ``gongkai convert`` recognises)."""


class RenderError(ValueError):
    """A request ``render`` cannot satisfy (unknown output format); the message says why."""


def _writer(to: str) -> Callable[[Report], bytes]:
    if to == "html":
        from gongkai.render.html import render_html

        return lambda r: render_html(r).encode("utf-8")
    if to == "md":
        from gongkai.render.markdown import render_markdown

        return lambda r: render_markdown(r).encode("utf-8")
    if to == "docx":
        from gongkai.render.docx import render_docx

        return render_docx
    if to == "pdf":
        from gongkai.render.pdf import render_pdf

        return render_pdf
    if to == "csv":
        from gongkai.render.tabular import render_csv

        return render_csv
    if to == "xlsx":
        from gongkai.render.tabular import render_xlsx

        return render_xlsx
    raise RenderError(f"cannot write {to!r}; writable formats: {', '.join(FORMATS)}")


def render(report: Report, to: str) -> bytes:
    """``report`` written as ``to`` (one of :data:`FORMATS`), as the bytes of the file."""
    return _writer(to.lower().lstrip("."))(report)


def render_html_fragment(report: Report) -> str:
    """The report as an embeddable ``<article>`` (see :func:`gongkai.render.html.render_html_fragment`)."""
    from gongkai.render.html import render_html_fragment as fragment

    return fragment(report)
