"""DOCX and PDF parse times (issue 3): the generated golden samples, one process, one core.

Target: a 3-page PDF parses in well under a second. For each sample it prints the median of warm
parses, split into the reader (bytes → rows) and the rest (interpretation), and the floor the
reader cannot beat: for a PDF, pdfplumber loading every page's characters; for a DOCX, python-docx
opening the package. A cold figure (fresh interpreter: imports of pdfplumber/python-docx, OpenCC
set-up, first parse) is measured in a subprocess. Prints the figures; asserts nothing.

Run: ``python benchmarks/bench_parse_binary.py [--repeat N]``
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from gongkai.parse import parse
from gongkai.parse.docx_reader import read_docx
from gongkai.parse.pdf_reader import read_pdf

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "parse"
SAMPLES = sorted((DATA / "pdf").glob("*_official.pdf")) + sorted((DATA / "docx").glob("*.docx"))


def pdf_floor(data: bytes) -> None:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            _ = page.chars


def docx_floor(data: bytes) -> None:
    import docx

    docx.Document(io.BytesIO(data))


def median(fn: Callable[[], object], repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cold(path: Path) -> float:
    """Seconds for import + first parse in a fresh interpreter."""
    code = (
        "import time; t = time.perf_counter(); from gongkai.parse import parse; "
        f"parse({str(path)!r}); print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    options.add_argument("--repeat", type=int, default=20, help="timed repetitions per file (default 20)")
    args = options.parse_args(argv)
    print(f"python {sys.version.split()[0]}, {args.repeat} repetitions per file, medians (ms)")
    print(f"  {'file':<22} {'pages':>5} {'floor':>8} {'reader':>8} {'parse':>8} {'cold':>8}")
    for path in SAMPLES:
        data = path.read_bytes()
        if path.suffix == ".pdf":
            import pdfplumber

            with pdfplumber.open(io.BytesIO(data)) as pdf:
                pages = str(len(pdf.pages))
            floor = median(lambda data=data: pdf_floor(data), args.repeat)
            reader = median(lambda data=data, name=path.name: read_pdf(data, name), args.repeat)
        else:
            pages = "-"
            floor = median(lambda data=data: docx_floor(data), args.repeat)
            reader = median(lambda data=data, name=path.name: read_docx(data, name), args.repeat)
        whole = median(lambda path=path: parse(path), args.repeat)
        first = cold(path)
        name = f"{path.parent.name}/{path.name}"
        print(f"  {name:<22} {pages:>5} {floor * 1e3:8.1f} {reader * 1e3:8.1f} {whole * 1e3:8.1f} {first * 1e3:8.1f}")
    print("target: a 3-page PDF parses in well under 1000 ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
