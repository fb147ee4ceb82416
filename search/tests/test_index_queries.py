"""Indexing a meeting costs the same number of queries however many papers it has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Meeting
from papers.models import ItemPaper
from search import indexing
from search.models import Entry

pytestmark = pytest.mark.django_db


def queries_to_index(meeting: Meeting) -> int:
    with CaptureQueriesContext(connection) as ctx:
        indexing.index_meetings([meeting.pk])
    return len(ctx)


def test_indexing_papers_is_not_a_query_per_paper():
    papered = sorted(
        (ItemPaper.objects.filter(item__meeting=m).count(), m.pk)
        for m in Meeting.objects.filter(items__papers__isnull=False).distinct()
    )
    (few, small), (many, large) = papered[0], papered[-1]
    assert many >= few + 5, "two published meetings with different numbers of papers"
    small_count = queries_to_index(Meeting.objects.get(pk=small))
    large_count = queries_to_index(Meeting.objects.get(pk=large))
    assert Entry.objects.filter(meeting_id=large, document_id__isnull=False).count() >= many
    assert large_count == small_count
