import html
import re

from django.utils.html import strip_tags

from audit.actors import SystemActor
from council.models import Body
from meetings.models import Meeting
from publishing.historical import record_historical_publication
from publishing.models import AgendaPublication

PR = "Policy and Resources Cabinet Committee"
SMS = "Selection and Member Services Committee"


def text(response) -> str:
    """The page's text as a reader sees it: tags stripped, entities decoded, spaces collapsed."""
    return re.sub(r"\s+", " ", html.unescape(strip_tags(response.content.decode()))).strip()


def body(name: str) -> Body:
    return Body.objects.get(name=name)


def meeting(name: str, day) -> Meeting:
    return Meeting.objects.get(body__name=name, date=day)


def words(response) -> str:
    """Like ``text`` but every tag separates words, as table cells and list items do."""
    content = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(content)).strip()


def unpublish(m: Meeting) -> Meeting:
    """Remove any publication the demo recorded: the meeting's agenda is not yet public."""
    AgendaPublication.objects.filter(meeting=m).delete()
    return m


def publish(m: Meeting, at=None) -> Meeting:
    """Record the meeting's agenda as published (at a moment not known, by default) with
    every paper attached now, whatever the demo recorded for it."""
    record_historical_publication(unpublish(m), at, actor=SystemActor("test"))
    return m
