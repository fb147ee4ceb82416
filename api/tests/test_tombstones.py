"""Tombstones: records deleted (from the audit trail) and papers withdrawn from published
agendas (from the public document history) are listed, with nothing of what they said."""

import pytest
from django.utils import timezone

from audit import trail
from audit.testing import TEST_ACTOR
from council.models import Membership
from papers.models import ItemPaper
from publishing import inspection
from publishing.changes import withdraw_paper
from publishing.public import is_public

pytestmark = pytest.mark.django_db


def test_a_deleted_membership_is_a_tombstone(client):
    mark = timezone.now()
    membership = Membership.objects.filter(person__isnull=False).first()
    pk = membership.pk
    assert client.get(f"/api/memberships/{pk}/").status_code == 200
    trail.delete(membership, actor=TEST_ACTOR)
    assert client.get(f"/api/memberships/{pk}/").status_code == 404
    data = client.get(
        "/api/tombstones/?type=memberships&updated_since=" + mark.isoformat().replace("+", "%2B")
    ).json()
    assert [(t["type"], t["id"], t["deleted"], t["reason"]) for t in data["results"]] == [
        ("memberships", pk, True, "deleted")
    ]
    assert client.get("/api/tombstones/?type=bodies").json()["count"] == 0


def test_a_withdrawn_paper_is_a_tombstone_with_its_public_reason(client):
    published = inspection.all_paper_ids()
    link = next(
        link
        for link in ItemPaper.objects.select_related("document__parent", "item")
        if link.pk in published and is_public(link.document)
    )
    doc = link.document
    assert client.get(f"/api/documents/{doc.pk}/").status_code == 200
    withdraw_paper(link, "Replaced by the report to the next meeting.", actor=TEST_ACTOR)
    data = client.get("/api/tombstones/?type=documents").json()
    withdrawn = [t for t in data["results"] if t["reason"] == "withdrawn"]
    assert withdrawn == [
        {
            "type": "documents",
            "id": doc.pk,
            "deleted": True,
            "reason": "withdrawn",
            "at": withdrawn[0]["at"],
            "note": "Replaced by the report to the next meeting.",
            "meeting": {
                "id": link.item.meeting_id,
                "url": f"http://testserver/api/meetings/{link.item.meeting_id}/",
            },
        }
    ]
    assert withdrawn[0]["at"]


def test_tombstone_filters_are_checked(client):
    response = client.get("/api/tombstones/?type=cats")
    assert response.status_code == 400
    assert response.json()["error"]["parameters"] == ["type"]
