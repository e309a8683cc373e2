"""HTML pages → rows of cells, with rowspan/colspan expanded into a grid.

Tables become grid rows whose merged cells repeat (sharing one ``origin``), so a row of the
applications table always shows its label cells and its seven value cells in place, however the
page merged them. Text outside tables becomes one-cell rows, one per block element, so narrative
and headings keep their order. Scripts, styles, navigation, form controls, deleted text
(``<del>``, Word's tracked deletions) and hidden elements (``display:none``,
``visibility:hidden``, ``hidden``) are dropped; a <form> itself is kept, since ASP.NET pages wrap
the whole body in one. A <sup> is a note mark: "86<sup>1</sup>" reads "86^1", never 861. Word-pasted
markup (a label spread over many <span>/<font>, <o:p>, &nbsp;) collapses because a cell's text is
the concatenation of all its text nodes.
"""

from __future__ import annotations

import re
from typing import Any

from gongkai.parse.document import Document, SourceCell, SourceRef, SourceRow
from gongkai.parse.text_reader import split_cells

__all__ = ["read_html"]

_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "nav",
    "del",
    "select",
    "button",
    "input",
    "textarea",
    "iframe",
    "svg",
)
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "section",
        "article",
        "header",
        "footer",
        "br",
        "tr",
        "center",
    ]
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# candidates found by libxml2 (a translate() over every style attribute made Word pages 60 % slower),
# then confirmed in Python
_HIDDEN_CANDIDATES = (
    '//*[@hidden or contains(@style, "none") or contains(@style, "hidden") or contains(@style, "NONE")]'
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_MAX_SPAN = 64
_CELL_TAGS = frozenset(("td", "th"))
_BLOCK_TAGS = frozenset(_BLOCKS) | {"td", "th", "table"}  # (a comment's tag is a function: never in it)


def read_html(text: str, normalize: Any) -> Document:
    """Rows of the HTML ``text`` (decoded); ``normalize`` is applied to each cell's text."""
    from lxml import etree

    # plain etree elements: lxml.html's Python-level element class lookup cost more than the parse
    if text.lstrip().startswith("<?xml"):
        # XHTML pages of CMSs: lxml refuses a str that declares its own encoding
        text = _XML_DECLARATION.sub("", text, count=1)
    try:
        root = etree.fromstring(text, etree.HTMLParser(remove_comments=True, remove_pis=True))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return Document(rows=[], kind="html")
    if root is None:
        return Document(rows=[], kind="html")
    rows: list[SourceRow] = []
    state = {"origin": 0, "table": 0}
    title = root.find(".//title")
    if title is not None and title.text and title.text.strip():
        state["origin"] += 1
        rows.append(SourceRow([SourceCell(normalize(title.text).strip(), SourceRef(line=title.sourceline), 1)]))
    for bad in list(root.iter(*_DROP)):
        _drop(bad)
    for hidden in root.xpath(_HIDDEN_CANDIDATES):  # Word's hidden text, anti-copy spans: never seen by a reader
        if hidden.get("hidden") is not None or _HIDDEN_STYLE.search(hidden.get("style") or ""):
            _drop(hidden)
    for sup in root.iter("sup"):  # a note mark: "86<sup>1</sup>" is 86 and a mark, never 861
        if sup.text:
            sup.text = "^" + sup.text
    buffer: list[str] = []
    buffer_line: list[int] = [0]
    # whether the buffer holds more than whitespace: kept as text arrives, because joining the
    # buffer to ask was quadratic on Word-pasted pages (thousands of <span>s in one paragraph)
    buffer_has_text = [False]

    def flush() -> None:
        joined = normalize("".join(buffer))
        for offset, piece in enumerate(joined.split("\n")):
            piece = piece.strip()
            if not piece:
                continue
            line = (buffer_line[0] or 0) + offset or None
            if piece.count("|") > 1:  # a text copy of a table inside the page ("规章 | 2 | 1 | 4 |")
                split = split_cells(piece)
                if split is not None:
                    refs = [SourceRef(line, i) for i in range(1, len(split[0]) + 1)]
                    cells = []
                    for cell_text, ref in zip(split[0], refs, strict=True):
                        state["origin"] += 1
                        cells.append(SourceCell(cell_text, ref, state["origin"]))
                    rows.append(SourceRow(cells, split[1], (split[0], refs)))
                continue
            state["origin"] += 1
            ref = SourceRef(line)
            rows.append(SourceRow([SourceCell(piece, ref, state["origin"])], False, ([piece], [ref])))
        buffer.clear()
        buffer_has_text[0] = False

    def add(piece: str) -> None:
        buffer.append(piece)
        if not buffer_has_text[0] and piece.strip():
            buffer_has_text[0] = True

    def walk(element: Any) -> None:
        # element.text and .tail are read once each: lxml decodes them anew on every access
        tag = element.tag
        if tag == "table" and not _has_nested_table(element):
            flush()
            _read_table(element, rows, state, normalize)
            tail = element.tail
            if tail:
                add(tail)
            return
        # a layout table (one holding other tables) is read like any other block markup
        block = tag in _BLOCK_TAGS
        if block:
            buffer.append("\n")
        text = element.text
        if text:
            if not buffer_has_text[0]:
                buffer_line[0] = element.sourceline or 0
            add(text)
        for child in element:
            walk(child)
        if block:
            buffer.append("\n")
        tail = element.tail
        if tail:
            add(tail)

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    return Document(rows=rows, kind="html")


def _drop(element: Any) -> None:
    """Remove ``element`` but keep the text that follows it (its tail)."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _has_nested_table(table: Any) -> bool:
    return any(True for _ in table.iterdescendants("table"))


def _read_table(table: Any, rows: list[SourceRow], state: dict[str, int], normalize: Any) -> None:
    """Expand one table into grid rows; a cell spanning k columns/rows repeats with one origin."""
    state["table"] += 1
    number = state["table"]
    from lxml import etree

    tostring = etree.tostring
    pending: dict[int, tuple[int, SourceCell]] = {}  # column → (rows left, cell) for rowspans
    cleaned: dict[str, str] = {}
    origin = state["origin"]
    for row_index, tr in enumerate(table.iter("tr"), start=1):
        grid: list[SourceCell] = []
        texts: list[str] = []  # one per distinct cell, as SourceRow would work them out again
        refs: list[SourceRef] = []
        for td in tr:
            if td.tag not in _CELL_TAGS:  # comments and processing instructions have non-str tags
                continue
            if pending and len(grid) in pending:
                _fill_rowspans(grid, pending, texts, refs)
            colspan = td.get("colspan")
            colspan = 1 if colspan is None else _span(colspan)
            rowspan = td.get("rowspan")
            rowspan = 1 if rowspan is None else _span(rowspan)
            origin += 1
            # all the cell's text nodes, as "".join(td.itertext()) gives them, at a fraction of its
            # cost: a bare cell's own text, else libxml2's text serialisation of the subtree
            raw = (td.text or "") if not len(td) else tostring(td, method="text", encoding=str, with_tail=False)
            text = cleaned.get(raw)
            if text is None:  # table cells repeat ("0", labels): clean each distinct text once
                text = raw.strip()
                if not (text.isdigit() and text.isascii()):  # plain digits are already clean
                    text = normalize(raw).strip()
                cleaned[raw] = text
            ref = SourceRef(td.sourceline, None, number, row_index, len(grid) + 1, None)
            cell = SourceCell(text, ref, origin)
            texts.append(text)
            refs.append(ref)
            if rowspan > 1:
                for _ in range(colspan):
                    pending[len(grid)] = (rowspan - 1, cell)
                    grid.append(cell)
            elif colspan > 1:
                grid.extend([cell] * colspan)
            else:
                grid.append(cell)
        if pending and len(grid) in pending:
            _fill_rowspans(grid, pending, texts, refs)
        if grid:
            rows.append(SourceRow(grid, True, (texts, refs)))
    state["origin"] = origin


def _fill_rowspans(
    grid: list[SourceCell],
    pending: dict[int, tuple[int, SourceCell]],
    texts: list[str],
    refs: list[SourceRef],
) -> None:
    """Put the cells that rows above span into this row, at the grid's next columns (and each
    distinct one of them into ``texts`` and ``refs``)."""
    while len(grid) in pending:
        column = len(grid)
        left, cell = pending[column]
        if not grid or grid[-1].origin != cell.origin:
            texts.append(cell.text)
            refs.append(cell.ref)
        grid.append(cell)
        if left <= 1:
            del pending[column]
        else:
            pending[column] = (left - 1, cell)


def _span(value: str | None) -> int:
    if value is None:
        return 1
    try:
        return max(1, min(_MAX_SPAN, int(str(value).strip())))
    except (TypeError, ValueError):
        return 1
