"""Building the minutes of a meeting (``build``): the public minutes, or the exempt minutes
for those entitled to them, as a ``document.Minutes`` that ``html`` and ``pdf`` lay out.

What is shown is ``selection``'s answer (``proceedings.public`` alone decides what is public);
the paragraphs of each minute are ``paragraphs``' work. Names come from the people's records:
the formal name in attendance lists, the short name ("Mr Vye") for movers, the vote-list form
in recorded votes (``names``).
"""

from __future__ import annotations

from council.models import Authority, BodyKind, Membership, Role
from meetings.formatting import long_date
from meetings.models import Meeting

from ..attendance import chair as chair_of
from ..models import AttendanceStatus, MinutesRecord, MinutesStatus
from .document import Minutes, Named
from .names import short_forms_of
from .paragraphs import Context, minute_view
from .selection import shown

S = AttendanceStatus


# --- Attendance ------------------------------------------------------------------------------


def _vice_id(meeting: Meeting) -> int | None:
    m = (
        Membership.objects.on(meeting.date)
        .filter(body_id=meeting.body_id, role=Role.VICE_CHAIRMAN, person__isnull=False)
        .first()
    )
    return m.person_id if m else None


def _attendance(meeting: Meeting, rows, chair_form: str, council_form: bool, vice_id):
    chair = vice = None
    present, also, officers, apologies = [], [], [], []
    for a in rows:
        p = a.person
        if a.status == S.PRESENT:
            note = ""
            if a.substitute_for_id:
                note = f"(Substitute for {a.substitute_for.formal_name})"
            if a.in_chair:
                chair = Named(p, p.formal_name, f"({chair_form})")
            elif p.pk == vice_id:
                vice = Named(p, p.formal_name, f"(Vice-{chair_form})")
            else:
                present.append(Named(p, p.formal_name, note))
        elif a.status == S.ALSO_PRESENT:
            also.append(Named(p, p.formal_name))
        elif a.status == S.IN_ATTENDANCE:
            items = ", ".join(i.number for i in a.items.all())
            note = "; ".join(x for x in (a.capacity, f"for item {items}" if items else "") if x)
            officers.append(Named(p, p.full_name, f"({note})" if note else ""))
        elif a.status == S.APOLOGIES:
            apologies.append(Named(p, p.formal_name))
    present.sort(key=lambda n: n.person.sort_key)
    also.sort(key=lambda n: n.person.sort_key)
    apologies.sort(key=lambda n: n.person.sort_key)
    if not council_form:
        # Committee form: one list, the chairman first, the vice-chairman marked in place.
        if vice:
            present.append(vice)
            present.sort(key=lambda n: n.person.sort_key)
            vice = None
        if chair:
            present.insert(0, chair)
            chair = None
    return chair, vice, present, also, officers, apologies


# --- Assembling ------------------------------------------------------------------------------


def build(meeting: Meeting, exempt: bool = False) -> Minutes:
    """The minutes of ``meeting``: the public minutes, or (``exempt``) the exempt minutes."""
    authority = Authority.current()
    chair_form = authority.chair_form if authority and authority.chair_form else "Chairman"
    council_form = meeting.body.kind == BodyKind.COUNCIL
    body_name = authority.name if council_form and authority else meeting.body.name
    venue = meeting.venue.full_name if meeting.venue_id else ""
    heading = f"MINUTES of a meeting of the {body_name}"
    if venue:
        heading += f" held in the {venue}"
    heading += f" on {long_date(meeting.date)}."
    record = (
        MinutesRecord.objects.filter(meeting=meeting)
        .select_related("approved_by_minute__meeting__body", "signed_by")
        .first()
    )
    status = record.status if record else MinutesStatus.DRAFT

    part = shown(meeting, exempt, record)
    vice_id = _vice_id(meeting)
    chair_p, vice, present, also, officers, apologies = _attendance(
        meeting, part.attendance, chair_form, council_form, vice_id
    )
    ctx = Context(meeting, chair_of(meeting), vice_id, chair_form)
    forms = short_forms_of([rv.person_id for rvs in part.recorded.values() for rv in rvs])
    views = [
        minute_view(
            ctx,
            m,
            part.motions.get(m.pk, []),
            part.recorded,
            forms,
            part.declarations.get(m.pk, []),
            part.resolutions.get(m.pk, []),
        )
        for m in part.minutes
    ]
    return Minutes(
        meeting=meeting,
        authority=authority.name if authority else "",
        heading=heading,
        council_form=council_form,
        chair=chair_p,
        vice=vice,
        present=present,
        also_present=also,
        in_attendance=officers,
        apologies=apologies,
        minutes=views,
        summaries=part.summaries,
        status=status,
        status_label=status_label(record),
        record=record,
        exempt=exempt,
        chair_form=chair_form,
    )


def status_label(record: MinutesRecord | None) -> str:
    """ "Draft – unconfirmed" until approved; then who approved them, and who signed."""
    if record is None or record.status in (MinutesStatus.DRAFT, MinutesStatus.PUBLISHED_DRAFT):
        return "Draft – unconfirmed"
    approving = record.approved_by_minute
    text = (
        f"Approved as a correct record at the meeting of {approving.meeting.body} on "
        f"{long_date(approving.meeting.date)} (minute {approving.number})"
    )
    if record.status == MinutesStatus.SIGNED and record.signed_by_id:
        text += f"; signed by {record.signed_by.formal_name} on {long_date(record.signed_on)}"
    return text + "."
