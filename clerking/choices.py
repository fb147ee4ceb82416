"""Who and what each of the clerk's forms offers: the querysets behind its choices.

The screen offers them and the posted form is checked against them, so a choice the page did
not offer (someone absent as a mover, a councillor not on the body as a member) is refused.
"""

from __future__ import annotations

from django.db.models import OuterRef, Q, QuerySet, Subquery

from council.models import (
    Body,
    Membership,
    Person,
    PostHolding,
    PostKind,
    StatutoryDesignation,
    TermOfOffice,
)
from meetings.models import AgendaItem, ItemKind, Meeting
from papers.models import Report
from proceedings.models import Attendance, AttendanceStatus, Motion, MotionKind
from proceedings.rules import member_ids

S = AttendanceStatus


def members(meeting: Meeting) -> QuerySet[Person]:
    """The members of the meeting's body on its date."""
    return Person.objects.filter(pk__in=member_ids(meeting.body_id, meeting.date))


def _councillor_ids(meeting: Meeting) -> set[int]:
    return set(
        Membership.objects.on(meeting.date)
        .filter(person__isnull=False)
        .values_list("person_id", flat=True)
    )


def councillors_not_members(meeting: Meeting) -> QuerySet[Person]:
    """Councillors on the day who do not sit on this body: substitutes, also present."""
    ids = _councillor_ids(meeting) - member_ids(meeting.body_id, meeting.date)
    return Person.objects.filter(pk__in=ids)


def _known_officers() -> QuerySet[Person]:
    """People known as officers who have never been a councillor or a member of a body."""
    known = (
        Q(pk__in=PostHolding.objects.filter(post__kind=PostKind.OFFICER).values("person_id"))
        | Q(pk__in=StatutoryDesignation.objects.values("person_id"))
        | Q(pk__in=Body.objects.values("contact_officer_id"))
        | Q(pk__in=Meeting.objects.values("contact_id"))
        | Q(pk__in=Report.objects.values("author_id"))
        | Q(pk__in=Report.objects.values("director_id"))
        | Q(pk__in=Attendance.objects.filter(status=S.IN_ATTENDANCE).values("person_id"))
    )
    return (
        Person.objects.filter(known)
        .exclude(pk__in=Membership.objects.filter(person__isnull=False).values("person_id"))
        .exclude(pk__in=TermOfOffice.objects.values("person_id"))
    )


def _with_posts(people: QuerySet[Person], meeting: Meeting) -> QuerySet[Person]:
    """``people`` in name order, each with ``post``: the officer's post held on the day of
    the meeting, or ""."""
    post = (
        PostHolding.objects.filter(person=OuterRef("pk"), post__kind=PostKind.OFFICER)
        .filter(start__lte=meeting.date)
        .filter(Q(end__isnull=True) | Q(end__gte=meeting.date))
        .order_by("-start")
        .values("post__title")[:1]
    )
    return people.annotate(post=Subquery(post)).order_by("surname", "initials", "forenames", "pk")


def officers(meeting: Meeting) -> QuerySet[Person]:
    """The officers in the record, for "Officer in attendance": people known as officers (an
    officer's post or a statutory designation held, a body's contact officer, a meeting's
    contact, a report's author or director, an officer in attendance at a meeting) who have
    never been a councillor or a member of a body. Each has ``post``: the officer's post they
    held on the day of the meeting, or "".

    A member who once wrote a report is not an officer; an officer not yet in the record is
    added by name."""
    return _with_posts(_known_officers(), meeting)


def action_owners(meeting: Meeting) -> QuerySet[Person]:
    """Who may own an action or give an undertaking (``proceedings.actions``): the officers
    in the record (as ``officers``), and those at the meeting to answer to it rather than to
    vote: also present (a Cabinet Member: "Mr Hotson undertook to provide …") or in
    attendance. Not the body's members deciding the business; an owner not in the record is
    given by title ("Head of Highways")."""
    answering = Attendance.objects.filter(
        meeting=meeting, status__in=[S.ALSO_PRESENT, S.IN_ATTENDANCE]
    ).values("person_id")
    people = Person.objects.filter(Q(pk__in=_known_officers().values("pk")) | Q(pk__in=answering))
    return _with_posts(people, meeting)


def _attending(meeting: Meeting, *statuses: str) -> QuerySet[Person]:
    entries = Attendance.objects.filter(meeting=meeting)
    if statuses:
        entries = entries.filter(status__in=statuses)
    return Person.objects.filter(pk__in=entries.values("person_id"))


def present(meeting: Meeting) -> QuerySet[Person]:
    """Those present (members and substitutes): who may chair, move, second and vote."""
    return _attending(meeting, S.PRESENT)


def in_room(meeting: Meeting) -> QuerySet[Person]:
    """Those present or also present: who may declare an interest."""
    return _attending(meeting, S.PRESENT, S.ALSO_PRESENT)


def declarable(meeting: Meeting) -> QuerySet[AgendaItem]:
    """The items an interest can be declared in: every item but the declarations item."""
    return meeting.items.exclude(kind=ItemKind.DECLARATIONS).order_by("order", "pk")


def undecided_substantive(meeting: Meeting) -> QuerySet[Motion]:
    """The motions an amendment may amend."""
    return Motion.objects.filter(meeting=meeting, kind=MotionKind.SUBSTANTIVE, outcome="")
