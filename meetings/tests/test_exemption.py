"""One rule for exempt business (``AgendaItem.is_exempt`` / ``exempt_item_q``): a sub-item of
an exempt item is exempt whatever its own part, on every surface; and a paper attached to
exempt business is never public (``Document.is_restricted`` / ``on_exempt_item_q``)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from audit.testing import TEST_ACTOR
from meetings.models import AgendaItem, Meeting, Part, exempt_item_q
from meetings.services import save_agenda_item
from papers import services
from papers.models import Classification, Document, DocumentKind, on_exempt_item_q
from papers.pack.build import front_sheet_html
from publishing.models import AgendaPublication
from publishing.public import is_public, public_q
from search.indexing import index_meetings

pytestmark = pytest.mark.django_db
SECRET = "SECRET-subitem-5be1"


@pytest.fixture
def meeting():
    return Meeting.objects.get(
        body__slug="policy-and-resources-cabinet-committee", date="2017-09-15"
    )


@pytest.fixture
def sub_item(meeting):
    parent = meeting.items.get(number="14")
    assert parent.part == Part.EXEMPT
    return save_agenda_item(
        AgendaItem(
            meeting=meeting,
            parent=parent,
            number="14(a)",
            title="Terms",
            part=Part.PUBLIC,
            purpose=f"To agree {SECRET}",
            order=parent.order + 1,
        ),
        actor=TEST_ACTOR,
    )


def test_a_sub_item_of_an_exempt_item_is_exempt_with_its_paragraph(meeting, sub_item):
    parent = sub_item.parent
    assert sub_item.is_exempt and sub_item.exemption_paragraph == parent.exempt_paragraph
    grandchild = save_agenda_item(
        AgendaItem(meeting=meeting, parent=sub_item, number="14(a)(i)", title="Detail"),
        actor=TEST_ACTOR,
    )
    exempt_ids = set(
        AgendaItem.objects.filter(exempt_item_q(), meeting=meeting).values_list("pk", flat=True)
    )
    assert {parent.pk, sub_item.pk, grandchild.pk} <= exempt_ids
    assert exempt_ids == {i.pk for i in meeting.items.all() if i.is_exempt}
    assert not meeting.items.get(number="12").is_exempt
    with pytest.raises(ValidationError, match="at most 2 levels"):
        save_agenda_item(
            AgendaItem(meeting=meeting, parent=grandchild, number="14(a)(i)(x)", title="Too deep"),
            actor=TEST_ACTOR,
        )


def test_the_meeting_page_front_sheet_and_search_hide_the_sub_item(meeting, sub_item, client):
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "14(a)" in page and SECRET not in page
    items = list(meeting.items.order_by("order", "pk"))
    sheet = front_sheet_html(meeting, {}, items, dt.date(2017, 9, 7))
    assert "Terms" in sheet and SECRET not in sheet
    index_meetings([meeting.pk])
    found = client.get("/search/?q=subitem").content.decode()
    assert SECRET not in found.replace("<mark>", "").replace("</mark>", "")
    item = client.get(f"/api/agenda_items/{sub_item.pk}/").json()
    assert item["exempt"] is True and item["purpose"] is None
    assert item["exempt_paragraph"] == sub_item.parent.exempt_paragraph


def _published_paper(meeting, item, title):
    doc = services.save_document(Document(title=title, kind=DocumentKind.OTHER), actor=TEST_ACTOR)
    version = services.add_version(doc, html=f"<p>{title} text.</p>", actor=TEST_ACTOR)
    link = services.attach(item, doc, actor=TEST_ACTOR)
    services.publish_version(version, actor=TEST_ACTOR)
    publication = AgendaPublication.objects.filter(meeting=meeting).order_by("number").first()
    publication.papers = [*publication.papers, link.pk]
    publication.save(update_fields=["papers"])
    return Document.objects.get(pk=doc.pk)


def test_a_paper_attached_to_exempt_business_takes_its_classification(meeting, sub_item):
    doc = _published_paper(meeting, sub_item, f"Briefing {SECRET}")
    assert doc.classification == Classification.EXEMPT
    assert doc.exempt_paragraph == sub_item.exemption_paragraph
    assert doc.is_restricted and not is_public(doc)


def test_a_paper_on_exempt_business_is_never_public_whatever_its_classification(
    meeting, sub_item, client
):
    doc = _published_paper(meeting, sub_item, f"Briefing {SECRET}")
    doc.classification, doc.exempt_paragraph = Classification.UNRESTRICTED, None
    services.save_document(
        doc, actor=TEST_ACTOR
    )  # reclassified by mistake while the item is exempt
    doc = Document.objects.get(pk=doc.pk)
    assert doc.is_restricted and not is_public(doc) and doc.withheld_paragraph == 3
    assert not Document.objects.filter(public_q(), pk=doc.pk).exists()
    assert Document.objects.filter(on_exempt_item_q(), pk=doc.pk).exists()
    assert client.get(f"/api/documents/{doc.pk}/").status_code == 404
    for url in (
        meeting.get_absolute_url(),
        f"/meetings/{meeting.pk}/{meeting.slug}/papers/{doc.pk}/",
        "/api/documents/?page_size=100&meeting=" + str(meeting.pk),
    ):
        assert SECRET not in client.get(url).content.decode(), url
    # A public paper of a public item stays public.
    public = _published_paper(meeting, meeting.items.get(number="12"), "Open briefing")
    assert public.classification == Classification.UNRESTRICTED and is_public(public)


def test_every_paragraph_of_schedule_12a_is_said_in_plain_english_beside_the_law():
    from meetings import exemption
    from meetings.models import ExemptParagraph

    for paragraph in ExemptParagraph.values:
        text = exemption.described(paragraph)
        assert text.endswith(f"– paragraph {paragraph} of Part 1 of Schedule 12A")
        assert text.startswith(("information", "legal advice"))
    assert exemption.described(None) == "Part 1 of Schedule 12A"
