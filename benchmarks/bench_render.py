"""Rendering speed: 1,000 reports to HTML (target < 5 s) and to DOCX (target < 60 s) on one core.

Run: ``.venv/bin/python benchmarks/bench_render.py [--reports N]``. The reports are the five seeds
as the parser reads them plus synthetic ones of both formats, cycled; each figure is wall time in
this one process (no pool), after one warm-up render per format so the one-off costs (building
each format's layout, importing python-docx) are reported separately.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

from gongkai.parse import parse
from gongkai.render import render
from gongkai.report.model import Report

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"html": 5.0, "docx": 60.0}


def synthetic(format_key: str, seed: int) -> Report:
    rng = random.Random(seed)
    report = Report.empty(format_key, 2024 if format_key == "2021" else 2020, f"示例{seed}县人民政府办公室")
    for cell in report.cell_ids():
        report.set(cell, Decimal(rng.randint(0, 99999)) / 100 if "amount" in cell else rng.randint(0, 300))
    report.sections = {"overview": "全年主动公开政府信息。\n" * 20, "problems": "存在问题。", "other": "无。"}
    return report


def reports(count: int) -> list[Report]:
    pool = [parse(p).report for p in sorted((ROOT / "tests/data/parse/seeds").glob("*.txt"))]
    pool += [synthetic("2021" if i % 2 else "2019", i) for i in range(20)]
    return [pool[i % len(pool)] for i in range(count)]


def bench(kind: str, items: list[Report]) -> None:
    start = time.perf_counter()
    render(items[0], kind)
    first = time.perf_counter() - start
    times: list[float] = []
    total_bytes = 0
    start = time.perf_counter()
    for report in items:
        t = time.perf_counter()
        total_bytes += len(render(report, kind))
        times.append(time.perf_counter() - t)
    total = time.perf_counter() - start
    verdict = "ok" if total < TARGETS[kind] else "OVER TARGET"
    print(
        f"{kind:5s} {len(items)} reports: total {total:.2f} s (target < {TARGETS[kind]:.0f} s, {verdict}); "
        f"median {statistics.median(times) * 1000:.2f} ms, p95 {sorted(times)[int(len(times) * 0.95)] * 1000:.2f} ms; "
        f"first call {first * 1000:.0f} ms; {total_bytes / len(items) / 1024:.1f} KB a report"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    args = parser.parse_args()
    items = reports(args.reports)
    print(f"python {sys.version.split()[0]}, one process")
    for kind in ("html", "docx"):
        bench(kind, items)


if __name__ == "__main__":
    main()
