"""GB 11643 ID numbers and GB 32100 credit codes: check digits, normalisation, fakes, masks."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.procedure.identifiers import (
    check_credit_code,
    check_id_number,
    credit_check_character,
    fake_credit_code,
    fake_id_number,
    id_check_digit,
    mask_id_number,
    mask_phone,
)

# The worked example of GB 11643-1999 (appendix) and the credit code printed in GB 32100-2015.
STANDARD_ID = "11010519491231002X"
STANDARD_CREDIT = "91350100M000100Y43"


def test_the_standards_own_examples_pass() -> None:
    assert check_id_number(STANDARD_ID.lower()) == STANDARD_ID
    assert id_check_digit(STANDARD_ID[:17]) == "X"
    assert check_credit_code(" " + STANDARD_CREDIT.lower()) == STANDARD_CREDIT
    assert credit_check_character(STANDARD_CREDIT[:17]) == "3"


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("110105194912310021", "校验位"),
        ("11010519491231002", "18位"),
        ("1101051949123100AX", "前17位应为数字"),
        ("110105194902300027", "出生日期"),
    ],
)
def test_bad_id_numbers_are_rejected_with_a_reason(value: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        check_id_number(value)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("91350100M000100Y44", "校验位"),
        ("91350100M000100Y4", "18位"),
        ("91350100M000100YI3", "不允许的字符"),
        ("91AB0100M000100Y43", "行政区划码"),
    ],
)
def test_bad_credit_codes_are_rejected_with_a_reason(value: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        check_credit_code(value)


@given(st.integers(min_value=0, max_value=2**32))
def test_fakes_are_valid_and_in_the_nonexistent_division(seed: int) -> None:
    rng = random.Random(seed)
    person, body = fake_id_number(rng), fake_credit_code(rng)
    assert check_id_number(person) == person and person.startswith("99")
    assert check_credit_code(body) == body and body[2:4] == "99"


@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=0, max_value=16))
def test_one_changed_digit_breaks_the_id_checksum(seed: int, position: int) -> None:
    value = fake_id_number(random.Random(seed))
    changed = value[:position] + str((int(value[position]) + 1) % 10) + value[position + 1 :]
    with pytest.raises(ValueError):
        check_id_number(changed)


def test_masks() -> None:
    assert mask_id_number("110101199003071234") == "110101********1234"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0101234567") == "******4567"
    assert mask_id_number("123") == "***"
