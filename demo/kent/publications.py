"""When the demo's agendas were published: the dispatch dates printed on the seed front sheets.

Each of these is five clear working days before its meeting (requirements-from-seeds §2.1).
Other held meetings with an agenda are recorded as published at a time not known.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from audit.actors import Actor
from meetings.models import Meeting, MeetingStatus
from publishing.historical import record_historical_publication

from . import bodies as B

LONDON = ZoneInfo("Europe/London")
D = dt.date
DISPATCHED = {
    (B.COUNCIL, D(2015, 12, 10)): D(2015, 12, 2),  # 002:22
    (B.SMS, D(2017, 3, 1)): D(2017, 2, 21),  # 000:63
    (B.PR, D(2017, 9, 15)): D(2017, 9, 7),  # 004:86
}


def load(actor: Actor) -> None:
    """Idempotent: an existing publication record is left as it is."""
    for (body, day), sent in DISPATCHED.items():
        meeting = Meeting.objects.filter(body__name=body, date=day).first()
        if meeting is not None:
            # The time of day is not printed; 9 am is a stand-in within the dispatch day.
            at = dt.datetime.combine(sent, dt.time(9), LONDON)
            record_historical_publication(meeting, at, on_time=True, actor=actor)
    held = Meeting.objects.filter(status=MeetingStatus.HELD, items__isnull=False).distinct()
    for meeting in held:
        record_historical_publication(meeting, None, actor=actor)
