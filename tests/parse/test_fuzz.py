"""Fuzzing: whatever bytes arrive, ``parse`` returns a valid report or raises ParseError — nothing else.

Arbitrary bytes and text exercise the sniffing and decoding; mutated seeds and HTML variants (cells
deleted, stray "|", digits and line breaks inserted, cut short) exercise the interpreter on input
that is almost a report, which is where a reader's assumptions break. A report that is returned
must survive its own JSON round trip, so a mutation cannot smuggle out a malformed value either.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.parse import ParsedReport, ParseError, parse
from gongkai.report.model import Report

DATA = Path(__file__).resolve().parents[1] / "data" / "parse"
SEEDS = [p.read_bytes() for p in sorted((DATA / "seeds").glob("*.txt"))]
HTML = [p.read_bytes() for p in sorted((DATA / "variants").glob("*.html"))]
SOURCES = SEEDS + HTML

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

REPORT_WORDS = ["本年新收", "总计", "自然人", "商业企业", "申请人情况", "行政复议", "规章", "<td>", "</tr>", "<table>"]
REPORT_ALPHABET = st.sampled_from(
    [*"0123456789０１２３４５６７８９|｜/—-无 \t\n\r.,，。、（）()一二三四五六七", *REPORT_WORDS]
)


def _parse_safely(data: bytes) -> ParsedReport | None:
    """The property: only ParseError escapes, with a one-line message; a result is a valid report."""
    try:
        parsed = parse(data, name="fuzz")
    except ParseError as exc:
        assert "\n" not in str(exc)
        assert str(exc).startswith("fuzz")
        return None
    Report.from_json(parsed.to_json())
    parsed.to_json(with_sources=True)
    return parsed


@FUZZ
@given(st.binary(max_size=4096))
def test_arbitrary_bytes(data: bytes) -> None:
    _parse_safely(data)


@FUZZ
@given(st.text(max_size=2000), st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_arbitrary_text(text: str, encoding: str) -> None:
    _parse_safely(text.encode(encoding, errors="replace"))


@FUZZ
@given(st.lists(REPORT_ALPHABET, max_size=400))
def test_report_like_tokens(tokens: list[str]) -> None:
    _parse_safely("".join(tokens).encode("utf-8"))


INSERTS = st.sampled_from(["|", "｜", "\n", "\n\n", " ", "0", "7", "58", "123456789", "-", "—", "/", "无", "<td>"])
MUTATION = st.one_of(
    st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 200)),
    st.tuples(st.just("insert"), st.floats(0, 1), INSERTS),
    st.tuples(st.just("truncate"), st.floats(0, 1), st.just(0)),
)


def _mutate(source: bytes, mutations: list[tuple[str, float, object]]) -> bytes:
    """Edit the bytes (HTML may be GBK, and a broken download can cut a character in half)."""
    data = source
    for op, where, arg in mutations:
        at = int(where * len(data))
        if op == "delete":
            data = data[:at] + data[at + int(str(arg)) :]
        elif op == "insert":
            data = data[:at] + str(arg).encode("utf-8") + data[at:]
        else:
            data = data[:at]
    return data


@FUZZ
@given(st.sampled_from(range(len(SOURCES))), st.lists(MUTATION, min_size=1, max_size=12))
def test_mutated_reports(index: int, mutations: list[tuple[str, float, object]]) -> None:
    _parse_safely(_mutate(SOURCES[index], mutations))


def test_fuzz_corpus_is_present() -> None:
    """The mutation test is only meaningful with real reports to mutate, text and HTML."""
    assert len(SEEDS) >= 5
    assert HTML, "no HTML variants under tests/data/parse/variants/"
    assert all(_parse_safely(s) is not None for s in SOURCES)
