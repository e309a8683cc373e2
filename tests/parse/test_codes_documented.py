"""Every finding code the reader can emit has a heading in docs/checks.md."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_reader_codes_are_documented() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "gongkai" / "parse").glob("*.py"))
    codes = set(re.findall(r'Finding\(\s*"([a-z_.]+)"', source))
    codes |= set(re.findall(r'"(cells\.[a-z_]+)"', source))
    headings = set(re.findall(r"^## ([a-z_.]+)$", (ROOT / "docs" / "checks.md").read_text(encoding="utf-8"), re.M))
    assert codes, "no codes found: the pattern no longer matches the reader's source"
    assert codes <= headings, sorted(codes - headings)
