"""The one exception the reader raises: a report that cannot be read at all, with where and why."""

from __future__ import annotations

__all__ = ["ParseError"]


class ParseError(Exception):
    """Raised when a source cannot be read as an annual report.

    The message is one line a clerk can act on; ``source`` names the file (or "<bytes>") and
    ``position`` says where in it, when that is known (e.g. "line 12", "table 2, row 5").
    Anything that *can* be read is not an error: unreadable cells come back as ``None`` with a
    finding instead.
    """

    def __init__(self, reason: str, *, source: str | None = None, position: str | None = None) -> None:
        self.reason = reason
        self.source = source
        self.position = position
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.source or "<input>"
        if self.position:
            where = f"{where} ({self.position})"
        return f"{where}: {self.reason}"
