"""The label index's wrapped-label searches are dict lookups; they must answer as a scan of every
row label would (the rule in labels.py's docstrings, restated here the slow, obvious way)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.parse.labels import Label, label_index

INDEX = label_index()
FRAGMENTS = ["", "(三)不予", "公开", "处理", "x", "12345678", "123456789", "注", "(注1)", "0000000"]


def scan_prefix(key: str, fmt: str) -> Label | None:
    if len(key) < 4:
        return None
    found: Label | None = None
    for full, label in INDEX.row_keys:
        if fmt not in label.formats:
            continue
        if full.startswith(key) or (label.kind == "app_row" and len(key) >= 5 and key.startswith(full)):
            if found is not None and found.key != label.key:
                return None
            found = label
    return found


def scan_suffix(key: str, fmt: str) -> Label | None:
    for full, label in INDEX.row_keys:
        if (
            label.kind == "app_row"
            and fmt in label.formats
            and len(full) >= 5
            and key.endswith(full)
            and 0 < len(key) - len(full) <= 8
        ):
            return label
    return None


@st.composite
def keys(draw: st.DrawFn) -> str:
    full = draw(st.sampled_from([full for full, _ in INDEX.row_keys]))
    start = draw(st.integers(0, len(full)))
    end = draw(st.integers(start, len(full)))
    return draw(st.sampled_from(FRAGMENTS)) + full[start:end] + draw(st.sampled_from(FRAGMENTS))


@settings(max_examples=400)
@given(keys(), st.sampled_from(["2019", "2021"]))
def test_wrapped_label_lookups_agree_with_a_scan(key: str, fmt: str) -> None:
    assert INDEX.app_row_by_prefix(key, fmt) == scan_prefix(key, fmt)
    assert INDEX.app_row_by_suffix(key, fmt) == scan_suffix(key, fmt)


def test_every_whole_row_label_and_its_prefixes() -> None:
    for full, label in INDEX.row_keys:
        for fmt in sorted(label.formats):
            for end in range(len(full) + 1):
                for extra in ("", "(注1)", "x"):
                    key = full[:end] + extra
                    assert INDEX.app_row_by_prefix(key, fmt) == scan_prefix(key, fmt), key
                    assert INDEX.app_row_by_suffix("公开" + key, fmt) == scan_suffix("公开" + key, fmt), key
