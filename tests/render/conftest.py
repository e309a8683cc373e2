"""Reports to render: the five seeds as the parser reads them, and synthetic reports of both formats.

The synthetic reports exercise what the seeds do not: blank (None) cells, negative 本年增/减,
decimal amounts, an agency name and narrative full of characters HTML and XML must escape.
Values come from a fixed-seed generator, so a failure is reproducible.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest

from gongkai.parse import parse
from gongkai.report.model import Report

SEEDS_DIR = Path(__file__).resolve().parents[1] / "data" / "parse" / "seeds"
SEED_FILES = sorted(SEEDS_DIR.glob("*.txt"))
SEED_IDS = [p.name[:3] for p in SEED_FILES]

NARRATIVE = {
    "overview": (
        "示例文本<script>alert(1)</script> & \"引号\" 'apostrophe' <b>不是标签</b>。\n"
        "(一)主动公开。全年主动公开信息1200条。"
    ),
    "problems": "存在问题:一是时效性不足;二是解读不够。\n改进措施:加强培训。",
    "other": "本年度未收取信息处理费。",
}


@pytest.fixture(scope="session")
def seed_reports() -> dict[str, Report]:
    return {p.name[:3]: parse(p).report for p in SEED_FILES}


def synthetic_report(
    format_key: str, seed: int, *, blanks: bool = True, agency: str = "示例县人民政府办公室"
) -> Report:
    """A report of ``format_key`` with every cell filled from ``seed`` (some left blank)."""
    rng = random.Random(seed)
    report = Report.empty(format_key, year=2024 if format_key == "2021" else 2020, agency=agency)
    fmt = report.definition
    for table in fmt.disclosure_tables:
        for row in table.rows:
            for col in table.columns:
                if col.type == "signed_change":
                    value: int | Decimal | None = rng.randint(-9, 9)
                elif col.type.startswith("amount"):
                    value = Decimal(rng.randint(0, 999999)) / Decimal(10000)
                else:
                    value = rng.randint(0, 300)
                report.active_disclosure[row.key][col.key] = value
    for key in fmt.application_row_keys:
        row_values: list[int | None] = [rng.randint(0, 40) for _ in range(6)]
        report.applications[key] = [*row_values, sum(v for v in row_values if v is not None)]
    for block in fmt.review_blocks:
        for col in fmt.review_columns:
            report.review_litigation[block.key][col.key] = rng.randint(0, 5)
    if blanks:
        # The last cell of the review row is never left blank here: the row has no label, and the
        # parser drops trailing blanks of unlabelled rows, so a blank there cannot be read back
        # (reported to the parser's owner; the rendered cell itself is correct).
        for cell in rng.sample(report.cell_ids()[:-1], 12):
            report.set(cell, None)
    report.sections = dict(NARRATIVE)
    return report
