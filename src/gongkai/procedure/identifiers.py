"""Applicants' identifiers: 公民身份号码 (GB 11643-1999) and 统一社会信用代码 (GB 32100-2015).

An application names its applicant, and the annual report counts applicants by kind; a wrong ID
number is the most common typing error in a ledger, so both check digits are verified on entry.
The fake generators make valid numbers for fixtures and the demo that can never belong to anyone:
their administrative-division code starts with ``99``, a province code that does not exist
(GB/T 2260 uses 11–82), so a real person or organisation never has one.

Masking (:func:`mask_id_number`, :func:`mask_phone`) is here too: it is the one rule of how a
number is shown where it must not be read in full (lists, exports to people outside the office).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

__all__ = [
    "CREDIT_CODE_ALPHABET",
    "check_credit_code",
    "check_id_number",
    "credit_check_character",
    "fake_credit_code",
    "fake_id_number",
    "id_check_digit",
    "mask_id_number",
    "mask_phone",
]

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
"""The 31 characters of GB 32100 (no I, O, S, V, Z); a character's value is its index."""
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
FAKE_DIVISION_PREFIX = "99"


def id_check_digit(body: str) -> str:
    """The 18th character of an ID number from its first 17 digits (ISO 7064 MOD 11-2)."""
    total = sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def check_id_number(text: str) -> str:
    """The ID number normalised (upper-case X, no spaces); ValueError with a one-line reason in Chinese."""
    value = text.strip().replace(" ", "").upper()
    if len(value) != 18:
        raise ValueError(f"身份证号应为18位，现为{len(value)}位")
    body, check = value[:17], value[17]
    if not body.isdigit() or not (check.isdigit() or check == "X"):
        raise ValueError("身份证号前17位应为数字，末位为数字或X")
    try:
        born = date(int(body[6:10]), int(body[10:12]), int(body[12:14]))
    except ValueError:
        raise ValueError(f"身份证号中的出生日期 {body[6:14]} 不是有效日期") from None
    if born.year < 1900:
        raise ValueError(f"身份证号中的出生日期 {body[6:14]} 不合理")
    if id_check_digit(body) != check:
        raise ValueError("身份证号校验位不正确（GB 11643），请核对")
    return value


def credit_check_character(body: str) -> str:
    """The 18th character of a credit code from its first 17 characters (GB 32100 MOD 31)."""
    total = sum(CREDIT_CODE_ALPHABET.index(c) * w for c, w in zip(body, _CREDIT_WEIGHTS, strict=True))
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def check_credit_code(text: str) -> str:
    """The credit code normalised (upper case); ValueError with a one-line reason in Chinese."""
    value = text.strip().replace(" ", "").upper()
    if len(value) != 18:
        raise ValueError(f"统一社会信用代码应为18位，现为{len(value)}位")
    wrong = sorted({c for c in value if c not in CREDIT_CODE_ALPHABET})
    if wrong:
        raise ValueError(f"统一社会信用代码含有不允许的字符：{''.join(wrong)}")
    if not value[2:8].isdigit():
        raise ValueError("统一社会信用代码第3至8位（登记管理机关行政区划码）应为数字")
    if credit_check_character(value[:17]) != value[17]:
        raise ValueError("统一社会信用代码校验位不正确（GB 32100），请核对")
    return value


def fake_id_number(
    rng: random.Random, *, born_after: date = date(1950, 1, 1), born_before: date = date(2004, 12, 31)
) -> str:
    """A valid-checksum ID number in the nonexistent division 99xxxx (never a real person)."""
    division = FAKE_DIVISION_PREFIX + f"{rng.randrange(10000):04d}"
    born = born_after + timedelta(days=rng.randrange((born_before - born_after).days + 1))
    body = f"{division}{born:%Y%m%d}{rng.randrange(1000):03d}"
    return body + id_check_digit(body)


def fake_credit_code(rng: random.Random) -> str:
    """A valid-checksum credit code registered in the nonexistent division 99xxxx (never a real body)."""
    authority = rng.choice("159")
    kind = rng.choice("123")
    division = FAKE_DIVISION_PREFIX + f"{rng.randrange(10000):04d}"
    organisation = "".join(rng.choice(CREDIT_CODE_ALPHABET) for _ in range(9))
    body = f"{authority}{kind}{division}{organisation}"
    return body + credit_check_character(body)


def mask_id_number(value: str) -> str:
    """110101********1234: the division and the last four stay, the birth date and sequence do not."""
    if len(value) <= 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(value: str) -> str:
    """138****5678 for a mobile number; any other number keeps only its last four characters."""
    digits = value.strip()
    if len(digits) == 11 and digits.isdigit():
        return digits[:3] + "****" + digits[-4:]
    if len(digits) <= 4:
        return "*" * len(digits)
    return "*" * (len(digits) - 4) + digits[-4:]
