"""The report as PDF: the HTML page drawn by WeasyPrint with Debian's Noto CJK fonts.

Why WeasyPrint and not LibreOffice (docs/render.md): it is a Python library (no office suite, no
headless process to babysit, no profile directory races when several workers convert at once),
it lays out the very HTML the portal shows — so the PDF and the web page cannot drift apart — and
with libharfbuzz-subset it embeds only the glyphs used, which keeps a CJK PDF at a few hundred KB
instead of the 20 MB of a full Noto CJK face. The CSS names the GB/T 9704 fonts first; where they
are not installed (never on Debian) fontconfig resolves the stack to Noto Serif/Sans CJK SC.
"""

from __future__ import annotations

from gongkai.render.html import render_html
from gongkai.report.model import Report

__all__ = ["render_pdf"]


def render_pdf(report: Report) -> bytes:
    """PDF bytes of :func:`gongkai.render.html.render_html` (A4, "— 1 —" page numbers)."""
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    pdf = HTML(string=render_html(report)).write_pdf()
    assert pdf is not None
    return bytes(pdf)
