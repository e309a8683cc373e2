"""Reading letters and templates, scoped through the ledger's :func:`applications_for`."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from gongkai.web.agencies.models import Agency, Role, User
from gongkai.web.ledger.models import Application, Event, EventType
from gongkai.web.ledger.selectors import applications_for
from gongkai.web.ledger.timeline import live_events
from gongkai.web.letters.kinds import LETTER_LABELS, kind_for_event
from gongkai.web.letters.models import Letter, LetterTemplate

__all__ = ["LetterOccasion", "current_template", "letter_for", "occasions", "template_overview"]


@dataclass(frozen=True)
class LetterOccasion:
    """An event of the application that calls for a letter, with the letters drafted for it."""

    event: Event
    kind: str
    label: str
    letters: list[Letter]

    @property
    def sent(self) -> bool:
        """A sent letter is final: no redraft."""
        return any(letter.state == "sent" for letter in self.letters)


def occasions(application: Application) -> list[LetterOccasion]:
    """Every live event that calls for a letter, oldest first (the application is already scoped)."""
    rows = list(application.events.prefetch_related("item_decisions"))
    letters: dict[int, list[Letter]] = {}
    for letter in application.letters.select_related("drafted_by", "approved_by", "sent_by").defer("document"):
        letters.setdefault(letter.event_id, []).append(letter)
    found = []
    for event in live_events(rows):
        if event.kind == EventType.VOIDED:
            continue
        kind = kind_for_event(event.kind, outcome=event.outcome, consultation=event.consultation)
        if kind is not None:
            found.append(LetterOccasion(event, kind, LETTER_LABELS[kind], letters.get(event.pk, [])))
    return found


def letter_for(user: User, application_pk: int, letter_pk: int) -> Letter:
    """One letter of one application the user may see, or 404."""
    try:
        return Letter.objects.select_related("application", "event").get(
            pk=letter_pk, application_id=application_pk, application__in=applications_for(user)
        )
    except Letter.DoesNotExist:
        raise Http404("没有这份文书") from None


def current_template(agency: Agency, kind: str) -> LetterTemplate | None:
    """The agency's newest upload for ``kind`` if it holds a document (None: gongkai's default)."""
    found = LetterTemplate.objects.filter(agency=agency, kind=kind).order_by("-uploaded_at", "-pk").first()
    return found if found is not None and found.document else None


def template_overview(user: User) -> list[tuple[str, str, LetterTemplate | None]]:
    """For the template page: (kind, label, the agency's template or None), only for its admin."""
    if not (user.is_agency_staff and user.role == Role.ADMIN and user.agency is not None):
        return []
    return [(kind, label, current_template(user.agency, kind)) for kind, label in LETTER_LABELS.items()]
