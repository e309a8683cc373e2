"""The request ledger (依申请公开台账): applications, their requested items and their events."""

__all__: list[str] = []
