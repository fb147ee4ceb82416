"""The index follows changes made after publication, once they are committed
(search/receivers.py): a minute made exempt after the minutes were published, and a published
paper reclassified as exempt, are no longer found by the public — neither the row nor its
words in a snippet."""

import pytest
from django.test import TestCase

from audit.testing import TEST_ACTOR
from meetings.models import Meeting
from moot import testing as t
from papers import services as papers
from papers.models import Classification
from proceedings.minutes import add_minute, edit_minute, publish_minutes
from proceedings.models import Minute
from search import indexing, services

pytestmark = pytest.mark.django_db

WORD = "Zwodniczyquartz"  # found nowhere else in the demo council


@pytest.fixture
def meeting():
    return Meeting.objects.get(
        body__slug="policy-and-resources-cabinet-committee", date="2017-09-15"
    )


def found(query: str = WORD) -> int:
    return services.search(query).total


def test_a_minute_made_exempt_after_publication_leaves_the_index(
    meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        minute = add_minute(
            meeting, "Disposal", text=f"The bid of {WORD} for the depot.", actor=TEST_ACTOR
        )
        publish_minutes(meeting, actor=TEST_ACTOR)
    assert found() == 1, "the public minute is found"
    with django_capture_on_commit_callbacks(execute=True):
        edit_minute(
            Minute.objects.get(pk=minute.pk),
            exempt=True,
            exempt_paragraph=3,
            public_summary="The Committee considered the disposal of a property.",
            actor=TEST_ACTOR,
        )
    assert found() == 0
    assert found("disposal of a property") >= 1, "its public summary instead"


def test_a_paper_reclassified_as_exempt_leaves_the_index(meeting):
    doc, _ = t.published_pdf_paper(
        meeting, meeting.items.get(number="12"), f"Report on {WORD}", Classification.UNRESTRICTED
    )
    indexing.index_meetings([meeting.pk])
    assert found() >= 1, "the public paper is found"
    doc.classification, doc.exempt_paragraph = Classification.EXEMPT, 3
    with TestCase.captureOnCommitCallbacks(execute=True):
        papers.save_document(doc, actor=TEST_ACTOR)
    assert found() == 0
