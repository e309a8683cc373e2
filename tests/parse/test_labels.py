"""The label index's wrapped-label searches are dict lookups; they must answer as a scan of every
row label would (the rule in labels.py's docstrings, restated here the slow, obvious way)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.parse.labels import Label, label_index

INDEX = label_index()
FRAGMENTS = ["", "(三)不予", "公开", "处理", "x", "12345678", "123456789", "注", "(注1)", "0000000"]


NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}\.)")


def scan_prefix(key: str, fmt: str) -> Label | None:
    if len(key) < 4 and not (len(key) == 3 and NUMBERED.match(key)):
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


def test_row_labels_printed_without_their_numbering_are_found() -> None:
    from gongkai.parse.labels import label_index
    from gongkai.parse.normalize import label_key

    index = label_index()
    for fmt in ("2019", "2021"):
        found = index.find(label_key("属于国家秘密"), fmt)
        assert found is not None and (found.kind, found.key) == ("app_row", "denied_state_secret")
        group = index.find(label_key("不予公开"), fmt)
        assert group is not None and group.kind in ("app_group", "app_row")
        # 总计 and 其他 are column headers; bare, they name a row only by their place (after_row)
        total = index.find("总计", fmt)
        assert total is not None and total.kind == "header"
    assert index.after_row["2021"]["总计"][0].key == "total_processed"
    assert index.after_row["2021"]["总计"][1] == "other_other"
    assert index.after_row["2021"]["其他"][0].key == "other_other"
    # bare labels are exact matches only: a sentence ending in one opens no row
    assert index.find(label_key("今年收到信访举报投诉类申请"), "2021", prefix=True) is None


def test_total_row_printed_as_heji_is_a_variant() -> None:
    from gongkai.parse.normalize import label_key

    for fmt in ("2019", "2021"):
        found = label_index().find(label_key("（七）合计"), fmt)
        assert found is not None and (found.kind, found.key, found.variant) == ("app_row", "total_processed", True)


def test_qita_written_with_ta_is_a_variant() -> None:
    from gongkai.parse.normalize import label_key

    index = label_index()
    other = index.find(label_key("3.其它"), "2021")
    assert other is not None and (other.key, other.variant) == ("other_other", True)
    handling = index.find(label_key("（六）其它处理"), "2019")
    assert handling is not None
    assert (handling.kind, handling.key, handling.variant) == ("app_row", "other_handling", True)
