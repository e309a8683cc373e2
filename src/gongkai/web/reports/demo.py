"""The demo county's register, figures, cases and reports, so the builder shows a complete report.

Called by :func:`gongkai.web.demo.load_demo` after the applications exist. For each demo agency: an
索引号 code (a fake credit code, division 99), 规章 and 规范性文件 over the three demo years (some
abolished), the 第二十条 figures of each year (the 2019 columns too when a demo year used that
format), a few 复议/诉讼 cases linked to its applications, and the narrative of the earliest
year's report, approved and published for two agencies — so the next year's cross-year check has a
published report to compare with and the supervisor's roll-up shows every state. Everything goes
through the services.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from gongkai.procedure.identifiers import fake_credit_code
from gongkai.web.agencies.models import Agency, Role, User
from gongkai.web.cases.services import record_case
from gongkai.web.ledger.models import Application
from gongkai.web.register.services import entered_columns, record_document, set_figures, set_index_code
from gongkai.web.reports.services import approve_report, open_report, publish_report, save_sections

__all__ = ["load_report_demo"]

_TOPICS = (
    "政府信息公开工作规定",
    "行政规范性文件管理办法",
    "重大行政决策程序规定",
    "农村宅基地管理办法",
    "城市绿化管理规定",
    "政府采购管理实施细则",
    "房屋征收与补偿实施办法",
    "最低生活保障实施细则",
)
_PROBLEMS = (
    "一是主动公开的深度和广度仍需拓展，部分领域信息更新不够及时；二是依申请公开办理人员变动较多，"
    "业务能力有待提升。下一步，将加强政策文件解读和培训，完善办理流程，提高答复质量。"
)


def _staff(agency: Agency) -> tuple[User | None, User | None]:
    users = User.objects.filter(agency=agency, is_active=True).order_by("pk")
    return users.filter(role=Role.CLERK).first(), users.filter(role=Role.APPROVER).first()


def load_report_demo(*, today: date, agencies: list[Agency], rng: random.Random) -> None:
    """Register, figures, cases and reports for ``agencies`` over today's year and the two before."""
    years = (today.year - 2, today.year - 1, today.year)
    for position, agency in enumerate(agencies):
        clerk, approver = _staff(agency)
        if clerk is None or approver is None:
            continue
        set_index_code(actor=clerk, code=fake_credit_code(rng))
        prefix = agency.code.split("-")[-1]
        for year in (years[0] - 1, *years):
            for n in range(rng.randrange(3, 8)):
                made = date(year, 1, 1) + timedelta(days=rng.randrange(360))
                if made > today:
                    continue
                kind = "regulations" if position == 0 and n == 0 else "normative_documents"
                published = made + timedelta(days=rng.randrange(2, 15))
                abolished = made + timedelta(days=rng.randrange(200, 700)) if rng.random() < 0.15 else None
                record_document(
                    actor=clerk,
                    kind=kind,
                    doc_number=f"示{prefix}{'令' if kind == 'regulations' else '规'}〔{year}〕{n + 1}号",
                    title=f"示范县{rng.choice(_TOPICS)}",
                    made_on=made,
                    published_on=published if published <= today else None,
                    abolished_on=abolished if abolished and abolished <= today else None,
                )
        for year in years:
            values: dict[tuple[str, str], object] = {}
            for row, columns in entered_columns(year).items():
                for column, kind in columns.items():
                    if kind == "signed_change":
                        values[(row, column)] = rng.randrange(-3, 4)
                    elif kind.startswith("amount"):
                        values[(row, column)] = f"{rng.randrange(0, 5000) / 100:.2f}"
                    else:
                        values[(row, column)] = rng.randrange(0, 400 if row == "licensing" else 60)
            set_figures(actor=clerk, year=year, values=values)
        applications = list(
            Application.objects.filter(agency=agency, voided=False, closed=True).order_by("received_on")
        )
        for n in range(min(len(applications) // 25, 6)):
            application = applications[rng.randrange(len(applications))]
            filed = (application.concluded_on or application.received_on) + timedelta(days=rng.randrange(20, 60))
            if filed > today:
                continue
            concluded = filed + timedelta(days=rng.randrange(40, 200))
            done = concluded <= today and n % 3 != 2
            record_case(
                actor=clerk,
                today=today,
                kind=("reconsideration", "litigation_direct", "litigation_after_reconsideration")[n % 3],
                filed_on=filed,
                application=application,
                case_number=f"示复〔{filed.year}〕{n + 1}号" if n % 3 == 0 else f"（{filed.year}）示行初{n + 1}号",
                body="示范县人民政府" if n % 3 == 0 else "示范县人民法院",
                concluded_on=concluded if done else None,
                result=rng.choice(("maintained", "maintained", "corrected", "other")) if done else "",
            )
        report = open_report(actor=clerk, year=years[0], today=today)
        save_sections(actor=clerk, report=report, sections={"problems": _PROBLEMS})
        if position < 2:
            approve_report(actor=approver, report=report, today=today)
            publish_report(actor=approver, report=report, today=date(years[0] + 1, 1, 20))
        if position == 2:
            open_report(actor=clerk, year=years[1], today=today)
