"""The entry point: recognise what kind of source this is, read it into rows, interpret the rows."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongkai.parse.document import Document
from gongkai.parse.errors import ParseError
from gongkai.parse.html_reader import read_html
from gongkai.parse.interpret import CellSource, interpret
from gongkai.parse.normalize import clean_text, decode_bytes, normalize_text, to_simplified
from gongkai.parse.text_reader import read_text
from gongkai.report.model import Finding, Report

__all__ = ["MAX_BYTES", "ParsedReport", "parse"]

MAX_BYTES = 8 * 1024 * 1024
"""Largest text/HTML source read (an annual report page is well under 1 MB; 8 MB is not a report)."""
MAX_BINARY_BYTES = 64 * 1024 * 1024
"""Largest DOCX/PDF read (scanned appendices make these larger than text)."""


@dataclass
class ParsedReport:
    """A report read from a source, with where every number came from."""

    report: Report
    source: str
    kind: str
    encoding: str | None = None
    sources: dict[str, CellSource] = field(default_factory=dict)

    @property
    def findings(self) -> list[Finding]:
        return self.report.findings

    def to_json(self, *, with_sources: bool = False) -> dict[str, Any]:
        data = self.report.to_json()
        if with_sources:
            data["sources"] = {
                cell: {
                    **src.ref.to_json(),
                    "printed": src.raw,
                    **({"reason": src.reason} if src.reason else {}),
                }
                for cell, src in self.sources.items()
            }
        return data


def parse(source: str | os.PathLike[str] | bytes, *, name: str | None = None) -> ParsedReport:
    """Read one annual report from a path or from bytes.

    Raises :class:`ParseError` (and nothing else) when the source is empty, too large, binary,
    not an annual report, or a kind gongkai cannot read.
    """
    label = name
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
        label = label or "<bytes>"
    else:
        path = Path(source)
        label = label or str(path)
        try:
            size = path.stat().st_size
            if size > MAX_BINARY_BYTES:
                raise ParseError(f"file is {size / 1048576:.1f} MB, too large to be one report", source=label)
            data = path.read_bytes()
        except ParseError:
            raise
        except IsADirectoryError:
            raise ParseError("is a directory, not a report file", source=label) from None
        except FileNotFoundError:
            raise ParseError("file not found", source=label) from None
        except OSError as exc:
            raise ParseError(f"cannot be read ({exc.strerror or exc})", source=label) from None
    try:
        return _parse_bytes(data, label)
    except ParseError:
        raise
    except RecursionError:
        raise ParseError("document is nested too deeply to be read", source=label) from None
    except Exception as exc:  # a reader bug must still give the one-line contract, never a traceback
        raise ParseError(f"could not be read ({type(exc).__name__}: {exc})", source=label) from exc


def _parse_bytes(data: bytes, label: str) -> ParsedReport:
    if not data.strip():
        raise ParseError("file is empty", source=label)
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if utf16:  # "Unicode" text saved by Notepad or Word: recoded, so sniffing and the checks below see text
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise ParseError("starts as UTF-16 text but is not valid UTF-16", source=label) from None
    kind = _sniff(data)
    if kind in ("docx", "pdf"):
        doc = _read_binary(kind, data, label)
        encoding = None
    else:
        if len(data) > MAX_BYTES:
            raise ParseError(
                f"file is {len(data) / 1048576:.1f} MB of text, larger than the {MAX_BYTES // 1048576} MB "
                "limit for one report",
                source=label,
            )
        if _looks_binary(data):
            raise ParseError("binary data, not a text, HTML, DOCX or PDF report", source=label)
        try:
            # recoded UTF-16 is UTF-8 now, whatever charset its markup declares
            text, encoding = (data.decode("utf-8"), "utf-16") if utf16 else decode_bytes(data)
        except UnicodeDecodeError:
            raise ParseError("binary data, not a text, HTML, DOCX or PDF report", source=label) from None
        if not text.strip():  # also U+3000 and other Unicode spaces
            raise ParseError("file is empty", source=label)
        doc = read_html(to_simplified(text), clean_text) if kind == "html" else read_text(normalize_text(text))
    result = interpret(doc)
    if not _found_anything(result.sources):
        if doc.image_pages:
            raise ParseError(
                f"page(s) {_pages(doc.image_pages)} of the PDF are images with little or no text (scanned?) "
                "and no table was found in its text; run OCR first",
                source=label,
            )
        if doc.sideways_pages:
            raise ParseError(
                f"the text of page(s) {_pages(doc.sideways_pages)} is printed at an angle that no quarter "
                "turn sets level, and was not read; print those pages level and save the PDF again",
                source=label,
            )
        raise ParseError("not a 政府信息公开工作年度报告: none of the report's tables was found", source=label)
    if doc.sideways_pages:
        result.findings.append(
            Finding(
                "parse.sideways_pages",
                "error",
                f"第{'、'.join(map(str, doc.sideways_pages))}页的文字斜着印出，转正（90°、180°、270°）也不水平，"
                "按行读取会把数字拆散，这些页面未读取；缺少的表格和行见其他提示。",
                (),
            )
        )
    if doc.image_pages:
        result.findings.append(
            Finding(
                "parse.image_pages",
                "warning",
                f"第{'、'.join(map(str, doc.image_pages))}页是图片（扫描件？），几乎没有文字层，其中的内容未读取；"
                "若表格在这些页上，缺少的表格和行见其他提示。",
                (),
            )
        )
    result.report.findings = result.findings
    return ParsedReport(result.report, label, kind, encoding, result.sources)


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return "docx"  # a zip, or an OLE container (encrypted DOCX, old .doc): the DOCX reader says which
    lower = head.lower()
    if lower.startswith((b"<!doctype html", b"<html", b"<?xml")):
        return "html"
    # lowering 200 kB to look for a table costs more than the rest of the sniffing: only when a "<" is there
    if data.find(b"<", 0, 200000) >= 0 and b"<table" in data[:200000].lower():
        return "html"
    if lower.startswith(b"<") and (b"<body" in lower or b"<div" in lower or b"<p" in lower):
        return "html"
    return "text"


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or a high share of control bytes: no published report text has them."""
    sample = data[:65536]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) // 100


_CONTROL_BYTES = bytes([*range(9), *range(14, 32)])


def _read_binary(kind: str, data: bytes, label: str) -> Document:
    if kind == "docx":
        from gongkai.parse.docx_reader import read_docx

        return read_docx(data, label)
    from gongkai.parse.pdf_reader import read_pdf

    return read_pdf(data, label)


def _pages(numbers: list[int]) -> str:
    """The page numbers, "2, 3, 5" — or the first ten and how many more."""
    shown = ", ".join(map(str, numbers[:10]))
    return shown if len(numbers) <= 10 else f"{shown} and {len(numbers) - 10} more"


def _found_anything(sources: dict[str, CellSource]) -> bool:
    return bool(sources)
