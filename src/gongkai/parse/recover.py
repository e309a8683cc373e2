"""Recovering numbers that were printed without separators ("规范性文件898989", a 15-digit review row).

A run of digits can be cut into the expected number of cells in many ways. We enumerate the cuts
(no part with a leading zero, since published tables never print one) and keep those that satisfy
the table's own sums. Exactly one survivor is an exact reading; more than one means the cells are
unreadable — we never pick one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import combinations, pairwise

__all__ = ["MAX_CANDIDATES", "candidate_splits"]

MAX_CANDIDATES = 200_000
Constraint = Callable[[tuple[int, ...]], bool]


def _cuts(digits: str, parts: int) -> Iterator[tuple[int, ...]]:
    """All ways to cut ``digits`` into ``parts`` numbers without leading zeros."""
    n = len(digits)
    if parts == 1:
        if n == 1 or digits[0] != "0":
            yield (int(digits),)
        return
    for positions in combinations(range(1, n), parts - 1):
        bounds = (0, *positions, n)
        pieces = []
        for a, b in pairwise(bounds):
            piece = digits[a:b]
            if len(piece) > 1 and piece[0] == "0":
                break
            pieces.append(int(piece))
        else:
            yield tuple(pieces)


def _compositions(lengths: Sequence[int], total: int) -> Iterator[tuple[int, ...]]:
    """Ways to give each token 1..len(token) parts so that the parts add up to ``total``."""
    if not lengths:
        if total == 0:
            yield ()
        return
    first, rest = lengths[0], lengths[1:]
    rest_max = sum(rest)
    for k in range(1, first + 1):
        remaining = total - k
        if len(rest) <= remaining <= rest_max:
            for tail in _compositions(rest, remaining):
                yield (k, *tail)


def candidate_splits(
    tokens: Sequence[str], size: int, constraint: Constraint | None = None
) -> list[tuple[int, ...]] | None:
    """Every reading of ``tokens`` (digit strings) as ``size`` numbers that passes ``constraint``.

    Returns ``None`` when the search would exceed :data:`MAX_CANDIDATES` (too ambiguous to try).
    """
    if not tokens or any(not t.isdigit() for t in tokens):
        return []
    lengths = [len(t) for t in tokens]
    if sum(lengths) < size:
        return []
    found: list[tuple[int, ...]] = []
    examined = 0
    for parts in _compositions(lengths, size):
        streams: list[list[tuple[int, ...]]] = []
        for token, k in zip(tokens, parts, strict=True):
            streams.append(list(_cuts(token, k)))
        combos = 1
        for s in streams:
            combos *= len(s)
        examined += combos
        if examined > MAX_CANDIDATES:
            return None
        for combo in _product(streams):
            if constraint is None or constraint(combo):
                found.append(combo)
    return found


def _product(streams: list[list[tuple[int, ...]]]) -> Iterator[tuple[int, ...]]:
    if not streams:
        yield ()
        return
    for head in streams[0]:
        for tail in _product(streams[1:]):
            yield head + tail
