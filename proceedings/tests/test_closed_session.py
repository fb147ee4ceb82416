"""Whatever is minuted in closed session is exempt on every surface (``proceedings.public``):
a motion on a public item, or on no item, whose resolution is in an exempt minute, the
amendments of its debate, its vote and each member's vote; and the public minutes never
attach such a motion to a public minute."""

from __future__ import annotations

import pytest
from django.test import Client

from audit.testing import TEST_ACTOR
from meetings.models import AgendaItem, Part
from meetings.services import save_agenda_item
from proceedings import public
from proceedings.attendance import record_attendance
from proceedings.minutes import add_minute, add_resolution, publish_minutes
from proceedings.models import Declaration
from proceedings.render.html import exempt_html, public_html
from proceedings.votes import add_motion, record_vote

SECRET = "SECRET-closed-session-9f2"


@pytest.fixture
def closed(committee):
    c = committee
    for person in c.members[:4]:
        record_attendance(c.meeting, person, "present", actor=TEST_ACTOR)
    public_minute = add_minute(
        c.meeting, "Budget", item=c.items[0], text="The report was noted.", actor=TEST_ACTOR
    )
    # Closed session on the public item, and closed session on no item (a resolution records
    # a motion on its own minute's item: proceedings.rules.check_resolution_motion).
    exempt_minute = add_minute(
        c.meeting,
        "Budget (closed session)",
        item=c.items[0],
        exempt=True,
        exempt_paragraph=3,
        summary_not_needed=True,
        actor=TEST_ACTOR,
    )
    exempt_no_item = add_minute(
        c.meeting,
        "Other business (closed session)",
        exempt=True,
        exempt_paragraph=3,
        summary_not_needed=True,
        actor=TEST_ACTOR,
    )
    on_item = add_motion(
        c.meeting,
        "substantive",
        f"{SECRET} on item 1",
        item=c.items[0],
        mover=c.members[0],
        seconder=c.members[1],
        actor=TEST_ACTOR,
    )
    amendment = add_motion(
        c.meeting,
        "amendment",
        f"{SECRET} amendment",
        item=c.items[0],
        amends=on_item,
        mover=c.members[2],
        seconder=c.members[3],
        actor=TEST_ACTOR,
    )
    on_no_item = add_motion(
        c.meeting,
        "substantive",
        f"{SECRET} on no item",
        mover=c.members[1],
        seconder=c.members[2],
        actor=TEST_ACTOR,
    )
    open_motion = add_motion(
        c.meeting,
        "substantive",
        "That the report be noted",
        item=c.items[0],
        mover=c.members[0],
        seconder=c.members[2],
        actor=TEST_ACTOR,
    )
    votes = [
        (c.members[0], "for"),
        (c.members[1], "for"),
        (c.members[2], "for"),
        (c.members[3], "against"),
    ]
    for motion in (on_item, on_no_item, open_motion):
        record_vote(motion, "recorded", counts=(3, 1, 0), choices=votes, actor=TEST_ACTOR)
    add_resolution(exempt_minute, f"RESOLVED that {SECRET}.", motion=on_item, actor=TEST_ACTOR)
    add_resolution(
        exempt_no_item, f"RESOLVED that {SECRET} too.", motion=on_no_item, actor=TEST_ACTOR
    )
    add_resolution(
        public_minute, "RESOLVED that the report be noted.", motion=open_motion, actor=TEST_ACTOR
    )
    publish_minutes(c.meeting, actor=TEST_ACTOR)
    c.motions = dict(on_item=on_item, amendment=amendment, on_no_item=on_no_item, open=open_motion)
    return c


def test_motions_resolved_in_an_exempt_minute_are_closed_with_their_debate(closed):
    m = closed.motions
    assert public.closed_motion_ids(closed.meeting) == {
        m["on_item"].pk,
        m["amendment"].pk,
        m["on_no_item"].pk,
    }
    assert set(public.public_motions().filter(meeting=closed.meeting)) == {m["open"]}
    assert set(public.public_votes().filter(motion__meeting=closed.meeting)) == {m["open"].vote}
    assert set(
        public.public_recorded_votes()
        .filter(vote__motion__meeting=closed.meeting)
        .values_list("vote_id", flat=True)
    ) == {m["open"].vote.pk}
    assert not public.public_resolutions().filter(text__contains=SECRET).exists()


def test_public_minutes_never_attach_a_closed_motion_to_a_public_minute(closed):
    html = public_html(closed.meeting)
    assert "That the report be noted" in html
    assert SECRET not in html
    # The exempt minutes carry the closed motions, under the minute that resolved them.
    assert f"{SECRET} on item 1" in exempt_html(closed.meeting)
    assert f"{SECRET} on no item" in exempt_html(closed.meeting)


def test_no_public_surface_shows_a_closed_motion_or_its_votes(closed, client: Client):
    m = closed.motions
    for motion in ("on_item", "on_no_item"):
        assert client.get(f"/votes/{m[motion].vote.pk}/").status_code == 404
        assert client.get(f"/api/motions/{m[motion].pk}/").status_code == 404
        assert client.get(f"/api/votes/{m[motion].vote.pk}/").status_code == 404
    assert client.get(f"/votes/{m['open'].vote.pk}/").status_code == 200
    meeting = closed.meeting.pk
    for url in (
        f"/api/motions/?meeting={meeting}",
        f"/api/votes/?meeting={meeting}",
        "/api/popolo.json",
        f"/members/{closed.members[3].slug}/votes/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET not in response.content.decode(), url
    listed = client.get(f"/api/motions/?meeting={meeting}").content.decode()
    assert "That the report be noted" in listed


def test_declarations_and_minutes_on_a_sub_item_of_an_exempt_item_are_closed(committee):
    c = committee
    exempt = c.items[2]
    exempt.part, exempt.exempt_paragraph = Part.EXEMPT, 3
    save_agenda_item(exempt, actor=TEST_ACTOR)
    sub = save_agenda_item(
        AgendaItem(
            meeting=c.meeting, parent=exempt, number="3(a)", title="Terms", part=Part.PUBLIC
        ),
        actor=TEST_ACTOR,
    )
    record_attendance(c.meeting, c.members[0], "present", actor=TEST_ACTOR)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="closed session"):
        add_minute(c.meeting, "Terms", item=sub, actor=TEST_ACTOR)
    Declaration.objects.create(
        meeting=c.meeting,
        item=sub,
        person=c.members[0],
        nature="other",
        text=SECRET,
        participation="took_part",
    )
    add_minute(
        c.meeting,
        "Terms",
        item=sub,
        exempt=True,
        exempt_paragraph=3,
        summary_not_needed=True,
        actor=TEST_ACTOR,
    )
    publish_minutes(c.meeting, actor=TEST_ACTOR)
    assert not public.public_declarations().filter(text=SECRET).exists()
    assert not public.public_minutes().filter(item=sub).exists()
    assert SECRET not in public_html(c.meeting)


def test_a_gate_queryset_built_before_the_motion_was_closed_still_hides_it(committee):
    # Querysets built once and reused (the API's resources) must follow the record.
    c = committee
    record_attendance(c.meeting, c.members[0], "present", actor=TEST_ACTOR)
    motion = add_motion(
        c.meeting, "substantive", f"{SECRET} later closed", item=c.items[0], actor=TEST_ACTOR
    )
    add_minute(c.meeting, "Budget", item=c.items[0], text="Debated.", actor=TEST_ACTOR)
    publish_minutes(c.meeting, actor=TEST_ACTOR)
    built = public.public_motions().filter(meeting=c.meeting)
    assert list(built) == [motion]
    closed = add_minute(
        c.meeting,
        "Closed session",
        item=c.items[0],
        exempt=True,
        exempt_paragraph=3,
        summary_not_needed=True,
        actor=TEST_ACTOR,
    )
    add_resolution(closed, "RESOLVED that it be agreed.", motion=motion, actor=TEST_ACTOR)
    assert list(built.all()) == []
