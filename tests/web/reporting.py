"""Records for the report tests: a ledger straddling 2022–2024, register documents, figures and cases.

Everything goes through the services (applications, decisions, documents, cases), so the reports
are built from records the workbench could really hold.
"""

from __future__ import annotations

from datetime import date

from gongkai.procedure import package_calendar
from gongkai.web.agencies.models import User
from gongkai.web.cases.services import record_case
from gongkai.web.ledger.models import Application
from gongkai.web.ledger.services import record_decision, record_event
from gongkai.web.register.services import record_document, set_figures, set_index_code

from .factories import TODAY, make_application

__all__ = ["decide", "fill_agency"]


def decide(clerk: User, application: Application, on: date, outcome: str = "granted") -> None:
    items = {i.pk: (outcome, "") for i in application.items.all()}
    record_decision(
        actor=clerk, application=application, on=on, today=TODAY, calendar=package_calendar(), outcomes=items
    )


# (received, concluded or None, outcome, organisation?)
LEDGER: tuple[tuple[date, date | None, str, bool], ...] = (
    (date(2022, 3, 1), date(2022, 3, 15), "granted", False),
    (date(2022, 6, 6), date(2022, 6, 20), "unable_not_held", True),
    (date(2022, 12, 20), date(2023, 1, 10), "granted", False),  # carried 2022 → 2023
    (date(2022, 12, 26), date(2023, 1, 16), "partially_granted", True),
    (date(2022, 12, 28), None, "", False),  # still open in 2024: carried twice
    (date(2023, 4, 3), date(2023, 4, 20), "denied_state_secret", False),
    (date(2023, 12, 25), date(2024, 1, 12), "granted", False),  # carried 2023 → 2024
    (date(2023, 12, 27), date(2024, 1, 15), "not_processed_repeat", True),
    (date(2024, 2, 19), date(2024, 3, 4), "granted", False),
    (date(2024, 5, 27), None, "", False),
    (date(2024, 6, 3), None, "", True),
)


def fill_agency(clerk: User, *, index_code: str = "99330800002618015K") -> list[Application]:
    """The clerk's agency gets the ledger above, five documents, figures for 2022–2024 and four cases."""
    made: list[Application] = []
    for received, concluded, outcome, organisation in LEDGER:
        application = make_application(clerk, received=received, organisation=organisation)
        if concluded is not None:
            decide(clerk, application, concluded, outcome)
        made.append(application)
    record_event(
        actor=clerk,
        application=made[-2],
        kind="fee_notice",
        on=date(2024, 5, 31),
        today=TODAY,
        calendar=package_calendar(),
        fee_yuan=200,
    )
    record_event(
        actor=clerk,
        application=made[-2],
        kind="fee_paid",
        on=date(2024, 6, 5),
        today=TODAY,
        calendar=package_calendar(),
    )
    set_index_code(actor=clerk, code=index_code)
    for kind, number, made_on, published, abolished in (
        ("regulations", "甲政令〔2021〕1号", date(2021, 5, 1), date(2021, 5, 10), None),
        ("normative_documents", "甲政规〔2022〕1号", date(2022, 2, 8), date(2022, 2, 15), date(2023, 9, 1)),
        ("normative_documents", "甲政规〔2022〕2号", date(2022, 11, 30), date(2023, 1, 5), None),
        ("normative_documents", "甲政规〔2023〕1号", date(2023, 7, 7), date(2023, 7, 14), None),
        ("regulations", "甲政令〔2024〕1号", date(2024, 3, 1), None, None),
    ):
        record_document(
            actor=clerk,
            kind=kind,
            doc_number=number,
            title=f"关于{number}的规定",
            made_on=made_on,
            published_on=published,
            abolished_on=abolished,
        )
    for year in (2022, 2023, 2024):
        set_figures(
            actor=clerk,
            year=year,
            values={
                ("licensing", "decisions"): 100 + year % 10,
                ("punishment", "decisions"): 20,
                ("coercion", "decisions"): 3,
                ("fees", "amount_10k_yuan"): "12.5",
            },
        )
    record_case(actor=clerk, today=TODAY, kind="reconsideration", filed_on=date(2022, 10, 8), application=made[1])
    record_case(
        actor=clerk,
        today=TODAY,
        kind="reconsideration",
        filed_on=date(2023, 2, 1),
        concluded_on=date(2023, 4, 1),
        result="maintained",
    )
    record_case(
        actor=clerk,
        today=TODAY,
        kind="litigation_direct",
        filed_on=date(2023, 11, 1),
        concluded_on=date(2024, 3, 1),
        result="corrected",
    )
    record_case(actor=clerk, today=TODAY, kind="litigation_after_reconsideration", filed_on=date(2024, 4, 2))
    return made
