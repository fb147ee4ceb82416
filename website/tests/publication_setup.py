"""A meeting still to come with papers of its own, for the publication tests: nothing here
depends on what the demo has published."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from audit.testing import TEST_ACTOR
from meetings.models import Meeting, MeetingStatus
from moot import testing as t
from papers import services
from papers import testing as files
from papers.models import Document, DocumentKind, ItemPaper
from publishing import deadlines

from .helpers import PR, body

FUTURE = dt.date(2030, 1, 15)  # a Tuesday; the deadline is Monday 7 January 2030


def future_meeting(date: dt.date = FUTURE, **kw) -> Meeting:
    m = t.meeting(body(PR), date=date, start_time=dt.time(10), **kw)
    t.item(m, "1", "Apologies and Substitutes")
    t.item(m, "2", "Budget Monitoring")
    return m


def paper(m: Meeting, title: str, *, number: str = "2", pdf: bool = False) -> ItemPaper:
    """A public paper (not a report, so it needs no clearance) attached to item ``number``."""
    doc = services.save_document(Document(title=title, kind=DocumentKind.OTHER), actor=TEST_ACTOR)
    if pdf:
        services.add_version(
            doc,
            upload=files.pdf(1, f"{title} version 1"),
            filename=f"{title}.pdf",
            actor=TEST_ACTOR,
        )
    else:
        services.add_version(doc, html=f"<p>{title}: version 1.</p>", actor=TEST_ACTOR)
    return services.attach(m.items.get(number=number), doc, actor=TEST_ACTOR)


def on_time(m: Meeting) -> dt.datetime:
    """A moment of publication before the meeting's deadline day ends."""
    return min(timezone.now(), deadlines.end_of_day(deadlines.deadline(m)) - dt.timedelta(days=1))


def cancel(m: Meeting) -> Meeting:
    m.status = MeetingStatus.CANCELLED
    m.save()
    return m
