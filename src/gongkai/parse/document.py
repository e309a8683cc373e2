"""What every reader (text, HTML, DOCX, PDF) hands to the interpreter: rows of cells with positions.

A reader's only job is layout: turn its source into physical rows (a text line, an HTML/DOCX
table row with spans expanded, a paragraph) whose cells carry normalised text and where they came
from. The interpreter then finds the report in those rows the same way whatever the source was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

__all__ = ["Document", "FieldsCompared", "Row", "SourceCell", "SourceRef", "SourceRow", "TextRow"]


class FieldsCompared:
    """Compared, hashed and pickled by its fields (the attributes named in ``FIELDS``, in the order
    of the constructor's arguments), as the named tuples these classes replaced were."""

    __slots__ = ()
    FIELDS: ClassVar[tuple[str, ...]] = ()

    def fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.FIELDS)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.fields() == other.fields()

    def __hash__(self) -> int:
        return hash(self.fields())

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        """Pickled as its constructor and fields (compiled classes cannot be built empty)."""
        return (type(self), self.fields())


class SourceRef(FieldsCompared):
    """Where a value was printed: a text line and cell, or a table, row and column.

    A slotted class rather than a named tuple: readers make one per cell, parsing speed is a
    target, and compiled (native.py) it is built natively, where a named tuple is built through a
    generic call. Compared and hashed by its fields, as the named tuple was.
    """

    __slots__ = ("cell", "column", "line", "page", "row", "table")
    FIELDS = ("line", "cell", "table", "row", "column", "page")

    def __init__(
        self,
        line: int | None = None,
        cell: int | None = None,
        table: int | None = None,
        row: int | None = None,
        column: int | None = None,
        page: int | None = None,
    ) -> None:
        self.line = line
        self.cell = cell
        self.table = table
        self.row = row
        self.column = column
        self.page = page

    def __repr__(self) -> str:
        return "SourceRef(" + ", ".join(f"{name}={value}" for name, value in self.to_json().items()) + ")"

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
        return {name: value for name in self.FIELDS if (value := getattr(self, name)) is not None}


class SourceCell(FieldsCompared):
    """One cell of a physical row. ``origin`` is shared by the copies of one merged (spanned) cell."""

    __slots__ = ("origin", "ref", "text")
    FIELDS = ("text", "ref", "origin")

    def __init__(self, text: str, ref: SourceRef, origin: int = -1) -> None:
        self.text = text
        self.ref = ref
        self.origin = origin

    def __repr__(self) -> str:
        return f"SourceCell({self.text!r}, {self.ref!r}, {self.origin})"


class SourceRow:
    """A physical row of cells that carry their own positions (HTML, DOCX and PDF tables).

    ``positional`` is true when blank cells are real cells (pipes, tables). The interpreter reads
    only ``texts`` and ``refs`` (or ``line``), the interface :class:`TextRow` shares: one entry per
    distinct cell, so the copies of a cell spanning several columns count once.
    """

    __slots__ = ("cells", "positional", "refs", "texts")
    line = None  # positions are in ``refs``

    def __init__(
        self,
        cells: list[SourceCell],
        positional: bool = False,
        distinct: tuple[list[str], list[SourceRef]] | None = None,
    ) -> None:
        self.cells = cells
        self.positional = positional
        if distinct is None:  # readers that know them while building the row pass texts and refs
            texts: list[str] = []
            refs: list[SourceRef] = []
            last = None
            for cell in cells:
                if cell.origin != last:
                    texts.append(cell.text)
                    refs.append(cell.ref)
                    last = cell.origin
            distinct = (texts, refs)
        self.texts = distinct[0]
        self.refs: list[SourceRef] | None = distinct[1]

    def ref(self, index: int) -> SourceRef:
        """Where the ``index``-th distinct cell was printed."""
        assert self.refs is not None
        return self.refs[index]

    def __repr__(self) -> str:
        return f"SourceRow({self.cells!r}, positional={self.positional})"

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return (SourceRow, (self.cells, self.positional, (self.texts, self.refs)))


class TextRow:
    """A line of plain text: its cells are positioned by the line number and their order alone.

    Positions are made only for the cells that need one (values and labels, when the interpreter
    keeps them), not for every cell: readers of text made two tuples per cell, and that was a fifth
    of the parse time of a text report (parse speed is a target, issue 2). A slotted class, like
    :class:`SourceRow`: compiled (native.py), both are built and read without calls into Python
    code. ``refs`` is always None: it is there so the interpreter reads both kinds of row the same way.
    """

    __slots__ = ("line", "positional", "refs", "texts")

    def __init__(self, texts: list[str], line: int, positional: bool = False) -> None:
        self.texts = texts
        self.line = line
        self.positional = positional
        self.refs: None = None

    def ref(self, index: int) -> SourceRef:
        """Where the ``index``-th cell was printed: this line, cell ``index + 1``."""
        return SourceRef(self.line, index + 1)

    @property
    def cells(self) -> list[SourceCell]:
        """The cells with their positions (for readers and tests; the interpreter does not need them)."""
        return [SourceCell(text, self.ref(i), i + 1) for i, text in enumerate(self.texts)]

    def __repr__(self) -> str:
        return f"TextRow({self.texts!r}, {self.line}, positional={self.positional})"

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return (TextRow, (self.texts, self.line, self.positional))


Row = SourceRow | TextRow


@dataclass
class Document:
    """The rows of one source, in reading order, plus what the reader learnt on the way."""

    rows: Sequence[Row]
    kind: str
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)
    sideways_pages: list[int] = field(default_factory=list)  # PDF pages printed turned, their text not read
    image_pages: list[int] = field(default_factory=list)  # PDF pages that are images with little or no text
