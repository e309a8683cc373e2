"""Every finding code the reader can emit has a heading in docs/checks.md."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_reader_codes_are_documented() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "gongkai" / "parse").glob("*.py"))
    codes = set(re.findall(r'Finding\(\s*"([a-z_.]+)"', source))
    codes |= set(re.findall(r'"(cells\.[a-z_]+)"', source))
    text = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    _, _, reader_part = text.partition("\n# Findings of the reader")
    reader_part = reader_part.split("\n# ", 1)[0]
    documented = set(re.findall(r"^## ([a-z_.]+)$", text, re.M))
    own = set(re.findall(r"^## ([a-z_.]+)$", reader_part, re.M))
    assert codes, "no codes found: the pattern no longer matches the reader's source"
    assert codes <= documented, sorted(codes - documented)
    assert own <= codes, f"stale headings in the reader's part: {sorted(own - codes)}"
