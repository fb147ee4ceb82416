"""The screen's changes to who attended and what they declared (the attendance panel, the
substitutes and officers panel and the declarations panel)."""

from __future__ import annotations

from proceedings import attendance as att
from proceedings import clerk
from proceedings.models import Attendance, AttendanceStatus, Declaration

from .. import choices
from .. import forms as f
from .base import Change, op


def _mark(status: str) -> str:
    return AttendanceStatus(status).label.split(" (")[0].lower()


@op("attendance", "attendance")
def attendance(c: Change) -> str:
    marks = c.posted_with("att-")
    done = clerk.mark_attendance(c.meeting, marks, actor=c.user)
    return (
        "; ".join(f"{person} {_mark(status)}" for person, status in done) or "attendance unchanged"
    )


@op("chair", "attendance")
def chair(c: Change) -> str:
    d = c.bind(f.ChairForm, "chair", {"person": choices.present(c.meeting)})
    att.change_chair(c.meeting, d["person"], actor=c.user)
    return f"{d['person']} in the chair" if d["person"] else "nobody in the chair"


@op("substitute", "others")
def substitute(c: Change) -> str:
    d = c.bind(
        f.SubstituteForm,
        "sub",
        {
            "person": choices.councillors_not_members(c.meeting),
            "substitute_for": choices.members(c.meeting),
        },
    )
    clerk.add_substitute(c.meeting, d["person"], d["substitute_for"], actor=c.user)
    return f"{d['person']} (Substitute for {d['substitute_for']})"


@op("also_present", "others")
def also_present(c: Change) -> str:
    d = c.bind(f.AlsoPresentForm, "also", {"person": choices.councillors_not_members(c.meeting)})
    att.record_attendance(c.meeting, d["person"], AttendanceStatus.ALSO_PRESENT, actor=c.user)
    return f"{d['person']} also present"


@op("officer", "others")
def officer(c: Change) -> str:
    d = c.bind(f.OfficerForm, "officer", {"person": choices.officers(c.meeting)})
    entry = clerk.add_officer(
        c.meeting,
        person=d["person"],
        title=d["title"],
        initials=d["initials"],
        surname=d["surname"],
        capacity=d["capacity"],
        actor=c.user,
    )
    return f"{entry.person} ({entry.capacity}) in attendance"


@op("remove_attendance", "attendance")
def remove_attendance(c: Change) -> str:
    entry = c.obj(Attendance, "attendance", meeting=c.meeting)
    name = str(entry.person)
    att.remove_attendance(entry, actor=c.user)
    return f"{name} taken out of the attendance"


@op("declaration", "declarations")
def declaration(c: Change) -> str:
    current = c.need_item()
    d = c.bind(
        f.DeclarationForm,
        "decl",
        {"person": choices.in_room(c.meeting), "item": choices.declarable(c.meeting)},
    )
    item = d["item"] or current
    att.record_declaration(
        c.meeting,
        item,
        d["person"],
        d["nature"],
        d["text"],
        d["participation"],
        d["dispensation"],
        actor=c.user,
    )
    return f"declaration by {d['person']} on item {item.number}"


@op("remove_declaration", "declarations")
def remove_declaration(c: Change) -> str:
    att.remove_declaration(c.obj(Declaration, "declaration", meeting=c.meeting), actor=c.user)
    return "declaration removed"


@op("nil_declarations", "declarations")
def nil_declarations(c: Change) -> str:
    att.record_nil_declarations(c.meeting, actor=c.user)
    return "no interests declared"


@op("remove_nil_declarations", "declarations")
def remove_nil_declarations(c: Change) -> str:
    att.remove_nil_declarations(c.meeting, actor=c.user)
    return "nil return removed"
