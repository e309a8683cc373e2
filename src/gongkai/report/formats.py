"""The two official layouts of the annual report, loaded from the one declarative definition.

``formats.yaml`` (beside this module) is the single place where rows, columns, labels, keys, the
articles they rest on and the check formulas are written down. Everything else in gongkai — the
JSON keys, the parser's label matching, the renderers' layouts and the checker — reads them from
the :class:`Format` objects built here, never from retyped strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any

import yaml

__all__ = [
    "APPLICANT_COLUMNS",
    "FORMAT_KEYS",
    "ApplicationGroup",
    "ApplicationRow",
    "Column",
    "DisclosureRow",
    "DisclosureTable",
    "Format",
    "ReviewBlock",
    "Section",
    "definition",
    "format_for_year",
    "get_format",
    "label_variants",
]


@dataclass(frozen=True)
class Column:
    """A value column: its JSON key, the printed label and the value type (count, amount …)."""

    key: str
    label: str
    type: str = "count"


@dataclass(frozen=True)
class DisclosureRow:
    key: str
    label: str


@dataclass(frozen=True)
class DisclosureTable:
    """One of the small 第二十条 tables of section 二 (caption, value columns, rows)."""

    caption: str
    columns: tuple[Column, ...]
    rows: tuple[DisclosureRow, ...]


@dataclass(frozen=True)
class ApplicationGroup:
    """A merged label cell of the applications table that carries no numbers (三、… or （三）…)."""

    key: str
    label: str
    parent: str | None
    spans: int


@dataclass(frozen=True)
class ApplicationRow:
    """A data row of the applications table (seven values), with the article it rests on."""

    key: str
    label: str
    group: str | None
    article: str | None = None
    article_status: str | None = None


@dataclass(frozen=True)
class ReviewBlock:
    key: str
    label: str
    parent_label: str | None


@dataclass(frozen=True)
class Section:
    key: str
    label: str


@dataclass(frozen=True)
class Format:
    """Everything gongkai knows about one layout ("2021" or "2019")."""

    key: str
    document: str
    title: str
    first_year: int
    last_year: int | None
    layout_markers: tuple[str, ...]
    sections: tuple[Section, ...]
    disclosure_row_header: str
    disclosure_tables: tuple[DisclosureTable, ...]
    corner_note: str
    applicant_header: str
    organisation_header: str
    applicant_columns: tuple[Column, ...]
    application_items: tuple[ApplicationRow | ApplicationGroup, ...]
    outcome_rows: tuple[str, ...]
    review_blocks: tuple[ReviewBlock, ...]
    review_columns: tuple[Column, ...]
    review_header: tuple[str, str]
    raw: dict[str, Any] = field(repr=False, compare=False, hash=False)

    @cached_property  # derived once: the parser and checker ask for these for every report
    def application_rows(self) -> tuple[ApplicationRow, ...]:
        """Data rows only, in table order (25 in 2021, 23 in 2019)."""
        return tuple(item for item in self.application_items if isinstance(item, ApplicationRow))

    @cached_property
    def application_row_keys(self) -> tuple[str, ...]:
        return tuple(row.key for row in self.application_rows)

    @cached_property
    def application_groups(self) -> tuple[ApplicationGroup, ...]:
        return tuple(item for item in self.application_items if isinstance(item, ApplicationGroup))

    def disclosure_row(self, key: str) -> tuple[DisclosureTable, DisclosureRow]:
        for table in self.disclosure_tables:
            for row in table.rows:
                if row.key == key:
                    return table, row
        raise KeyError(key)

    @cached_property
    def disclosure_rows(self) -> tuple[tuple[DisclosureTable, DisclosureRow], ...]:
        return tuple((t, r) for t in self.disclosure_tables for r in t.rows)

    def covers_year(self, year: int) -> bool:
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)

    @cached_property
    def review_cell_order(self) -> tuple[tuple[str, str], ...]:
        """The 15 cells of the single data row of the 四 table, in printed order."""
        return tuple((b.key, c.key) for b in self.review_blocks for c in self.review_columns)


APPLICANT_COLUMNS: tuple[str, ...] = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_services",
    "other",
    "total",
)


@cache
def definition() -> dict[str, Any]:
    """The parsed formats.yaml (cached: read once per process)."""
    text = resources.files("gongkai.report").joinpath("formats.yaml").read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load(text, Loader=loader)
    return data


def _columns(items: list[dict[str, Any]]) -> tuple[Column, ...]:
    return tuple(Column(c["key"], c["label"], c.get("type", "count")) for c in items)


def _build(key: str, raw: dict[str, Any]) -> Format:
    ad = raw["active_disclosure"]
    tables = tuple(
        DisclosureTable(
            caption=t["caption"],
            columns=_columns(t["columns"]),
            rows=tuple(DisclosureRow(r["key"], r["label"]) for r in t["rows"]),
        )
        for t in ad["tables"]
    )
    apps = raw["applications"]
    items: list[ApplicationRow | ApplicationGroup] = []
    for r in apps["rows"]:
        if "group" in r:
            items.append(ApplicationGroup(r["group"], r["label"], r.get("in"), int(r["spans"])))
        else:
            items.append(ApplicationRow(r["key"], r["label"], r.get("in"), r.get("article"), r.get("article_status")))
    header = apps["column_header"]
    children = header["children"]
    org = next(c for c in children if "children" in c)
    columns = [Column(children[0]["key"], children[0]["label"])]
    columns += [Column(c["key"], c["label"]) for c in org["children"]]
    columns.append(Column(children[-1]["key"], children[-1]["label"]))
    if tuple(c.key for c in columns) != APPLICANT_COLUMNS:
        raise ValueError(f"formats.yaml: applicant columns of format {key} are out of order")
    rl = raw["review_litigation"]
    blocks: list[ReviewBlock] = []
    top_labels: list[str] = []
    for h in rl["header"]:
        top_labels.append(h["label"])
        if "block" in h:
            blocks.append(ReviewBlock(h["block"], h["label"], None))
        for child in h.get("children", []):
            blocks.append(ReviewBlock(child["block"], child["label"], h["label"]))
    years = raw["report_years"]
    return Format(
        key=key,
        document=raw["document"],
        title=raw["title"],
        first_year=int(years["first"]),
        last_year=None if years["last"] is None else int(years["last"]),
        layout_markers=tuple(raw["layout_markers"]),
        sections=tuple(Section(s["key"], s["label"]) for s in raw["sections"]),
        disclosure_row_header=ad["row_header_label"],
        disclosure_tables=tables,
        corner_note=apps["corner_note"],
        applicant_header=header["label"],
        organisation_header=org["label"],
        applicant_columns=tuple(columns),
        application_items=tuple(items),
        outcome_rows=tuple(apps["outcome_rows"]),
        review_blocks=tuple(blocks),
        review_columns=_columns(rl["block_columns"]),
        review_header=(top_labels[0], top_labels[1]),
        raw=raw,
    )


@cache
def _formats() -> dict[str, Format]:
    return {key: _build(key, raw) for key, raw in definition()["formats"].items()}


FORMAT_KEYS: tuple[str, ...] = ("2021", "2019")


def get_format(key: str) -> Format:
    """The layout named by ``key`` ("2021" or "2019"); KeyError for anything else."""
    try:
        return _formats()[str(key)]
    except KeyError:
        raise KeyError(f"unknown report format {key!r}; known: {', '.join(FORMAT_KEYS)}") from None


def format_for_year(year: int) -> Format:
    """The layout a report for ``year`` must use (30号 from 2021; the 60号 trial format for 2019–2020)."""
    for fmt in _formats().values():
        if fmt.covers_year(year):
            return fmt
    raise KeyError(f"no official annual-report format for year {year} (formats start with 2019)")


def label_variants() -> dict[str, tuple[str, ...]]:
    """Official label → variant wordings seen in published reports (accepted with a warning)."""
    return {k: tuple(v) for k, v in definition().get("label_variants", {}).items()}
