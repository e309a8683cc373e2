"""Writing the register: documents (with their 索引号), the agency's 索引号 code, the 第二十条 figures.

Keyword-only functions that validate, then save atomically, then audit — as in the ledger. Every
date rule is the core's (:class:`gongkai.procedure.register.RegisterEntry` refuses a 公开日期 or
废止日期 before the 成文日期), so the register can never hold what the statistics would refuse.
Imports are all-or-nothing: every row is checked first and every bad row reported by its line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F

from gongkai.procedure.register import DocumentKind, RegisterEntry, index_number
from gongkai.report.formats import format_for_year
from gongkai.web.agencies.models import Agency, User
from gongkai.web.audit.services import record
from gongkai.web.errors import ServiceError
from gongkai.web.register.models import (
    DOCUMENT_KIND_LABELS,
    AnnualFigure,
    Document,
    DocumentStatus,
    IndexCode,
    IndexCounter,
)
from gongkai.web.register.tabular import SheetRow, read_sheet

__all__ = [
    "ImportRowsError",
    "entered_columns",
    "import_documents",
    "import_figures",
    "plain_decimal",
    "record_document",
    "set_figures",
    "set_index_code",
    "update_document",
]


class ImportRowsError(ServiceError):
    """A file with bad rows: nothing was imported; ``errors`` names every bad line."""

    def __init__(self, name: str, errors: list[str]) -> None:
        super().__init__(f"{name}: {len(errors)}行有误，未导入任何记录", field="file")
        self.errors = errors


def _staff_agency(actor: User) -> Agency:
    if not actor.is_agency_staff or actor.agency is None:
        raise ServiceError("只有本机关的工作人员可以登记")
    return actor.agency


def set_index_code(*, actor: User, code: str) -> IndexCode:
    """The code printed before the year in the agency's 索引号 (统一社会信用代码 or 组织机构代码)."""
    agency = _staff_agency(actor)
    code = code.strip().upper()
    try:
        index_number(code, 2000, 1)
    except ValueError:
        raise ServiceError("索引号机关代码应为6至20位数字或大写字母", field="code") from None
    with transaction.atomic():
        found, _ = IndexCode.objects.update_or_create(agency=agency, defaults={"code": code})
        record(
            actor=actor,
            agency=agency,
            action="register.index_code",
            object_type="agency",
            object_id=agency.pk,
            summary=f"索引号机关代码设为 {code}",
            after={"code": code},
        )
    return found


def _index_code(agency: Agency) -> str:
    found = IndexCode.objects.filter(agency=agency).values_list("code", flat=True).first()
    if found:
        return found
    raise ServiceError("请先设置本机关的索引号机关代码（统一社会信用代码）", field="index_code")


def _next_serial(agency: Agency, year: int) -> int:
    """The next serial of ``year``: an SQL increment inside the caller's transaction (race-safe on both databases)."""
    for _ in range(3):
        updated = IndexCounter.objects.filter(agency=agency, year=year).update(last=F("last") + 1)
        if updated:
            return int(IndexCounter.objects.get(agency=agency, year=year).last)
        try:
            with transaction.atomic():
                IndexCounter.objects.create(agency=agency, year=year, last=1)
            return 1
        except IntegrityError:
            continue  # another clerk created the counter a moment ago: increment theirs
    raise ServiceError("索引号分配冲突，请重试")


@dataclass
class _DocumentInput:
    kind: str
    doc_number: str
    title: str
    made_on: date
    published_on: date | None
    abolished_on: date | None
    status: str
    problems: list[tuple[str, str]] = field(default_factory=list)


def _status_for(status: str, abolished_on: date | None) -> tuple[str, str | None]:
    """(status, problem): a blank status follows the 废止日期; a given one must agree with it."""
    if not status:
        return (DocumentStatus.ABOLISHED if abolished_on else DocumentStatus.IN_FORCE), None
    if status not in DocumentStatus.values:
        return status, f"状态“{status}”不是{'、'.join(DocumentStatus.labels)}之一"
    ended = status in (DocumentStatus.ABOLISHED, DocumentStatus.EXPIRED)
    if ended and abolished_on is None:
        return status, "已废止或已失效的文件应填写废止日期"
    if not ended and abolished_on is not None:
        return status, "填写了废止日期的文件，状态应为已废止或已失效"
    return status, None


def _validate(
    *,
    kind: str,
    doc_number: str,
    title: str,
    made_on: date | None,
    published_on: date | None,
    abolished_on: date | None,
    status: str,
) -> _DocumentInput:
    problems: list[tuple[str, str]] = []
    if kind not in DOCUMENT_KIND_LABELS:
        problems.append(("kind", "类别应为规章或行政规范性文件"))
    if not doc_number.strip():
        problems.append(("doc_number", "请填写文号"))
    if not title.strip():
        problems.append(("title", "请填写标题"))
    if made_on is None:
        problems.append(("made_on", "请填写成文日期"))
    status, problem = _status_for(status, abolished_on)
    if problem:
        problems.append(("status", problem))
    if made_on is not None and kind in DOCUMENT_KIND_LABELS:
        try:
            RegisterEntry(DocumentKind(kind), made_on, published_on, abolished_on)
        except ValueError as exc:
            where = "published_on" if str(exc).startswith("published") else "abolished_on"
            label = "公开日期" if where == "published_on" else "废止日期"
            problems.append((where, f"{label}不能早于成文日期"))
    return _DocumentInput(
        kind, doc_number.strip(), title.strip(), made_on or date.min, published_on, abolished_on, status, problems
    )


def _snapshot(document: Document) -> dict[str, Any]:
    return {
        "kind": document.kind,
        "doc_number": document.doc_number,
        "title": document.title,
        "made_on": document.made_on.isoformat(),
        "published_on": document.published_on.isoformat() if document.published_on else None,
        "abolished_on": document.abolished_on.isoformat() if document.abolished_on else None,
        "status": document.status,
        "index_number": document.index_number,
    }


def _create(actor: User, agency: Agency, code: str, data: _DocumentInput) -> Document:
    serial = _next_serial(agency, data.made_on.year)
    document = Document(
        agency=agency,
        kind=data.kind,
        doc_number=data.doc_number,
        title=data.title,
        made_on=data.made_on,
        published_on=data.published_on,
        abolished_on=data.abolished_on,
        status=data.status,
        index_number=index_number(code, data.made_on.year, serial),
        index_year=data.made_on.year,
        index_serial=serial,
        created_by=actor,
    )
    document.save()
    record(
        actor=actor,
        agency=agency,
        action="register.document",
        object_type="document",
        object_id=document.pk,
        summary=f"登记{DOCUMENT_KIND_LABELS[data.kind]} {data.doc_number}（{document.index_number}）",
        after=_snapshot(document),
    )
    return document


def record_document(
    *,
    actor: User,
    kind: str,
    doc_number: str,
    title: str,
    made_on: date | None,
    published_on: date | None = None,
    abolished_on: date | None = None,
    status: str = "",
) -> Document:
    """Register one document of the actor's agency and give it the next 索引号 of its 成文 year."""
    agency = _staff_agency(actor)
    data = _validate(
        kind=kind,
        doc_number=doc_number,
        title=title,
        made_on=made_on,
        published_on=published_on,
        abolished_on=abolished_on,
        status=status,
    )
    if data.problems:
        where, message = data.problems[0]
        raise ServiceError(message, field=where)
    code = _index_code(agency)
    with transaction.atomic():
        return _create(actor, agency, code, data)


def update_document(
    *,
    actor: User,
    document: Document,
    published_on: date | None,
    abolished_on: date | None,
    status: str = "",
    title: str | None = None,
) -> Document:
    """Record a later 公开日期 or 废止日期 (and status); the 文号, 成文日期 and 索引号 never change."""
    agency = _staff_agency(actor)
    if document.agency_id != agency.pk:
        raise ServiceError("只能修改本机关的文件")
    data = _validate(
        kind=document.kind,
        doc_number=document.doc_number,
        title=document.title if title is None else title,
        made_on=document.made_on,
        published_on=published_on,
        abolished_on=abolished_on,
        status=status,
    )
    if data.problems:
        where, message = data.problems[0]
        raise ServiceError(message, field=where)
    with transaction.atomic():
        before = _snapshot(document)
        document.title = data.title
        document.published_on, document.abolished_on, document.status = published_on, abolished_on, data.status
        document.save(update_fields=["title", "published_on", "abolished_on", "status"])
        record(
            actor=actor,
            agency=agency,
            action="register.document.update",
            object_type="document",
            object_id=document.pk,
            summary=f"修改文件 {document.doc_number}",
            before=before,
            after=_snapshot(document),
        )
    return document


_KIND_NAMES = {label: key for key, label in DOCUMENT_KIND_LABELS.items()} | {"规范性文件": "normative_documents"}
_KIND_NAMES |= {key: key for key in DOCUMENT_KIND_LABELS}
_STATUS_NAMES = {label: key for key, label in DocumentStatus.choices} | {k: k for k in DocumentStatus.values}


def _date(text: str, label: str, problems: list[str]) -> date | None:
    if not text:
        return None
    cleaned = text.replace("年", "-").replace("月", "-").replace("日", "").replace("/", "-").replace(".", "-")
    try:
        year, month, day = (int(p) for p in cleaned.split()[0].split("-")[:3])
        return date(year, month, day)
    except (ValueError, IndexError):
        problems.append(f"{label}“{text}”不是日期（应为 2024-03-01）")
        return None


def import_documents(*, actor: User, data: bytes, name: str) -> list[Document]:
    """Import a sheet with columns 类别, 文号, 标题, 成文日期, 公开日期, 废止日期, 状态 — all rows or none."""
    agency = _staff_agency(actor)
    rows = read_sheet(data, name)
    missing = [c for c in ("类别", "文号", "标题", "成文日期") if rows and c not in rows[0].cells]
    if missing:
        raise ServiceError(f"{name}: 缺少列 {'、'.join(missing)}", field="file")
    code = _index_code(agency)
    errors: list[str] = []
    inputs: list[_DocumentInput] = []
    for row in rows:
        problems: list[str] = []
        kind = _KIND_NAMES.get(row.get("类别"), "")
        if not kind:
            problems.append(f"类别“{row.get('类别')}”应为规章或行政规范性文件")
        made = _date(row.get("成文日期"), "成文日期", problems)
        published = _date(row.get("公开日期"), "公开日期", problems)
        abolished = _date(row.get("废止日期"), "废止日期", problems)
        status = _STATUS_NAMES.get(row.get("状态"), row.get("状态"))
        if not problems:
            checked = _validate(
                kind=kind,
                doc_number=row.get("文号"),
                title=row.get("标题"),
                made_on=made,
                published_on=published,
                abolished_on=abolished,
                status=status,
            )
            problems += [message for _, message in checked.problems]
            inputs.append(checked)
        if problems:
            errors.append(f"第{row.line}行：{'；'.join(problems)}")
    if errors:
        raise ImportRowsError(name, errors)
    with transaction.atomic():
        created = [_create(actor, agency, code, item) for item in inputs]
        record(
            actor=actor,
            agency=agency,
            action="register.import",
            object_type="agency",
            object_id=agency.pk,
            summary=f"从 {name} 导入{len(created)}件文件",
        )
    return created


def entered_columns(year: int) -> dict[str, dict[str, str]]:
    """The entered rows of ``year``'s format: row key → column key → column type."""
    fmt = format_for_year(year)
    return {
        row.key: {col.key: col.type for col in table.columns}
        for table, row in fmt.disclosure_rows
        if row.key not in DocumentKind._value2member_map_
    }


def _figure_value(text: object, kind: str) -> Decimal:
    try:
        value = Decimal(str(text).strip().replace(",", "").replace("，", ""))
    except InvalidOperation:
        raise ValueError(f"“{text}”不是数字") from None
    if not value.is_finite():
        raise ValueError(f"“{text}”不是数字")
    if kind in ("count", "signed_change") and value != value.to_integral_value():
        raise ValueError(f"“{text}”应为整数")
    if kind != "signed_change" and value < 0:
        raise ValueError(f"“{text}”不能为负数")
    return value


def set_figures(*, actor: User, year: int, values: Mapping[tuple[str, str], object]) -> list[AnnualFigure]:
    """Enter or change figures of ``year`` ((row, column) → value; "" or None clears a figure)."""
    agency = _staff_agency(actor)
    columns = entered_columns(year)
    cleaned: dict[tuple[str, str], Decimal | None] = {}
    for (row, column), raw in values.items():
        if row not in columns or column not in columns[row]:
            raise ServiceError(f"{year}年的报告格式没有“{row}.{column}”一项", field=f"{row}.{column}")
        if raw is None or str(raw).strip() == "":
            cleaned[(row, column)] = None
            continue
        try:
            cleaned[(row, column)] = _figure_value(raw, columns[row][column])
        except ValueError as exc:
            raise ServiceError(str(exc), field=f"{row}.{column}") from None
    saved: list[AnnualFigure] = []
    with transaction.atomic():
        for (row, column), value in cleaned.items():
            found = AnnualFigure.objects.filter(agency=agency, year=year, row=row, column=column).first()
            before = {"value": plain_decimal(found.value)} if found else None
            if value is None:
                if found is not None:
                    AnnualFigure.objects.filter(pk=found.pk).delete()
                    _audit_figure(actor, agency, year, row, column, before, None)
                continue
            if found is not None and found.value == value:
                saved.append(found)
                continue
            figure, _ = AnnualFigure.objects.update_or_create(
                agency=agency, year=year, row=row, column=column, defaults={"value": value, "entered_by": actor}
            )
            _audit_figure(actor, agency, year, row, column, before, {"value": plain_decimal(value)})
            saved.append(figure)
    return saved


def plain_decimal(value: Decimal) -> str:
    """12.5000 → "12.5", 120.0000 → "120" (the database pads to four places)."""
    text = format(value.normalize(), "f")
    return text


def _audit_figure(
    actor: User,
    agency: Agency,
    year: int,
    row: str,
    column: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    record(
        actor=actor,
        agency=agency,
        action="register.figure",
        object_type="figure",
        object_id=f"{year}:{row}.{column}",
        summary=f"{year}年第二十条数据 {row}.{column}：{after['value'] if after else '清除'}",
        before=before,
        after=after,
    )


def import_figures(*, actor: User, data: bytes, name: str) -> list[AnnualFigure]:
    """Import a sheet with columns 年度, 项目, 栏目, 数值 (keys or the format's labels) — all rows or none."""
    _staff_agency(actor)
    rows = read_sheet(data, name)
    missing = [c for c in ("年度", "项目", "栏目", "数值") if rows and c not in rows[0].cells]
    if missing:
        raise ServiceError(f"{name}: 缺少列 {'、'.join(missing)}", field="file")
    by_year: dict[int, dict[tuple[str, str], object]] = {}
    errors: list[str] = []
    for row in rows:
        problem = _figure_row(row, by_year)
        if problem:
            errors.append(f"第{row.line}行：{problem}")
    if errors:
        raise ImportRowsError(name, errors)
    saved: list[AnnualFigure] = []
    with transaction.atomic():
        for year, values in sorted(by_year.items()):
            saved += set_figures(actor=actor, year=year, values=values)
    return saved


def _figure_row(row: SheetRow, by_year: dict[int, dict[tuple[str, str], object]]) -> str | None:
    try:
        year = int(row.get("年度").removesuffix("年"))
    except ValueError:
        return f"年度“{row.get('年度')}”不是年份"
    fmt = format_for_year(year)
    columns = entered_columns(year)
    row_key = _key_for(row.get("项目"), {r.key: r.label for _, r in fmt.disclosure_rows if r.key in columns})
    if row_key is None:
        return f"项目“{row.get('项目')}”不是{year}年报告格式第二十条中需填报的项目"
    table, _ = fmt.disclosure_row(row_key)
    column_key = _key_for(row.get("栏目"), {c.key: c.label for c in table.columns})
    if column_key is None:
        return f"栏目“{row.get('栏目')}”不是“{row.get('项目')}”的栏目"
    try:
        value = _figure_value(row.get("数值"), columns[row_key][column_key])
    except ValueError as exc:
        return str(exc)
    by_year.setdefault(year, {})[(row_key, column_key)] = value
    return None


def _key_for(text: str, labels: Mapping[str, str]) -> str | None:
    if text in labels:
        return text
    plain = "".join(text.split())
    for key, label in labels.items():
        if plain and plain == "".join(label.split()):
            return key
    return None
