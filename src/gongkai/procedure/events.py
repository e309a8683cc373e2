"""What happens to one application, as dated events; and the receipt date rule of 第三十一条.

The deadline engine (:mod:`.deadlines`) reads nothing but these events, the calendar and ``today``:
the ledger stores events (nothing is ever overwritten), and every date is derived from them again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

__all__ = [
    "Channel",
    "ConsultationKind",
    "Event",
    "EventKind",
    "receipt_date",
]


class Channel(StrEnum):
    """How an application arrived; it decides which day is the receipt date (第三十一条)."""

    IN_PERSON = "in_person"  # 当面提交: the day of submission
    POST_SIGNED = "post_signed"  # 邮寄, signed for: the day the agency signs
    POST_UNSIGNED = "post_unsigned"  # ordinary letter: the day receipt is confirmed with the applicant
    ONLINE = "online"  # 互联网渠道: the day both sides confirm
    FAX = "fax"  # 传真: the day both sides confirm


def receipt_date(
    channel: Channel | str,
    *,
    submitted: date | None = None,
    signed_for: date | None = None,
    confirmed: date | None = None,
) -> date:
    """The receipt date (收到申请之日) of 第三十一条 for ``channel``; ValueError naming the missing date."""
    try:
        kind = Channel(channel)
    except ValueError:
        known = ", ".join(c.value for c in Channel)
        raise ValueError(f"channel: {channel!r} is not one of {known}") from None
    needed: dict[Channel, tuple[str, date | None]] = {
        Channel.IN_PERSON: ("submitted", submitted),
        Channel.POST_SIGNED: ("signed_for", signed_for),
        Channel.POST_UNSIGNED: ("confirmed", confirmed),
        Channel.ONLINE: ("confirmed", confirmed),
        Channel.FAX: ("confirmed", confirmed),
    }
    name, value = needed[kind]
    if value is None:
        raise ValueError(f"{name}: a {kind.value} application's receipt date is the {name} date; it is missing")
    return value


class ConsultationKind(StrEnum):
    """Whom the agency consults; the time is not counted (第三十三条第二款)."""

    THIRD_PARTY = "third_party"  # 第三十二条: answers within 15 working days
    AGENCY = "agency"  # 第三十四条: other agencies, within 15 working days


class EventKind(StrEnum):
    RECEIVED = "received"  # the 第三十一条 receipt (``on`` = receipt date)
    CORRECTION_NOTICE = "correction_notice"  # 补正告知 sent (once)
    CORRECTED = "corrected"  # corrected application received: the reply clock restarts
    EXTENSION_APPROVED = "extension_approved"  # the office head approved one extension
    CONSULTATION_SENT = "consultation_sent"  # 征求意见书 sent to a third party / agency
    CONSULTATION_ANSWERED = "consultation_answered"  # its answer received
    FEE_NOTICE = "fee_notice"  # 收费通知 received by the applicant
    FEE_PAID = "fee_paid"
    DECIDED = "decided"  # the final handling decision (``outcome`` = an outcome key)


@dataclass(frozen=True)
class Event:
    """One dated event. ``party`` names a consultation (several may run at once)."""

    kind: EventKind
    on: date
    channel: Channel | None = None
    party: str = ""
    consultation: ConsultationKind = ConsultationKind.THIRD_PARTY
    outcome: str | None = None
    correction_due: date | None = None  # the reasonable correction period the notice gave

    def __post_init__(self) -> None:
        if self.kind is EventKind.DECIDED and not self.outcome:
            raise ValueError(f"decided event on {self.on.isoformat()}: the outcome is missing")
        if self.kind is not EventKind.DECIDED and self.outcome is not None:
            raise ValueError(f"{self.kind.value} event on {self.on.isoformat()}: only a decision has an outcome")
