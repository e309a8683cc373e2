"""The audit trail (全过程留痕): an append-only record of every write, written by every service."""

__all__: list[str] = []
