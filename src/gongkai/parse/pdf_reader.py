"""PDF reports → rows of cells: ruled tables as grids, the text around them as lines, page by page.

Reviewers receive the annual report as a PDF printed from Word or from the web page; its tables
are ruled, so pdfplumber's "lines" strategy finds their cells. A merged cell is one rectangle
covering several rows or columns of the table's grid; here every grid position it covers gets the
same cell (one ``origin``), as the HTML and DOCX readers do, so "三、本年度办理结果" and the
（三）…（六） group cells sit beside each of their sub-rows. Text outside the tables becomes one-cell
rows, one per printed line, and each table is placed among them at its vertical position, so the
section headings keep their order. Page numbers ("— 3 —", "第3页") and running headers and footers
(the same line at the same height on several pages) are dropped; lines that a paragraph wrapped
onto are joined again, with the space the break took between Latin words.

A PDF whose pages carry no characters is a scan: reading it would give an empty or wrong report,
so it is refused with a "no text layer" error that says what to do.
"""

from __future__ import annotations

import bisect
import io
import re
import unicodedata
from typing import Any, NamedTuple

from gongkai.parse.document import Document, SourceCell, SourceRef, SourceRow
from gongkai.parse.errors import ParseError
from gongkai.parse.normalize import normalize_text

__all__ = ["MAX_PAGES", "NO_TEXT_LAYER", "read_pdf"]

MAX_PAGES = 300
"""Most pages read: an annual report has 5–20; hundreds are a bundle or a scan of something else."""
NO_TEXT_LAYER = "PDF has no text layer (scanned image?); run OCR first"
_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
_SNAP = 2.0  # points: cell edges closer than this are one grid line
_THIN_RULE = 2.0  # points: a filled rectangle this thin is a drawn line
_UNMAPPED = "(cid:"
_SCAN_TEXT = 60  # characters: fewer on a page holding an image, and the page is a scan (a stamp, a number)
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–~·]+\s*\d{1,4}\s*[-—–~·]+"
    r"|第\s*\d{1,4}\s*页(?:\s*[,,]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})$"
)


def read_pdf(data: bytes, label: str) -> Document:
    """Rows of the PDF in ``data``; ``label`` names the file in errors.

    Raises :class:`ParseError` for a corrupt or password-protected PDF and for one without a
    text layer.
    """
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        raise ParseError(_open_error(exc), source=label) from None
    except Exception as exc:  # pdfminer fails in many ways on damaged files
        raise ParseError(f"not a readable PDF: {_first_line(exc)}", source=label) from None
    with pdf:
        try:
            pages = pdf.pages
        except Exception as exc:
            raise ParseError(_open_error(exc), source=label) from None
        if not pages:
            raise ParseError("not a readable PDF: it has no pages", source=label)
        if len(pages) > MAX_PAGES:
            raise ParseError(f"PDF has {len(pages)} pages, more than one report ({MAX_PAGES} at most)", source=label)
        reader = _PageReader()
        for number, page in enumerate(pages, start=1):
            view = None
            try:
                view = _upright_view(pdf, page)
                reader.read(view or page, number)
            except Exception as exc:
                raise ParseError(
                    f"not a readable PDF: {_first_line(exc)}", source=label, position=f"page {number}"
                ) from None
            finally:
                page.close()  # frees the page's cached objects; a report is read page by page
                if view is not None:
                    view.close()
    if reader.chars == 0:
        raise ParseError(NO_TEXT_LAYER, source=label)
    if reader.unmapped * 2 > reader.chars:
        raise ParseError(
            "PDF text layer has no Unicode mapping for its fonts (text comes out as (cid:N)); run OCR first",
            source=label,
        )
    notes = []
    if reader.blank_pages:
        shown = ", ".join(str(n) for n in reader.blank_pages[:10])
        notes.append(f"pages without a text layer (scanned?) were skipped: {shown}")
    return Document(
        rows=reader.paragraphs(),
        kind="pdf",
        notes=notes,
        sideways_pages=reader.sideways_pages,
        image_pages=sorted(reader.blank_pages + reader.image_pages),
    )


def _level(char: dict[str, Any]) -> bool:
    """Printed left to right on a level baseline: an italic's slant is level, a turn is not."""
    a, b, _, d, _, _ = char["matrix"]
    return bool(a > 0 and d > 0 and abs(b) <= 0.1 * a)


def _mostly_level(chars: list[dict[str, Any]]) -> bool:
    return sum(1 for c in chars if _level(c)) * 2 > len(chars)


def _upright_view(pdf: Any, page: Any) -> Any:
    """The page turned by the quarter turn that sets most of its text level, when its text is
    mostly turned (a landscape table laid on a portrait page, a page scanned upside down and
    OCR'd); None when the page reads level as it is, or when no quarter turn helps.

    pdfminer lays a page out turned by its /Rotate entry, so the view is the same page object
    with that entry changed, read once and then set back.
    """
    from pdfplumber.page import Page

    chars = page.chars
    if not chars or _mostly_level(chars):
        return None
    obj = page.page_obj
    had_entry = "Rotate" in obj.attrs
    entry, rotate = obj.attrs.get("Rotate"), obj.rotate
    try:
        for turn in (90, 270, 180):
            obj.attrs["Rotate"] = obj.rotate = (rotate + turn) % 360
            view = Page(pdf, obj, page.page_number, page.initial_doctop)
            if _mostly_level(view.chars):  # .chars lays the page out now, while the entry is set
                return view
            view.close()
    finally:
        obj.rotate = rotate
        if had_entry:
            obj.attrs["Rotate"] = entry
        else:
            obj.attrs.pop("Rotate", None)
    return None


def _open_error(exc: BaseException) -> str:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    if isinstance(inner, PDFPasswordIncorrect):
        return "PDF is password-protected; open it with the password and save an unprotected copy first"
    if isinstance(inner, PDFEncryptionError):
        return f"PDF is encrypted in a way that cannot be read ({_first_line(inner)}); save an unprotected copy"
    return f"not a readable PDF: {_first_line(inner)}"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class _PageReader:
    """Collects rows over the pages, numbering tables and origins across the whole document."""

    def __init__(self) -> None:
        self.rows: list[SourceRow] = []
        self.origin = 0
        self.table = 0
        self.line = 0
        self.chars = 0
        self.unmapped = 0
        self.blank_pages: list[int] = []
        self.sideways_pages: list[int] = []  # pages whose text no quarter turn sets level (see read)
        self.image_pages: list[int] = []  # pages that are an image with a few characters on it
        self.geometry: dict[int, _Line] = {}  # origin of a text row → where the line was printed
        self.page_edges: list[tuple[int, int, str, int]] = []  # (page, origin, text, top) of first/last lines

    def paragraphs(self) -> list[SourceRow]:
        """The rows with lines that a paragraph wrapped onto joined again (see :func:`_continues`)."""
        geometry = _document_edges(self.geometry)
        running = self.running_lines()
        out: list[SourceRow] = []
        previous: _Line | None = None
        for row in self.rows:
            if not row.positional and row.cells[0].origin in running:
                continue
            line = None if row.positional else geometry.get(row.cells[0].origin)
            if line is not None and previous is not None and out and _continues(out[-1], previous, row, line):
                last = out[-1].cells[0]
                text = _glue(last.text, row.cells[0].text, previous.last, line.first)
                out[-1] = SourceRow([SourceCell(text, last.ref, last.origin)])
            else:
                out.append(row)
            previous = line
        return out

    def running_lines(self) -> set[int]:
        """Origins of running headers and footers: a page's first or last line printed with the
        same text at the same height on other pages too.

        Word prints the header ("××县人民政府办公室") on every page; left in, it would sit in the
        middle of a section's narrative and cut a paragraph that runs over the page break in two.
        """
        pages: dict[tuple[str, int], set[int]] = {}
        for page, _, text, top in self.page_edges:
            pages.setdefault((text, top), set()).add(page)
        return {origin for _, origin, text, top in self.page_edges if len(pages[(text, top)]) > 1}

    def next_origin(self) -> int:
        self.origin += 1
        return self.origin

    def read(self, page: Any, number: int) -> None:
        chars = page.chars
        if not chars:
            if page.images:
                self.blank_pages.append(number)
            return
        if page.images and len(chars) < _SCAN_TEXT:
            self.image_pages.append(number)  # a scan with a stamp or page number laid on it
        self.chars += len(chars)
        self.unmapped += sum(1 for c in chars if c["text"].startswith(_UNMAPPED))
        if not _mostly_level(chars):
            # most of the page is printed turned, and no quarter turn of the page set it level
            # (_upright_view): grouped into lines and cells as if level, the characters of one
            # number fall apart and "175" would read as "1". Its turned text is left out, and the
            # report says so.
            self.sideways_pages.append(number)
            chars = [c for c in chars if _level(c)]
        ruled = page.filter(_visible_rule) if page.rects else page
        tables = [t for t in ruled.find_tables(_TABLE_SETTINGS) if len(t.cells) > 1]
        # a single ruled box (a framed paragraph) is text, not a table
        boxes = [t.bbox for t in tables]
        placed: list[tuple[float, int, list[SourceRow]]] = []
        for table in tables:
            placed.append((table.bbox[1], 1, self.table_rows(table, chars, number)))
        lines = _char_lines([c for c in chars if not _in_any(c, boxes)])
        left = min((ln[0]["x0"] for ln in lines), default=0.0)
        right = max((ln[-1]["x1"] for ln in lines), default=0.0)
        for line in lines:
            raw = _line_text(line)
            text = normalize_text(raw).strip()
            if text:
                self.line += 1
                ref = SourceRef(line=self.line, page=number)
                origin = self.next_origin()
                top = min(c["top"] for c in line)
                bottom = max(c["bottom"] for c in line)
                self.geometry[origin] = _Line(
                    number, line[0]["x0"], line[-1]["x1"], top, bottom, left, right, raw[:1], raw[-1:], page.width
                )
                placed.append((top, 0, [SourceRow([SourceCell(text, ref, origin)])]))
        placed.sort(key=lambda item: (item[0], item[1]))
        while placed and _page_number(placed[-1]):
            placed.pop()
        while placed and _page_number(placed[0]):
            placed.pop(0)
        for top, kind, rows in {id(item): item for item in placed[:1] + placed[-1:]}.values():
            if kind == 0:
                cell = rows[0].cells[0]
                self.page_edges.append((number, cell.origin, cell.text, round(top)))
        for _, _, rows in placed:
            self.rows.extend(rows)

    def table_rows(self, table: Any, chars: list[dict[str, Any]], page: int) -> list[SourceRow]:
        """The table as grid rows: each cell rectangle fills every grid position it covers."""
        self.table += 1
        xs = _grid_lines([c[0] for c in table.cells] + [c[2] for c in table.cells])
        ys = _grid_lines([c[1] for c in table.cells] + [c[3] for c in table.cells])
        height, width = len(ys) - 1, len(xs) - 1
        grid: list[list[SourceCell | None]] = [[None for _ in range(width)] for _ in range(height)]
        owners: list[list[int | None]] = [[None for _ in range(width)] for _ in range(height)]
        members: list[list[dict[str, Any]]] = []
        spans: list[tuple[int, int, int, int]] = []
        for x0, top, x1, bottom in sorted(table.cells, key=lambda c: (c[1], c[0])):
            c0, c1 = _index(xs, x0), _index(xs, x1)
            r0, r1 = _index(ys, top), _index(ys, bottom)
            if c1 <= c0 or r1 <= r0:
                continue  # a sliver thinner than the snap distance
            k = len(spans)
            spans.append((r0, r1, c0, c1))
            members.append([])
            for r in range(r0, r1):
                for c in range(c0, c1):
                    if owners[r][c] is None:
                        owners[r][c] = k
        first_hole = len(spans)
        # Grid positions no rectangle covers: a merged cell cut by a page break has no bottom rule
        # (the "三、本年度办理结果" cell of a table running over two pages). Each vertical run of
        # such positions in a column becomes one cell, kept only if something is printed in it.
        for c in range(len(xs) - 1):
            r = 0
            while r < len(ys) - 1:
                if owners[r][c] is not None:
                    r += 1
                    continue
                end = r
                while end < len(ys) - 1 and owners[end][c] is None:
                    owners[end][c] = len(spans)
                    end += 1
                spans.append((r, end, c, c + 1))
                members.append([])
                r = end
        x_min, x_max, y_min, y_max = xs[0], xs[-1], ys[0], ys[-1]
        for ch in chars:
            mx = (ch["x0"] + ch["x1"]) / 2
            my = (ch["top"] + ch["bottom"]) / 2
            if not (x_min <= mx < x_max and y_min <= my < y_max):
                continue
            r = bisect.bisect_right(ys, my) - 1
            c = bisect.bisect_right(xs, mx) - 1
            owner = owners[r][c]
            if owner is not None:
                members[owner].append(ch)
        for k, (r0, r1, c0, c1) in enumerate(spans):
            if k >= first_hole and not members[k]:
                continue
            text = normalize_text("\n".join(_line_text(ln) for ln in _char_lines(members[k]))).strip()
            ref = SourceRef(table=self.table, row=r0 + 1, column=c0 + 1, page=page)
            cell = SourceCell(text, ref, self.next_origin())
            for r in range(r0, r1):
                for c in range(c0, c1):
                    if owners[r][c] == k:
                        grid[r][c] = cell
        return [SourceRow([c for c in row if c is not None], positional=True) for row in grid if any(row)]


class _Line(NamedTuple):
    """Where a text line was printed, the left/right edges of the text, and the line's end glyphs.

    ``first``/``last`` are the printed characters before normalisation: NFKC turns a full-width
    "，" into ",", and whether a wrap needs a space depends on which of the two was printed.
    """

    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    left: float
    right: float
    first: str = ""
    last: str = ""
    page_width: float = 0.0


# Gaps between glyphs, in ems of the larger glyph, above which a space is read. Latin words are
# set a space (0.2–0.33 em) apart with no gap inside a word; Chinese has no spaces, so a gap
# beside a CJK character is justification or Word's CJK/Latin autospace (about 0.25 em), and only
# a column's width apart (an unruled table) is it a separation.
_LATIN_SPACE = 0.15
_MIXED_SPACE = 0.5
_CJK_SPACE = 1.0


def _char_lines(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Printed characters grouped into lines, top to bottom, each line left to right.

    A character belongs to a line when its vertical middle falls within the line's extent, so a
    smaller Latin font on the same baseline as 16 pt CJK stays on the line. Blank glyphs stay
    inside a line (they are typed spaces, see :func:`_line_text`) but not at its ends, and a
    glyph printed again over itself (fake bold) is dropped.
    """
    lines: list[list[dict[str, Any]]] = []
    extents: list[tuple[float, float]] = []
    for ch in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if not ch["text"]:
            continue
        middle = (ch["top"] + ch["bottom"]) / 2
        for i in range(len(lines) - 1, max(len(lines) - 4, -1), -1):
            top, bottom = extents[i]
            if top <= middle <= bottom:
                lines[i].append(ch)
                extents[i] = (min(top, ch["top"]), max(bottom, ch["bottom"]))
                break
        else:
            lines.append([ch])
            extents.append((ch["top"], ch["bottom"]))
    out = []
    for line in lines:
        line.sort(key=lambda c: c["x0"])
        kept: list[dict[str, Any]] = []
        for ch in line:
            prev = next((k for k in reversed(kept) if not _blank(k)), None)
            if prev is not None and _overprints(ch, prev):
                continue
            kept.append(ch)
        while kept and _blank(kept[-1]):
            kept.pop()
        while kept and _blank(kept[0]):
            kept.pop(0)
        if kept:
            out.append(kept)
    return out


def _line_text(line: list[dict[str, Any]]) -> str:
    """The text of one printed line, with a space where one was typed or the gap is one.

    A blank glyph between two glyphs is a typed space (WeasyPrint and Word print them), and is
    kept even beside Chinese ("1月 25 日"). Without one, the gap decides: pdfplumber's default
    puts a space at any gap over 3 pt, which at 9 pt glues Latin words set a normal space apart
    and at 16 pt splits justified or autospaced Chinese, so here the gap is measured in ems of
    the glyphs on either side (see ``_LATIN_SPACE`` and the others).
    """
    parts: list[str] = []
    prev: dict[str, Any] | None = None
    typed = False
    for ch in line:
        if _blank(ch):
            typed = True
            continue
        if prev is not None:
            size = max(_size(prev), _size(ch))
            wide = _wide(prev["text"][-1]) + _wide(ch["text"][0])
            limit = (_LATIN_SPACE, _MIXED_SPACE, _CJK_SPACE)[wide]
            if typed or ch["x0"] - prev["x1"] > limit * size:
                parts.append(" ")
        parts.append(ch["text"])
        prev, typed = ch, False
    return "".join(parts)


def _overprints(ch: dict[str, Any], prev: dict[str, Any]) -> bool:
    """``ch`` is ``prev`` printed again a fraction of its width further on (simulated bold)."""
    width = max(prev["x1"] - prev["x0"], 0.1)
    return ch["text"] == prev["text"] and not _blank(ch) and abs(ch["x0"] - prev["x0"]) < 0.3 * width


def _blank(ch: dict[str, Any]) -> bool:
    return bool(ch["text"].isspace())


def _size(ch: dict[str, Any]) -> float:
    size = ch.get("size") or 0.0
    return float(size) if size > 0 else max(ch["bottom"] - ch["top"], 1.0)


def _wide(char: str) -> bool:
    """A character set on the CJK em grid (ideographs, kana, full-width forms and punctuation)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def _document_edges(geometry: dict[int, _Line]) -> dict[int, _Line]:
    """The lines with the left and right edges of the whole document's text instead of the page's.

    A page (or a whole short report) whose paragraphs all fit on one line has no line at the
    left margin, only indented first lines, and its longest line is not at the right margin:
    taken page by page, every line would "reach the edge" and start "at the margin" and all
    would be joined into one paragraph. The text column is also taken to be at least as wide as
    the page less the left margin on both sides, which holds for the official layout (28 mm
    left, 26 mm right) and for Word's defaults, so a short report of single-line paragraphs
    keeps them apart.
    """
    if not geometry:
        return geometry
    left = min(g.x0 for g in geometry.values())
    right = max(g.x1 for g in geometry.values())
    width = max(g.page_width for g in geometry.values())
    if width > 2 * left:
        right = max(right, width - left)
    return {origin: g._replace(left=left, right=right) for origin, g in geometry.items()}


_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、](?!\d))")
_TRAILING_VALUE = re.compile(r"(?:^|\s)[\d.,/—–-]+$")


def _continues(before: SourceRow, above: _Line, row: SourceRow, line: _Line) -> bool:
    """True when ``line`` carries on the paragraph of the line ``above`` (wrapped at the margin).

    The line above must run to the right edge of the text, this one must start at the left edge
    (a new paragraph is indented, as Chinese documents indent 2 characters) and follow closely, on
    the same page or at the top of the next. Never joined: a line above that ends in a spaced-off
    number or placeholder (a row of an unruled table) and a line that starts with an enumerator ("三、",
    "（二）", "1.") — headings, list items and table labels stay rows of their own.
    """
    if before.positional or len(before.cells) != 1:
        return False
    height = max(above.bottom - above.top, 1.0)
    # Left-aligned CJK text stops several characters short of the edge: a character that may not
    # start a line ("、", "”") takes the one before it along, digits and quoted phrases do not
    # break. The indent of a new paragraph is the stronger sign, so the allowance is generous.
    if above.x1 < above.right - 4 * height or line.x0 > line.left + 0.5 * height:
        return False
    if abs((line.bottom - line.top) - height) > 0.25 * height:
        return False
    if line.page == above.page:
        if not 0 <= line.top - above.bottom < height:
            return False
    elif line.page != above.page + 1:
        return False
    text = row.cells[0].text
    return not (_TRAILING_VALUE.search(before.cells[0].text) or _ENUMERATOR.match(text))


# Printed characters after which a Latin line may break without a space (UAX #14: hyphens, the
# solidus in paths and URLs, "|", "?" and "!", a closing brace).
_BREAK_AFTER = frozenset("-/|?!}")


def _glue(first: str, second: str, end: str = "", start: str = "") -> str:
    """Join two wrapped pieces, with the space the line break took when there was one.

    ``end`` and ``start`` are the glyphs printed at the break (by default the pieces' own ends).
    Chinese breaks anywhere and has no spaces, so a break beside a CJK character or a full-width
    mark adds nothing. Between two Latin characters (letters, digits, ASCII marks) a line breaks
    only at a space — quotes, brackets, "," and "." hold on to their neighbours — except after a
    hyphen or solidus, so "apostrophe" + "'s" keeps its space and "e-" + "mail" does not get one.
    """
    end = end or first[-1:]
    start = start or second[:1]
    latin = end.isascii() and start.isascii() and end.isprintable() and start.isprintable()
    if latin and not end.isspace() and not start.isspace() and end not in _BREAK_AFTER:
        return f"{first} {second}"
    return first + second


def _visible_rule(obj: dict[str, Any]) -> bool:
    """False for rectangles that draw no visible line: background and shading fills.

    A white page or body background is a filled rectangle over the whole text area (WeasyPrint
    prints one for ``background: #fff``); taken as table edges it would turn the whole page into
    one table. Stroked rectangles are borders; thin filled ones are rules drawn as bars (as Word
    and LibreOffice export them) unless they are white.
    """
    if obj.get("object_type") != "rect" or obj.get("stroke"):
        return True
    if not obj.get("fill"):
        return False
    return min(obj["width"], obj["height"]) <= _THIN_RULE and not _white(obj.get("non_stroking_color"))


def _white(color: Any) -> bool:
    """A fill colour that is (near) white in gray, RGB or CMYK."""
    if color is None:
        return False
    values = tuple(color) if isinstance(color, list | tuple) else (color,)
    if not all(isinstance(v, int | float) for v in values):
        return False  # a pattern or named colour space: assume it shows
    if len(values) == 4:
        return all(v <= 0.05 for v in values)
    return all(v >= 0.95 for v in values)


def _page_number(item: tuple[float, int, list[SourceRow]]) -> bool:
    """A page's first or last line that only numbers the page ("— 3 —", "第3页 共9页", "3/9").

    Dropped because it would otherwise land in the middle of a section's narrative. A bare "3" is
    kept: in a PDF whose tables have no rules it may be a table value printed as text.
    """
    _, kind, rows = item
    return kind == 0 and _PAGE_NUMBER.match(rows[0].cells[0].text) is not None


def _grid_lines(values: list[float]) -> list[float]:
    """Distinct edge positions, with edges within ``_SNAP`` points of each other merged."""
    lines: list[float] = []
    for v in sorted(values):
        if not lines or v - lines[-1] > _SNAP:
            lines.append(v)
    return lines


def _index(lines: list[float], value: float) -> int:
    """Index of the grid line nearest to ``value``."""
    i = bisect.bisect_left(lines, value)
    if i == 0:
        return 0
    if i == len(lines):
        return len(lines) - 1
    return i if lines[i] - value < value - lines[i - 1] else i - 1


def _in_any(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    mx = (obj["x0"] + obj["x1"]) / 2
    my = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= mx <= x1 and top <= my <= bottom for x0, top, x1, bottom in boxes)
