"""Building one agency's annual report from a large record: 100,000 applications, 5,000 documents.

A fresh database — SQLite in its own ``GONGKAI_DATA_DIR`` under /tmp (default), or the PostgreSQL
database named by ``--postgres`` (its tables are created by the migrations; use an empty database) —
is filled in bulk (``bulk_create``, no services: the benchmark measures the build, not the
registration) with ``--applications`` applications over five years (about 85 % concluded, under every
final outcome, the rest open), ``--documents`` 规章 and 规范性文件, the year's entered figures and
200 cases. Then :func:`gongkai.web.reports.builder.build_report` runs ``--runs`` times for the
fourth year and the median, minimum and maximum wall times are printed, with the same figures for
the plain path (:func:`ledger_entries` → ``application_table``) the builder's SQL grouping replaces.

    .venv/bin/python benchmarks/bench_report_build.py
    .venv/bin/python benchmarks/bench_report_build.py --postgres postgres://postgres@127.0.0.1:5432/gongkai_bench

Target: < 1 s per build.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--documents", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--postgres", default="", help="a PostgreSQL URL instead of SQLite in /tmp")
    args = parser.parse_args()

    os.environ["GONGKAI_DATA_DIR"] = tempfile.mkdtemp(prefix="gongkai-bench-report-")
    if args.postgres:
        os.environ["GONGKAI_DATABASE_URL"] = args.postgres
    os.environ["DJANGO_SETTINGS_MODULE"] = "gongkai.web.settings.local"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", interactive=False, verbosity=0)

    from gongkai.procedure.outcomes import final_outcomes
    from gongkai.procedure.statistics import APPLICANT_TYPES, application_table
    from gongkai.web.agencies.models import Agency, Role, User
    from gongkai.web.cases.models import Case
    from gongkai.web.ledger.models import Application
    from gongkai.web.ledger.selectors import ledger_entries
    from gongkai.web.register.models import AnnualFigure, Document
    from gongkai.web.reports.builder import build_report

    rng = random.Random(2025)
    agency = Agency.objects.create(name="基准县人民政府", code="BENCH", kind="government")
    user = User.objects.create(username="bench", agency=agency, role=Role.CLERK)
    first = date(2021, 1, 4)
    outcomes = list(final_outcomes())
    weights = [40 if o == "granted" else 10 if o in ("partially_granted", "unable_not_held") else 1 for o in outcomes]
    started = time.perf_counter()
    batch: list[Application] = []
    for n in range(args.applications):
        received = first + timedelta(days=rng.randrange(5 * 365))
        concluded = received + timedelta(days=rng.randrange(5, 40)) if rng.random() < 0.85 else None
        batch.append(
            Application(
                agency=agency,
                number=f"BENCH-{n:07d}",
                year=received.year,
                serial=n + 1,
                channel="online",
                received_on=received,
                applicant_kind="person",
                applicant_type=rng.choice(APPLICANT_TYPES),
                applicant_name="基准申请人",
                handler=user,
                registered_by=user,
                closed=concluded is not None,
                concluded_on=concluded,
                outcome=rng.choices(outcomes, weights)[0] if concluded else "",
            )
        )
        if len(batch) == 5000:
            Application.objects.bulk_create(batch)
            batch = []
    Application.objects.bulk_create(batch)
    documents = []
    for n in range(args.documents):
        made = first + timedelta(days=rng.randrange(5 * 365))
        abolished = made + timedelta(days=rng.randrange(200, 2000)) if rng.random() < 0.2 else None
        documents.append(
            Document(
                agency=agency,
                kind=rng.choice(("regulations", "normative_documents")),
                doc_number=f"基准〔{made.year}〕{n}号",
                title="基准文件",
                made_on=made,
                published_on=made + timedelta(days=rng.randrange(1, 20)),
                abolished_on=abolished,
                status="abolished" if abolished else "in_force",
                index_number=f"99330800002618015K/{made.year}-{n + 1:05d}",
                index_year=made.year,
                index_serial=n + 1,
                created_by=user,
            )
        )
    Document.objects.bulk_create(documents, batch_size=2000)
    cases = []
    for _ in range(200):
        filed = first + timedelta(days=rng.randrange(5 * 365))
        done = rng.random() < 0.8
        cases.append(
            Case(
                agency=agency,
                kind=rng.choice(("reconsideration", "litigation_direct", "litigation_after_reconsideration")),
                filed_on=filed,
                concluded_on=filed + timedelta(days=rng.randrange(30, 300)) if done else None,
                result=rng.choice(("maintained", "corrected", "other")) if done else "",
                created_by=user,
            )
        )
    Case.objects.bulk_create(cases)
    for row, column, value in (("licensing", "decisions", 1200), ("punishment", "decisions", 300)):
        AnnualFigure.objects.create(agency=agency, year=2024, row=row, column=column, value=value, entered_by=user)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"{connection.vendor}: {args.applications:,} applications, {args.documents:,} documents, 200 cases "
        f"loaded in {time.perf_counter() - started:.1f} s"
    )

    def timed(build: object, runs: int) -> list[float]:
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            build()  # type: ignore[operator]
            times.append(time.perf_counter() - t0)
        return times

    report = build_report(agency, 2024)
    assert report.applications == application_table(ledger_entries(agency), 2024, report.format)
    total = report.applications["new_received"][6]
    builder = timed(lambda: build_report(agency, 2024), args.runs)
    plain = timed(lambda: application_table(ledger_entries(agency), 2024, "2021"), max(3, args.runs // 2))
    print(f"2024 report: {total:,} new applications, {report.applications['carried_forward'][6]:,} carried forward")
    for label, times in (
        ("build_report (all three tables)", builder),
        ("plain ledger_entries path (applications only)", plain),
    ):
        print(
            f"{label}: median {statistics.median(times) * 1000:.0f} ms, "
            f"min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms over {len(times)} runs"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
