"""Importing an agency's existing ledger (Excel or CSV) through the ledger's own services.

Three steps: :func:`read_table` reads the file's header and rows; :func:`guess_mapping` proposes
which column holds which field (the user corrects it); :func:`import_rows` registers every row with
:func:`services.register_application` and, when the row has a decision, :func:`services.record_decision`
— the same validation as the forms, nothing re-implemented. It runs in one transaction: any row
error rolls back the whole file and returns the report (row number, field, reason). ID numbers are
never written to a log or to the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db import transaction

from gongkai.procedure import WorkdayCalendar, decision
from gongkai.web.agencies.models import User
from gongkai.web.audit.services import record
from gongkai.web.errors import ServiceError
from gongkai.web.ledger.models import APPLICANT_TYPE_LABELS, ChannelChoice, EventType
from gongkai.web.ledger.services import decision_outcomes, record_decision, record_event, register_application
from gongkai.web.sheets import SheetError, cell_text, read_sheet

__all__ = [
    "FIELDS",
    "Field",
    "ImportError_",
    "ImportResult",
    "RowError",
    "Table",
    "describe",
    "guess_mapping",
    "import_rows",
    "mapping_from_headers",
    "parse_date",
    "parse_outcome",
    "read_table",
]


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    required: bool
    headers: tuple[str, ...]  # header names that mean this field, most specific first


FIELDS: tuple[Field, ...] = (
    Field(
        "received_on",
        "收到申请日期",
        True,
        ("收到申请日期", "收到申请时间", "收到日期", "受理日期", "申请日期", "申请时间", "登记日期"),
    ),
    Field("channel", "申请渠道", False, ("申请渠道", "申请方式", "提交方式", "渠道")),
    Field("applicant_type", "申请人类型", False, ("申请人类型", "申请人类别", "申请主体类型", "申请人性质", "类别")),
    Field("applicant_name", "申请人", True, ("申请人姓名或名称", "申请人名称", "申请人姓名", "申请人", "姓名")),
    Field(
        "identifier",
        "身份证号或统一社会信用代码",
        False,
        ("身份证号码", "身份证号", "证件号码", "统一社会信用代码", "证件号", "信用代码"),
    ),
    Field("contact_person", "联系人", False, ("联系人",)),
    Field("phone", "联系电话", False, ("联系电话", "电话", "手机", "联系方式")),
    Field("address", "通信地址", False, ("通信地址", "通讯地址", "联系地址", "地址")),
    Field("email", "电子邮箱", False, ("电子邮箱", "邮箱", "电子邮件")),
    Field(
        "request", "申请内容", True, ("申请公开的政府信息", "申请公开内容", "申请内容", "申请事项", "所需信息", "内容")
    ),
    Field("decision_date", "答复日期", False, ("答复日期", "答复时间", "办结日期", "办结时间", "决定日期")),
    Field("outcome", "办理结果", False, ("办理结果", "答复结果", "处理结果", "答复类型", "结果")),
    Field("legal_basis", "法律依据", False, ("法律依据", "答复依据", "依据")),
    Field("reply_sent_on", "送达日期", False, ("送达日期", "送达时间")),
)
FIELD_LABELS = {f.key: f.label for f in FIELDS}

_SERVICE_FIELDS = {
    "submitted_on": "received_on",
    "signed_for_on": "received_on",
    "confirmed_on": "received_on",
    "id_number": "identifier",
    "credit_code": "identifier",
    "organisation_type": "applicant_type",
    "applicant_kind": "applicant_type",
    "items": "request",
    "on": "decision_date",
}


ImportError_ = SheetError
"""The file as a whole cannot be read (not a table, no header, too many rows)."""


@dataclass(frozen=True)
class Table:
    name: str
    headers: list[str]
    rows: list[list[Any]]  # cells as read: str, int, float, datetime, date or None
    numbers: list[int]  # each row's number in the spreadsheet, blank rows counted, header = row 1

    def samples(self) -> list[str]:
        """The first non-empty value of each column, for the mapping page (identifiers masked)."""
        found = []
        for index in range(len(self.headers)):
            value = next((r[index] for r in self.rows if index < len(r) and _text(r[index])), "")
            text = _text(value)
            if re.fullmatch(r"[0-9A-Za-z]{15,18}", text) or re.fullmatch(r"1\d{10}", text):
                text = text[:3] + "*" * (len(text) - 7) + text[-4:]
            found.append(text[:40])
        return found


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet numbers it: the header is row 1
    field: str  # the field's label ("" for the whole row)
    reason: str


@dataclass
class ImportResult:
    imported: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


# -- reading -----------------------------------------------------------------------------------------


_text = cell_text


def read_table(data: bytes, name: str) -> Table:
    """The first sheet of an XLSX, or a CSV (UTF-8 with or without BOM, else GB18030): header + rows."""
    sheet = read_sheet(data, name)
    return Table(name=sheet.name, headers=sheet.headers, rows=sheet.rows, numbers=sheet.numbers)


# -- the mapping -------------------------------------------------------------------------------------


def _normal(header: str) -> str:
    return re.sub(r"[\s（）()【】\[\]:：*＊/、]", "", header)


def guess_mapping(headers: Sequence[str]) -> dict[str, int]:
    """Field key → column index, from the header names: exact names first, then names containing one."""
    normal = [_normal(h) for h in headers]
    mapping: dict[str, int] = {}
    taken: set[int] = set()
    for exact in (True, False):
        for f in FIELDS:
            if f.key in mapping:
                continue
            for wanted in f.headers:
                hits = [
                    i for i, h in enumerate(normal) if i not in taken and h and (h == wanted if exact else wanted in h)
                ]
                if hits:
                    mapping[f.key] = hits[0]
                    taken.add(hits[0])
                    break
    return mapping


# -- values ------------------------------------------------------------------------------------------

_EXCEL_EPOCH = date(1899, 12, 30)
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\s.*)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?(?:\s.*)?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def parse_date(value: Any) -> date | None:
    """A date as agencies' spreadsheets hold it: a real date, 2024-01-05, 2024/1/5, 2024年1月5日,
    20240105, or an Excel serial number (45296 = 2024-01-05). None for an empty cell; ValueError else."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _serial(float(value))
    text = str(value).strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                raise ValueError(f"“{text}”不是有效日期") from None
    if re.fullmatch(r"\d{5}(\.\d+)?", text):
        return _serial(float(text))
    raise ValueError(f"无法识别日期“{text}”（可写作 2024-01-05、2024/1/5 或 2024年1月5日）")


def _serial(number: float) -> date:
    if not 1 <= number < 2958466:
        raise ValueError(f"“{number:g}”不是 Excel 日期")
    return _EXCEL_EPOCH + timedelta(days=int(number))


_CHANNELS: tuple[tuple[str, str], ...] = (
    ("平常信函", ChannelChoice.POST_UNSIGNED),
    ("平信", ChannelChoice.POST_UNSIGNED),
    ("当面", ChannelChoice.IN_PERSON),
    ("现场", ChannelChoice.IN_PERSON),
    ("窗口", ChannelChoice.IN_PERSON),
    ("邮寄", ChannelChoice.POST_SIGNED),
    ("信函", ChannelChoice.POST_SIGNED),
    ("挂号", ChannelChoice.POST_SIGNED),
    ("快递", ChannelChoice.POST_SIGNED),
    ("传真", ChannelChoice.FAX),
    ("网", ChannelChoice.ONLINE),
    ("在线", ChannelChoice.ONLINE),
    ("电子邮件", ChannelChoice.ONLINE),
    ("邮箱", ChannelChoice.ONLINE),
)
_RECEIPT_FIELD = {
    ChannelChoice.IN_PERSON: "submitted_on",
    ChannelChoice.POST_SIGNED: "signed_for_on",
    ChannelChoice.POST_UNSIGNED: "confirmed_on",
    ChannelChoice.ONLINE: "confirmed_on",
    ChannelChoice.FAX: "confirmed_on",
}


def _channel(text: str) -> str:
    if not text:
        return ChannelChoice.IN_PERSON
    if text in ChannelChoice.values:
        return text
    for label, key in ChannelChoice.choices:
        if text == label:
            return key
    for word, key in _CHANNELS:
        if word in text:
            return key
    raise ValueError(f"无法识别申请渠道“{text}”（当面、邮寄、平常信函、网上、传真）")


_APPLICANT_WORDS = (
    ("自然人", "natural_person"),
    ("公民", "natural_person"),
    ("个人", "natural_person"),
    ("商业企业", "commercial"),
    ("企业", "commercial"),
    ("公司", "commercial"),
    ("科研", "research"),
    ("公益", "social_welfare"),
    ("法律服务", "legal_services"),
    ("律师", "legal_services"),
    ("其他", "other"),
)


def _applicant_type(text: str, identifier: str) -> str:
    """The statistics column; an empty cell is a natural person when the identifier has the ID number shape."""
    if not text:
        if re.fullmatch(r"\d{17}[\dX]", identifier):  # shaped like an ID number; its check digit is checked later
            return "natural_person"
        raise ValueError("请填写申请人类型（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）")
    if text in APPLICANT_TYPE_LABELS:
        return text
    for key, label in APPLICANT_TYPE_LABELS.items():
        if text == label:
            return key
    for word, key in _APPLICANT_WORDS:
        if word in text:
            return key
    raise ValueError(f"无法识别申请人类型“{text}”")


def _outcome_key(text: str) -> str:
    return re.sub(r"[\s（）()〔〕、，,.．:：；;\-—“”\"0-9一二三四五六七八九十]", "", text)


def _outcome_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for key, label in decision_outcomes():
        found = decision(key)
        plain = re.sub(r"（区分处理的.*?）", "", label)
        names = [key, label, plain]
        if found.group_label:
            names += [found.group_label + label, found.group_label + plain]
        for name in names:
            index.setdefault(_outcome_key(name), key)
    index.setdefault(_outcome_key("（六）其他处理"), "other_other")
    return index


def parse_outcome(text: str) -> str:
    """An outcome by key or by its row label (with or without numbering or its group), e.g.
    ``granted``, ``予以公开``, ``（三）不予公开 1.属于国家秘密``, ``属于国家秘密``."""
    text = text.strip()
    if not text:
        raise ValueError("办理结果为空")
    index = _outcome_index()
    found = index.get(text) or index.get(_outcome_key(text))
    if found is None:
        groups = {d.group_label for d in (decision(k) for k, _ in decision_outcomes()) if d.group_label}
        if any(_outcome_key(g) == _outcome_key(text) for g in groups):
            raise ValueError(f"“{text}”需写明具体情形（如“不予公开-属于国家秘密”）")
        raise ValueError(f"无法识别办理结果“{text}”（请使用年度报告表格中的办理结果名称）")
    return found


# -- importing ---------------------------------------------------------------------------------------


def _cell(row: Sequence[Any], mapping: Mapping[str, int], key: str) -> Any:
    index = mapping.get(key)
    return None if index is None or index >= len(row) else row[index]


def _row(
    *, actor: User, row: Sequence[Any], mapping: Mapping[str, int], today: date, calendar: WorkdayCalendar
) -> None:
    """Register one row (and its decision and delivery); ServiceError naming the field on bad input."""

    def value(key: str) -> str:
        return _text(_cell(row, mapping, key))

    def day(key: str) -> date | None:
        try:
            return parse_date(_cell(row, mapping, key))
        except ValueError as exc:
            raise ServiceError(str(exc), field=key) from None

    received = day("received_on")
    if received is None:
        raise ServiceError("收到申请日期为空", field="received_on")
    try:
        channel = _channel(value("channel"))
    except ValueError as exc:
        raise ServiceError(str(exc), field="channel") from None
    identifier = value("identifier").upper()
    try:
        applicant_type = _applicant_type(value("applicant_type"), identifier)
    except ValueError as exc:
        raise ServiceError(str(exc), field="applicant_type") from None
    person = applicant_type == "natural_person"
    decided_on, outcome_text = day("decision_date"), value("outcome")
    outcome = ""
    if outcome_text:
        try:
            outcome = parse_outcome(outcome_text)
        except ValueError as exc:
            raise ServiceError(str(exc), field="outcome") from None
    if decided_on is not None and not outcome:
        raise ServiceError("有答复日期但没有办理结果", field="outcome")
    if outcome and decided_on is None:
        raise ServiceError("有办理结果但没有答复日期", field="decision_date")
    application = register_application(
        actor=actor,
        today=today,
        calendar=calendar,
        channel=channel,
        **{_RECEIPT_FIELD[ChannelChoice(channel)]: received},
        applicant_kind="person" if person else "organisation",
        applicant_name=value("applicant_name"),
        id_number=identifier if person else "",
        credit_code="" if person else identifier,
        organisation_type="" if person else applicant_type,
        contact_person=value("contact_person"),
        phone=value("phone"),
        address=value("address"),
        email=value("email"),
        items=[value("request")],
    )
    if decided_on is not None:
        record_decision(
            actor=actor,
            application=application,
            on=decided_on,
            today=today,
            calendar=calendar,
            outcomes={item.pk: (outcome, value("legal_basis")) for item in application.items.all()},
        )
    sent_on = day("reply_sent_on")
    if sent_on is not None:
        if decided_on is None:
            raise ServiceError("有送达日期但没有答复决定", field="reply_sent_on")
        try:
            record_event(
                actor=actor,
                application=application,
                kind=EventType.REPLY_SENT,
                on=sent_on,
                today=today,
                calendar=calendar,
                reason="导入",
            )
        except ServiceError as error:
            raise ServiceError(error.message, field="reply_sent_on") from None


def import_rows(
    *,
    actor: User,
    table: Table,
    mapping: Mapping[str, int],
    today: date,
    calendar: WorkdayCalendar,
    progress: Any = None,
) -> ImportResult:
    """Import every row, or none: on any error the transaction is rolled back and the report returned."""
    result = ImportResult()
    missing = [f.label for f in FIELDS if f.required and f.key not in mapping]
    if missing:
        result.errors.append(RowError(1, "", f"未指定以下字段对应的列：{'、'.join(missing)}"))
        return result
    bad = [k for k, i in mapping.items() if k not in FIELD_LABELS or not 0 <= i < len(table.headers)]
    if bad:
        result.errors.append(RowError(1, "", f"列对应关系有误：{'、'.join(bad)}"))
        return result
    if not actor.is_agency_staff:
        result.errors.append(RowError(1, "", "只有机关工作人员可以导入台账"))
        return result
    with transaction.atomic():
        for number, row in zip(table.numbers, table.rows, strict=True):
            try:
                with transaction.atomic():
                    _row(actor=actor, row=row, mapping=mapping, today=today, calendar=calendar)
            except ServiceError as error:
                key = _SERVICE_FIELDS.get(error.field or "", error.field or "")
                result.errors.append(RowError(number, FIELD_LABELS.get(key, ""), error.message))
            else:
                result.imported += 1
            if progress is not None:
                progress(result.imported + len(result.errors), len(table.rows))
        if result.errors:
            result.imported = 0
            transaction.set_rollback(True)
            return result
        record(
            actor=actor,
            agency=actor.agency,
            action="ledger.import",
            object_type="ledger",
            object_id=actor.agency_id,
            summary=f"导入台账 {table.name}：{result.imported} 件",
            after={
                "file": table.name,
                "rows": result.imported,
                "mapping": {k: table.headers[i] for k, i in mapping.items()},
            },
        )
    return result


def mapping_from_headers(table: Table, named: Mapping[str, str]) -> dict[str, int]:
    """Field key → column index from field key → header name (the command line's ``--mapping``)."""
    mapping: dict[str, int] = {}
    for key, header in named.items():
        if key not in FIELD_LABELS:
            raise ImportError_(f"--mapping：没有字段 {key}（可用：{'、'.join(FIELD_LABELS)}）")
        if header not in table.headers:
            raise ImportError_(f"--mapping：{table.name} 中没有列“{header}”")
        mapping[key] = table.headers.index(header)
    return mapping


def describe(errors: Iterable[RowError]) -> list[str]:
    """One line per error, for the command line."""
    return [f"第{e.row}行 {e.field or '—'}：{e.reason}" for e in errors]
