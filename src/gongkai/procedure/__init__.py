"""The statutory procedure of 依申请公开 and the statistics of the annual report, in pure Python.

Working-day calendar with 调休 (:mod:`.workdays`, :mod:`.calendar_files`), the deadline engine
(:mod:`.events`, :mod:`.deadlines`), the decision taxonomy (:mod:`.outcomes`), the information
processing fee (:mod:`.fees`) and ledger → report tables (:mod:`.statistics`). Time and the calendar
are always passed in; nothing here reads the clock, and nothing imports Django or the CLI.
"""

from gongkai.procedure.calendar_files import (
    CalendarFileError,
    calendar_with_files,
    dump_schedule,
    install_schedule_file,
    read_schedule_file,
)
from gongkai.procedure.deadlines import Deadlines, EventSequenceError, Pause, Status, answer_due, compute, recompute
from gongkai.procedure.events import Channel, ConsultationKind, Event, EventKind, receipt_date
from gongkai.procedure.fees import (
    fee_payment_due,
    monthly_fees,
    per_application_fee,
    per_page_fee,
    unpaid_fee_outcome,
)
from gongkai.procedure.outcomes import Decision, combine_items, decision, decisions, final_outcomes, table_row
from gongkai.procedure.register import (
    DocumentKind,
    RegisterEntry,
    disclosure_table,
    document_counts,
    index_number,
    parse_index_number,
)
from gongkai.procedure.rules import Rules, rules
from gongkai.procedure.statistics import (
    Case,
    CaseKind,
    CaseResult,
    LedgerEntry,
    application_table,
    ledger_report,
    review_table,
)
from gongkai.procedure.workdays import (
    Count,
    DayKind,
    WorkdayCalendar,
    YearSchedule,
    count_working_days,
    package_calendar,
)

__all__ = [
    "CalendarFileError",
    "Case",
    "CaseKind",
    "CaseResult",
    "Channel",
    "ConsultationKind",
    "Count",
    "DayKind",
    "Deadlines",
    "Decision",
    "DocumentKind",
    "Event",
    "EventKind",
    "EventSequenceError",
    "LedgerEntry",
    "Pause",
    "RegisterEntry",
    "Rules",
    "Status",
    "WorkdayCalendar",
    "YearSchedule",
    "answer_due",
    "application_table",
    "calendar_with_files",
    "combine_items",
    "compute",
    "count_working_days",
    "decision",
    "decisions",
    "disclosure_table",
    "document_counts",
    "dump_schedule",
    "fee_payment_due",
    "final_outcomes",
    "index_number",
    "install_schedule_file",
    "ledger_report",
    "monthly_fees",
    "package_calendar",
    "parse_index_number",
    "per_application_fee",
    "per_page_fee",
    "read_schedule_file",
    "receipt_date",
    "recompute",
    "review_table",
    "rules",
    "table_row",
    "unpaid_fee_outcome",
]
