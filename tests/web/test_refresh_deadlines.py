"""services.recompute_open_applications: a newly loaded year clears provisional flags; closed dates never change."""

from __future__ import annotations

from datetime import date

from gongkai.procedure import WorkdayCalendar, YearSchedule
from gongkai.web.ledger.services import recompute_open_applications, record_decision

from .factories import World, make_application


def test_loaded_year_clears_provisional_and_leaves_closed_alone(world: World, calendar: WorkdayCalendar) -> None:
    # a calendar that does not know 2024 yet: everything counted in 2024 is provisional
    without = WorkdayCalendar.of(s for s in calendar.schedules.values() if s.year != 2024)
    today = date(2024, 9, 20)
    open_one = make_application(world.clerk_a, received=today, today=today)
    closed_one = make_application(world.clerk_a, received=today, today=today)
    assert recompute_open_applications(calendar=without, today=today) == 2
    item = closed_one.items.get()
    record_decision(
        actor=world.clerk_a,
        application=closed_one,
        on=date(2024, 9, 20),
        today=today,
        calendar=without,
        outcomes={item.pk: ("granted", "")},
    )
    open_one.refresh_from_db()
    closed_one.refresh_from_db()
    assert open_one.provisional and closed_one.provisional
    provisional_due = open_one.due_date
    assert provisional_due == closed_one.due_date == date(2024, 10, 18)  # no National Day holiday known
    count = recompute_open_applications(calendar=calendar, today=today)
    open_one.refresh_from_db()
    closed_one.refresh_from_db()
    assert count == 1
    assert not open_one.provisional and open_one.due_date == date(2024, 10, 23)  # 1-7 Oct off, 29 Sep and 12 Oct worked
    assert closed_one.provisional and closed_one.due_date == provisional_due
    assert isinstance(calendar.schedule(2024), YearSchedule)
