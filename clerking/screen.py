"""The state of the clerk's screens, as plain dataclasses built by query functions: the
meetings to minute, the order of business, the attendance panel and the actions.

The current item's panels (declarations, motions and votes, minutes) are ``item_screen``.
Every form is built here: a form posted and refused comes back bound (``bound``, by prefix)
so the page shows the clerk's input with its errors.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.db.models import Min, QuerySet

from council.models import Person
from meetings.models import AgendaItem, Meeting
from proceedings import attendance as att
from proceedings.models import Action, Attendance, AttendanceStatus, Minute, MinutesStatus

from . import choices
from . import forms as f

Bound = dict[str, forms.Form]


def form(
    bound: Bound,
    key: str,
    cls: type[forms.Form],
    querysets: dict[str, QuerySet] | None = None,
    **kwargs,
) -> forms.Form:
    """The form posted under ``key`` if it was refused, else a fresh one; its choices
    limited to ``querysets``."""
    built = bound.get(key) or cls(prefix=key, **kwargs)
    for name, qs in (querysets or {}).items():
        built.fields[name].queryset = qs
    return built


# The meetings to minute -----------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingRow:
    meeting: Meeting
    minutes_label: str


@dataclass(frozen=True)
class MeetingsToMinute:
    today: dt.date
    todays: list[MeetingRow]
    recent: list[MeetingRow]
    upcoming: list[MeetingRow]


def meetings_to_minute(today: dt.date) -> MeetingsToMinute:
    """Today's meetings, the 25 before and those of the next fortnight, with their minutes'
    state."""
    qs = Meeting.objects.select_related("body").order_by("-date", "-start_time")
    groups = [
        list(qs.filter(date=today)),
        list(qs.filter(date__lt=today)[:25]),
        list(
            qs.filter(date__gt=today, date__lte=today + dt.timedelta(days=14)).order_by(
                "date", "start_time"
            )
        ),
    ]
    statuses = dict(
        Meeting.objects.filter(pk__in=[m.pk for group in groups for m in group])
        .filter(minutes_record__isnull=False)
        .values_list("pk", "minutes_record__status")
    )
    labels = dict(MinutesStatus.choices)
    todays, recent, upcoming = (
        [MeetingRow(m, labels[statuses.get(m.pk, MinutesStatus.DRAFT)]) for m in group]
        for group in groups
    )
    return MeetingsToMinute(today, todays, recent, upcoming)


# The order of business ------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemInOrder:
    item: AgendaItem
    minute_number: int | None  # its first minute's number, once its minute is started


def items_in_order_taken(meeting: Meeting) -> list[ItemInOrder]:
    """Items already minuted in the order of their first minute (the order business was
    taken), then the rest in agenda order."""
    first = dict(
        Minute.objects.filter(meeting=meeting, item__isnull=False)
        .values_list("item_id")
        .annotate(n=Min("number"))
    )
    rows = [
        ItemInOrder(i, first.get(i.pk))
        for i in AgendaItem.objects.filter(meeting=meeting).order_by("order", "pk")
    ]
    taken = sorted((r for r in rows if r.minute_number), key=lambda r: r.minute_number)
    return taken + [r for r in rows if not r.minute_number]


def current_item(rows: list[ItemInOrder], wanted: str | None) -> AgendaItem | None:
    """The item asked for by id; else the first not yet minuted; else the first."""
    for r in rows:
        if str(r.item.pk) == wanted:
            return r.item
    fallback = next((r for r in rows if not r.minute_number), rows[0] if rows else None)
    return fallback.item if fallback else None


def neighbours(rows: list[ItemInOrder], item: AgendaItem | None):
    """The items before and after ``item`` in the order of business."""
    position = next((n for n, r in enumerate(rows) if item and r.item.pk == item.pk), None)
    if position is None:
        return None, None
    before = rows[position - 1].item if position else None
    after = rows[position + 1].item if position + 1 < len(rows) else None
    return before, after


# Attendance -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberRow:
    person: Person
    entry: Attendance | None  # None: not yet marked

    @property
    def dom_id(self) -> str:
        """The id of the member's row: the part of the page their choice comes back as."""
        return f"att-row-{self.person.pk}"


@dataclass
class AttendancePanel:
    members: list[MemberRow]
    others: list[Attendance]  # substitutes, also present, officers
    present: list[Person]
    chair: Person | None
    quorum: int
    chair_form: forms.Form
    sub_form: forms.Form
    also_form: forms.Form
    officer_form: forms.Form

    @property
    def present_count(self) -> int:
        return len(self.present)


def attendance_panel(meeting: Meeting, bound: Bound) -> AttendancePanel:
    entries = list(
        Attendance.objects.filter(meeting=meeting)
        .select_related("person", "substitute_for")
        .order_by("order", "pk")
    )
    by_person = {a.person_id: a for a in entries}
    members = sorted(choices.members(meeting), key=lambda p: p.sort_key)
    member_pks = {p.pk for p in members}
    chair = next((a.person for a in entries if a.in_chair), None)
    outsiders = choices.councillors_not_members(meeting)
    return AttendancePanel(
        members=[MemberRow(p, by_person.get(p.pk)) for p in members],
        others=[a for a in entries if a.person_id not in member_pks],
        present=sorted(
            (a.person for a in entries if a.status == AttendanceStatus.PRESENT),
            key=lambda p: p.sort_key,
        ),
        chair=chair,
        quorum=att.quorum(meeting),
        chair_form=form(
            bound,
            "chair",
            f.ChairForm,
            {"person": choices.present(meeting)},
            initial={"person": chair},
        ),
        sub_form=form(
            bound,
            "sub",
            f.SubstituteForm,
            {"person": outsiders, "substitute_for": choices.members(meeting)},
        ),
        also_form=form(bound, "also", f.AlsoPresentForm, {"person": outsiders}),
        officer_form=form(bound, "officer", f.OfficerForm, {"person": choices.officers(meeting)}),
    )


# Actions --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionCard:
    action: Action
    form: forms.Form

    @property
    def saved_id(self) -> str:
        return f"action-{self.action.pk}-saved"


def action_cards(meeting: Meeting, bound: Bound) -> list[ActionCard]:
    return [
        ActionCard(
            a,
            form(
                bound,
                f"act-{a.pk}",
                f.ActionUpdateForm,
                initial={
                    "status": a.status,
                    "completed_on": a.completed_on,
                    "progress": a.progress,
                },
            ),
        )
        for a in Action.objects.filter(meeting=meeting).select_related("owner", "minute")
    ]
