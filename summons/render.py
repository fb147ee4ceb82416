"""The words of a summons, shared by the email and the printed (posted) copy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.urls import reverse

from council.models import Authority, Person
from meetings.formatting import long_date, time_text
from meetings.models import Meeting

from . import ics
from .agenda import Agenda
from .links import absolute
from .models import IssueKind
from .recipients import proper_officer


@dataclass
class Summons:
    """Everything the summons templates print, for one meeting and publication."""

    meeting: Meeting
    agenda: Agenda
    kind: str
    issued_on: dt.date
    authority: Authority | None
    proper_officer: Person | None

    @property
    def is_supplement(self) -> bool:
        return self.kind == IssueKind.SUPPLEMENT

    @property
    def date_text(self) -> str:
        return long_date(self.meeting.date)

    @property
    def time_text(self) -> str:
        return time_text(self.meeting.start_time)

    @property
    def venue_text(self) -> str:
        venue = self.meeting.venue
        return venue.full_name if venue else "a venue to be confirmed"

    @property
    def subject(self) -> str:
        what = "Supplementary agenda" if self.is_supplement else "Summons"
        return f"{what}: {self.meeting.body.name}, {self.date_text}"

    @property
    def consent_url(self) -> str:
        return absolute(reverse("summons:consent"))


def summons_for(meeting: Meeting, agenda: Agenda, kind: str, issued_on: dt.date) -> Summons:
    return Summons(meeting, agenda, kind, issued_on, Authority.current(), proper_officer(issued_on))


def salutation(person: Person) -> str:
    """ "Councillor A B Smith" for an elected member; a co-opted member is not a councillor."""
    return person.councillor_name if person.terms.exists() else person.formal_name


def email_parts(
    summons: Summons, person: Person, *, summoned_before: bool = False
) -> tuple[str, str, str]:
    """(subject, plain text, HTML) of one member's summons email. A supplement says "further
    to the summons already sent" only when ``summoned_before`` (one was sent to them)."""
    context = {
        "s": summons,
        "person": person,
        "salutation": salutation(person),
        "summoned_before": summoned_before,
    }
    text = render_to_string("summons/email/summons.txt", context)
    html = render_to_string("summons/email/summons.html", context)
    return summons.subject, text, html


def ics_text(summons: Summons) -> str:
    """The calendar attachment: the one meeting, public description only."""
    meeting = summons.meeting
    description = f"{meeting.body.name}: agenda and public papers at {summons.agenda.url}"
    event = ics.event(meeting, url=summons.agenda.url, description=description)
    return ics.calendar(f"{meeting.body.name}, {ics.when_text(meeting)}", [event]).decode()
