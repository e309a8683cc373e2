"""The one error a service raises for bad input: a message a clerk understands, and the form field."""

from __future__ import annotations

__all__ = ["ServiceError"]


class ServiceError(ValueError):
    """Rejected input; nothing was saved. ``field`` names the form field to show it on (None: the form)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
