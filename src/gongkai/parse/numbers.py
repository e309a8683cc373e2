"""Reading one printed cell as a number — or saying exactly why it is not one.

Published cells hold "0", "1,234", "3798.8854万元", "251000元", "减4", "/", "—", "无" or nothing,
and now and then the numeral zero typed as a character ("〇", "零"), which is read as 0.
A placeholder or blank is never read as 0: it becomes ``None`` with the reason, and the checker
reports it (cells.placeholders). Units are taken from the cell; amounts are converted to 万元.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["CellValue", "is_value_text", "read_cell", "split_values"]

PLACEHOLDERS = frozenset({"/", "//", "\\", "-", "--", "—", "——", "–", "―", "无", "空", "…", "...", "x", "X", "*"})

_NUMBER = r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
ZERO_CHARACTERS = frozenset({"〇", "零"})  # a cell holding the Chinese numeral zero alone: 0, exactly
_UNITS = r"万元|亿元|元|件|个|项|条|次|人次|宗|起|家|部"
_CELL = re.compile(rf"^(增加|增|减少|减)?\s*({_NUMBER})\s*({_UNITS})?$")
_AMOUNT_FACTORS = {"元": Decimal("0.0001"), "万元": Decimal(1), "亿元": Decimal(10000)}
# a run of values at the end of a cell: "57 1 0 0 0 0 58", "0 / 3"
_VALUE_TOKEN = rf"(?:(?:增加|增|减少|减)?{_NUMBER}(?:{_UNITS})?|[/\\—–―]+|-{{1,2}}|无|〇)"
_TRAILING_VALUES = re.compile(rf"^(.*?)((?:\s*(?<![\d.,]){_VALUE_TOKEN})+)\s*$")
_TOKEN = re.compile(_VALUE_TOKEN)
# the last character of any value token: a test that spares the regex most narrative lines
_TOKEN_ENDS = frozenset("万亿元件个项条次宗起家部/\\—–―-无〇")
# every character a value token can hold (with whitespace between tokens)
_VALUE_CHARACTERS = frozenset("0123456789+-.,增加减少万亿元件个项条次人宗起家部/\\—–―无〇")


@dataclass(frozen=True, slots=True)
class CellValue:
    """The reading of one cell: ``value`` or ``None`` with ``reason``; ``raw`` as printed."""

    value: int | Decimal | None
    raw: str
    reason: str | None = None
    unit: str | None = None

    @property
    def blank(self) -> bool:
        return self.raw == ""


def read_cell(raw: str, kind: str = "count") -> CellValue:
    """Read ``raw`` (normalised text of one cell) as a value of ``kind`` (count, amount, change)."""
    text = raw.strip()
    if not text:
        return CellValue(None, "", "blank")
    if text in PLACEHOLDERS:
        return CellValue(None, text, f"placeholder {text!r}")
    if text in ZERO_CHARACTERS:
        return CellValue(Decimal(0) if kind.startswith("amount") else 0, text)
    m = _CELL.match(text)
    if not m:
        return CellValue(None, text, f"not a number: {text!r}")
    word, number, unit = m.groups()
    value = Decimal(number.replace(",", ""))
    if word in ("减", "减少"):
        value = -value
    if kind == "amount_unit_in_cell" and unit is None and value != 0:
        # 采购总金额 names no unit and cells print 元 or 万元 alike: a bare number cannot be placed
        return CellValue(None, text, f"amount {text!r} printed without a unit (元 or 万元?)")
    if unit in _AMOUNT_FACTORS:
        if kind.startswith("amount"):
            value = value * _AMOUNT_FACTORS[unit]
        elif unit != "万元":
            return CellValue(None, text, f"amount {text!r} in a count cell")
    if not kind.startswith("amount") and value == value.to_integral_value():
        return CellValue(int(value), text, None, unit)
    return CellValue(_tidy(value), text, None, unit)


def _tidy(value: Decimal) -> Decimal:
    """3798.88540 → 3798.8854, 25.1000 → 25.1, 20.00 → 20 (exact; only trailing zeros go)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def is_value_text(text: str) -> bool:
    """True when the whole cell is one value or placeholder (cheap pre-test for the tokenizer)."""
    t = text.strip()
    return not t or t in PLACEHOLDERS or t in ZERO_CHARACTERS or _CELL.match(t) is not None


def split_values(text: str) -> tuple[str, list[str]]:
    """Split "label 57 1 0" into ("label", ["57", "1", "0"]); ("text", []) when nothing trails.

    A label never ends in a digit in either official layout, so trailing values are safe to cut
    off; glued numbers ("规范性文件898989") come back as one token for the split recovery.

    The values cannot begin before the last character that no value token holds (a letter, a
    colon, most Chinese), so the pattern — whose lazy head tries every earlier position, each
    costly on dates and record numbers ("发布日期:2021-01-27 12:06") — is run on what follows it.
    """
    last = text.rstrip()[-1:]
    if not last or not (last.isdigit() or last in _TOKEN_ENDS):
        return text, []
    start = len(text)
    while start > 0 and (text[start - 1] in _VALUE_CHARACTERS or text[start - 1].isspace()):
        start -= 1
    if start and "\n" in text[:start]:
        return text, []  # the head (.*?) does not cross a line break: no trailing values
    m = _TRAILING_VALUES.match(text[start:] if start else text)
    if not m:
        return text, []
    return (text[:start] + m.group(1)).strip(), _TOKEN.findall(m.group(2))
