"""Which fonts the official layout names, and which of them this machine actually has.

GB/T 9704-2012 names 方正小标宋简体 for the title, 仿宋_GB2312 for the body, 黑体 and 楷体_GB2312 for
the first two heading levels. None of them is in Debian: the DOCX names them anyway (the agencies
that open it have them installed, and Word substitutes its own CJK fonts otherwise), while the PDF
is drawn with what is installed — Noto CJK from Debian's ``fonts-noto-cjk``. These functions let
the CLI and the docs say exactly which substitution happened instead of leaving it to chance.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import cache

__all__ = ["OFFICIAL_FONTS", "PDF_FALLBACKS", "installed_families", "substitutions"]

OFFICIAL_FONTS: dict[str, str] = {
    "title": "方正小标宋简体",
    "body": "仿宋_GB2312",
    "heading1": "黑体",
    "heading2": "楷体_GB2312",
    "page_number": "宋体",
}
"""Role → the font GB/T 9704-2012 names for it (what the DOCX writes into w:eastAsia)."""

PDF_FALLBACKS: dict[str, str] = {
    "title": "Noto Serif CJK SC",
    "body": "Noto Serif CJK SC",
    "heading1": "Noto Sans CJK SC",
    "heading2": "Noto Serif CJK SC",
    "page_number": "Noto Serif CJK SC",
}
"""Role → the Debian font (fonts-noto-cjk) the PDF uses when the official one is not installed."""


@cache
def installed_families() -> frozenset[str]:
    """Font family names known to fontconfig (empty when fontconfig's ``fc-list`` is missing)."""
    exe = shutil.which("fc-list")
    if exe is None:
        return frozenset()
    try:
        out = subprocess.run([exe, ":", "family"], capture_output=True, text=True, timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    names: set[str] = set()
    for line in out.splitlines():
        names.update(part.strip() for part in line.split(",") if part.strip())
    return frozenset(names)


def substitutions() -> dict[str, tuple[str, str]]:
    """Role → (official font, font used instead) for every official font not installed here."""
    have = installed_families()
    return {role: (name, PDF_FALLBACKS[role]) for role, name in OFFICIAL_FONTS.items() if name not in have}
