"""No cached page outlives the change that withdraws it (docs/statutory-rules.md §1B;
website/cache.py, audit/generation.py).

With Moot's public page cache on, the public pages of a meeting, its committee, the
calendar, feeds, search, the API, the modern.gov service and the sitemap are warmed (each
fetched twice, the second answer coming from the cache) while they show a text; then one kind
of change is made through its service, committed as in production; then those pages and
what they link to are crawled. A text the change withdrew (a withdrawn paper, a paper
reclassified as exempt, a minute made exempt, words corrected, a member who left) must appear
nowhere, and what the change added (a publication, a supplement, minutes, a cancellation, a
new date, a new name) must show at the first request.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from dataclasses import dataclass, field

import pytest
from django.test import Client

from access.tests.crawling import links, text_of
from audit.testing import TEST_ACTOR
from council.models import Body, Membership, Person, Role
from council.services import appoint, end_membership, save_body, save_person
from meetings.models import AgendaItem, Meeting, MeetingStatus
from meetings.services import save_agenda_item, save_meeting
from papers import services as papers
from papers.models import Classification, Document, DocumentKind
from proceedings.approval import Correction, approve_minutes, sign_minutes
from proceedings.attendance import record_attendance
from proceedings.minutes import add_minute, edit_minute, publish_minutes
from publishing.changes import reclassify_paper, withdraw_paper
from publishing.services import publish_agenda
from publishing.supplements import publish_supplement
from website import cache
from website.tests.page_cache_setup import page_cache_on
from website.tests.publication_setup import future_meeting, on_time

pytestmark = pytest.mark.django_db

CRAWL_LIMIT = 120  # pages after each change: the watched ones and what they link to


@pytest.fixture
def cached(settings, tmp_path):
    page_cache_on(settings, tmp_path)
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path / "files"


@dataclass
class Watch:
    """The public pages watched, fetched by one signed-out visitor."""

    urls: list[str]
    client: Client = field(default_factory=Client)

    def warm(self) -> str:
        """Every watched page fetched twice, the second answer from the cache (a 200 is kept);
        their text."""
        texts = []
        for url in self.urls:
            self.client.get(url)
            response = self.client.get(url)
            if response.status_code == 200:
                assert response[cache.STATUS] == "hit", url
            texts.append(text_of(response))
        return "\n".join(texts)

    def crawl(self) -> dict[str, str]:
        """The watched pages and what they link to, as the public now gets them: their text
        by address."""
        seen: set[str] = set()
        texts = {}
        queue = deque(self.urls)
        while queue and len(seen) < CRAWL_LIMIT:
            url = queue.popleft()
            if url in seen:
                continue
            seen.add(url)
            response = self.client.get(url)
            assert response.status_code < 500, url
            if response.status_code in (301, 302):
                queue.append(response["Location"])
                continue
            body = texts[url] = text_of(response)
            if "html" in response.get("Content-Type", "") or "xml" in response["Content-Type"]:
                queue.extend(sorted(links(url, body) - seen))
        return texts

    def change(self, capture, make, *, gone=(), shown=()) -> dict[str, str]:
        """``make`` the change, committed (its after-commit work run) once the pages are in
        the cache: ``gone`` shown before and nowhere after, ``shown`` only after. Returns the
        pages crawled after it, their text by address."""
        before = self.warm()
        for text in gone:
            assert text in before, f"{text!r} was not on the watched pages to begin with"
        for text in shown:
            assert text not in before, text
        with capture(execute=True):
            make()
        after = self.crawl()
        for text in gone:
            found = [url for url, page in after.items() if text in page]
            assert not found, f"{text!r} is still shown after its change: {found}"
        everything = "\n".join(after.values())
        for text in shown:
            assert text in everything, f"{text!r} not shown at the first request after its change"
        return after


def public_pages(meeting: Meeting, *words: str) -> list[str]:
    body = meeting.body
    return [
        meeting.get_absolute_url(),
        f"/meetings/{meeting.pk}/{meeting.slug}/minutes/",
        f"/meetings/{meeting.pk}/{meeting.slug}/minutes/versions/",
        f"/meetings/{meeting.pk}/history/",
        f"/committees/{body.slug}/",
        f"/calendar/{meeting.date:%Y/%m}/",
        "/decisions/",
        f"/feeds/committees/{body.slug}.rss",
        f"/feeds/committees/{body.slug}.ics",
        "/feeds/meetings.atom",
        *[f"/search/?q={word}" for word in words],
        f"/api/meetings/{meeting.pk}/",
        f"/mgWebService.asmx/GetMeeting?lMeetingId={meeting.pk}",
        "/sitemap.xml",
    ]


def html_paper(title: str, text: str) -> Document:
    doc = papers.save_document(Document(title=title, kind=DocumentKind.OTHER), actor=TEST_ACTOR)
    papers.add_version(doc, html=f"<p>{text}</p>", actor=TEST_ACTOR)
    return doc


def test_agenda_changes_are_never_served_stale(cached, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    m = future_meeting()
    budget = html_paper("Budget report Quillfeather", "The Quillfeather figures in full.")
    papers.attach(m.items.get(number="2"), budget, actor=TEST_ACTOR)
    watch = Watch(public_pages(m, "Quillfeather", "Brackenlode"))

    # Publication: the agenda and its paper at the first request.
    watch.change(
        capture,
        lambda: publish_agenda(m, now=on_time(m), actor=TEST_ACTOR),
        shown=["Budget report Quillfeather"],
    )
    watch.urls.append(f"/meetings/{m.pk}/{m.slug}/papers/{budget.pk}/")

    # A supplement: the late paper at the first request.
    late = html_paper("Late annex Brackenlode", "The Brackenlode annex text.")
    link = papers.attach(m.items.get(number="1"), late, actor=TEST_ACTOR)
    watch.change(
        capture,
        lambda: publish_supplement(m, actor=TEST_ACTOR),
        shown=["Late annex Brackenlode", "The Brackenlode annex text."],
    )

    # A withdrawal: the paper, its text and its page gone at once.
    watch.urls.append(f"/meetings/{m.pk}/{m.slug}/papers/{late.pk}/")
    watch.change(
        capture,
        lambda: withdraw_paper(link, "Sent to the wrong meeting.", actor=TEST_ACTOR),
        gone=["The Brackenlode annex text."],
    )

    # A reclassification as exempt: its title and its text on no public page any more.
    watch.change(
        capture,
        lambda: reclassify_paper(
            Document.objects.get(pk=budget.pk),
            Classification.EXEMPT,
            3,
            reason="Commercially sensitive figures.",
            actor=TEST_ACTOR,
        ),
        gone=["Budget report Quillfeather", "The Quillfeather figures in full."],
    )

    # Rescheduled, then cancelled: the new date, then the notice, at the first request.
    def reschedule():
        fresh = Meeting.objects.get(pk=m.pk)
        fresh.date = dt.date(2030, 1, 22)
        save_meeting(fresh, actor=TEST_ACTOR)

    watch.change(capture, reschedule, shown=["22 January 2030"], gone=["15 January 2030"])

    def cancel():
        fresh = Meeting.objects.get(pk=m.pk)
        fresh.status = MeetingStatus.CANCELLED
        save_meeting(fresh, actor=TEST_ACTOR)

    watch.change(capture, cancel, shown=["This meeting has been cancelled"])


@pytest.fixture
def sitting(db):
    """A committee of five that met on 1 June 2017 and again on 6 July 2017 (both before the
    demo's today), a minute on each item of the first meeting."""
    body = save_body(Body(name="Cache Watch Committee", seats=5), actor=TEST_ACTOR)
    people = [
        save_person(Person(title="Mr", initials="A", surname=name), actor=TEST_ACTOR)
        for name in ("Chairfirst", "Chairlater", "Memberthree", "Memberfour", "Thornwaldby")
    ]
    start = dt.date(2017, 5, 1)
    appoint(body, people[0], Role.CHAIRMAN, start=start, actor=TEST_ACTOR)
    for p in people[1:]:
        appoint(body, p, Role.MEMBER, start=start, actor=TEST_ACTOR)
    first, later = (
        save_meeting(Meeting(body=body, date=day), default_venue=False, actor=TEST_ACTOR)
        for day in (dt.date(2017, 6, 1), dt.date(2017, 7, 6))
    )
    for n in (1, 2):
        save_agenda_item(
            AgendaItem(meeting=first, number=str(n), title=f"Item {n}"), actor=TEST_ACTOR
        )
    record_attendance(first, people[0], "present", in_chair=True, actor=TEST_ACTOR)
    record_attendance(later, people[1], "present", in_chair=True, actor=TEST_ACTOR)
    for p in people[2:4]:
        record_attendance(first, p, "present", actor=TEST_ACTOR)
    return body, people, first, later


def test_minutes_and_membership_changes_are_never_served_stale(
    cached, sitting, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    body, people, m, later = sitting
    contract = add_minute(
        m,
        "Depot contract",
        item=m.items.get(number="1"),
        text="The Committee heard the Gallowmere tender figures.",
        actor=TEST_ACTOR,
    )
    roads = add_minute(
        m,
        "Roads",
        item=m.items.get(number="2"),
        text="The Committee agreed the Westbarrow scheme.",
        actor=TEST_ACTOR,
    )
    watch = Watch(public_pages(m, "Gallowmere", "Westbarrow"))

    # Minutes published as a draft: at the first request.
    watch.change(
        capture,
        lambda: publish_minutes(m, actor=TEST_ACTOR),
        shown=["The Committee heard the Gallowmere tender figures."],
    )

    # A minute found to be exempt after publication: its words go from every public page.
    watch.change(
        capture,
        lambda: edit_minute(
            contract,
            exempt=True,
            exempt_paragraph=3,
            public_summary="The Committee considered a contract.",
            actor=TEST_ACTOR,
        ),
        gone=["The Committee heard the Gallowmere tender figures."],
    )

    # Approved with a correction at the later meeting, then signed. The draft as published
    # stays public as a version of the record; the minutes themselves are corrected at once.
    approving = add_minute(later, "Minutes of the meeting held on 1 June 2017", actor=TEST_ACTOR)
    after = watch.change(
        capture,
        lambda: approve_minutes(
            m,
            approving,
            [Correction(roads, "text", "Westbarrow scheme", "Eastbarrow scheme")],
            actor=TEST_ACTOR,
        ),
        shown=["agreed the Eastbarrow scheme"],
    )
    minutes = f"/meetings/{m.pk}/{m.slug}/minutes/"
    assert "agreed the Eastbarrow scheme" in after[minutes]
    assert "Westbarrow" not in after[minutes] and "Westbarrow" not in after[m.get_absolute_url()]
    watch.change(
        capture,
        lambda: sign_minutes(m, people[1], dt.date(2017, 7, 6), actor=TEST_ACTOR),
        shown=["signed by Mr A Chairlater"],
    )

    # A member leaves and the committee is renamed: the committee's page, at once.
    def leave():
        end_membership(
            Membership.objects.get(body=body, person=people[4]),
            dt.date(2017, 8, 1),
            actor=TEST_ACTOR,
        )

    watch.urls = [f"/committees/{body.slug}/", "/committees/"]
    watch.change(capture, leave, gone=["Thornwaldby"])

    def rename():
        fresh = Body.objects.get(pk=body.pk)
        fresh.name = "Cache Watch Renamed Committee"
        save_body(fresh, actor=TEST_ACTOR)

    watch.change(capture, rename, shown=["Cache Watch Renamed Committee"])
