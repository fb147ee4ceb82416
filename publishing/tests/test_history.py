"""Withdrawn and replaced papers, and the public document history page."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.testing import TEST_ACTOR
from papers.models import Classification, DocumentVersion, ItemPaper
from publishing import services
from publishing.historical import record_historical_publication
from publishing.models import EventKind, PublicationEvent

from . import builders as b

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(officer):
    m = b.meeting()
    b.paper(m, "2", "Budget")
    b.paper(
        m, "3", f"Land at Somewhere {b.CANARY}", classification=Classification.EXEMPT, paragraph=3
    )
    return m


def links(meeting):
    return {link.document.title: link for link in ItemPaper.objects.filter(item__meeting=meeting)}


def test_withdraw_needs_a_reason_and_a_published_paper(meeting, officer):
    budget = links(meeting)["Budget"]
    with pytest.raises(ValidationError, match="has not been published: detach it"):
        services.withdraw_paper(budget, "Wrong paper", actor=officer)
    services.publish_agenda(meeting, actor=officer, now=b.BEFORE)
    with pytest.raises(ValidationError, match="Give the reason"):
        services.withdraw_paper(budget, " ", actor=officer)
    assert ItemPaper.objects.filter(pk=budget.pk).exists()
    assert not PublicationEvent.objects.filter(kind=EventKind.PAPER_WITHDRAWN).exists()


def test_withdrawn_paper_leaves_the_agenda_but_keeps_its_versions(meeting, officer):
    services.publish_agenda(meeting, actor=officer, now=b.BEFORE)
    budget = links(meeting)["Budget"]
    doc = budget.document
    event = services.withdraw_paper(budget, "The item was deferred to March.", actor=officer)
    assert not ItemPaper.objects.filter(pk=budget.pk).exists()
    assert (event.kind, event.document, event.note) == (
        EventKind.PAPER_WITHDRAWN,
        doc,
        "The item was deferred to March.",
    )
    version = DocumentVersion.objects.get(document=doc, number=1)
    assert version.published_at is not None and "Budget text" in version.html


def test_replacement_publishes_a_new_version_and_keeps_the_old(meeting, officer):
    budget = links(meeting)["Budget"].document
    with pytest.raises(ValidationError, match="not on a published agenda"):
        services.replace_paper(budget, html="<p>x</p>", reason="Typo", actor=officer)
    services.publish_agenda(meeting, actor=officer, now=b.BEFORE)
    with pytest.raises(ValidationError, match="Give the reason"):
        services.replace_paper(budget, html="<p>x</p>", reason="", actor=officer)
    new = services.replace_paper(
        budget, html="<p>Corrected table 2.</p>", reason="Table 2 had a wrong total.", actor=officer
    )
    assert new.number == 2 and new.published_at is not None
    old = DocumentVersion.objects.get(document=budget, number=1)
    assert "Budget text" in old.html and old.published_at is not None
    event = PublicationEvent.objects.get(kind=EventKind.PAPER_REPLACED)
    assert (event.version, event.note) == (new, "Version 2: Table 2 had a wrong total.")


def test_history_page_lists_events_and_never_an_exempt_title(client, meeting, officer):
    services.publish_agenda(meeting, actor=officer, now=b.BEFORE)
    by_title = links(meeting)
    exempt = next(link for title, link in by_title.items() if b.CANARY in title)
    services.replace_paper(
        exempt.document,
        html=f"<p>{b.CANARY}</p>",
        reason=f"Price changed {b.CANARY}",
        actor=officer,
    )
    services.withdraw_paper(exempt, f"Sale fell through {b.CANARY}", actor=officer)
    services.withdraw_paper(by_title["Budget"], "Deferred to March.", actor=officer)
    response = client.get(reverse("publishing:history", args=[meeting.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert b.CANARY not in page
    assert "Restricted document (paragraph 3)" in page
    assert "Agenda published" in page and "Budget" in page
    assert "Paper withdrawn" in page and "Deferred to March." in page
    assert "Paper replaced by a new version" in page
    assert "3 January 2030, 10:00 a.m." in page  # local time
    assert "Document history" in page and "govuk-summary-list" in page


def test_history_of_an_unpublished_meeting_says_so(client):
    meeting = b.meeting()
    response = client.get(f"/meetings/{meeting.pk}/history/")
    assert response.status_code == 200
    assert "has not been published yet" in response.content.decode()


def test_history_of_no_such_meeting_is_404(client):
    assert client.get("/meetings/999999999/history/").status_code == 404


def test_historical_record_shows_the_date_only(client):
    meeting = b.meeting()
    b.paper(meeting, "2", "Budget", approved=False)
    record = record_historical_publication(meeting, b.london(2030, 1, 3, 9, 0), actor=TEST_ACTOR)
    assert (record.historical, record.on_time) == (True, True)
    assert record_historical_publication(meeting, None, actor=TEST_ACTOR) == record  # idempotent
    page = client.get(reverse("publishing:history", args=[meeting.pk])).content.decode()
    assert "3 January 2030<" in page and "9:00" not in page


def test_a_published_paper_cannot_be_deleted_until_its_meeting_is(meeting, officer):
    """The demo's wipe deletes the meetings first, then the papers: that order must work."""
    from django.db.models import ProtectedError

    from papers.models import Document

    services.publish_agenda(meeting, actor=officer, now=b.BEFORE)
    budget = links(meeting)["Budget"]
    doc = budget.document
    services.withdraw_paper(budget, "Deferred.", actor=officer)
    with pytest.raises(ProtectedError):
        doc.delete()
    meeting.delete()
    assert not PublicationEvent.objects.filter(document=doc).exists()
    Document.objects.filter(pk=doc.pk).delete()
    assert not DocumentVersion.objects.filter(document_id=doc.pk).exists()
