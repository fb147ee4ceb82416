"""The meeting's packs in the workspace: versions and progress, the fragment the page polls
while a build runs, downloads for democratic services, and rebuilding with a reason. No PDF
is rendered: builds are queued (the worker is not run) and a built pack's file is a stand-in."""

from __future__ import annotations

import re

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from access.models import ExemptAccess
from audit.testing import TEST_ACTOR
from moot import testing as t
from papers import packs
from papers.models import AgendaPack, PackKind, PackStatus
from publishing import services
from publishing.tests import builders as b

from .helpers import officer, others, text

pytestmark = pytest.mark.django_db


def url(meeting, rest: str = "") -> str:
    return f"/office/meetings/{meeting.pk}/packs/{rest}"


def built(pack: AgendaPack, pages: int = 12) -> AgendaPack:
    """Mark a queued pack built, with a stand-in file (as the worker would, without
    rendering)."""
    pack.file.save(f"pack-{pack.pk}.pdf", ContentFile(b"%PDF-1.4 stand-in"), save=False)
    pack.status, pack.progress, pack.page_count, pack.size = PackStatus.BUILT, 100, pages, 17
    pack.built_at = timezone.now()
    pack.save()
    return pack


def published():
    """A published meeting: its public and members' packs queued by publication."""
    meeting = b.meeting()
    b.paper(meeting, "2", "Highways programme")
    services.publish_agenda(meeting, actor=b.OPERATOR)
    return meeting


def pack(meeting, kind: str = PackKind.PUBLIC) -> AgendaPack:
    return AgendaPack.objects.get(meeting=meeting, kind=kind, supplement=0)


def polls(html: str) -> bool:
    return bool(re.search(r'id="pack-builds"[^>]*hx-trigger="every 2s"', html))


def test_building_packs_poll_their_progress_until_built():
    meeting = published()
    AgendaPack.objects.filter(pk=pack(meeting).pk).update(status=PackStatus.BUILDING, progress=40)
    client = officer()
    response = client.get(url(meeting))
    html = response.content.decode()
    assert response.status_code == 200 and polls(html)
    assert f'hx-get="/office/meetings/{meeting.pk}/packs/progress/"' in html
    page = text(response)
    assert "2 pack builds are in progress." in page
    assert "Public reports pack" in page and "Building 40% done" in page
    assert "Members' pack" in page and "Queued" in page
    assert "Refresh the packs' progress to see how the build is going." in page  # without JS
    fragment = client.get(url(meeting, "progress/"))
    assert fragment.status_code == 200 and polls(fragment.content.decode())
    assert f'href="{url(meeting)}"' in client.get("/office/").content.decode()  # my work
    assert "<html" not in fragment.content.decode()
    built(pack(meeting))
    built(pack(meeting, PackKind.MEMBERS))
    fragment = client.get(url(meeting, "progress/"))
    html = fragment.content.decode()
    assert not polls(html) and "hx-get" not in html.split('id="pack-status"')[0]
    assert "Refresh" not in html
    assert '<p id="pack-status" hx-swap-oob="innerHTML">Every pack is built.</p>' in html
    assert "Download the PDF" in html and "12 pages" in html


def test_each_version_is_listed_newest_first_with_its_reason():
    meeting = published()
    built(pack(meeting))
    again = packs.request_pack(meeting, reason="A page was missing", actor=TEST_ACTOR)
    AgendaPack.objects.filter(pk=again.pk).update(status=PackStatus.FAILED, message="Boom")
    built(pack(meeting, PackKind.MEMBERS))
    page = text(officer().get(url(meeting)))
    public = page[page.index("Public reports pack Versions") : page.index("Members' pack")]
    assert public.index("2 Failed") < public.index("1 Built")
    assert "Reason: A page was missing" in public and "Boom" in public
    assert "The latest build of the public reports pack failed." in page


def test_a_rebuild_after_publication_needs_its_reason():
    meeting = published()
    built(pack(meeting))
    client = officer()
    before = AgendaPack.objects.count()
    with t.writes_nothing():
        refused = client.post(url(meeting), {"kind": "public", "reason": ""})
    assert refused.status_code == 400
    assert "Give the reason for rebuilding it" in text(refused)
    assert AgendaPack.objects.count() == before
    response = client.post(url(meeting), {"kind": "public", "reason": "Appendix misprinted"})
    assert response.status_code == 302 and response["Location"] == url(meeting)
    rebuilt = AgendaPack.objects.filter(meeting=meeting, kind="public").latest("pk")
    assert rebuilt.reason == "Appendix misprinted" and rebuilt.status == PackStatus.QUEUED
    page = text(client.get(url(meeting)))
    assert "A new version of the public reports pack is queued to build." in page


def test_bad_input_is_refused():
    meeting = published()
    for data, message in [
        ({"kind": "secret"}, "Choose the public reports pack or the members' pack."),
        ({}, "Choose the pack to rebuild."),
        ({"kind": "public", "reason": "x" * 501}, "at most 500 characters"),
    ]:
        with t.writes_nothing():
            refused = officer().post(url(meeting), data)
        assert refused.status_code == 400 and message in text(refused), data


def test_a_meeting_without_items_cannot_have_a_pack():
    meeting = t.meeting(t.body(), b.MEETING_DAY)
    page = text(officer().get(url(meeting)))
    assert "No pack has been built for this meeting." in page
    with t.writes_nothing():
        refused = officer().post(url(meeting), {"kind": "public"})
    assert refused.status_code == 400 and "has no agenda items" in text(refused)


def test_downloads_are_for_democratic_services_and_the_members_pack_is_logged():
    meeting = published()
    public = built(pack(meeting))
    members = built(pack(meeting, PackKind.MEMBERS))
    client = officer()
    response = client.get(url(meeting, f"{public.pk}/download/"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert not ExemptAccess.objects.exists()
    assert client.get(url(meeting, f"{members.pk}/download/")).status_code == 200
    logged = ExemptAccess.objects.get()
    assert logged.action == "download" and logged.meeting == meeting
    other = published()
    assert client.get(url(other, f"{public.pk}/download/")).status_code == 404
    queued = packs.request_pack(meeting, reason="Again", actor=TEST_ACTOR)
    assert client.get(url(meeting, f"{queued.pk}/download/")).status_code == 404
    for who, other_client, status in others():
        got = other_client.get(url(meeting, f"{members.pk}/download/"))
        assert got.status_code == status, who
    assert ExemptAccess.objects.count() == 1


def test_only_democratic_services_see_or_rebuild_packs():
    meeting = published()
    count = AgendaPack.objects.count()
    for who, client, status in others():
        for page in ("", "progress/"):
            assert client.get(url(meeting, page)).status_code == status, who
        with t.writes_nothing():
            posted = client.post(url(meeting), {"kind": "public", "reason": "Mine"})
        assert posted.status_code == status, who
    assert AgendaPack.objects.count() == count
    assert officer().post(url(meeting, "progress/")).status_code == 405
