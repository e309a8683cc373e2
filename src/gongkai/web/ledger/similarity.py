"""Near-identical request texts, for the possible-repeat (重复申请) hint at registration.

A clerk decides 重复申请 (第三十六条第（六）项); gongkai only shows candidates. Two texts are
"near-identical" when, after dropping punctuation and spaces, difflib's ratio is at least
:data:`THRESHOLD` — strict enough that a list of a few hundred recent requests yields a handful.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

__all__ = ["THRESHOLD", "is_similar", "normalise", "similarity"]

THRESHOLD = 0.8
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


def normalise(text: str) -> str:
    """Full-width to half-width, lower case, no punctuation or spaces."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", text).lower())


def similarity(a: str, b: str) -> float:
    """0..1: how alike two request texts are once normalised."""
    left, right = normalise(a), normalise(b)
    if not left or not right:
        return 0.0
    return SequenceMatcher(None, left, right, autojunk=False).ratio()


def is_similar(a: str, b: str, threshold: float = THRESHOLD) -> bool:
    """Whether two texts are near-identical; the cheap upper bounds reject most pairs first."""
    left, right = normalise(a), normalise(b)
    if not left or not right:
        return False
    matcher = SequenceMatcher(None, left, right, autojunk=False)
    return (
        matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold
    )
