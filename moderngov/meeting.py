"""``GetMeeting``: one meeting with its agenda items, their linked documents and minutes, and
its attendees (reference: meeting_with_minutes.xml, meeting_no_minutes.xml).

The public see what the website shows and nothing more: the agenda only once published,
papers only once their publication has made them public (``website.queries.papers``, which
hands restricted papers over as notices that carry no title), an exempt item's number and
title but not its purpose, and the proceedings only through ``proceedings.public``.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from django.urls import reverse

from council.models import Authority, Membership, Person, TermOfOffice
from council.models.memberships import SEAT_ROLES, Role
from council.serving import groups_on
from meetings.models import AgendaItem, Meeting, MeetingStatus
from publishing import inspection, state
from publishing import public as paper_queries
from website.queries import meetings as meeting_queries

from . import proceedings
from .context import Context
from .councillors import party_title
from .xml import (
    bool_text,
    child,
    children,
    date_text,
    element,
    html_text,
    local_day,
    time_text,
)

# modern.gov's statuses. A meeting on the programme, held or adjourned is "Confirmed" there.
STATUS_TEXT = {
    MeetingStatus.CANCELLED: "Cancelled",
    MeetingStatus.POSTPONED: "Postponed",
}


def status_text(meeting: Meeting) -> str:
    return STATUS_TEXT.get(meeting.status, "Confirmed")


def location(meeting: Meeting) -> str:
    return meeting.venue.full_name if meeting.venue_id else ""


def document_url(ctx: Context, meeting: Meeting, entry: paper_queries.Paper) -> str:
    """The address a client stores a paper from (``linkeddoc/url``, ``attachment/url``): the
    paper's PDF (``website:paper_pdf``), a file for every published paper: the uploaded PDF,
    or the paper rendered from its HTML (``papers/files.py``)."""
    return ctx.absolute(
        reverse("website:paper_pdf", args=[meeting.pk, meeting.slug, entry.document.pk])
    )


def restriction_text(entry: paper_queries.Restricted) -> str:
    if entry.paragraph:
        return f"Exempt – paragraph {entry.paragraph} of Part 1 of Schedule 12A"
    return "Confidential"


def linked_documents(
    parent: ET.Element, ctx: Context, meeting: Meeting, item: AgendaItem, agenda_day: dt.date | None
) -> None:
    """The item's published papers (a report, then its appendices). A restricted paper is
    listed as restricted with neither its title nor an address."""
    flat: list[paper_queries.Entry] = []
    for entry in getattr(item, "listed_papers", []):
        flat.append(entry)
        if isinstance(entry, paper_queries.Paper):
            flat += entry.appendices
    docs = child(parent, "linkeddocuments")
    for number, entry in enumerate(flat, start=1):
        node = child(docs, "linkeddoc")
        if isinstance(entry, paper_queries.Paper):
            fields = [
                ("attachmentid", entry.document.pk),
                ("title", str(entry.document)),
                ("isurl", bool_text(False)),
                ("url", document_url(ctx, meeting, entry)),
                ("isrestricted", bool_text(False)),
                ("restrictionsRef", ""),
                ("itemnum", number),
                ("publicationdate", date_text(local_day(entry.version.published_at) or agenda_day)),
            ]
        else:
            fields = [
                ("attachmentid", ""),
                ("title", entry.notice),
                ("isurl", bool_text(False)),
                ("url", ""),
                ("isrestricted", bool_text(True)),
                ("restrictionsRef", restriction_text(entry)),
                ("itemnum", number),
                ("publicationdate", ""),
            ]
        children(
            node,
            fields
            + [
                ("meetingdate", date_text(meeting.date)),
                ("decisiondate", date_text(meeting.date)),
                ("committeetitle", meeting.body.name),
                ("isdecisionattachment", bool_text(False)),
                ("ownertitle", item.title),
            ],
        )


def ordered_items(agenda: meeting_queries.Agenda) -> list[tuple[AgendaItem, bool]]:
    """(item, exempt) in agenda order, each sub-item after its item. A sub-item of an exempt
    item is exempt business too, whatever its own part says."""
    result = []
    for top in agenda.public + agenda.exempt:
        result.append((top, top.is_exempt))
        result += [(sub, sub.is_exempt) for sub in top.children]
    return result


def item_text(item: AgendaItem) -> str:
    paragraphs = [item.purpose]
    paragraphs += [block for block in item.motion_text.split("\n\n")]
    return html_text(paragraphs)


def agenda_items(
    parent: ET.Element, ctx: Context, meeting: Meeting, found: proceedings.Proceedings
) -> None:
    items = child(parent, "agendaitems")
    agenda = meeting_queries.agenda(meeting)
    if agenda is None:
        return
    agenda_day = local_day(state.published_at(meeting))
    for position, (item, exempt) in enumerate(ordered_items(agenda), start=1):
        minutes = [] if exempt else found.minutes.get(item.pk, [])
        node = child(items, "agendaitem")
        children(
            node,
            [
                ("agendaitemid", item.pk),
                ("agendaitemtitle", item.title),
                # An exempt item's number and title are public; its purpose is not.
                ("agendatext", "" if exempt else item_text(item)),
                ("actualmeetingdate", date_text(meeting.date)),
                ("agendaitemnumber", position),
                ("agendaitemsubnumber", ""),
                ("fulldisplaynumberformat", f"{item.number}."),
                ("authorusername", ""),
                ("commentlabel1", "Presented By"),
                ("commenttext1", ""),
                ("commentlabel2", "Actions"),
                ("commenttext2", ""),
                ("minutesnonemptyhtmlbody", proceedings.minutes_html(minutes)),
                ("declarationcount", 0 if exempt else found.declarations.get(item.pk, 0)),
                ("iscallin", bool_text(False)),
                ("iscomment", bool_text(False)),
                # What was resolved is the decision; it is public with the minutes.
                ("isdecision", bool_text(not exempt and item.pk in found.decided)),
                ("isdecisionpublished", bool_text(not exempt and item.pk in found.decided)),
                ("isminutepublished", bool_text(bool(minutes))),
                ("ispubliccanspeak", bool_text(False)),
                ("isrestricted", bool_text(exempt)),
                ("isdisplayallowed", bool_text(True)),
                ("meetingdate", date_text(meeting.date)),
                ("meetingtime", time_text(meeting.start_time)),
                ("minutesitemnumber", minutes[0].number if minutes else ""),
                ("minutesitemsubnumber", ""),
                ("preferreddate", date_text(meeting.date)),
                ("refertocommittee", meeting.body.name),
            ],
        )
        linked_documents(node, ctx, meeting, item, agenda_day)


def wards_on(person_ids, day: dt.date) -> dict[int, str]:
    """The councillors among ``person_ids`` on ``day``, with their division's name ("" where
    it is not recorded)."""
    wards: dict[int, str] = {}
    for term in (
        TermOfOffice.objects.filter(person_id__in=list(person_ids), start__lte=day)
        .exclude(end__lt=day)
        .select_related("division")
        .order_by("start")
    ):
        if not wards.get(term.person_id):
            wards[term.person_id] = term.division.name if term.division_id else ""
    return wards


def role_text(authority: Authority | None, role: str) -> str:
    if role == Role.MEMBER:
        return "Committee Member"
    if authority is not None:
        return authority.role_label(role)
    return Role(role).label


def attendees(
    parent: ET.Element, ctx: Context, meeting: Meeting, found: proceedings.Proceedings
) -> None:
    """The body's members on the day ("Expected"), with their attendance once the minutes
    are public; substitutes, others present and officers in attendance after them."""
    authority = Authority.current()
    seats = list(
        Membership.objects.on(meeting.date)
        .filter(body_id=meeting.body_id, person__isnull=False, role__in=SEAT_ROLES)
        .select_related("person")
        .order_by("role", "person__surname", "pk")
    )
    rows: dict[int, tuple[Person, str, str]] = {}
    for seat in seats:
        rows.setdefault(seat.person_id, (seat.person, role_text(authority, seat.role), "Expected"))
    for record in found.attendance:
        person, role, _ = rows.get(record.person_id, (record.person, "", ""))
        if not role:
            role = record.capacity or record.get_status_display()
        rows[record.person_id] = (person, role, proceedings.attendance_text(record))
    groups = groups_on(rows, meeting.date)
    wards = wards_on(rows, meeting.date)
    node = child(parent, "attendees")
    for pk, (person, role, attendance) in rows.items():
        group = groups.get(pk)
        name = person.councillor_name if pk in wards else person.formal_name
        entry = element(
            "attendee",
            membertype="U",
            memberid=pk,
            name=name,
            roledescription=role,
            attendance=attendance,
            politicalparty=party_title(group) if pk in wards or group else "",
            ward=wards.get(pk, ""),
        )
        node.append(entry)
        child(entry, "url", ctx.absolute(person.get_absolute_url()))
        if person.photo:
            child(entry, "photosmallurl", ctx.absolute(person.photo.url))
            child(entry, "photobigurl", ctx.absolute(person.photo.url))


def meeting_document(ctx: Context, meeting_id: int) -> ET.Element:
    """``<meeting>``; empty for an unknown meeting."""
    root = ET.Element("meeting")
    meeting = meeting_queries.meeting_for_page(meeting_id)
    if meeting is None:
        return root
    found = proceedings.for_meeting(meeting)
    children(
        root,
        [
            ("meetingid", meeting.pk),
            ("meetingdate", date_text(meeting.date)),
            ("meetingstatus", status_text(meeting)),
            ("isdisplayallowed", bool_text(True)),
            ("meetingtime", time_text(meeting.start_time)),
            ("meetingactualstarttime", ""),
            ("meetingplannedfinishtime", time_text(meeting.end_time)),
            ("meetingactualfinishtime", ""),
            ("meetinglocation", location(meeting)),
            ("iswebcast", bool_text(bool(meeting.webcast_url))),
            ("agendaid", meeting.pk),
            ("agendapublished", bool_text(inspection.is_published(meeting))),
            ("decisionpublished", bool_text(bool(found.decided))),
            ("minutepublished", bool_text(found.minutes_public)),
            ("meetingroom", meeting.venue.room if meeting.venue_id else ""),
        ],
    )
    agenda_items(root, ctx, meeting, found)
    attendees(root, ctx, meeting, found)
    return root
