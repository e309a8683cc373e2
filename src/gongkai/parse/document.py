"""What every reader (text, HTML, DOCX, PDF) hands to the interpreter: rows of cells with positions.

A reader's only job is layout: turn its source into physical rows (a text line, an HTML/DOCX
table row with spans expanded, a paragraph) whose cells carry normalised text and where they came
from. The interpreter then finds the report in those rows the same way whatever the source was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

__all__ = ["Document", "SourceCell", "SourceRef", "SourceRow"]


class SourceRef(NamedTuple):
    """Where a value was printed: a text line and cell, or a table, row and column.

    A named tuple because readers make one per cell and parsing speed is a target.
    """

    line: int | None = None
    cell: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    page: int | None = None

    def describe(self) -> str:
        """Where, in the words of a Chinese message: "第3页 表2 第5行第3列", "第29行第1格"."""
        parts = []
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.table is not None:
            parts.append(f"表{self.table} 第{self.row}行第{self.column}列")
        elif self.line is not None:
            parts.append(f"第{self.line}行" + (f"第{self.cell}格" if self.cell and self.cell > 1 else ""))
        return " ".join(parts)

    def to_json(self) -> dict[str, int]:
        return {k: v for k, v in self._asdict().items() if v is not None}


class SourceCell(NamedTuple):
    """One cell of a physical row. ``origin`` is shared by the copies of one merged (spanned) cell."""

    text: str
    ref: SourceRef
    origin: int = -1


@dataclass(slots=True)
class SourceRow:
    """A physical row. ``positional`` is true when blank cells are real cells (pipes, tables)."""

    cells: list[SourceCell]
    positional: bool = False


@dataclass
class Document:
    """The rows of one source, in reading order, plus what the reader learnt on the way."""

    rows: list[SourceRow]
    kind: str
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)
