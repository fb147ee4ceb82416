"""Each page's query count is fixed: adding meetings, members and items must not add queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audit.testing import TEST_ACTOR
from council.models import (
    Body,
    BodyKind,
    Division,
    GroupMembership,
    Membership,
    Person,
    PoliticalGroup,
    Role,
    TermOfOffice,
)
from meetings.models import AgendaItem, Meeting
from papers import services
from papers import testing as files

from .helpers import PR, body, meeting, publish
from .papers_setup import document, pack

pytestmark = pytest.mark.django_db

SEPT_15 = dt.date(2017, 9, 15)


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx)


def grow_the_record(n: int = 5) -> None:
    """More of everything the list pages show: councillors, seats, meetings, items, bodies."""
    pr = body(PR)
    group = PoliticalGroup.objects.first()
    on_day = meeting(PR, SEPT_15)
    chairman = Membership.objects.filter(body=pr, role=Role.CHAIRMAN).first().person
    for i in range(n):
        p = Person.objects.create(title="Mr", initials="Q", surname=f"Extra{i}", slug=f"extra-{i}")
        division = Division.objects.create(name=f"Extra Division {i}", slug=f"extra-division-{i}")
        for term in (
            TermOfOffice.objects.filter(person__terms__isnull=False)
            .values_list("start", "end")
            .distinct()[:2]
        ):
            TermOfOffice.objects.create(person=p, division=division, start=term[0], end=term[1])
        GroupMembership.objects.create(person=p, group=group, start=dt.date(2000, 1, 1))
        Membership.objects.create(
            body=pr,
            person=p,
            role=Role.SUBSTITUTE,
            start=dt.date(2017, 1, 1),
            end=dt.date(2017, 12, 31),
        )
        Membership.objects.create(
            body=pr,
            person=None,
            role=Role.MEMBER,
            start=dt.date(2017, 1, 1),
            end=dt.date(2017, 12, 31),
        )
        other = Body.objects.create(
            name=f"Extra Committee {i}",
            slug=f"extra-committee-{i}",
            category=f"Extra category {i % 2}",
            parent=pr,
        )
        Membership.objects.create(
            body=other, person=chairman, role=Role.MEMBER, start=dt.date(2016, 1, 1)
        )
        outside = Body.objects.create(
            name=f"Extra Outside {i}", slug=f"extra-outside-{i}", kind=BodyKind.OUTSIDE_BODY
        )
        Membership.objects.create(
            body=outside, person=p, role=Role.REPRESENTATIVE, start=dt.date(2016, 1, 1)
        )
        Meeting.objects.create(body=other, date=SEPT_15, venue=on_day.venue, status="cancelled")
        Meeting.objects.create(
            body=pr, date=dt.date(2016, 1, 1) + dt.timedelta(days=i), venue=on_day.venue
        )
        parent = AgendaItem.objects.create(
            meeting=on_day, number=f"X{i}", title="Extra", order=1000 + i, mover=p, seconder=p
        )
        AgendaItem.objects.create(
            meeting=on_day, number=f"X{i}(a)", title="Sub", parent=parent, order=2000 + i
        )
        AgendaItem.objects.create(
            meeting=on_day,
            number=f"E{i}",
            title="Exempt",
            part="exempt",
            exempt_paragraph=1 + i % 7,
            order=3000 + i,
        )


def urls() -> list[str]:
    councillor = Membership.objects.filter(body=body(PR), role=Role.CHAIRMAN).first().person
    return [
        "/",
        "/committees/",
        body(PR).get_absolute_url(),
        meeting(PR, SEPT_15).get_absolute_url(),
        "/calendar/2017/09/",
        "/members/",
        "/members/former/",
        councillor.get_absolute_url(),
        "/outside-bodies/",
    ]


def test_query_counts_do_not_grow_with_the_record(client):
    publish(meeting(PR, SEPT_15))  # its agenda and papers are shown
    pages = urls()
    before = {url: count(client, url) for url in pages}
    grow_the_record()
    after = {url: count(client, url) for url in pages}
    assert after == before


# The home page checks which recent papers are published (+1); the meeting page whether the
# agenda is published and which papers it made public (+2), and which of its papers are on
# exempt business anywhere, so never public (+1, ``papers.models.remember_exempt_items``), and
# the body's agenda template, for the wording of the exempt part (+1,
# ``meetings.agenda_templates.exempt_part``).
# The calendar lists the committees for its filter (+1).
@pytest.mark.parametrize(
    "index, limit",
    [
        (0, 5),
        (1, 2),
        (2, 9),
        (3, 14),
        (4, 4),
        (5, 5),
        (6, 6),
        (7, 11),
        (8, 3),
    ],
)
def test_query_count_bounds(client, django_assert_max_num_queries, index, limit):
    publish(meeting(PR, SEPT_15))
    grow_the_record(3)
    url = urls()[index]
    with django_assert_max_num_queries(limit):
        assert client.get(url).status_code == 200


def add_papers(m, n: int) -> None:
    """More papers of every kind on the meeting: reports with public and exempt appendices,
    uploaded PDFs, exempt reports, and a supplementary pack."""
    for i in range(n):
        target = m.items.filter(parent__isnull=True).order_by("order")[i % 5]
        report = document(f"Extra report {i}", html=f"<p>Report {i}</p>")
        document(f"Extra appendix {i}", label="Appendix A", parent=report, html="<p>A</p>")
        document(
            f"Extra exempt appendix {i}",
            label="Appendix B",
            parent=report,
            paragraph=3,
            html="<p>B</p>",
        )
        services.attach(target, report, actor=TEST_ACTOR)
        services.attach(target, document(f"Extra upload {i}", pdf=files.pdf(1)), actor=TEST_ACTOR)
        services.attach(
            target, document(f"Extra exempt {i}", paragraph=1, html="<p>E</p>"), actor=TEST_ACTOR
        )
    pack(m, supplement=n)


def test_meeting_page_queries_do_not_grow_with_papers(client, papers):
    url = papers.meeting.get_absolute_url()
    before = count(client, url)
    add_papers(papers.meeting, 4)
    publish(papers.meeting)  # the papers added are public too
    assert count(client, url) == before
    assert before <= 14  # as test_query_count_bounds: the template is one of them


def test_paper_page_queries_do_not_grow_with_appendices(client, papers):
    from .papers_setup import paper_url

    url = paper_url(papers.meeting, papers.report)
    before = count(client, url)
    for i in range(4):
        document(
            f"More appendix {i}",
            label=f"Appendix {'CDEF'[i]}",
            parent=papers.report,
            html="<p>More</p>",
            paragraph=None if i % 2 else 2,
        )
    assert count(client, url) == before
