"""The workbench under a large ledger: list, dashboard and search pages over loopback, p50/p95/max.

What it does, in order:

1. Creates a fresh database — SQLite in its own ``GONGKAI_DATA_DIR`` under /tmp (the default), or
   the PostgreSQL database named by ``--postgres`` (dropped and created again) — and fills it in bulk
   with ``--applications`` applications (default 100,000) over ten agencies of one county and five
   years: items, events, item decisions and the full-text index. The derived fields (due date,
   status, outcome, the derivation) come from :func:`gongkai.procedure.compute` on each
   application's events, exactly as :func:`gongkai.web.ledger.services.refresh_deadlines` stores
   them; only the audit entries and per-row validation of the services are skipped, for speed.
   Shape: about 82 % answered in time, 8 % 补正, 4 % extended, 3 % consultation, 3 % withdrawn; the
   applications of the last four weeks are open, a few older ones are overdue; one agency in three
   receives most of the requests.
2. Starts the real server, ``gongkai serve`` (waitress, 8 threads), on 127.0.0.1 with that data
   directory and database and a fixed ``GONGKAI_TODAY``.
3. Logs in as a clerk of the busiest agency over HTTP (the login form with its CSRF token) and
   requests each page ``--requests`` times after ``--warmup`` untimed requests, one at a time,
   measuring the wall time from sending the request to having read the whole body
   (``time.perf_counter``), and prints p50, p95 and max per page in milliseconds.

Nothing leaves the machine: the server listens on 127.0.0.1 and the client only talks to it.

    .venv/bin/python benchmarks/bench_web.py                        # SQLite, 100,000 applications
    .venv/bin/python benchmarks/bench_web.py --postgres postgres://postgres@127.0.0.1:5432/gongkai_bench
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import date, timedelta
from pathlib import Path
from typing import Any

TODAY = date(2025, 11, 14)
PASSWORD = "bench-password-1"
CLERK = "bench-clerk"
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国志红海燕春梅晓东文斌"
_PLACES = ("城关镇", "河西乡", "东湖街道", "北山村", "南岗社区", "新区", "工业园区", "老城片区", "西塘村", "高桥镇")
_REQUESTS = (
    "{year}年{place}集体土地征收补偿安置方案及批复文件",
    "{place}{year}年棚户区改造项目的立项批复和资金使用情况",
    "{year}年度城乡居民最低生活保障资金发放明细",
    "{place}道路拓宽工程的规划许可证及附图",
    "{year}年行政事业性收费项目及标准",
    "{place}违法建设拆除决定书及送达回证",
    "{year}年财政预算执行情况和部门预算",
    "{place}污水处理厂环境影响评价文件及批复",
    "{year}年{place}农村危房改造补助对象名单及补助标准",
    "{place}地块的土地利用总体规划图",
    "{year}年政府采购项目中标结果及合同",
    "{place}学校新建项目的建设工程规划许可及竣工验收文件",
    "{place}{year}年征地社保资金到位情况",
    "{year}年{place}河道整治工程招投标文件",
)
_ORGANISATION_TYPES = ("commercial", "legal_services", "other")
_AGENCIES = (
    ("县人民政府", "BX", 30),
    ("县自然资源局", "BX-ZRZY", 22),
    ("县住房和城乡建设局", "BX-ZJ", 14),
    ("县财政局", "BX-CZ", 8),
    ("县生态环境局", "BX-STHJ", 6),
    ("县交通运输局", "BX-JT", 5),
    ("县教育局", "BX-JY", 5),
    ("城关镇人民政府", "BX-CGZ", 4),
    ("河西乡人民政府", "BX-HXX", 3),
    ("高桥镇人民政府", "BX-GQZ", 3),
)


def _settings_env(data_dir: Path, postgres: str) -> dict[str, str]:
    env = {
        "GONGKAI_DATA_DIR": str(data_dir),
        "GONGKAI_TODAY": TODAY.isoformat(),
        "DJANGO_SETTINGS_MODULE": "gongkai.web.settings.local",
    }
    if postgres:
        env["GONGKAI_DATABASE_URL"] = postgres
    return env


def _recreate_postgres(url: str) -> None:
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise SystemExit(f"--postgres: database name {name!r} must be a plain identifier")
    maintenance = urllib.parse.urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")


# -- the ledger, in bulk -------------------------------------------------------------------------------


def _events_for(rng: random.Random, calendar: Any, received: date, today: date) -> list[dict[str, Any]]:
    """A plausible event course for one application (as dicts for Event rows), none after today."""
    from gongkai.procedure import count_working_days

    def after(day: date, n: int) -> date:
        return count_working_days(calendar, day, n).due

    events: list[dict[str, Any]] = [{"kind": "received", "on": received}]
    age = (today - received).days
    roll = rng.random()
    if age < 28 and rng.random() < 0.85:
        if roll < 0.1:
            notice = after(received, rng.randrange(1, 5))
            if notice <= today:
                events.append(
                    {"kind": "correction_notice", "on": notice, "correction_due": after(notice, 15), "reason": "请补正"}
                )
        return events  # still open
    if age > 60 and rng.random() < 0.004:
        return events  # forgotten: overdue
    last = received
    late = rng.random() < 0.03
    if roll < 0.08:
        notice = after(received, rng.randrange(1, 7))
        events.append(
            {"kind": "correction_notice", "on": notice, "correction_due": after(notice, 15), "reason": "请补正"}
        )
        last = after(notice, rng.randrange(2, 12))
        events.append({"kind": "corrected", "on": last})
        decided = after(last, rng.randrange(3, 19) if not late else rng.randrange(21, 25))
    elif roll < 0.12:
        ask = after(received, rng.randrange(12, 18))
        events.append({"kind": "extension_requested", "on": ask, "reason": "涉及多个年度档案"})
        approve = after(ask, 1)
        events.append({"kind": "extension_approved", "on": approve, "reason": "同意延长20个工作日"})
        decided = after(approve, rng.randrange(5, 20))
    elif roll < 0.15:
        sent = after(received, rng.randrange(3, 8))
        events.append(
            {"kind": "consultation_sent", "on": sent, "party": "某建设有限公司", "consultation": "third_party"}
        )
        answered = after(sent, rng.randrange(3, 14))
        events.append(
            {"kind": "consultation_answered", "on": answered, "party": "某建设有限公司", "reason": "同意公开"}
        )
        decided = after(answered, rng.randrange(1, 8))
    elif roll < 0.18:
        events.append({"kind": "withdrawn", "on": after(received, rng.randrange(2, 10)), "reason": "申请人书面撤回"})
        return [e for e in events if e["on"] <= today]
    else:
        decided = after(received, rng.randrange(2, 19) if not late else rng.randrange(21, 26))
    events = [e for e in events if e["on"] <= today]
    if decided <= today:
        outcome = rng.choices(
            ("granted", "partially_granted", "unable_not_held", "denied_process_info", "not_processed_repeat"),
            weights=(55, 15, 18, 7, 5),
        )[0]
        events.append({"kind": "decided", "on": decided, "outcome": outcome})
        sent = after(decided, rng.randrange(0, 3))
        if sent <= today:
            events.append({"kind": "reply_sent", "on": sent, "reason": "邮寄送达"})
    return events


def build_ledger(n: int, *, seed: int = 2025) -> tuple[int, float]:
    """Create agencies, users and ``n`` applications; returns (applications, seconds)."""
    from django.db import transaction
    from django.test import override_settings

    from gongkai.procedure import compute
    from gongkai.procedure.identifiers import fake_credit_code, fake_id_number
    from gongkai.web.agencies.models import AgencyKind, Role
    from gongkai.web.agencies.services import create_agency, create_user
    from gongkai.web.clock import workday_calendar
    from gongkai.web.ledger import fulltext
    from gongkai.web.ledger.models import Application, Event, ItemDecision, RequestedItem
    from gongkai.web.ledger.timeline import derivation, live_events, procedure_events

    started = time.perf_counter()
    rng = random.Random(seed)
    calendar = workday_calendar()
    county = create_agency(actor=None, name="标准县人民政府", code="BX", kind=AgencyKind.GOVERNMENT)
    agencies = []
    for name, code, weight in _AGENCIES:
        agency = county if code == "BX" else None
        if agency is None:
            kind = AgencyKind.TOWNSHIP if name.endswith("人民政府") else AgencyKind.DEPARTMENT
            agency = create_agency(actor=None, name="标准" + name, code=code, kind=kind, parent=county)
        clerks = []
        for i in range(3):
            username = CLERK if code == "BX" and i == 0 else f"{code.lower()}-clerk{i}"
            # only the clerk who logs in gets the slow production hash (30 PBKDF2 hashes took 8 s)
            hashers = [] if username == CLERK else ["django.contrib.auth.hashers.MD5PasswordHasher"]
            with override_settings(**({"PASSWORD_HASHERS": hashers} if hashers else {})):
                clerks.append(
                    create_user(
                        actor=None,
                        username=username,
                        password=PASSWORD,
                        agency=agency,
                        role=Role.CLERK,
                        check_password=False,
                    )
                )
        agencies.append((agency, clerks, weight))
    weights = [w for _, _, w in agencies]
    first_day = date(TODAY.year - 4, 1, 2)
    span = (TODAY - first_day).days
    serials: dict[tuple[int, int], int] = {}
    batch_size = 5000
    made = 0
    while made < n:
        size = min(batch_size, n - made)
        apps: list[Application] = []
        courses: list[tuple[list[str], list[dict[str, Any]]]] = []
        for _ in range(size):
            agency, clerks, _w = rng.choices(agencies, weights=weights)[0]
            # more recent years receive more requests
            received = first_day + timedelta(days=int(span * (rng.random() ** 0.8)))
            while not calendar.is_workday(received):
                received -= timedelta(days=1)
            key = (agency.pk, received.year)
            serials[key] = serials.get(key, 0) + 1
            person = rng.random() < 0.8
            year = rng.choice((received.year, received.year - 1))
            texts = [
                rng.choice(_REQUESTS).format(year=year, place=rng.choice(_PLACES))
                for _ in range(rng.choice((1, 1, 1, 2, 3)))
            ]
            course = _events_for(rng, calendar, received, TODAY)
            rows = [Event(pk=None, sequence=i, **e) for i, e in enumerate(course, start=1)]
            deadlines = compute(procedure_events(live_events(rows)), calendar, TODAY)
            clerk = rng.choice(clerks)
            apps.append(
                Application(
                    agency=agency,
                    number=f"{agency.code}-{received.year}-{serials[key]:05d}",
                    year=received.year,
                    serial=serials[key],
                    channel="online",
                    confirmed_on=received,
                    received_on=received,
                    applicant_kind="person" if person else "organisation",
                    applicant_type="natural_person"
                    if person
                    else rng.choice(("commercial", "legal_services", "other")),
                    applicant_name=(
                        rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))
                        if person
                        else f"标准县{rng.choice(('宏达', '恒信', '绿源', '正衡'))}有限公司"
                    ),
                    id_number=fake_id_number(rng) if person else "",
                    credit_code="" if person else fake_credit_code(rng),
                    phone="100" + f"{rng.randrange(10**8):08d}",
                    handler=clerk,
                    registered_by=clerk,
                    due_date=None if deadlines.answer_due is None else deadlines.answer_due.due,
                    original_due_date=None if deadlines.original_due is None else deadlines.original_due.due,
                    extended=deadlines.extended,
                    status=deadlines.status.value,
                    provisional=deadlines.provisional,
                    closed=deadlines.closed,
                    concluded_on=deadlines.decided,
                    outcome=deadlines.outcome or "",
                    withdrawn=any(e["kind"] == "withdrawn" for e in course),
                    deadlines=derivation(deadlines),
                    computed_on=TODAY,
                )
            )
            courses.append((texts, course))
        with transaction.atomic():
            Application.objects.bulk_create(apps, batch_size=1000)
            items = [
                RequestedItem(application=a, position=i, text=t)
                for a, (texts, _) in zip(apps, courses, strict=True)
                for i, t in enumerate(texts, start=1)
            ]
            RequestedItem.objects.bulk_create(items, batch_size=2000)
            events = [
                Event(application=a, sequence=i, recorded_by=a.handler, **e)
                for a, (_, course) in zip(apps, courses, strict=True)
                for i, e in enumerate(course, start=1)
            ]
            Event.objects.bulk_create(events, batch_size=2000)
            by_app: dict[int, list[RequestedItem]] = {}
            for item in items:
                by_app.setdefault(item.application_id, []).append(item)
            decisions = [
                ItemDecision(event=e, item=item, outcome=e.outcome, legal_basis="")
                for e in events
                if e.kind == "decided"
                for item in by_app[e.application_id]
            ]
            ItemDecision.objects.bulk_create(decisions, batch_size=2000)
            fulltext.write_rows(
                [
                    (a.pk, fulltext.document_tokens(a.number, a.applicant_name, texts))
                    for a, (texts, _) in zip(apps, courses, strict=True)
                ]
            )
        made += size
        print(f"  {made:,} applications", file=sys.stderr, end="\r")
    print(file=sys.stderr)
    return made, time.perf_counter() - started


# -- the server and the client -------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(url: str, server: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped (exit {server.returncode})")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer on {url} within {timeout:.0f} s")


def _login(base: str) -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token, "no CSRF token on the login page"
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token.group(1), "username": CLERK, "password": PASSWORD, "next": "/"}
    ).encode()
    request = urllib.request.Request(base + "/login/", data=data, headers={"Referer": base + "/login/"})
    answer = opener.open(request)
    if urllib.parse.urlsplit(answer.geturl()).path != "/":
        raise SystemExit("login failed")
    return opener


def _time(opener: urllib.request.OpenerDirector, url: str, n: int, warmup: int) -> list[float]:
    for _ in range(warmup):
        opener.open(url).read()
    times = []
    for _ in range(n):
        start = time.perf_counter()
        with opener.open(url) as answer:
            body = answer.read()
            status = answer.status
        times.append((time.perf_counter() - start) * 1000)
        if status != 200 or not body:
            raise SystemExit(f"{url}: HTTP {status}")
    return times


PAGES: tuple[tuple[str, str], ...] = (
    ("dashboard", "/"),
    ("list, page 1", "/applications/"),
    ("list, page 200", "/applications/?page=200"),
    ("list, open only", "/applications/?state=open"),
    ("search 2 chars 土地", "/applications/?text=土地"),
    ("search phrase 棚户区改造", "/applications/?text=棚户区改造"),
    ("search applicant 王伟", "/applications/?text=王伟"),
    ("search number", "/applications/?text=BX-2024-00123"),
    (
        "search text + year + outcome",
        "/applications/?text=征收&received_from=2024-01-01&received_to=2024-12-31&outcome=granted",
    ),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=60, help="timed requests per page (at most 1000)")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--postgres", default="", help="a PostgreSQL URL; the database is dropped and created")
    parser.add_argument("--keep", action="store_true", help="keep the data directory")
    args = parser.parse_args(argv)
    requests = max(1, min(args.requests, 1000))
    data_dir = Path(tempfile.mkdtemp(prefix="gongkai-bench-"))
    env = _settings_env(data_dir, args.postgres)
    os.environ.update(env)
    if args.postgres:
        _recreate_postgres(args.postgres)
    import django
    from django.core.management import call_command

    django.setup()
    from django.db import connection

    call_command("migrate", interactive=False, verbosity=0)
    print(f"database: {connection.vendor} ({args.postgres or data_dir / 'gongkai.sqlite3'})")
    made, seconds = build_ledger(args.applications)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    connection.close()
    print(f"built {made:,} applications in {seconds:.1f} s")

    port = _free_port()
    gongkai = Path(sys.executable).with_name("gongkai")
    server_env = {**os.environ, **env}
    server_env.pop("DJANGO_SETTINGS_MODULE", None)
    started = time.perf_counter()
    server = subprocess.Popen(
        [str(gongkai), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=server_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(base + "/login/", server, timeout=600)
        print(f"server ready in {time.perf_counter() - started:.1f} s (migrations checked, open deadlines recomputed)")
        opener = _login(base)
        print(
            f"{requests} timed requests per page after {args.warmup} untimed, one at a time, as {CLERK} "
            f"(agency with ~30 % of the applications); wall time to the last byte of the body"
        )
        print(f"{'page':<34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        worst = 0.0
        for label, path in PAGES:
            url = base + urllib.parse.quote(path, safe="/?=&")
            times = sorted(_time(opener, url, requests, args.warmup))
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            worst = max(worst, p95)
            print(f"{label:<34} {statistics.median(times):8.1f} {p95:8.1f} {times[-1]:8.1f}")
        print(f"worst p95: {worst:.1f} ms (target < 200 ms)")
    finally:
        server.terminate()
        server.wait(timeout=30)
        if not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
