"""Plain text (web copies, PDF-to-text, OCR'd Markdown) → rows of cells.

Every layout seen in published copies reduces to lines: a line with ``|`` (or tabs, or the box
characters │ ┃ ║) is a row of cells, where blank cells are real; any other non-empty line is a
one-cell row. Markdown separator lines and box rule lines are dropped, and Markdown bold marks
(``**…**``) around labels and values removed. Whether a row's cells form
one table row or one cell per line is the interpreter's business, not this module's.
"""

from __future__ import annotations

import re

from gongkai.parse.document import Document, Row, TextRow

__all__ = ["read_text", "split_cells"]

_MD_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


_BOX_BARS = str.maketrans({"│": "|", "┃": "|", "║": "|"})
_BOX_RULE = re.compile(r"^[\u2500-\u257f\s]+$")
# Markdown emphasis of OCR and converter output: "| **一、本年新收…** | **58** |"; paired marks within a line
_MD_STRONG = re.compile(r"\*\*([^*\n]+)\*\*")


def read_text(text: str) -> Document:
    """Rows of ``text`` (already normalised); line numbers are 1-based source lines."""
    if "│" in text or "┃" in text or "║" in text:
        # a table drawn with box characters (console converters): bars are cell separators, and
        # rule lines (┌──┬──┐, ├──┼──┤) are dropped like Markdown separator lines
        text = "\n".join("" if _BOX_RULE.match(line) else line for line in text.translate(_BOX_BARS).split("\n"))
    if "*" in text and "**" in text:  # a one-character search is the quicker test of most texts
        text = _MD_STRONG.sub(r"\1", text)
    rows: list[Row] = []
    number = 0  # 1-based source line
    for line in text.split("\n"):
        number += 1
        stripped = line.strip()
        if not stripped:
            continue
        if "|" not in stripped and "\t" not in stripped:  # most lines: one cell
            rows.append(TextRow([stripped], number))
            continue
        if stripped[-1] == "|" and stripped.count("|") == 1:  # split_cells' first case, inline: "0 |"
            rows.append(TextRow([stripped[:-1].strip()], number))
            continue
        cells = split_cells(stripped)
        if cells is not None:
            rows.append(TextRow(cells[0], number, cells[1]))
    return Document(rows=rows, kind="text")


def split_cells(stripped: str) -> tuple[list[str], bool] | None:
    """The cells of one stripped line holding ``|`` or tabs, and whether blank cells are real
    (positional); None for a Markdown separator line. Also used for text lines inside HTML pages."""
    if "|" in stripped:
        if "-" in stripped and _MD_SEPARATOR.match(stripped):
            return None
        if stripped[-1] == "|" and stripped.count("|") == 1:  # "0 |": one cell per line, pipe after it
            return [stripped[:-1].strip()], False
        pieces = stripped.split("|")
        if stripped[0] == "|":
            del pieces[0]
        if stripped[-1] == "|" and len(pieces) > 1:
            del pieces[-1]
    else:
        pieces = stripped.split("\t")
    return [piece.strip() for piece in pieces], len(pieces) > 1
