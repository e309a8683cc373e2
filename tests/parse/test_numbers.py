"""numbers.split_values: its shortcut (the pattern run only after the last character no value
token holds) gives exactly what the pattern gives on the whole text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.parse.numbers import _TOKEN, _TRAILING_VALUES, split_values


def _by_pattern(text: str) -> tuple[str, list[str]]:
    """The definition: the lazy head and the trailing run of value tokens of the whole text."""
    m = _TRAILING_VALUES.match(text)
    if not m or not text.rstrip():
        return text, []
    return m.group(1).strip(), _TOKEN.findall(m.group(2))


_ALPHABET = "0123456789,.-+/\\—–―无〇增减少加万亿元件个项条次人宗起家部 \t\n\u3000\xa0文本规章K:(日期"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=30))
def test_split_values_is_the_pattern(text: str) -> None:
    assert split_values(text) == _by_pattern(text)


def test_split_values_examples() -> None:
    assert split_values("一、本年新收政府信息公开申请数量 58 0 0 0 0 0 58") == (
        "一、本年新收政府信息公开申请数量",
        ["58", "0", "0", "0", "0", "0", "58"],
    )
    assert split_values("- 发布日期:2021-01-27 12:06") == ("- 发布日期:2021-01-27 12:", ["06"])
    assert split_values("规范性文件898989") == ("规范性文件", ["898989"])
    assert split_values("行政许可 / — 3万元") == ("行政许可", ["/", "—", "3万元"])
    assert split_values("本年度无收取信息处理费相关情况。") == ("本年度无收取信息处理费相关情况。", [])
    assert split_values("第一行\n第二行 5") == ("第一行\n第二行 5", [])  # the head does not cross a line break
