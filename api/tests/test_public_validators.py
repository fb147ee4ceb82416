"""Public validators change only with public fields: editing exempt business (an exempt
item's purpose, an exempt paper) leaves every API answer's ETag and Last-Modified, and the
export archive's, as they were; a change to a public field changes them."""

from __future__ import annotations

import pytest
from django.utils.http import parse_http_date

from audit.testing import TEST_ACTOR
from meetings.models import Meeting
from meetings.services import save_agenda_item
from papers import services
from papers.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return Meeting.objects.get(
        body__slug="policy-and-resources-cabinet-committee", date="2017-09-15"
    )


def urls(meeting):
    exempt = meeting.items.get(number="14")
    return [
        f"/api/agenda_items/?meeting={meeting.pk}",
        f"/api/agenda_items/{exempt.pk}/",
        f"/api/meetings/{meeting.pk}/",
        f"/api/meetings/?body={meeting.body_id}",
        "/api/export.zip",
    ]


def validators(client, meeting) -> dict[str, tuple[str, str | None]]:
    found = {}
    for url in urls(meeting):
        response = client.get(url)
        assert response.status_code == 200, url
        found[url] = (response["ETag"], response.get("Last-Modified"))
    return found


def test_editing_exempt_business_leaves_the_public_validators(meeting, client):
    before = validators(client, meeting)
    exempt = meeting.items.get(number="14")
    exempt.purpose = "A new purpose the public must not learn of"
    exempt.motion_text = "A new motion"
    save_agenda_item(exempt, actor=TEST_ACTOR)
    paper = Document.objects.filter(attachments__item=exempt).first() or services.save_document(
        Document(title="Exempt note", classification="exempt", exempt_paragraph=3), actor=TEST_ACTOR
    )
    paper.title = "A renamed exempt paper"
    services.save_document(paper, actor=TEST_ACTOR)
    assert validators(client, meeting) == before
    # A conditional request is answered "not modified".
    etag = before["/api/export.zip"][0]
    assert client.get("/api/export.zip", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_editing_a_public_field_changes_them(meeting, client):
    before = validators(client, meeting)
    public = meeting.items.get(number="12")
    public.purpose = "To note a changed purpose."
    save_agenda_item(public, actor=TEST_ACTOR)
    after = validators(client, meeting)
    for url in (
        f"/api/agenda_items/?meeting={meeting.pk}",
        f"/api/meetings/{meeting.pk}/",
        "/api/export.zip",
    ):
        assert after[url][0] != before[url][0], url
        assert parse_http_date(after[url][1]) >= parse_http_date(
            before[url][1] or "Thu, 01 Jan 1970 00:00:00 GMT"
        )
    # The exempt item's own answer shows nothing that changed.
    exempt_url = urls(meeting)[1]
    assert after[exempt_url] == before[exempt_url]
