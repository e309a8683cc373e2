"""Bytes → text, and text → the normalised form labels are matched in.

Decoding is done here rather than by lxml or a guesser: a page that declares gb2312 is decoded as
gb18030 (its superset) because real pages declaring gb2312 contain GBK-only characters, and lxml
silently dropped them (STYLE.md). Normalisation follows report-schema.yaml `label_matching`:
traditional → simplified (OpenCC t2s, without the Taiwan-phrase mode, which would change mainland
wording), NFKC (full-width → half-width), mirror-site pinyin annotations removed ("數(shù)據(jù)"), runs
of doubled punctuation ("，、") collapsed. Line breaks are kept, so line numbers still point into
the source.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache
from typing import Any

__all__ = ["clean_text", "decode_bytes", "label_key", "nfkc", "normalize_text", "to_simplified"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"}


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and say which encoding was used.

    Order: a byte-order mark; a declared HTML charset (the gb family always read as gb18030);
    strict UTF-8; gb18030. Raises ``UnicodeDecodeError`` only when none fits, which for gb18030
    practically means binary junk (the caller turns that into a ParseError).
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name), name
    head = data[:4096]
    # the case-insensitive pattern is scanned byte by byte; most texts do not name a charset at all
    declared = _META_CHARSET.search(head) if b"charset" in head.lower() else None
    if declared:
        name = declared.group(1).decode("ascii").lower()
        if name in _GB_FAMILY:
            name = "gb18030"
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Undeclared legacy bytes: mainland pages are GBK/GB18030; mirror "big5" gateways serve Big5.
    # Both decoders accept much of the other's bytes, so keep the reading with more common characters.
    readings = []
    for name in ("gb18030", "big5"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        readings.append((_common_share(text), name, text))
    if not readings:
        return data.decode("gb18030"), "gb18030"  # raises UnicodeDecodeError: the caller reports binary data
    _, name, text = max(readings, key=lambda r: (r[0], r[1] == "gb18030"))
    return text, name


# the most frequent characters of Chinese prose, in both scripts
_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而"
    "方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好"
    "应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向道"
    "這為個國時來們於對會發動過說產種後學經進著電裡現實兩體機當點從業應開還們義間樣與關線內數麼質氣條沒結問"
    "報告請開處辦結轉訴訟議資訊務門"
)


def _common_share(text: str) -> float:
    cjk = [ch for ch in text[:20000] if "\u4e00" <= ch <= "\u9fff"]
    if not cjk:
        return 0.0
    return sum(ch in _COMMON for ch in cjk) / len(cjk)


@cache
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified with OpenCC's plain t2s table."""
    return str(_converter().convert(text))


# "數(shù)據(jù)": a CJK character followed by its pinyin in brackets, as inserted by mirror sites.
# (the literal "(" comes first so the regex engine can skip ahead; the lookbehind then checks the CJK char)
_PINYIN = re.compile(r"\((?<=[\u3400-\u9fff]\()([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüń]{1,7})\)")
# doubled punctuation after such junk: ",、"  ",。"  ",,"  → keep the last mark
_PUNCT_RUN = re.compile(r"[,、;](?=[,、。;:])")
# the same, one pattern for each first mark: a pattern starting with a literal is searched for
# several times faster than one starting with a class of characters, and most texts have no run
_PUNCT_RUN_AFTER = tuple(re.compile(mark + r"(?=[,、。;:])") for mark in ",、;")
# control and invisible characters (soft hyphen, zero-width and joiner characters, direction marks)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ufffd]")


def normalize_text(text: str) -> str:
    """The whole document in matching form: simplified, NFKC, junk removed, line breaks kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return clean_text(to_simplified(text))


# Full-width ASCII and the ideographic space: nearly every character of Chinese text that NFKC
# changes. Replaced first, they usually leave a text NFKC already knows is normalised.
_FULLWIDTH = re.compile("[\uff01-\uff5e\u3000]")
_FULLWIDTH_NFKC = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in [*range(0xFF01, 0xFF5F), 0x3000]}


# Circled and superscript digits, which NFKC turns into bare digits: "86①" and "86¹" (a number
# and its note mark) would read as 861. Circled ones become "(1)" (also a sub-row numbering:
# "①属于国家秘密"), superscript ones "^1"; either way a number with a mark is no longer a number.
_MARK_FORMS = {0x2460 + i: f"({i + 1})" for i in range(20)}
_MARK_FORMS.update({ord(c): f"^{d}" for d, c in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")})
_MARKS = re.compile("[\u2460-\u2473\u2070\u00b9\u00b2\u00b3\u2074-\u2079]")


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, several times faster on Chinese prose.

    CPython's NFKC is slow (~70 ns a character) whenever one character of the text is not
    normalised, and in published reports that is almost always full-width punctuation ("，", "（",
    "："). Mapping those to their NFKC forms first gives the same result (NFKC is idempotent and the
    mapping is NFKC's own), and then the fast check usually says the text is done.
    """
    if unicodedata.is_normalized("NFKC", text):
        return text
    # each distinct one replaced throughout: a few str.replace calls, not a Python call for every match
    for char in set(_FULLWIDTH.findall(text)):
        text = text.replace(char, _FULLWIDTH_NFKC[char])
    if unicodedata.is_normalized("NFKC", text):
        return text
    if _MARKS.search(text):
        text = text.translate(_MARK_FORMS)
    return unicodedata.normalize("NFKC", text)


def _printable_lines(text: str) -> bool:
    """Printable but for its line breaks and tabs (which _CONTROL keeps): a whole document is never
    printable, and this test costs a third of a scan by the character-class pattern."""
    return text.replace("\n", "").replace("\t", "").replace("\r", "").isprintable()


def clean_text(text: str) -> str:
    """Everything of :func:`normalize_text` but the t2s conversion.

    For HTML the whole page is converted to simplified once (OpenCC's per-call cost dominates when
    called per cell) and each cell's text, with its entities resolved, is cleaned here.
    """
    text = nfkc(text)
    if "\u2212" in text:
        text = text.replace("\u2212", "-")  # the minus sign of typeset tables ("−4"), which NFKC keeps
    if (not text.isprintable() and not _printable_lines(text)) or "\ufffd" in text:
        text = _CONTROL.sub("", text)  # every character of _CONTROL but U+FFFD is unprintable
    text = _PINYIN.sub("", text)
    # one regex pass: it scans a whole page in a fifth of the time of 15 substring searches for the
    # pairs; it runs only when one of the three literal-led searches (a third of its time) finds a run
    comma, enum, semicolon = _PUNCT_RUN_AFTER
    if ("," in text or "、" in text or ";" in text) and (
        comma.search(text) or enum.search(text) or semicolon.search(text)
    ):
        return _PUNCT_RUN.sub("", text)
    return text


_LEAD_CN_NUM = re.compile(r"^([一二三四五六七八九十]+)[、.,]")
# "1.", "1、", "1," and the forms of copies that renumbered the sub-rows: "(1)", "1)", and a digit
# straight before the label ("①属于国家秘密" is "1属于国家秘密" after NFKC)
_LEAD_DIGIT = re.compile(r"^\(?(\d{1,2})(?:[、.,)]|(?=[\u4e00-\u9fff]))")
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "「": '"', "」": '"'})
_ANY_QUOTE = re.compile("[\u201c\u201d\u2018\u2019「」]")


def label_key(text: str) -> str:
    """The key a label is looked up by: no whitespace, uniform enumerators and quotes.

    Expects text already through :func:`normalize_text` (or official labels, which are
    normalised here the same way). "1、属于国家秘密" and "1.属于国家秘密" give the same key; so do
    "一.本年新收…" and "一、本年新收…"; so do "(1)属于国家秘密", "1)属于…" and "①属于…" (copies that
    renumbered the sub-rows); Markdown heading marks ("## 四、…") are dropped.

    Written for speed (every cell text the parser has not seen passes here): the quote table and
    the enumerator rewrites run only where they change something.
    """
    key = "".join(nfkc(text).split())
    if _ANY_QUOTE.search(key):
        key = key.translate(_QUOTES)
    key = key.lstrip("#>").rstrip(":")  # "## 四、…" (Markdown headings); "规章：" (a colon after a row label)
    m = _LEAD_CN_NUM.match(key)
    if m:
        return m.group(1) + "、" + key[m.end() :]
    m = _LEAD_DIGIT.match(key)
    if m:
        return m.group(1) + "." + key[m.end() :]
    return key
