"""The ledger as CSV or XLSX (the filtered list as shown), and an application's audit trail as CSV.

Identifiers and phone numbers are masked unless the caller passes ``full=True``; the view allows that
only to staff of the handling agency who ask for it explicitly, and audits the full export. The CSV
starts with a BOM so that Excel on Chinese Windows opens it as UTF-8.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from gongkai.procedure import decision
from gongkai.procedure.identifiers import mask_id_number, mask_phone
from gongkai.web.audit.models import AuditEntry
from gongkai.web.ledger.models import Application
from gongkai.web.ledger.selectors import STATUS_LABELS, live_status

__all__ = ["AUDIT_HEADERS", "LEDGER_HEADERS", "audit_csv", "ledger_csv", "ledger_rows", "ledger_xlsx"]

LEDGER_HEADERS = [
    "申请编号",
    "收到申请日期",
    "申请渠道",
    "申请人类型",
    "申请人",
    "身份证号或统一社会信用代码",
    "联系电话",
    "申请内容",
    "答复期限",
    "状态",
    "答复日期",
    "办理结果",
    "法律依据",
    "经办人",
]
AUDIT_HEADERS = ["时间", "操作人", "操作", "摘要", "修改前", "修改后"]


def ledger_rows(
    applications: QuerySet[Application], *, full: bool, today: date, soon_limit: date
) -> Iterator[list[Any]]:
    """One row per application, in the order given; items and their legal bases joined with “；”."""
    found = applications.select_related("handler").prefetch_related("items", "events__item_decisions")
    for a in found.iterator(chunk_size=500):
        identifier = a.id_number or a.credit_code
        if not full and a.id_number:
            identifier = mask_id_number(a.id_number)
        bases = [
            d.legal_basis
            for e in a.events.all()
            if e.kind == "decided"
            for d in e.item_decisions.all()
            if d.legal_basis
        ]
        status = live_status(a, today, soon_limit)
        yield [
            a.number,
            a.received_on,
            a.get_channel_display(),
            a.get_applicant_type_display(),
            a.applicant_name,
            identifier,
            a.phone if full or not a.phone else mask_phone(a.phone),
            "；".join(i.text for i in a.items.all()),
            a.due_date,
            STATUS_LABELS.get(status, status),
            a.concluded_on,
            decision(a.outcome).label if a.outcome else "",
            "；".join(dict.fromkeys(bases)),
            str(a.handler),
        ]


def _csv(headers: list[str], rows: Iterable[list[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if v is None else v.isoformat() if isinstance(v, date) else v for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def ledger_csv(rows: Iterable[list[Any]]) -> bytes:
    return _csv(LEDGER_HEADERS, rows)


def ledger_xlsx(rows: Iterable[list[Any]], *, title: str = "依申请公开台账") -> bytes:
    """An XLSX with real date cells (so a re-import reads them as dates), a frozen header row."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(LEDGER_HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
    for column, width in zip("ABCDEFGHIJKLMN", (18, 12, 12, 12, 16, 22, 14, 40, 12, 10, 12, 24, 24, 10), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def audit_csv(entries: Iterable[AuditEntry]) -> bytes:
    """The audit trail of one object; before/after are already masked when written."""
    rows = (
        [
            timezone.localtime(e.at).strftime("%Y-%m-%d %H:%M:%S"),
            str(e.actor) if e.actor else "系统",
            e.action,
            e.summary,
            "" if e.before is None else json.dumps(e.before, ensure_ascii=False, sort_keys=True),
            "" if e.after is None else json.dumps(e.after, ensure_ascii=False, sort_keys=True),
        ]
        for e in entries
    )
    return _csv(AUDIT_HEADERS, rows)
