"""The fast NFKC gives exactly what unicodedata's NFKC gives — but for circled and superscript
digits, which it keeps apart from the digits around them on purpose ("86①" is not 861)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.parse.normalize import _CONTROL, _MARK_FORMS, clean_text, nfkc

DATA = Path(__file__).resolve().parents[1] / "data" / "parse"

# the characters that matter: full-width forms, ideographic space, CJK, compatibility characters
# (circled and parenthesised numbers, ligatures, half-width katakana), combining marks that compose
# with an ASCII letter after its full-width form is mapped, and ASCII
_ALPHABET = st.sampled_from(
    [chr(c) for c in range(0xFF01, 0xFF5F)]
    + ["\u3000", "\u3001", "\u3002", "年", "度", "報", "告", "①", "⑴", "㈠", "ﬁ", "ｶ", "ﾞ", "\u0301", "\u0308"]
    + ["\u00a0", "\u2002", "™", "½", "Ⅻ", "\u1100", "\u1161", "\uac00", "a", "A", "1", " ", ",", "(", "\n"]
)


@settings(max_examples=500)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_nfkc_agrees_with_unicodedata(text: str) -> None:
    assert nfkc(text) == unicodedata.normalize("NFKC", text.translate(_MARK_FORMS))


def test_circled_and_superscript_digits_stay_apart_from_the_number_before_them() -> None:
    assert nfkc("86①") == "86(1)" and nfkc("86¹") == "86^1" and nfkc("⑳") == "(20)"
    assert nfkc("１２") == "12" and nfkc("⑴") == "(1)"  # the rest as unicodedata has it


def test_nfkc_agrees_on_every_test_document() -> None:
    for path in sorted(DATA.rglob("*")):
        if path.suffix in (".txt", ".md", ".html"):
            text = path.read_bytes().decode("utf-8", errors="replace")
            assert nfkc(text) == unicodedata.normalize("NFKC", text.translate(_MARK_FORMS)), path


_CONTROL_MIX = "数据,、。 \t\n\r\x00\x07\x0b\x1f\x7f\u00ad\u200b\u200f\u202a\u2060\ufeff\ufffd\u2028\xa0\u3000ab1"


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=_CONTROL_MIX, max_size=40))
def test_clean_text_leaves_no_control_character(text: str) -> None:
    """The cheap tests that skip the control-character pass never skip a text that holds one."""
    assert _CONTROL.search(clean_text(text)) is None
