"""Figures for issue 4: ledger statistics for 1,000,000 applications (< 2 s) and the deadline of one
application (< 50 µs), on one core. Prints the figures; asserts nothing (timing is not a test).

Run: ``python benchmarks/bench_procedure.py [--applications N]``
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

from gongkai.procedure import (
    Event,
    EventKind,
    LedgerEntry,
    answer_due,
    application_table,
    compute,
    final_outcomes,
    package_calendar,
)
from gongkai.procedure.statistics import APPLICANT_TYPES


def make_ledger(n: int, seed: int = 4) -> list[LedgerEntry]:
    rng = random.Random(seed)
    outcomes = final_outcomes()
    first = date(2023, 10, 1).toordinal()  # nearly all on hand in 2024: the worst case for one pass
    entries = []
    for _ in range(n):
        received = date.fromordinal(first + rng.randrange(455))
        applicant = APPLICANT_TYPES[rng.randrange(len(APPLICANT_TYPES))]
        if rng.random() < 0.1:
            entries.append(LedgerEntry(received, applicant))
        else:
            concluded = received + timedelta(days=rng.randrange(60))
            entries.append(LedgerEntry(received, applicant, concluded, outcomes[rng.randrange(len(outcomes))]))
    return entries


def best_of(runs: int, fn: object) -> float:
    assert callable(fn)
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applications", type=int, default=1_000_000)
    parser.add_argument("--deadlines", type=int, default=20_000)
    args = parser.parse_args()

    ledger = make_ledger(args.applications)
    for fmt in ("2021", "2019"):
        seconds = best_of(3, lambda fmt=fmt: application_table(ledger, 2024, fmt))
        print(f"statistics, {args.applications:,} applications, format {fmt}: {seconds:.3f} s (target < 2 s)")

    calendar = package_calendar()
    rng = random.Random(7)
    starts = [date(2024, 1, 1) + timedelta(days=rng.randrange(3 * 365 - 60)) for _ in range(args.deadlines)]
    today = date(2025, 6, 1)
    simple = best_of(3, lambda: [answer_due(calendar, d) for d in starts]) / len(starts)
    print(f"answer_due (20 working days): {simple * 1e6:.1f} µs per application (target < 50 µs)")
    explained = best_of(3, lambda: [answer_due(calendar, d).explain() for d in starts]) / len(starts)
    print(f"answer_due with its derivation walked and written out: {explained * 1e6:.1f} µs per application")
    histories = [
        [Event(EventKind.RECEIVED, d), Event(EventKind.DECIDED, d + timedelta(days=20), outcome="granted")]
        for d in starts
    ]
    full = best_of(3, lambda: [compute(h, calendar, today) for h in histories]) / len(starts)
    print(f"compute (receipt + decision: notice due, answer due, status): {full * 1e6:.1f} µs per application")
    busy = [
        [
            Event(EventKind.RECEIVED, d),
            Event(EventKind.CORRECTION_NOTICE, d + timedelta(days=3)),
            Event(EventKind.CORRECTED, d + timedelta(days=10)),
            Event(EventKind.CONSULTATION_SENT, d + timedelta(days=12), party="A"),
            Event(EventKind.CONSULTATION_ANSWERED, d + timedelta(days=20), party="A"),
            Event(EventKind.EXTENSION_APPROVED, d + timedelta(days=30)),
        ]
        for d in starts
    ]
    heavy = best_of(3, lambda: [compute(h, calendar, today) for h in busy]) / len(starts)
    print(f"compute (补正, consultation, extension, open): {heavy * 1e6:.1f} µs per application")


if __name__ == "__main__":
    main()
