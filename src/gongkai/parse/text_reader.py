"""Plain text (web copies, PDF-to-text, OCR'd Markdown) → rows of cells.

Every layout seen in published copies reduces to lines: a line with ``|`` (or tabs) is a row of
cells, where blank cells are real; any other non-empty line is a one-cell row. Markdown separator
lines are dropped. Whether a row's cells form one table row or one cell per line is the
interpreter's business, not this module's.
"""

from __future__ import annotations

import re

from gongkai.parse.document import Document, SourceCell, SourceRef, SourceRow

__all__ = ["read_text"]

_MD_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


_new = tuple.__new__  # building the named tuples directly: one per cell, and parse speed is a target


def read_text(text: str) -> Document:
    """Rows of ``text`` (already normalised); line numbers are 1-based source lines."""
    rows: list[SourceRow] = []
    origin = 0
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if "|" in stripped:
            if "-" in stripped and _MD_SEPARATOR.match(stripped):
                continue
            pieces = stripped.split("|")
            if stripped.startswith("|"):
                pieces = pieces[1:]
            if stripped.endswith("|") and len(pieces) > 1:
                pieces = pieces[:-1]
        elif "\t" in stripped:
            pieces = stripped.split("\t")
        else:
            origin += 1
            ref = _new(SourceRef, (number, 1, None, None, None, None))
            rows.append(SourceRow([_new(SourceCell, (stripped, ref, origin))]))
            continue
        cells = []
        for index, piece in enumerate(pieces, start=1):
            origin += 1
            ref = _new(SourceRef, (number, index, None, None, None, None))
            cells.append(_new(SourceCell, (piece.strip(), ref, origin)))
        rows.append(SourceRow(cells, positional=len(cells) > 1))
    return Document(rows=rows, kind="text")
