"""Exempt information never leaks (issue 4 §1).

A unique string is planted in an exempt report, an exempt appendix of a public report, an
exempt agenda item's own text and a confidential minutes document. Then every public surface is
crawled — every page reachable from "/", the sitemap, feeds and calendars linked from pages,
PDF packs and papers (bytes and extracted text), error pages, the back office signed out — first
signed out, then signed in as a councillor who does not sit on the body. The string must appear
nowhere. New public surfaces are covered as long as something public links to them.
"""

from __future__ import annotations

import io
import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.auth.models import User
from django.test import Client
from pypdf import PdfReader

from access.models import Account
from meetings.models import AgendaItem, Meeting, Part
from moot import testing as t
from papers import services
from papers.models import Classification, Document, DocumentKind, Report
from papers.packs import request_pack, run_pack

pytestmark = pytest.mark.django_db
CANARY = "CANARY-d41c9e-never-public"
SKIP_PREFIXES = ("/static/", "/admin/logout", "/sign-out/")
LIMIT = 1500  # pages; the demo council has a few hundred


@pytest.fixture
def planted(settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path
    meeting = Meeting.objects.get(body__slug="policy-and-resources-cabinet-committee",
                                  date="2017-09-15")
    exempt_item = meeting.items.get(number="14")
    exempt_item.purpose = f"To receive {CANARY} item purpose"
    exempt_item.motion_text = f"{CANARY} motion"
    exempt_item.save()

    def paper(item, title, classification, paragraph=None, parent=None, kind=DocumentKind.REPORT):
        doc = services.save_document(Document(
            title=title, classification=classification, exempt_paragraph=paragraph, parent=parent,
            kind=kind, label="Appendix Z" if parent else ""))
        secret = f"<p>{CANARY} in the text.</p>" if doc.is_restricted else ""
        services.add_version(doc, html=f"<p>{title} body.</p>{secret}")
        if parent is None:
            services.attach(item, doc)
        Report.objects.get_or_create(document=doc, defaults={"no_background_documents": True})
        return doc

    paper(exempt_item, f"Exempt report {CANARY}", Classification.EXEMPT, 3)
    public_item = meeting.items.get(number="12")
    public = paper(public_item, "Public report with an exempt appendix", Classification.UNRESTRICTED)
    paper(public_item, f"Exempt appendix {CANARY}", Classification.EXEMPT, 1, parent=public,
          kind=DocumentKind.APPENDIX)
    minutes_item = meeting.items.get(number="4")
    paper(minutes_item, f"Confidential minute {CANARY}", Classification.CONFIDENTIAL,
          kind=DocumentKind.MINUTES)
    public_pack = run_pack(request_pack(meeting, enqueue=False).pk)
    members_pack = run_pack(request_pack(meeting, "members", enqueue=False).pk)
    return meeting, public_pack, members_pack


def text_of(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/pdf"):
        assert CANARY.encode() not in body
        return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(body)).pages)
    return body.decode("utf-8", errors="replace")


def links(url: str, text: str) -> set[str]:
    found = set()
    for href in re.findall(r'(?:href|src)="([^"#]+)', text) + re.findall(r"<loc>([^<]+)</loc>", text):
        parts = urlsplit(urljoin(url, href.replace("&amp;", "&")))
        if parts.netloc not in ("", "testserver", "127.0.0.1:8000", "localhost"):
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path.startswith("/") and not path.startswith(SKIP_PREFIXES):
            found.add(path)
    return found


def crawl(client: Client, extra: list[str]) -> dict[str, int]:
    seen: dict[str, int] = {}
    queue = deque(["/", "/sitemap.xml", *extra])
    while queue and len(seen) < LIMIT:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.status_code
        assert response.status_code < 500, url
        if response.status_code in (301, 302):
            queue.append(response["Location"])
            continue
        text = text_of(response)
        assert CANARY not in text, f"{url} shows exempt information"
        if "html" in response.get("Content-Type", "") or "xml" in response.get("Content-Type", ""):
            queue.extend(links(url, text) - seen.keys())
    return seen


def restricted_addresses(meeting: Meeting) -> list[str]:
    """Guessable addresses of the restricted papers: they must be 404s without the canary."""
    urls = []
    for doc in Document.objects.filter(title__contains=CANARY):
        urls += [f"/meetings/{meeting.pk}/{meeting.slug}/papers/{doc.pk}/",
                 f"/meetings/{meeting.pk}/papers/{doc.pk}/",
                 f"/meetings/{meeting.pk}/{meeting.slug}/papers/{doc.pk}/pdf/"]
    return urls + ["/no-such-page/", "/meetings/999999/", "/admin/", "/admin/papers/document/",
                   f"/media/packs/{meeting.slug}-members-pack.pdf"]


def check_planted(meeting, members_pack) -> None:
    """The positive control: the canary really is in the record and in the members' pack."""
    assert Document.objects.filter(title__contains=CANARY).count() == 3
    assert AgendaItem.objects.filter(meeting=meeting, part=Part.EXEMPT, purpose__contains=CANARY)
    pdf = members_pack.file.open("rb").read()
    assert CANARY in "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)


def test_the_public_never_sees_exempt_information(planted):
    meeting, public_pack, members_pack = planted
    check_planted(meeting, members_pack)
    seen = crawl(Client(), restricted_addresses(meeting))
    assert f"/meetings/{meeting.pk}/{meeting.slug}/" in seen
    assert any(u.endswith("agenda-reports-pack.pdf") for u in seen), "the public pack was crawled"
    assert any("/papers/" in u and seen[u] == 200 for u in seen), "public papers were crawled"
    assert len(seen) > 100
    for url in restricted_addresses(meeting)[:-5]:
        assert seen[url] == 404, url


def test_a_councillor_not_on_the_body_sees_no_more(planted):
    meeting, _, members_pack = planted
    person = t.person("Notonbody")
    user = User.objects.create_user("outsider", password="Long-enough-pass-1")
    Account.objects.create(user=user, person=person)
    client = t.verified_login(Client(), user)
    seen = crawl(client, restricted_addresses(meeting))
    assert len(seen) > 100
