"""Reading published annual reports: ``parse(path_or_bytes) -> ParsedReport``.

Text, HTML (and, through their adapters, DOCX and PDF) in simplified or traditional characters
become one :class:`~gongkai.report.model.Report`, with the source position of every number. A
source that is not a readable report raises :class:`ParseError` with a one-line reason; anything
that can be read is returned, with unreadable cells as ``None`` and findings saying why.
"""

from gongkai.parse import native

native.install()  # compiled modules, or their sources when those changed since the build (native.py)

from gongkai.parse.errors import ParseError  # noqa: E402
from gongkai.parse.reader import MAX_BYTES, ParsedReport, parse  # noqa: E402

__all__ = ["MAX_BYTES", "ParseError", "ParsedReport", "parse"]
