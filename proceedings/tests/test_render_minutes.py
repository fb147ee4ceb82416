"""The minutes rendered from the record: the committee form of attendance, paragraphs and
sub-points, declarations, an amendment carried and the amended motion decided by the chair's
casting vote, an election, an undertaking, and an exempt minute kept out of the public form."""

from __future__ import annotations

import re

import pytest

from audit.testing import TEST_ACTOR
from proceedings.actions import add_action
from proceedings.attendance import record_attendance, record_declaration
from proceedings.elections import add_election
from proceedings.minutes import add_minute, add_resolution, publish_minutes
from proceedings.render.build import build
from proceedings.render.html import exempt_html, public_html
from proceedings.render.names import vote_name
from proceedings.votes import add_motion, agree_election, record_vote

from .conftest import person


def words(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace(" ,", ",")


@pytest.fixture
def record(committee):
    c = committee
    m = c.members
    record_attendance(c.meeting, m[0], "present", in_chair=True, actor=TEST_ACTOR)
    for member in m[1:6]:
        record_attendance(c.meeting, member, "present", actor=TEST_ACTOR)
    record_attendance(c.meeting, c.outsider, "present", substitute_for=m[7], actor=TEST_ACTOR)
    record_attendance(c.meeting, m[6], "apologies", actor=TEST_ACTOR)
    record_attendance(c.meeting, person("Visitor", "Dr", "V"), "also_present", actor=TEST_ACTOR)
    record_attendance(
        c.meeting,
        c.officer,
        "in_attendance",
        capacity="Head of ICT",
        items=[c.items[1]],
        actor=TEST_ACTOR,
    )
    minute = add_minute(
        c.meeting,
        "Member ICT",
        item=c.items[1],
        number=8,
        text="The Committee received a report on tablets.\n\n"
        "Members raised:\n(a) battery life;\n(b) training.",
        actor=TEST_ACTOR,
    )
    record_declaration(
        c.meeting,
        c.items[1],
        m[2],
        "other",
        "He is a governor of a school supplied by the contractor",
        "took_part",
        actor=TEST_ACTOR,
    )
    original = add_motion(
        c.meeting,
        "substantive",
        "That the tablets be replaced.",
        mover=m[1],
        seconder=m[2],
        item=c.items[1],
        actor=TEST_ACTOR,
    )
    amendment = add_motion(
        c.meeting,
        "amendment",
        "Add “in 2017”.",
        mover=m[3],
        seconder=m[4],
        item=c.items[1],
        amends=original,
        resulting_text="That the tablets be replaced in 2017.",
        actor=TEST_ACTOR,
    )
    record_vote(amendment, "show_of_hands", counts=(4, 2, 0), actor=TEST_ACTOR)
    amended = original.__class__.objects.get(arose_from=amendment)
    record_vote(amended, "show_of_hands", counts=(3, 3, 0), casting_vote="for", actor=TEST_ACTOR)
    add_resolution(
        minute,
        "RESOLVED that:",
        ["the tablets be replaced in 2017;", "officers report on training."],
        delegated_to="the Head of ICT",
        in_consultation_with="the Chairman",
        actor=TEST_ACTOR,
    )
    add_action(
        c.meeting,
        "Mr Member3 undertook to circulate the training dates.",
        kind="undertaking",
        owner=m[3],
        minute=minute,
        actor=TEST_ACTOR,
    )
    election_minute = add_minute(
        c.meeting, "Election of Vice-Chairman", item=c.items[0], actor=TEST_ACTOR
    )
    election = add_election(
        c.meeting, "vice_chair", m[5], m[1], m[2], item=c.items[0], actor=TEST_ACTOR
    )
    agree_election(election, actor=TEST_ACTOR)
    add_minute(
        c.meeting,
        "Contract prices",
        item=c.items[2],
        text="Prices were 4 million.",
        exempt=True,
        exempt_paragraph=3,
        summary_not_needed=True,
        actor=TEST_ACTOR,
    )
    publish_minutes(c.meeting, actor=TEST_ACTOR)
    c.election_minute = election_minute
    return c


def test_committee_form_attendance(record):
    text = words(public_html(record.meeting))
    assert (
        "MINUTES of a meeting of the Test Scrutiny Committee on Tuesday, 27 September 2016." in text
    )
    assert (
        "PRESENT: Mr A Member0 (Chairman), Mr A Member1, Mr A Member2, Mr A Member3, "
        "Mr A Member4, Mr A Member5 and Mrs B Outsider (Substitute for Mr A Member7)" in text
    )
    assert "ALSO PRESENT: Dr V Visitor" in text
    assert "IN ATTENDANCE: Ms C Officer (Head of ICT; for item 2)" in text
    assert "APOLOGIES: Mr A Member6" in text


def test_paragraphs_motions_and_votes(record):
    text = words(public_html(record.meeting))
    assert "8. Member ICT (Item 2)" in text
    assert (
        "(1) The Committee received a report on tablets. "
        "(2) Members raised: (a) battery life; (b) training." in text
    )
    assert (
        "(3) Mr Member2 declared an interest: He is a governor of a school supplied by "
        "the contractor. Mr Member2 took part in the discussion." in text
    )
    assert (
        "(4) Mr Member1 moved and Mr Member2 seconded the following motion: "
        "“That the tablets be replaced.”" in text
    )
    assert (
        "(5) Mr Member3 moved and Mr Member4 seconded the following amendment: "
        "“Add “in 2017”.”" in text
    )
    assert (
        "(6) The Chairman put the amendment to the vote and the votes cast were as "
        "follows: For (4) Against (2) Abstain (0) Amendment carried" in text
    )
    assert (
        "(7) The amendment having been carried, the substantive motion read: "
        "“That the tablets be replaced in 2017.”" in text
    )
    assert (
        "(8) The Chairman put the motion to the vote and the votes cast were as follows: "
        "For (3) Against (3) Abstain (0) The votes being equal, the Chairman gave a casting "
        "vote for the motion. Motion carried" in text
    )
    assert "(9) Mr Member3 undertook to circulate the training dates." in text
    assert (
        "(10) RESOLVED that: (a) the tablets be replaced in 2017; (b) officers report on "
        "training. Decision delegated to the Head of ICT, in consultation with the Chairman."
        in text
    )
    assert "superseded" not in text


def test_election(record):
    text = words(public_html(record.meeting))
    number = record.election_minute.number
    assert (
        f"{number}. Election of Vice-Chairman (Item 1) Mr Member1 proposed and Mr Member2 "
        "seconded that Mr A Member5 be elected Vice-Chairman. Agreed without a vote." in text
    )


def test_exempt_minute_only_in_the_exempt_form(record):
    public = public_html(record.meeting)
    assert "4 million" not in public and "Contract prices" not in public
    assert "Exempt business (Item 3)" in public
    exempt = words(exempt_html(record.meeting))
    assert "EXEMPT ITEMS (Open access to minutes prohibited)" in exempt
    assert "Contract prices (Item 3)" in exempt and "Prices were 4 million." in exempt
    assert "paragraph 3 of Part 1 of Schedule 12A" in exempt
    assert "Member ICT" not in exempt


def test_status_until_approval(record):
    doc = build(record.meeting)
    assert doc.unconfirmed and doc.status_label == "Draft – unconfirmed"


def test_vote_names_come_from_the_record(committee):
    p = person("Allen", "Mrs", "A D")
    assert vote_name(p) == "Mrs A Allen"
    assert vote_name(p, {p.pk: "Mrs Ann Allen"}) == "Mrs Ann Allen"


def test_a_vote_taken_inquorate_is_noted_in_the_minutes(committee):
    c = committee
    record_attendance(
        c.meeting, c.members[0], "present", in_chair=True, actor=TEST_ACTOR
    )  # quorum is 2 of 8
    minute = add_minute(
        c.meeting, "Late business", item=c.items[0], text="A vote was taken.", actor=TEST_ACTOR
    )
    motion = add_motion(
        c.meeting,
        "substantive",
        "That the report be noted.",
        mover=c.members[0],
        item=c.items[0],
        actor=TEST_ACTOR,
    )
    record_vote(motion, "show_of_hands", counts=(1, 0, 0), actor=TEST_ACTOR)
    add_resolution(minute, "RESOLVED that the report be noted.", motion=motion, actor=TEST_ACTOR)
    publish_minutes(c.meeting, actor=TEST_ACTOR)
    text = words(public_html(c.meeting))
    assert "Note: Vote taken inquorate: 1 member present, quorum 2." in text
