"""The five corpus seeds as Report objects, typed by hand from /work/shared/corpus/seeds/*.txt.

Independent of the parser (written in parallel): every number below was copied cell by cell from the
printed tables, and the narrative sections are the seed texts converted to simplified Chinese with
half-width punctuation (tests/data/report/seeds/<seed>.<section>.txt; seeds 002 and 004 through OpenCC
t2s, with the mirror-site pinyin of 004 removed). Rows not listed are all zero in the seed.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from gongkai.report import Report
from gongkai.report.model import SECTION_KEYS

__all__ = ["SEED_IDS", "SEED_SOURCES", "seed_report"]

DATA = Path(__file__).resolve().parent.parent / "data" / "report" / "seeds"

SEED_SOURCES: dict[str, str] = {
    "000": "000_fe2429f4bb4f7b61",
    "001": "001_0786ebd486ce37d5",
    "002": "002_5dfa3dd5397cb6f4",
    "003": "003_d5e9c381233c1b80",
    "004": "004_2f1bb52cbf4b4f1d",
}
SEED_IDS: tuple[str, ...] = tuple(SEED_SOURCES)

# seed -> (format, year, agency)
_META: dict[str, tuple[str, int, str | None]] = {
    "000": ("2021", 2024, None),  # 衢州市 2024 (published by 市政府办公室; the page does not name the report's agency)
    "001": ("2021", 2024, "南通市海门区人民政府办公室"),
    "002": ("2019", 2020, "泰州市人民政府办公室"),
    "003": ("2021", 2024, "平武县人民政府办公室"),
    "004": ("2021", 2023, "衡山县人民政府"),
}

_DISCLOSURE: dict[str, dict[str, dict[str, int | Decimal]]] = {
    "000": {
        "regulations": {"issued": 2, "abolished": 1, "in_force": 4},
        "normative_documents": {"issued": 175, "abolished": 319, "in_force": 1625},
        "licensing": {"decisions": 927318},
        "punishment": {"decisions": 916833},
        "coercion": {"decisions": 32588},
        "fees": {"amount_10k_yuan": Decimal("63191")},
    },
    "001": {
        "regulations": {"issued": 0, "abolished": 0, "in_force": 0},
        "normative_documents": {"issued": 0, "abolished": 7, "in_force": 31},
        "licensing": {"decisions": 0},
        "punishment": {"decisions": 0},
        "coercion": {"decisions": 0},
        "fees": {"amount_10k_yuan": Decimal("0")},
    },
    "002": {
        "regulations": {"made": 6, "published": 6, "total_public": 14},
        "normative_documents": {"made": 52, "published": 52, "total_public": 1159},
        "licensing": {"previous_items": 0, "change": 1, "decisions": 1},
        "other_management_services": {"previous_items": 5, "change": 1, "decisions": 0},
        "punishment": {"previous_items": 0, "change": 0, "decisions": 0},
        "coercion": {"previous_items": 0, "change": 0, "decisions": 0},
        "fees": {"previous_items": 0, "change": 0},
        "procurement": {"items": 6, "amount_10k_yuan": Decimal("3798.8854")},
    },
    "003": {
        "regulations": {"issued": 0, "abolished": 0, "in_force": 0},
        "normative_documents": {"issued": 3, "abolished": 2, "in_force": 7},
        "licensing": {"decisions": 0},
        "punishment": {"decisions": 0},
        "coercion": {"decisions": 0},
        "fees": {"amount_10k_yuan": Decimal("0")},
    },
    "004": {
        "regulations": {"issued": 0, "abolished": 0, "in_force": 0},
        "normative_documents": {"issued": 20, "abolished": 3, "in_force": 69},
        "licensing": {"decisions": 18339},
        "punishment": {"decisions": 1246},
        "coercion": {"decisions": 131},
        "fees": {"amount_10k_yuan": Decimal("2401")},
    },
}

# Non-zero rows of 三 (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计).
_APPLICATIONS: dict[str, dict[str, list[int]]] = {
    "000": {
        "new_received": [1190, 18, 0, 0, 0, 2, 1210],
        "carried_over": [48, 0, 0, 0, 0, 0, 48],
        "granted": [399, 4, 0, 0, 0, 0, 403],
        "partially_granted": [285, 6, 0, 0, 0, 0, 291],
        "denied_third_party": [4, 0, 0, 0, 0, 0, 4],
        "denied_internal_affairs": [9, 0, 0, 0, 0, 0, 9],
        "denied_process_info": [6, 0, 0, 0, 0, 0, 6],
        "denied_enforcement_file": [30, 0, 0, 0, 0, 0, 30],
        "denied_admin_query": [13, 0, 0, 0, 0, 0, 13],
        "unable_not_held": [234, 5, 0, 0, 0, 1, 240],
        "unable_needs_creation": [6, 0, 0, 0, 0, 0, 6],
        "unable_unclear": [4, 0, 0, 0, 0, 0, 4],
        "not_processed_complaint": [19, 1, 0, 0, 0, 0, 20],
        "not_processed_repeat": [10, 0, 0, 0, 0, 0, 10],
        "not_processed_massive": [4, 0, 0, 0, 0, 0, 4],
        "not_processed_confirm": [3, 0, 0, 0, 0, 0, 3],
        "other_overdue_correction": [45, 2, 0, 0, 0, 1, 48],
        "other_other": [88, 0, 0, 0, 0, 0, 88],
        "total_processed": [1159, 18, 0, 0, 0, 2, 1179],
        "carried_forward": [79, 0, 0, 0, 0, 0, 79],
    },
    "001": {
        "new_received": [57, 1, 0, 0, 0, 0, 58],
        "carried_over": [2, 0, 0, 0, 0, 0, 2],
        "granted": [35, 1, 0, 0, 0, 0, 36],
        "denied_process_info": [1, 0, 0, 0, 0, 0, 1],
        "denied_admin_query": [2, 0, 0, 0, 0, 0, 2],
        "unable_not_held": [9, 0, 0, 0, 0, 0, 9],
        "unable_needs_creation": [1, 0, 0, 0, 0, 0, 1],
        "not_processed_complaint": [1, 0, 0, 0, 0, 0, 1],
        "not_processed_repeat": [1, 0, 0, 0, 0, 0, 1],
        "other_overdue_correction": [3, 0, 0, 0, 0, 0, 3],
        "other_other": [4, 0, 0, 0, 0, 0, 4],
        "total_processed": [57, 1, 0, 0, 0, 0, 58],
        "carried_forward": [2, 0, 0, 0, 0, 0, 2],
    },
    "002": {
        "new_received": [61, 2, 0, 1, 0, 0, 64],
        "carried_over": [4, 0, 0, 0, 0, 0, 4],
        "granted": [10, 0, 0, 0, 0, 0, 10],
        "partially_granted": [7, 0, 0, 0, 0, 0, 7],
        "denied_admin_query": [1, 0, 0, 0, 0, 0, 1],
        "unable_not_held": [34, 2, 0, 1, 0, 0, 37],
        "not_processed_complaint": [4, 0, 0, 0, 0, 0, 4],
        "not_processed_repeat": [3, 0, 0, 0, 0, 0, 3],
        "other_handling": [3, 0, 0, 0, 0, 0, 3],
        "total_processed": [62, 2, 0, 1, 0, 0, 65],
        "carried_forward": [3, 0, 0, 0, 0, 0, 3],
    },
    "003": {
        "new_received": [11, 5, 0, 0, 0, 0, 16],
        "granted": [1, 0, 0, 0, 0, 0, 1],
        "denied_three_safety": [3, 0, 0, 0, 0, 0, 3],
        "denied_internal_affairs": [2, 0, 0, 0, 0, 0, 2],
        "unable_not_held": [2, 5, 0, 0, 0, 0, 7],
        "other_overdue_correction": [2, 0, 0, 0, 0, 0, 2],
        "total_processed": [10, 5, 0, 0, 0, 0, 15],
        "carried_forward": [1, 0, 0, 0, 0, 0, 1],
    },
    "004": {
        "new_received": [21, 0, 0, 0, 0, 0, 21],
        "carried_over": [1, 0, 0, 0, 0, 0, 1],
        "granted": [13, 0, 0, 0, 0, 0, 13],
        "partially_granted": [4, 0, 0, 0, 0, 0, 4],
        "denied_state_secret": [1, 0, 0, 0, 0, 0, 1],
        "denied_process_info": [1, 0, 0, 0, 0, 0, 1],
        "unable_not_held": [3, 0, 0, 0, 0, 0, 3],
        "total_processed": [22, 0, 0, 0, 0, 0, 22],
    },
}

# The single data row of 四: 15 values in printed order (复议 5, 直接起诉 5, 复议后起诉 5). Zero when absent.
_REVIEW: dict[str, list[int]] = {
    "000": [20, 13, 38, 42, 113, 5, 1, 15, 3, 24, 4, 0, 1, 2, 7],
    "002": [3, 0, 0, 0, 3, 0, 0, 2, 0, 2, 0, 0, 1, 0, 1],
}


def seed_report(seed: str) -> Report:
    """A fresh Report of one seed (callers may mutate it)."""
    format_key, year, agency = _META[seed]
    report = Report.empty(format_key, year=year, agency=agency)
    for row, values in _DISCLOSURE[seed].items():
        for column, value in values.items():
            report.active_disclosure[row][column] = value
    for row in report.applications:
        report.applications[row] = list(_APPLICATIONS[seed].get(row, [0] * 7))
    review = _REVIEW.get(seed, [0] * 15)
    for (block, column), value in zip(report.definition.review_cell_order, review, strict=True):
        report.review_litigation[block][column] = value
    report.sections = {key: (DATA / f"{seed}.{key}.txt").read_text(encoding="utf-8") for key in SECTION_KEYS}
    return report
