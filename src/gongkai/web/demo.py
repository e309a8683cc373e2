"""A realistic demo: a fictional county (示范县) with its government, two departments and a township,
several hundred applications over three years in every state and outcome, and the demo users.

Everything goes through the services, so the demo's events pass the same validation and leave the
same audit trail as a clerk's. Applicants are invented: names from common characters, ID numbers and
credit codes from :mod:`gongkai.procedure.identifiers`' fake generators (division 99xxxx, which no
one has), mobile numbers in the unassigned 100 prefix. ``seed`` makes the demo reproducible.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from gongkai.procedure import WorkdayCalendar, count_working_days
from gongkai.procedure.identifiers import fake_credit_code, fake_id_number
from gongkai.web.agencies.models import Agency, AgencyKind, Role, User
from gongkai.web.agencies.services import create_agency, create_user
from gongkai.web.ledger import services
from gongkai.web.ledger.models import ApplicantKind, Application, ChannelChoice, EventType, OrganisationType

__all__ = ["DEMO_PASSWORD", "DEMO_USERS", "DemoSummary", "load_demo"]

DEMO_PASSWORD = "gongkai-demo"
DEMO_USERS: tuple[tuple[str, str, str], ...] = (
    ("demo-clerk", Role.CLERK, "演示经办人"),
    ("demo-approver", Role.APPROVER, "演示审核人"),
    ("demo-admin", Role.ADMIN, "演示管理员"),
    ("demo-supervisor", Role.SUPERVISOR, "演示监督员"),
)
"""(username, role, name): all in the county government; the supervisor sees the whole county."""

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国志红海燕春梅晓东文斌"
_COMPANIES = (
    "示范{}建材有限公司",
    "示范{}物业服务有限公司",
    "{}农业科技发展有限公司",
    "示范县{}律师事务所",
    "{}环境研究所",
)
_PLACES = ("城关镇", "河西乡", "东湖街道", "北山村", "南岗社区", "新区", "工业园区", "老城片区")
_REQUESTS = (
    "{year}年{place}集体土地征收补偿安置方案及批复文件",
    "{place}{year}年棚户区改造项目的立项批复和资金使用情况",
    "{year}年度本县城乡居民最低生活保障资金发放明细（不含个人隐私）",
    "{place}某道路拓宽工程的规划许可证及附图",
    "{year}年本单位行政事业性收费项目及标准",
    "{place}违法建设拆除决定书及送达回证",
    "{year}年本县财政预算执行情况和部门预算",
    "{place}污水处理厂环境影响评价文件及批复",
    "{year}年{place}农村危房改造补助对象名单及补助标准",
    "本人房屋所在{place}地块的土地利用总体规划图",
    "{year}年政府采购项目中标结果及合同",
    "{place}学校新建项目的建设工程规划许可及竣工验收文件",
)
_BASIS_NOTES = ("已当面核对", "邮寄送达", "电子邮件送达", "在线平台送达")


@dataclass(frozen=True)
class DemoSummary:
    created: bool
    agencies: int
    applications: int
    users: tuple[str, ...]


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))


def _phone(rng: random.Random) -> str:
    return "100" + f"{rng.randrange(10**8):08d}"


def _workday_between(rng: random.Random, calendar: WorkdayCalendar, first: date, last: date) -> date:
    span = max((last - first).days, 0)
    day = first + timedelta(days=rng.randrange(span + 1))
    while not calendar.is_workday(day) and day < last:
        day += timedelta(days=1)
    return day


def _after(calendar: WorkdayCalendar, day: date, working_days: int) -> date:
    return count_working_days(calendar, day, working_days).due


def load_demo(*, today: date, calendar: WorkdayCalendar, applications: int = 360, seed: int = 20240101) -> DemoSummary:
    """Create the demo county unless it exists (then nothing changes); returns what is there."""
    existing = Agency.objects.filter(code="SFX").first()
    if existing is not None:
        return DemoSummary(
            created=False,
            agencies=Agency.objects.filter(code__startswith="SFX").count(),
            applications=Application.objects.filter(agency__code__startswith="SFX").count(),
            users=tuple(u for u, _, _ in DEMO_USERS),
        )
    rng = random.Random(seed)
    with transaction.atomic():
        county = create_agency(actor=None, name="示范县人民政府", code="SFX", kind=AgencyKind.GOVERNMENT)
        land = create_agency(actor=None, name="示范县自然资源局", code="SFX-ZRZY", parent=county)
        housing = create_agency(actor=None, name="示范县住房和城乡建设局", code="SFX-ZJ", parent=county)
        town = create_agency(
            actor=None, name="示范县城关镇人民政府", code="SFX-CGZ", kind=AgencyKind.TOWNSHIP, parent=county
        )
        staff: dict[int, tuple[User, User]] = {}
        for username, role, full_name in DEMO_USERS:
            create_user(
                actor=None,
                username=username,
                password=DEMO_PASSWORD,
                agency=county,
                role=role,
                full_name=full_name,
                check_password=False,
            )
        staff[county.pk] = (User.objects.get(username="demo-clerk"), User.objects.get(username="demo-approver"))
        for agency, prefix in ((land, "zrzy"), (housing, "zj"), (town, "cgz")):
            clerk = create_user(
                actor=None,
                username=f"{prefix}-clerk",
                password=DEMO_PASSWORD,
                agency=agency,
                role=Role.CLERK,
                full_name=f"{agency.name[3:]}经办人",
                check_password=False,
            )
            approver = create_user(
                actor=None,
                username=f"{prefix}-approver",
                password=DEMO_PASSWORD,
                agency=agency,
                role=Role.APPROVER,
                full_name=f"{agency.name[3:]}审核人",
                check_password=False,
            )
            staff[agency.pk] = (clerk, approver)
        weights = ((county, 5), (land, 3), (housing, 2), (town, 1))
        pool = [a for a, w in weights for _ in range(w)]
        outcomes = [k for k, _ in services.decision_outcomes()]
        repeat_people: list[tuple[str, str, str]] = []
        for n in range(applications):
            agency = pool[n % len(pool)] if n < len(pool) else rng.choice(pool)
            clerk, approver = staff[agency.pk]
            _one(rng, n, today, calendar, agency, clerk, approver, outcomes, repeat_people)
        from gongkai.web.reports.demo import load_report_demo  # register, cases and reports of the demo years

        load_report_demo(today=today, agencies=[county, land, housing, town], rng=rng)
    return DemoSummary(
        created=True,
        agencies=4,
        applications=Application.objects.filter(agency__code__startswith="SFX").count(),
        users=tuple(u for u, _, _ in DEMO_USERS),
    )


def _one(
    rng: random.Random,
    n: int,
    today: date,
    calendar: WorkdayCalendar,
    agency: Agency,
    clerk: User,
    approver: User,
    outcomes: list[str],
    repeat_people: list[tuple[str, str, str]],
) -> None:
    """One application along a scenario chosen by ``n`` (so every scenario and outcome occurs)."""
    start = date(today.year - 2, 1, 4)
    # the most recent applications are the open ones; the last 40 fall in the last six weeks
    if n % 9 == 0:
        received = _workday_between(rng, calendar, today - timedelta(days=45), today)
    else:
        received = _workday_between(rng, calendar, start, today)
    channel = rng.choice(ChannelChoice.values)
    dates = {
        ChannelChoice.IN_PERSON: {"submitted_on": received},
        ChannelChoice.POST_SIGNED: {"signed_for_on": received},
    }.get(ChannelChoice(channel), {"confirmed_on": received})
    person = rng.random() < 0.78
    if person and repeat_people and rng.random() < 0.08:
        name, id_number, phone = rng.choice(repeat_people)
    elif person:
        name, id_number, phone = _name(rng), fake_id_number(rng), _phone(rng)
        repeat_people.append((name, id_number, phone))
    year = rng.choice((received.year, received.year - 1))
    texts = [
        rng.choice(_REQUESTS).format(year=year, place=rng.choice(_PLACES)) for _ in range(rng.choice((1, 1, 1, 2, 3)))
    ]
    common = {
        "actor": clerk,
        "today": today,
        "calendar": calendar,
        "channel": channel,
        "items": texts,
        "address": f"示范县{rng.choice(_PLACES)}{rng.randrange(1, 200)}号",
        **dates,
    }
    if person:
        application = services.register_application(
            applicant_kind=ApplicantKind.PERSON, applicant_name=name, id_number=id_number, phone=phone, **common
        )
    else:
        org = rng.choice(OrganisationType.values)
        application = services.register_application(
            applicant_kind=ApplicantKind.ORGANISATION,
            applicant_name=rng.choice(_COMPANIES).format(rng.choice(("宏达", "恒信", "绿源", "正衡", "明德"))),
            credit_code=fake_credit_code(rng),
            organisation_type=org,
            contact_person=_name(rng),
            phone=_phone(rng),
            **common,
        )
    scenario = n % 12
    outcome = (
        outcomes[n % len(outcomes)]
        if rng.random() < 0.45
        else rng.choice(("granted", "granted", "partially_granted", "unable_not_held"))
    )

    def event(kind: str, on: date, **extra: object) -> bool:
        if on > today:
            return False
        services.record_event(
            actor=clerk, application=application, kind=kind, on=on, today=today, calendar=calendar, **extra
        )
        return True

    def decide(on: date, key: str) -> bool:
        if on > today:
            return False
        items = list(application.items.all())
        chosen = {i.pk: (key, "") for i in items}
        if key == "partially_granted" and len(items) > 1:
            chosen[items[0].pk] = ("granted", "")
            chosen[items[1].pk] = ("denied_process_info", "")
        services.record_decision(
            actor=clerk, application=application, on=on, today=today, calendar=calendar, outcomes=chosen
        )
        sent = _after(calendar, on, rng.choice((0, 1, 2)))
        if sent <= today and rng.random() < 0.9:
            event(EventType.REPLY_SENT, sent, reason=rng.choice(_BASIS_NOTES))
        return True

    def due() -> date:
        application.refresh_from_db()
        return application.due_date or today

    def answer_day() -> date:
        # about one in twenty-five answers is late; the rest fall between the last event and the due date
        last = due()
        if rng.random() < 0.04:
            return _after(calendar, last, rng.randrange(1, 6))
        latest = max(e.on for e in application.events.all())
        first = _after(calendar, latest, 1)
        return _workday_between(rng, calendar, min(first, last), last)

    if scenario == 1:  # 补正 then the corrected application
        notice = _after(calendar, received, rng.randrange(1, 7))
        if event(
            EventType.CORRECTION_NOTICE,
            notice,
            correction_due=_after(calendar, notice, 15),
            reason="请明确所需信息的名称、文号或者便于查询的其他特征性描述",
        ) and event(EventType.CORRECTED, _after(calendar, notice, rng.randrange(2, 12))):
            decide(answer_day(), outcome)
    elif scenario == 2:  # 补正 never answered: not processed further
        notice = _after(calendar, received, rng.randrange(1, 7))
        if event(
            EventType.CORRECTION_NOTICE,
            notice,
            correction_due=_after(calendar, notice, 10),
            reason="请补充申请人身份证明",
        ):
            decide(_after(calendar, notice, 25), "other_overdue_correction")
    elif scenario == 3:  # extension requested and approved
        ask = _after(calendar, received, rng.randrange(12, 18))
        if event(EventType.EXTENSION_REQUESTED, ask, reason="申请内容涉及多个年度档案，需调取核查"):
            approve = _after(calendar, ask, 1)
            if approve <= today:
                services.approve_extension(
                    actor=approver,
                    application=application,
                    on=approve,
                    today=today,
                    calendar=calendar,
                    reason="同意延长20个工作日",
                )
                decide(answer_day(), outcome)
    elif scenario == 4:  # third-party consultation
        sent = _after(calendar, received, rng.randrange(3, 8))
        party = _name(rng) if rng.random() < 0.5 else "示范县某建设有限公司"
        if event(EventType.CONSULTATION_SENT, sent, party=party, consultation="third_party") and event(
            EventType.CONSULTATION_ANSWERED,
            _after(calendar, sent, rng.randrange(3, 15)),
            party=party,
            reason=rng.choice(("同意公开", "不同意公开，涉及商业秘密")),
        ):
            decide(answer_day(), rng.choice(("granted", "denied_third_party", "partially_granted")))
    elif scenario == 5:  # consultation of another agency
        sent = _after(calendar, received, rng.randrange(3, 8))
        if event(EventType.CONSULTATION_SENT, sent, party="示范县财政局", consultation="agency") and event(
            EventType.CONSULTATION_ANSWERED,
            _after(calendar, sent, rng.randrange(3, 12)),
            party="示范县财政局",
            reason="同意公开",
        ):
            decide(answer_day(), outcome)
    elif scenario == 6:  # fee notice, paid
        notice = _after(calendar, received, rng.randrange(5, 10))
        fee = rng.choice((100, 200, 300))
        noticed = event(EventType.FEE_NOTICE, notice, fee_yuan=fee, reason="国办函〔2020〕109号")
        if noticed and event(EventType.FEE_PAID, _after(calendar, notice, rng.randrange(2, 10))):
            decide(answer_day(), "granted")
    elif scenario == 7:  # fee notice, never paid
        notice = _after(calendar, received, rng.randrange(5, 10))
        if event(EventType.FEE_NOTICE, notice, fee_yuan=100, reason="国办函〔2020〕109号"):
            decide(_after(calendar, notice, 21), "other_overdue_fee")
    elif scenario == 8:  # withdrawn by the applicant
        event(EventType.WITHDRAWN, _after(calendar, received, rng.randrange(2, 10)), reason="申请人书面撤回")
    elif scenario == 9 and received < today - timedelta(days=60) and rng.random() < 0.4:
        pass  # left open long ago: an overdue application
    elif scenario == 10:  # a mistaken entry, voided, then the real course
        wrong = services.record_event(
            actor=clerk,
            application=application,
            kind=EventType.FEE_NOTICE,
            on=min(_after(calendar, received, 2), today),
            today=today,
            calendar=calendar,
            fee_yuan=100,
        )
        services.void_event(
            actor=clerk,
            application=application,
            event=wrong,
            reason="误录：本申请不收费",
            today=today,
            calendar=calendar,
        )
        decide(answer_day(), outcome)
    elif scenario == 11 and n % 24 == 11:  # a mistaken registration, voided
        received_event = application.events.get(kind=EventType.RECEIVED)
        services.void_event(
            actor=clerk,
            application=application,
            event=received_event,
            reason="重复登记",
            today=today,
            calendar=calendar,
        )
    else:
        decide(answer_day(), outcome)
