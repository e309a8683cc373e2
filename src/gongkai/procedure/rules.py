"""The statutory periods, article numbers and fee bands, read from the one definition.

``formats.yaml`` (section ``statutory_rules``) is where every period of the 条例 and of 国办函〔2020〕109号
is written down with its article; this module turns it into one typed, frozen :class:`Rules` object so
the deadline engine, the fee calculator and the outcome taxonomy never retype a number or an article.
Where the texts leave a choice open (fee period, "due soon"), the YAML holds gongkai's documented
default and the functions here accept an override.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from gongkai.report.formats import definition

__all__ = ["FeeBand", "Rules", "rules"]


@dataclass(frozen=True)
class FeeBand:
    """One marginal band of a fee scale: units ``first``..``last`` (``None`` = open) at ``yuan_each``.

    An open band with ``band_size`` repeats every ``band_size`` units, each repetition dearer by
    ``increment_yuan_each`` (the 按件 scale above 30 applications: 200, 300, 400 … 元/件).
    """

    first: int
    last: int | None
    yuan_each: int
    band_size: int | None = None
    increment_yuan_each: int = 0


@dataclass(frozen=True)
class Rules:
    """Every statutory number gongkai uses, with the article it comes from."""

    regulation: str
    fee_rules: str
    receipt_article: str
    correction_article: str
    correction_notice_working_days: int
    reply_article: str
    reply_working_days: int
    extension_article: str
    extension_working_days: int
    excluded_time_article: str
    third_party_article: str
    third_party_working_days: int
    joint_information_article: str
    joint_information_working_days: int
    excessive_requests_article: str
    partial_disclosure_article: str
    due_soon_working_days: int
    fee_payment_working_days: int
    fee_period_pauses_clock: bool
    per_application_bands: tuple[FeeBand, ...]
    per_page_bands: tuple[FeeBand, ...]
    fee_examples: tuple[dict[str, Any], ...]


def _bands(items: list[dict[str, Any]]) -> tuple[FeeBand, ...]:
    bands = []
    for item in items:
        yuan = item["yuan_each"] if "yuan_each" in item else item["first_band_yuan_each"]
        bands.append(
            FeeBand(
                first=int(item["from"]),
                last=None if item.get("to") is None else int(item["to"]),
                yuan_each=int(yuan),
                band_size=None if item.get("band_size") is None else int(item["band_size"]),
                increment_yuan_each=int(item.get("increment_yuan_each", 0)),
            )
        )
    return tuple(bands)


@cache
def rules() -> Rules:
    """The statutory rules of ``formats.yaml`` (read once per process)."""
    raw: dict[str, Any] = definition()["statutory_rules"]
    reply = raw["reply"]
    fees = raw["fees"]
    payment = fees["notice_and_payment"]
    return Rules(
        regulation=raw["regulation"],
        fee_rules=raw["fee_rules"],
        receipt_article=raw["receipt_date"]["article"],
        correction_article=raw["correction"]["article"],
        correction_notice_working_days=int(raw["correction"]["notice_within_working_days"]),
        reply_article=reply["article"],
        reply_working_days=int(reply["within_working_days"]),
        extension_article=reply["extension_article"],
        extension_working_days=int(reply["extension_max_working_days"]),
        excluded_time_article=reply["excluded_time_article"],
        third_party_article=raw["third_party"]["article"],
        third_party_working_days=int(raw["third_party"]["answer_within_working_days"]),
        joint_information_article=raw["joint_information"]["article"],
        joint_information_working_days=int(raw["joint_information"]["answer_within_working_days"]),
        excessive_requests_article=raw["excessive_requests"]["article"],
        partial_disclosure_article=raw["partial_disclosure"]["article"],
        due_soon_working_days=int(raw["day_counting"]["due_soon_working_days"]),
        fee_payment_working_days=int(payment["pay_within_working_days"]),
        fee_period_pauses_clock=bool(payment["pauses_reply_clock"]),
        per_application_bands=_bands(fees["per_application"]["bands"]),
        per_page_bands=_bands(fees["per_page"]["bands"]),
        fee_examples=tuple(fees["examples"]),
    )
