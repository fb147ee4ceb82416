"""The clerk's decisions while minuting: whether what the clerk submits records something new
or corrects what is already recorded, and what is refused.

The minute-taking screen (``clerking``) sends one submission at a time: the attendance marks
of the members, a substitute, an officer in attendance, a vote on a motion. Each function
here decides, in one transaction, whether that is a new entry (``record_attendance``,
``record_vote``) or a correction of the existing one (``change_attendance``,
``correct_vote``), and calls that service, which validates and writes the audit entries.
Only democratic services record the proceedings (docs/architecture.md); the actor is required.

Every refusal is a ``PermissionDenied`` or a ``ValidationError`` with a plain message, and
nothing is saved: a batch of attendance marks is saved whole or not at all.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction

from audit.actors import Actor
from council.models import Person
from council.services import save_person
from meetings.models import Meeting
from publishing.state import require_democratic_services

from . import attendance as att
from . import votes
from .models import Attendance, AttendanceStatus, Motion, Vote, VoteMethod
from .rules import member_ids

S = AttendanceStatus
MARKS = (S.PRESENT, S.APOLOGIES, S.ABSENT)
NOT_IN_RECORD = "The vote names someone who is not in the record."


def check_may_clerk(actor: Actor) -> None:
    """Only democratic services officers (or a system actor: a command, the demo) record the
    proceedings of a meeting; anyone else, signed out included, is refused."""
    require_democratic_services(
        actor, "Only democratic services record the proceedings of a meeting."
    )


# Attendance -----------------------------------------------------------------------------------


def mark_attendance(
    meeting: Meeting, marks: Mapping[int | str, str], *, actor: Actor
) -> list[tuple[Person, str]]:
    """Mark members of the meeting's body present, apologies or absent: ``marks`` maps a
    person's id (as posted: an int or digits) to the status. A member not yet listed is
    recorded; a member listed with another status is corrected; a member already so marked
    is left alone. Returns the (person, status) pairs changed, in the order of the body's
    members.

    Refuses (nothing saved): an actor who is not democratic services; a status other than
    present, apologies or absent; anyone who is not a member of the body on the day (others
    are substitutes, also present or in attendance); and whatever ``record_attendance`` and
    ``change_attendance`` refuse (approved minutes, someone who moved or voted marked absent).
    """
    check_may_clerk(actor)
    for value in marks.values():
        if value not in MARKS:
            raise ValidationError(f"“{value}” is not present, apologies or absent.")
    members = list(Person.objects.filter(pk__in=member_ids(meeting.body_id, meeting.date)))
    given = {str(key): value for key, value in marks.items()}
    if set(given) - {str(p.pk) for p in members}:
        raise ValidationError(
            f"Only members of {meeting.body} on {meeting.date.day} {meeting.date:%B %Y} are "
            "marked present, apologies or absent here; add anyone else as a substitute, also "
            "present or an officer in attendance."
        )
    done: list[tuple[Person, str]] = []
    with transaction.atomic():
        existing = {a.person_id: a for a in Attendance.objects.filter(meeting=meeting)}
        for person in members:
            mark = given.get(str(person.pk))
            if mark is None:
                continue
            entry = existing.get(person.pk)
            if entry is None:
                att.record_attendance(meeting, person, mark, actor=actor)
            elif entry.status != mark:
                att.change_attendance(entry, status=mark, actor=actor)
            else:
                continue
            done.append((person, mark))
    return done


def add_substitute(
    meeting: Meeting, person: Person, substitute_for: Person, *, actor: Actor
) -> Attendance:
    """Record ``person`` present as the substitute for the member ``substitute_for``. A member
    not yet in the attendance is recorded as having sent apologies first (a substitute stands
    in for someone absent); a member already listed keeps their entry.

    Refuses (nothing saved) a non-clerk actor and whatever ``record_attendance`` refuses: a
    substitute for someone present, not a member, or already substituted.
    """
    check_may_clerk(actor)
    with transaction.atomic():
        if not Attendance.objects.filter(meeting=meeting, person=substitute_for).exists():
            att.record_attendance(meeting, substitute_for, S.APOLOGIES, actor=actor)
        return att.record_attendance(
            meeting, person, S.PRESENT, substitute_for=substitute_for, actor=actor
        )


def add_officer(
    meeting: Meeting,
    *,
    capacity: str,
    person: Person | None = None,
    title: str = "",
    initials: str = "",
    surname: str = "",
    actor: Actor,
) -> Attendance:
    """Record an officer in attendance with their job title: someone already in the record
    (``person``), or a new person named by ``title``, ``initials`` and ``surname``.

    Refuses (nothing saved): a non-clerk actor; neither a person nor a surname, or both; no
    job title; and whatever ``record_attendance`` refuses (someone listed twice).
    """
    check_may_clerk(actor)
    surname, capacity = surname.strip(), capacity.strip()
    if person is None and not surname:
        raise ValidationError("Choose the officer, or give a new officer's surname.")
    if person is not None and surname:
        raise ValidationError("Choose an officer or give a new name, not both.")
    if not capacity:
        raise ValidationError({"capacity": "Give the officer's job title."})
    with transaction.atomic():
        if person is None:
            person = save_person(
                Person(title=title.strip(), initials=initials.strip(), surname=surname),
                actor=actor,
            )
        return att.record_attendance(
            meeting, person, S.IN_ATTENDANCE, capacity=capacity, actor=actor
        )


# Votes ----------------------------------------------------------------------------------------


def _named_people(names: Mapping[int | str, str]) -> list[tuple[Person, str]]:
    """(person, choice) pairs for the ids a recorded vote names (as posted: ints or digits)."""
    wanted: dict[int, str] = {}
    for key, choice in names.items():
        try:
            wanted[int(key)] = choice
        except (TypeError, ValueError):
            raise ValidationError(NOT_IN_RECORD) from None
    people = Person.objects.in_bulk(list(wanted))
    if len(people) != len(wanted):
        raise ValidationError(NOT_IN_RECORD)
    return [(people[pk], choice) for pk, choice in wanted.items()]


def record_or_correct_vote(
    motion: Motion,
    method: str,
    *,
    counts: tuple[int, int, int] | None = None,
    names: Mapping[int | str, str] | None = None,
    majority: str,
    casting_vote: str = "",
    actor: Actor,
) -> Vote:
    """Take down the vote on ``motion``: recorded if there is none yet, otherwise the vote
    already recorded is corrected to this one (its method, counts, names and majority rule).

    A show of hands gives ``counts`` (for, against, abstain). A recorded vote gives ``names``
    (a person's id to their choice) and may give the announced ``counts``, checked against
    the names. Every name given goes to the vote service, which refuses anyone absent, not
    entitled or named twice; nothing is silently dropped.

    Refuses (nothing saved): a non-clerk actor; a method other than show of hands or recorded
    vote; a show of hands without counts; names of nobody in the record; and whatever
    ``record_vote`` and ``correct_vote`` refuse.
    """
    check_may_clerk(actor)
    if method == VoteMethod.SHOW_OF_HANDS:
        if counts is None:
            raise ValidationError("Give the numbers for, against and abstaining.")
        choices: list[tuple[Person, str]] = []
    elif method == VoteMethod.RECORDED:
        choices = _named_people(names or {})
    else:
        raise ValidationError("Record the vote as a show of hands or a recorded vote.")
    with transaction.atomic():
        Motion.objects.select_for_update().filter(pk=motion.pk).first()
        vote = Vote.objects.filter(motion=motion).first()
        if vote is None:
            return votes.record_vote(
                motion,
                method,
                counts=counts,
                choices=choices,
                majority=majority,
                casting_vote=casting_vote,
                actor=actor,
            )
        return votes.correct_vote(
            vote,
            method=method,
            counts=counts,
            choices=choices,
            majority=majority,
            casting_vote=casting_vote,
            actor=actor,
        )
