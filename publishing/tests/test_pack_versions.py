"""The packs of a published agenda: the published version of each paper, never a later draft;
a rebuild is a new version with a reason, and the earlier one stays retrievable; a paper made
exempt or withdrawn leaves every public pack (papers/packs.py, publishing/versions.py)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from audit.testing import TEST_ACTOR
from moot import pdf_text
from papers import packs
from papers import services as papers
from papers.models import AgendaPack, Classification, PackKind, PackStatus
from publishing import services, supplements

from . import builders as b

pytestmark = pytest.mark.django_db
DRAFT = "Unapproved redraft of the budget"


def text(pack) -> str:
    return pdf_text.text(pack.file.open("rb").read())


def build(meeting, kind=PackKind.PUBLIC, **kw):
    return packs.run_pack(
        packs.request_pack(meeting, kind, enqueue=False, actor=TEST_ACTOR, **kw).pk,
        actor=TEST_ACTOR,
    )


def run_queued(meeting):
    return [
        packs.run_pack(p.pk, actor=TEST_ACTOR)
        for p in AgendaPack.objects.filter(meeting=meeting, status=PackStatus.QUEUED).order_by("pk")
    ]


@pytest.fixture
def published(officer):
    meeting = b.meeting()
    link = b.paper(meeting, "2", "Budget")
    services.publish_agenda(meeting, actor=officer, now=b.BEFORE)
    run_queued(meeting)  # the packs published with the agenda
    return meeting, link


def test_packs_rebuilt_after_a_draft_hold_the_published_version(published):
    meeting, link = published
    papers.add_version(link.document, html=f"<p>{DRAFT}</p>", actor=TEST_ACTOR)
    public = build(meeting, reason="Print quality")
    members = build(meeting, PackKind.MEMBERS, reason="Print quality")
    for pack in (public, members):
        assert "Budget text." in text(pack)
        assert DRAFT not in text(pack)


def test_a_proof_before_publication_holds_the_drafts(officer):
    meeting = b.meeting()
    link = b.paper(meeting, "2", "Budget")
    papers.add_version(link.document, html=f"<p>{DRAFT}</p>", actor=TEST_ACTOR)
    assert DRAFT in text(build(meeting))


def test_a_rebuild_after_publication_needs_a_reason(published):
    meeting, _ = published
    with pytest.raises(ValidationError) as refused:
        packs.request_pack(meeting, enqueue=False, reason="  ", actor=TEST_ACTOR)
    assert "Give the reason for rebuilding it" in refused.value.messages[0]
    assert AgendaPack.objects.filter(meeting=meeting, kind=PackKind.PUBLIC).count() == 1


def test_a_rebuild_is_a_new_version_listed_in_the_public_history(published, officer):
    meeting, _ = published
    first = packs.latest(meeting)
    late = b.paper(meeting, "3", "Late report")  # attached since: it goes in a supplement
    rebuilt = build(meeting, reason="The page numbers were misprinted")
    assert rebuilt.pk != first.pk and rebuilt.reason == "The page numbers were misprinted"
    assert rebuilt.papers == first.papers and late.pk not in rebuilt.papers
    page = Client().get(reverse("publishing:history", args=[meeting.pk])).content.decode()
    assert "The page numbers were misprinted" in page
    for pack in (first, rebuilt):
        url = reverse("publishing:pack_version", args=[meeting.pk, pack.pk])
        assert url in page
        response = Client().get(url)
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    # The publication-time pack is still the one it was.
    assert (
        b"".join(
            Client()
            .get(reverse("publishing:pack_version", args=[meeting.pk, first.pk]))
            .streaming_content
        )
        == first.file.open("rb").read()
    )


def test_the_back_office_build_asks_for_the_reason(published, admin_client):
    meeting, _ = published
    url = reverse("admin:papers_meeting_packs", args=[meeting.pk])
    assert 'name="reason"' in admin_client.get(url).content.decode()
    admin_client.post(url, {"kind": "public"})
    assert AgendaPack.objects.filter(meeting=meeting, kind=PackKind.PUBLIC).count() == 1
    page = admin_client.get(url).content.decode()
    assert "Give the reason for rebuilding it" in page
    admin_client.post(url, {"kind": "public", "reason": "Corrected cover"})
    assert AgendaPack.objects.filter(meeting=meeting, reason="Corrected cover").exists()


def test_a_paper_reclassified_exempt_leaves_every_public_pack(published, officer, admin_client):
    meeting, link = published
    first = packs.latest(meeting)
    assert "Budget text." in text(first)
    services.reclassify_paper(
        link.document,
        Classification.EXEMPT,
        3,
        reason="Commercially sensitive figures",
        actor=officer,
    )
    first.refresh_from_db()
    assert first.withdrawn_at is not None and first.file  # kept for the record
    assert packs.latest(meeting) is None  # nothing public until the new version is built
    pack_url = reverse("website:agenda_pack", args=[meeting.pk, meeting.slug])
    assert Client().get(pack_url).status_code == 404
    old_url = reverse("publishing:pack_version", args=[meeting.pk, first.pk])
    assert Client().get(old_url).status_code == 404
    (rebuilt,) = run_queued(meeting)
    assert rebuilt.supplement == 0 and rebuilt.reason.startswith("Rebuilt: A paper (item 2)")
    assert "Budget text." not in text(rebuilt) and "Document is Restricted" in text(rebuilt)
    assert Client().get(pack_url).status_code == 200
    history = Client().get(reverse("publishing:history", args=[meeting.pk])).content.decode()
    assert "Withdrawn from public inspection" in history and old_url not in history
    assert "Commercially sensitive" not in history and "Budget" not in history
    # Democratic services still retrieve the withdrawn version.
    download = admin_client.get(reverse("admin:papers_pack_download", args=[first.pk]))
    assert download.status_code == 200


def test_reclassifying_refuses_without_a_reason_or_by_others(published, officer):
    meeting, link = published
    with pytest.raises(ValidationError):
        services.reclassify_paper(
            link.document, Classification.EXEMPT, 3, reason=" ", actor=officer
        )
    with pytest.raises(PermissionDenied):
        services.reclassify_paper(
            link.document,
            Classification.EXEMPT,
            3,
            reason="x",
            actor=b.user(democratic_services=False),
        )
    with pytest.raises(ValidationError):
        services.reclassify_paper(
            link.document, Classification.EXEMPT, None, reason="x", actor=officer
        )
    link.document.refresh_from_db()
    assert link.document.classification == Classification.UNRESTRICTED
    assert packs.latest(meeting).withdrawn_at is None


def test_a_withdrawn_paper_leaves_every_public_pack(officer):
    meeting = b.meeting()
    link = b.paper(meeting, "2", "Budget")
    kept = b.paper(meeting, "3", "Roads")
    services.publish_agenda(meeting, actor=officer, now=b.BEFORE)
    run_queued(meeting)
    late = b.paper(meeting, "4", "Libraries")
    supplements.publish_supplement(meeting, actor=officer, now=b.BEFORE)
    run_queued(meeting)
    first = packs.latest(meeting)
    services.withdraw_paper(link, "Superseded by the February report", actor=officer)
    first.refresh_from_db()
    assert first.withdrawn_at is not None
    (rebuilt,) = run_queued(meeting)
    assert rebuilt.papers == [kept.pk]
    assert rebuilt.reason == "Rebuilt: Item 2: a paper was withdrawn."
    assert "Budget text." not in text(rebuilt) and "Roads text." in text(rebuilt)
    # The supplement did not hold the paper: it stays as it was.
    assert packs.latest(meeting, supplement=1).papers == [late.pk]
    assert packs.latest(meeting, supplement=1).withdrawn_at is None
