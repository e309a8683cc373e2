"""Word (.docx) reports → rows of cells, in body order, with merged table cells resolved.

Agencies file the annual report as a Word document laid out like the official format, so its
tables carry the same merges as the HTML copies: horizontal spans (``w:gridSpan``) and vertical
ones (``w:vMerge``, e.g. the "三、本年度办理结果" cell over the 22 outcome rows). Each grid row
repeats a merged cell at every position it covers, sharing one ``origin``, exactly as the HTML
reader does, so the interpreter sees the same rows whatever the source. Paragraphs outside tables
become one-cell rows (one per line). A table cell that holds a table of its own is a layout frame
(the whole report typed inside a one-cell table, two tables side by side): its paragraphs and
tables are read in order as if they stood in the body. Headers, footers and text boxes are not
part of the report's tables and are left out.

python-docx only opens the package and parses the XML here; the walk over the body and the grid
are our own, because python-docx's ``row.cells`` raises on a ``vMerge="continue"`` cell that has
no cell above it, which damaged or hand-edited files do contain.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from gongkai.parse.document import Document, SourceCell, SourceRef, SourceRow
from gongkai.parse.errors import ParseError
from gongkai.parse.normalize import normalize_text

__all__ = ["MAX_DOCUMENT_XML_BYTES", "read_docx"]

MAX_DOCUMENT_XML_BYTES = 256 * 1024 * 1024
"""Largest unpacked word/document.xml read: a report is well under 5 MB; more is a zip bomb."""

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAX_SPAN = 64


def read_docx(data: bytes, label: str) -> Document:
    """Rows of the .docx in ``data``; ``label`` names the file in errors.

    Raises :class:`ParseError` when ``data`` is not a readable Word document (corrupt zip, another
    Office file, password-protected).
    """
    _check_package(data, label)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except PackageNotFoundError as exc:
        raise ParseError(f"not a readable DOCX: {_reason(exc)}", source=label) from None
    except SyntaxError as exc:  # lxml.etree.XMLSyntaxError: a damaged document.xml
        raise ParseError(f"not a readable DOCX: broken XML ({exc})", source=label) from None
    except Exception as exc:  # a damaged package fails in many ways inside python-docx
        raise ParseError(f"not a readable DOCX: {_reason(exc)}", source=label) from None
    walker = _BodyWalker()
    walker.walk(document.element.body)
    return Document(rows=walker.rows, kind="docx", notes=walker.notes)


def _check_package(data: bytes, label: str) -> None:
    """Refuse what python-docx would misreport: encrypted files, legacy .doc, zip bombs."""
    if data.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise ParseError(
                "DOCX is password-protected (encrypted); save a copy without a password first", source=label
            )
        raise ParseError("a legacy Word .doc (or other OLE) file, not a DOCX; save it as .docx first", source=label)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
    except zipfile.BadZipFile as exc:
        raise ParseError(f"not a readable DOCX: {exc}", source=label) from None
    except KeyError:
        raise ParseError("not a readable DOCX: the zip has no word/document.xml", source=label) from None
    if info.file_size > MAX_DOCUMENT_XML_BYTES:
        raise ParseError(
            f"not a readable DOCX: document.xml unpacks to {info.file_size / 1048576:.0f} MB, too large for a report",
            source=label,
        )


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "content type" in text and "not a Word file" in text:
        return "an Office file of another kind (not a Word document)"
    return text


class _BodyWalker:
    """Walks the body's block elements in order and collects rows."""

    def __init__(self) -> None:
        self.rows: list[SourceRow] = []
        self.notes: list[str] = []
        self.origin = 0
        self.table = 0
        self.paragraph = 0

    def next_origin(self) -> int:
        self.origin += 1
        return self.origin

    def walk(self, container: Any) -> None:
        for child in container.iterchildren():
            tag = child.tag
            if tag == f"{_W}p":
                self.add_paragraph(child)
            elif tag == f"{_W}tbl":
                self.add_table(child)
            elif tag in (f"{_W}sdt", f"{_W}customXml"):
                content = child.find(f"{_W}sdtContent")
                self.walk(content if content is not None else child)

    def add_paragraph(self, p: Any) -> None:
        self.paragraph += 1
        text = normalize_text(_paragraph_text(p))
        for piece in text.split("\n"):
            piece = piece.strip()
            if piece:
                ref = SourceRef(line=self.paragraph)
                self.rows.append(SourceRow([SourceCell(piece, ref, self.next_origin())]))

    def add_table(self, tbl: Any) -> None:
        """One grid row per ``w:tr``; merged cells repeat with the origin of their first cell."""
        self.table += 1
        number = self.table
        above: dict[int, SourceCell] = {}  # grid offset → cell of the previous row
        for row_index, tr in enumerate(_rows(tbl), start=1):
            cells = _cells(tr)
            if any(_holds_table(tc) for tc in cells):
                # a layout row (the whole report typed inside a one-cell frame, a caption beside
                # its table): each cell is read in order as if its paragraphs and tables stood in
                # the body, not as one cell of a data row
                for tc in cells:
                    if not _continues_merge(tc):
                        self.walk(tc)
                above = {}
                continue
            offset = _int_attr(tr.find(f"{_W}trPr/{_W}gridBefore"), 0)
            grid: list[SourceCell] = []
            current: dict[int, SourceCell] = {}
            for tc in cells:
                span = max(1, min(_MAX_SPAN, _int_attr(tc.find(f"{_W}tcPr/{_W}gridSpan"), 1)))
                cell = above.get(offset) if _continues_merge(tc) else None
                if cell is None:
                    text = normalize_text(_cell_text(tc)).strip()
                    ref = SourceRef(table=number, row=row_index, column=offset + 1)
                    cell = SourceCell(text, ref, self.next_origin())
                for _ in range(span):
                    grid.append(cell)
                    current[offset] = cell
                    offset += 1
            above = current
            if grid:
                self.rows.append(SourceRow(grid, positional=True))


def _holds_table(tc: Any) -> bool:
    """A cell with a table of its own inside (not one of a table nested deeper still)."""
    return any(_owning_cell(tbl) is tc for tbl in tc.iter(f"{_W}tbl"))


def _rows(tbl: Any) -> list[Any]:
    """The ``w:tr`` of a table, including rows wrapped in content controls."""
    return [el for el in tbl.iter(f"{_W}tr") if _owning_table(el) is tbl]


def _cells(tr: Any) -> list[Any]:
    return [el for el in tr.iter(f"{_W}tc") if _owning_row(el) is tr]


def _owning_table(el: Any) -> Any:
    parent = el.getparent()
    while parent is not None and parent.tag != f"{_W}tbl":
        parent = parent.getparent()
    return parent


def _owning_row(el: Any) -> Any:
    parent = el.getparent()
    while parent is not None and parent.tag != f"{_W}tr":
        parent = parent.getparent()
    return parent


def _continues_merge(tc: Any) -> bool:
    """True for the second and later cells of a vertical merge (``w:vMerge`` without "restart")."""
    vmerge = tc.find(f"{_W}tcPr/{_W}vMerge")
    return vmerge is not None and vmerge.get(f"{_W}val", "continue") == "continue"


def _int_attr(el: Any, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(f"{_W}val", default))
    except ValueError:
        return default


def _cell_text(tc: Any) -> str:
    """The cell's own paragraphs joined by line breaks (not the text of tables nested in it)."""
    lines = [_paragraph_text(p) for p in tc.iter(f"{_W}p") if _owning_cell(p) is tc]
    return "\n".join(lines)


def _owning_cell(el: Any) -> Any:
    parent = el.getparent()
    while parent is not None and parent.tag != f"{_W}tc":
        parent = parent.getparent()
    return parent


def _paragraph_text(p: Any) -> str:
    """Visible text of a paragraph: runs, hyperlinks and fields, tabs and breaks; no text boxes.

    Deleted text (tracked ``w:del``) is skipped; a text box's paragraphs live inside the run's
    drawing and would otherwise surface in the middle of the paragraph that anchors it.
    """
    parts: list[str] = []
    for el in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if el.getparent().tag != f"{_W}r" or _inside_textbox_or_deleted(el, p):
            continue  # tab stops in w:pPr, text-box and deleted runs
        tag = el.tag
        if tag == f"{_W}t":
            parts.append(el.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


_SKIP_ANCESTORS = frozenset(
    [
        f"{_W}txbxContent",
        f"{_W}del",
        f"{_W}pict",
        f"{_W}drawing",
        "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent",
    ]
)


def _inside_textbox_or_deleted(el: Any, stop: Any) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in _SKIP_ANCESTORS:
            return True
        parent = parent.getparent()
    return False
