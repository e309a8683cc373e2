"""Parse throughput against its floor (issue 2): text seeds and HTML variants, one process, one core.

The floor is what any reader of the same file must pay: read the bytes, decode them (UTF-8, else
GB18030) and convert traditional → simplified with OpenCC t2s; for HTML also build lxml's tree of
the same bytes. The target is parse ≤ 5× floor for each kind. Floor and parse of a file are timed
alternately in the same loop, so machine noise hits both alike; each figure is a median of many
repetitions. Prints the figures; asserts nothing (timing is not a test).

The parser caches what it learns about cell texts (labels, placeholders, counts), because those
recur across reports. Reading the same file again would find every one of its cells cached, which
no batch of real reports does. So before each timed parse the caches are set to what parsing all
the *other* benchmark files leaves in them ("unseen": the file is new, the vocabulary is not);
that is the figure held against the target. ``--same`` times re-parsing the same file instead.

Run: ``python benchmarks/bench_parse.py [--repeat N] [--profile KIND]``
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import opencc

from gongkai.parse import native, parse
from gongkai.parse.interpret import clear_caches, restore_caches, snapshot_caches

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "parse"
KINDS: dict[str, list[Path]] = {
    "text (seeds)": sorted((DATA / "seeds").glob("*.txt")),
    "html (variants)": sorted((DATA / "variants").glob("*.html")),
    "text (variants)": sorted(
        p
        for p in (DATA / "variants").glob("*")
        if p.suffix in (".txt", ".md") and p.with_suffix(".expected.json").exists()
    ),
}
ALL_FILES = sorted({p for paths in KINDS.values() for p in paths})
TARGET = 5.0

_T2S = opencc.OpenCC("t2s")


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def floor_text(path: Path) -> None:
    _T2S.convert(_decode(path.read_bytes()))


def floor_html(path: Path) -> None:
    data = path.read_bytes()
    _T2S.convert(_decode(data))
    lxml.html.document_fromstring(data)


@dataclass
class FileTiming:
    path: Path
    parse_s: float
    floor_s: float


def median_pair(
    parse_fn: Callable[[], object],
    floor_fn: Callable[[], object],
    repeat: int,
    prepare: Callable[[], object] = lambda: None,
) -> tuple[float, float]:
    """Medians of ``repeat`` alternating timings of the two functions (after a warm-up of each);
    ``prepare`` runs, untimed, before each parse."""
    prepare()
    parse_fn()
    floor_fn()
    parse_times: list[float] = []
    floor_times: list[float] = []
    clock = time.perf_counter
    for _ in range(repeat):
        start = clock()
        floor_fn()
        middle = clock()
        floor_times.append(middle - start)
        prepare()
        start = clock()
        parse_fn()
        parse_times.append(clock() - start)
    return statistics.median(parse_times), statistics.median(floor_times)


def caches_without(path: Path) -> object:
    """The parser's caches after reading every benchmark file except ``path``."""
    clear_caches()
    for other in ALL_FILES:
        if other != path:
            parse(other)
    state = snapshot_caches()
    clear_caches()
    return state


def measure(paths: list[Path], html: bool, repeat: int, same: bool) -> list[FileTiming]:
    floor = floor_html if html else floor_text
    timings = []
    for path in paths:
        gc.collect()
        state = None if same else caches_without(path)
        prepare = (lambda: None) if state is None else (lambda state=state: restore_caches(state))
        p, f = median_pair(lambda path=path: parse(path), lambda path=path: floor(path), repeat, prepare)
        timings.append(FileTiming(path, p, f))
    return timings


def _us(seconds: float) -> str:
    return f"{seconds * 1e6:9.0f} µs"


def report(kind: str, timings: list[FileTiming]) -> float:
    """Print one kind's table; return its ratio (total parse time / total floor time)."""
    print(f"\n{kind}: {len(timings)} files")
    print(f"  {'file':<34} {'parse':>12} {'floor':>12} {'ratio':>7}")
    for t in timings:
        print(f"  {t.path.name:<34} {_us(t.parse_s)} {_us(t.floor_s)} {t.parse_s / t.floor_s:6.1f}×")
    parse_total = sum(t.parse_s for t in timings)
    floor_total = sum(t.floor_s for t in timings)
    ratio = parse_total / floor_total
    print(
        f"  median per file: parse {_us(statistics.median(t.parse_s for t in timings)).strip()}, "
        f"floor {_us(statistics.median(t.floor_s for t in timings)).strip()}"
    )
    print(
        f"  throughput: {len(timings) / parse_total:,.0f} reports/s parsed, "
        f"{len(timings) / floor_total:,.0f} files/s at the floor"
    )
    verdict = "within" if ratio <= TARGET else "ABOVE"
    print(f"  parse / floor = {ratio:.1f}× ({verdict} the {TARGET:.0f}× target)")
    return ratio


def profile(paths: list[Path], rounds: int, top: int) -> None:
    """cProfile of parsing these files ``rounds`` times: where the parser spends its time."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(rounds):
        for path in paths:
            parse(path)
    profiler.disable()
    stats = pstats.Stats(profiler)
    print(f"\nprofile: {rounds} rounds × {len(paths)} files, top {top} by own time")
    stats.sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    options.add_argument("--repeat", type=int, default=200, help="timed repetitions per file (default 200)")
    options.add_argument("--profile", choices=sorted(KINDS), help="also profile the parser on this kind")
    options.add_argument("--same", action="store_true", help="time re-parsing the same file (its cells all cached)")
    args = options.parse_args(argv)
    mode = "the same file again" if args.same else "each file unseen (caches from the other files)"
    print(f"python {sys.version.split()[0]}, {args.repeat} repetitions per file, medians; parse of {mode}")
    print(f"parser modules: {native.STATUS}")
    ratios = {}
    for kind, paths in KINDS.items():
        if not paths:
            print(f"\n{kind}: no files")
            continue
        ratios[kind] = report(kind, measure(paths, html=kind.startswith("html"), repeat=args.repeat, same=args.same))
    print("\nsummary: " + ", ".join(f"{k} {r:.1f}×" for k, r in ratios.items()) + f" (target ≤ {TARGET:.0f}×)")
    if args.profile:
        profile(KINDS[args.profile], rounds=20, top=25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
