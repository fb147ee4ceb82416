"""Every public page type at 320 CSS px (a 1280 px screen at 400 % zoom, WCAG 2.2 1.4.10
Reflow): the page never scrolls sideways (a wide table scrolls in its own labelled region,
``{% scroll_region %}``) and axe-core finds no violations. A held meeting's and an upcoming
meeting's agenda pack link is on a phone's first screen (375 × 667)."""

from __future__ import annotations

import datetime as dt
from pprint import pformat

import pytest
from django.urls import reverse

from council.models import Body, BodyKind, Membership, Role
from meetings.models import Meeting
from proceedings.public import public_recorded_votes, public_resolutions, published_meetings

from .helpers import PR, body, meeting, publish
from .papers_setup import make_papers, pack, paper_url
from .publication_setup import future_meeting
from .test_browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The page is no wider than the window; what overflows is inside a region that scrolls itself.
WIDTH = """() => {
  const wide = [...document.querySelectorAll('body *')].filter(el => {
    if (el.getBoundingClientRect().right <= innerWidth + 0.5) return false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return false;
    }
    return true;
  });
  return {scroll: document.documentElement.scrollWidth, inner: innerWidth,
          wide: wide.slice(0, 3).map(el => el.outerHTML.slice(0, 120))};
}"""
# Every data table scrolls in a labelled, focusable region (the site's, or a paper's own); a
# report's header (a layout table, role="presentation") stacks on a phone instead.
LOOSE_TABLES = """() => [...document.querySelectorAll('main table:not([role=presentation])')]
.filter(t => {
  const region = t.closest('.moot-scroll-region, .moot-table');
  return !(region && region.getAttribute('tabindex') === '0' &&
           (region.getAttribute('aria-label') || region.getAttribute('aria-labelledby')));
}).map(t => t.outerHTML.slice(0, 120))"""


@pytest.fixture
def record(demo_council, settings, tmp_path):
    """The demo with the test papers and built packs on a held meeting, the held meeting with
    published minutes and an upcoming meeting with a published agenda."""
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path
    papers = make_papers()
    minuted = published_meetings().select_related("body").order_by("date").first()
    upcoming = publish(future_meeting())
    for m in (papers.meeting, minuted, upcoming):
        pack(m, pages=6)
    return papers, minuted, upcoming


def public_pages(papers, minuted: Meeting, upcoming: Meeting) -> dict[str, str]:
    """One page of every public page type, found in the record."""
    pr = body(PR)
    chairman = Membership.objects.filter(body=pr, role=Role.CHAIRMAN).first().person
    outside = Body.objects.filter(kind=BodyKind.OUTSIDE_BODY, memberships__isnull=False).first()
    decision = public_resolutions().order_by("pk").first()
    voter = public_recorded_votes().select_related("vote", "person").order_by("pk").first()
    held = meeting(PR, dt.date(2017, 9, 15))  # with an exempt item
    minutes = (minuted.pk, minuted.slug)
    return {
        "home": reverse("website:home"),
        "committees": reverse("website:committees"),
        "committee": pr.get_absolute_url(),
        "meeting-held": held.get_absolute_url(),
        "meeting-minuted": minuted.get_absolute_url(),
        "meeting-upcoming": upcoming.get_absolute_url(),
        "history": reverse("publishing:history", args=[held.pk]),
        "paper": paper_url(papers.meeting, papers.report),
        "paper-appendix-table": paper_url(papers.meeting, papers.appendix),
        "paper-pdf": paper_url(papers.meeting, papers.pdf),
        "calendar": reverse("website:calendar_month", args=["2017", "09"]),
        "members": reverse("website:members"),
        "former-members": reverse("website:former_members"),
        "member": chairman.get_absolute_url(),
        "voting-record": reverse("decisions:voting_record", args=[voter.person.slug]),
        "outside-bodies": reverse("website:outside_bodies"),
        "outside-body": reverse("website:outside_body", args=[outside.slug]),
        "decisions": reverse("decisions:register"),
        "decision": reverse("decisions:decision", args=[decision.pk]),
        "vote": reverse("decisions:vote", args=[voter.vote.pk]),
        "search": reverse("search:search") + "?q=contract",
        "api": reverse("api:docs"),
        "subscribe": reverse("feeds:subscribe"),
        "subscribe-sent": reverse("feeds:sent"),
        "accessibility": reverse("website:accessibility"),
        "minutes": reverse("proceedings:minutes", args=minutes),
        "minutes-versions": reverse("proceedings:minutes_versions", args=minutes),
        "minutes-version": reverse("proceedings:minutes_version", args=[*minutes, 1]),
        "sign-in": reverse("access:sign_in"),
        "not-found": "/meetings/999999/",
    }


def check(page, axe, url: str) -> dict:
    """What is wrong with the page at the current width (nothing: an empty dict)."""
    problems = {}
    width = page.evaluate(WIDTH)
    if width["scroll"] > width["inner"] or width["wide"]:
        problems["sideways"] = width
    if loose := page.evaluate(LOOSE_TABLES):
        problems["tables outside a scroll region"] = loose
    if violations := axe(page):
        problems["axe"] = violations
    return problems


def test_no_page_scrolls_sideways_at_320_px(live_server, record, page, axe):
    papers, minuted, upcoming = record
    page.set_viewport_size({"width": 320, "height": 640})
    failures, statuses = {}, {}
    for name, path in public_pages(papers, minuted, upcoming).items():
        response = page.goto(live_server.url + path)
        statuses[name] = response.status
        if problems := check(page, axe, path):
            failures[f"{name} {path}"] = problems
    page.goto(live_server.url + reverse("search:search") + "?q=contract")
    assert page.locator(".moot-search-results > li").count() > 0  # the search found something
    # The members' pages, as a councillor of the committee signed in with both factors.
    chairman = Membership.objects.filter(body=body(PR), role=Role.CHAIRMAN).first().person
    sign_in(page, live_server, chairman)
    for name, path in {
        "consent": reverse("summons:consent"),
        "restricted-paper": reverse(
            "website:restricted_paper", args=[papers.meeting.pk, papers.exempt.pk]
        ),
    }.items():
        response = page.goto(live_server.url + path)
        statuses[name] = response.status
        if problems := check(page, axe, path):
            failures[f"{name} {path}"] = problems
    assert {n: s for n, s in statuses.items() if s != 200} == {"not-found": 404}
    assert failures == {}, pformat(failures)


def test_the_pack_link_is_on_a_phones_first_screen(live_server, record, page):
    papers, minuted, upcoming = record
    page.set_viewport_size({"width": 375, "height": 667})
    for m in (papers.meeting, minuted, upcoming):
        page.goto(live_server.url + m.get_absolute_url())
        link = page.get_by_role("link", name="Agenda reports pack")
        box = link.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 667, (m, box)
        assert page.evaluate("() => scrollY") == 0
