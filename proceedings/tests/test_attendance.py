"""Attendance, quorum and declarations of interest."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from council.models import Person
from council.services import save_person
from proceedings.attendance import (
    is_quorate,
    quorum,
    record_attendance,
    record_declaration,
    record_nil_declarations,
)
from proceedings.models import Attendance, Declaration, Procedure, QuorumKind

P, APOL, ALSO, OFF = "present", "apologies", "also_present", "in_attendance"


def test_present_chair_substitute_officer_for_an_item(committee):
    c = committee
    chair = record_attendance(c.meeting, c.members[0], P, in_chair=True, actor=TEST_ACTOR)
    record_attendance(c.meeting, c.members[2], APOL, actor=TEST_ACTOR)
    sub = record_attendance(c.meeting, c.outsider, P, substitute_for=c.members[2], actor=TEST_ACTOR)
    off = record_attendance(
        c.meeting,
        c.officer,
        OFF,
        capacity="Head of Democratic Services",
        items=[c.items[1]],
        actor=TEST_ACTOR,
    )
    assert chair.in_chair and sub.substitute_for == c.members[2]
    assert list(off.items.all()) == [c.items[1]]
    assert AuditEntry.objects.filter(object_id=str(sub.pk)).exists()


def test_second_chair_refused(committee):
    c = committee
    record_attendance(c.meeting, c.members[0], P, in_chair=True, actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="already recorded in the chair"):
        record_attendance(c.meeting, c.members[1], P, in_chair=True, actor=TEST_ACTOR)
    assert Attendance.objects.filter(meeting=c.meeting).count() == 1


def test_person_listed_once(committee):
    c = committee
    record_attendance(c.meeting, c.members[1], APOL, actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="already listed"):
        record_attendance(c.meeting, c.members[1], P, actor=TEST_ACTOR)


def test_non_member_cannot_be_present_but_can_be_also_present(committee):
    c = committee
    with pytest.raises(ValidationError, match="not a member.*also present"):
        record_attendance(c.meeting, c.outsider, P, actor=TEST_ACTOR)
    record_attendance(c.meeting, c.outsider, ALSO, actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="record them as present"):
        record_attendance(c.meeting, c.members[3], ALSO, actor=TEST_ACTOR)


def test_substitute_rules(committee):
    c = committee
    stranger = save_person(Person(title="Mr", initials="Z", surname="Stranger"), actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="not a member of"):
        record_attendance(c.meeting, c.outsider, P, substitute_for=stranger, actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="cannot also sit as a substitute"):
        record_attendance(c.meeting, c.members[1], P, substitute_for=c.members[2], actor=TEST_ACTOR)
    record_attendance(c.meeting, c.members[3], P, actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="is present"):
        record_attendance(c.meeting, c.outsider, P, substitute_for=c.members[3], actor=TEST_ACTOR)
    record_attendance(c.meeting, c.outsider, P, substitute_for=c.members[4], actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="already substituting"):
        record_attendance(c.meeting, stranger, P, substitute_for=c.members[4], actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="substituting for"):
        record_attendance(c.meeting, c.members[4], P, actor=TEST_ACTOR)


def test_items_only_for_officers_and_nothing_saved(committee):
    c = committee
    with pytest.raises(ValidationError, match="Only officers"):
        record_attendance(c.meeting, c.members[1], P, items=[c.items[0]], actor=TEST_ACTOR)
    assert not Attendance.objects.filter(meeting=c.meeting).exists()


def test_quorum_default_quarter_and_body_rules(committee):
    c = committee
    assert quorum(c.meeting) == 2  # ceil(8 / 4)
    assert not is_quorate(c.meeting)
    record_attendance(c.meeting, c.members[0], P, actor=TEST_ACTOR)
    record_attendance(c.meeting, c.members[1], P, actor=TEST_ACTOR)
    assert is_quorate(c.meeting)
    proc = Procedure.objects.create(body=c.body, quorum_numerator=1, quorum_denominator=3)
    assert quorum(c.meeting) == 3  # ceil(8 / 3): the HWB rule
    proc.quorum_kind, proc.quorum_number = QuorumKind.FIXED, 5
    proc.save()
    assert quorum(c.meeting) == 5
    proc.quorum_kind = QuorumKind.NONE
    proc.save()
    assert quorum(c.meeting) == 0


def test_fixed_quorum_needs_a_number(committee):
    with pytest.raises(ValidationError, match="needs a number"):
        Procedure(body=committee.body, quorum_kind=QuorumKind.FIXED).full_clean()


def test_declarations(committee):
    c = committee
    record_attendance(c.meeting, c.members[1], P, actor=TEST_ACTOR)
    d = record_declaration(
        c.meeting,
        c.items[2],
        c.members[1],
        "other_significant",
        "Member of the Planning Applications Committee; will not pre-determine",
        "took_part",
        actor=TEST_ACTOR,
    )
    assert d.pk
    with pytest.raises(ValidationError, match="not recorded as present"):
        record_declaration(
            c.meeting, c.items[2], c.members[5], "other", "x", "took_part", actor=TEST_ACTOR
        )
    with pytest.raises(ValidationError, match="dispensation"):
        record_declaration(
            c.meeting, c.items[2], c.members[1], "dpi", "Owns land", "took_part", actor=TEST_ACTOR
        )
    record_declaration(
        c.meeting,
        c.items[2],
        c.members[1],
        "dpi",
        "Owns land",
        "took_part",
        dispensation="Standards Committee, 2016",
        actor=TEST_ACTOR,
    )
    with pytest.raises(ValidationError, match="cannot record that there were none"):
        record_nil_declarations(c.meeting, actor=TEST_ACTOR)


def test_nil_return_blocks_declarations(committee):
    c = committee
    record_attendance(c.meeting, c.members[1], P, actor=TEST_ACTOR)
    record_nil_declarations(c.meeting, actor=TEST_ACTOR)
    with pytest.raises(ValidationError, match="no declarations"):
        record_declaration(
            c.meeting, c.items[0], c.members[1], "other", "x", "left_room", actor=TEST_ACTOR
        )
    assert not Declaration.objects.filter(meeting=c.meeting).exists()
