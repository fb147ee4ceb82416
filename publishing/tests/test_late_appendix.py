"""An appendix added to a published report waits for a supplement, on the site and in the log."""

import pytest
from django.test import Client
from django.urls import reverse

from publishing import services, supplements
from publishing.models import EventKind, PublicationEvent

from . import builders as b

pytestmark = pytest.mark.django_db


def test_a_late_appendix_is_hidden_until_the_supplement_publishes_it(officer):
    meeting = b.meeting()
    link = b.paper(meeting, "2", "Budget")
    services.publish_agenda(meeting, actor=officer, now=b.BEFORE)
    late = b.appendix(link.document, "Appendix C", "Late price table")
    page = reverse("website:meeting", args=[meeting.pk, meeting.slug])
    paper = reverse("website:paper", args=[meeting.pk, meeting.slug, late.pk])
    assert b"Late price table" not in Client().get(page).content
    assert Client().get(paper).status_code == 404
    assert services.pending_papers(meeting) == [link]
    supplements.publish_supplement(meeting, actor=officer, now=b.AFTER)
    assert b"Late price table" in Client().get(page).content
    assert Client().get(paper).status_code == 200
    # The report keeps its one "published" record; the appendix gets its own.
    events = PublicationEvent.objects.filter(meeting=meeting, kind=EventKind.PAPER_PUBLISHED)
    assert events.filter(document=link.document).count() == 1
    assert events.filter(document=late).count() == 1
    assert services.pending_papers(meeting) == []
