"""The web service's methods, one function each, and the registry the view dispatches on.

Each method returns its document's root element; ``empty`` is the document it answers when
the request cannot be answered (a refused parameter). An unknown id is not an error: it is
answered with the empty document and 200, as modern.gov does. The shapes of GetCommittees,
GetMeetings, GetMeeting and GetCouncillorsByWard follow the reference responses
(/work/shared/reference/moderngov); the other methods have no reference response, and their
documents are built from the same vocabulary (see ``docs`` of each function).

Ids are Moot's own primary keys. ``lCommitteeId`` 0 means every committee (modern.gov's
documented behaviour) and so does -1 (some installations use it instead); a date bound of 0
(``sFromDate=0``, ``sToDate=0``) means no bound (``params.Params.bound``).

``METHODS`` is the one list of what the service serves: the dispatcher (``views``, ``soap``)
and the WSDL (``wsdl``) are both read from it. The methods modern.gov offers that Moot has no
record for are in it too, answering their empty document (``unserved``).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from council.dates import authority_today
from council.models import Body, BodyKind, Person
from feeds import selection
from meetings.models import Meeting
from papers.models import ItemPaper
from publishing import public as paper_queries
from publishing import state
from publishing.versions import published_version
from website.queries.bodies import is_current

from . import people, unserved
from .context import Context
from .meeting import document_url, location, meeting_document, status_text
from .params import Params, is_possible_id
from .xml import bool_text, child, children, count_text, date_text, local_day, time_text

ALL_COMMITTEES = (0, -1)
# GetCalendarEvents without dates: a year either side of today.
CALENDAR_SPAN = dt.timedelta(days=366)


@dataclass
class Method:
    name: str
    build: Callable[[Params, Context], ET.Element]
    empty: Callable[[], ET.Element]
    # The parameters a client sends, as modern.gov names them (the WSDL declares them).
    params: tuple[str, ...] = ()


def _root(tag: str, *counts: str) -> Callable[[], ET.Element]:
    def empty() -> ET.Element:
        root = ET.Element(tag)
        for count in counts:
            child(root, count, count_text(0))
        return root

    return empty


def _committees() -> QuerySet[Body]:
    return Body.objects.exclude(kind=BodyKind.OUTSIDE_BODY)


def _committee_filter(params: Params) -> Q | None:
    """The meetings ``lCommitteeId`` asks for; None for an id that cannot exist."""
    committee = params.integer("lCommitteeId")
    if committee in ALL_COMMITTEES:
        return Q()
    if not is_possible_id(committee):
        return None
    return Q(body_id=committee)


def _range(params: Params, start: str, end: str, *, required: bool = True):
    """The two ends of a date range, each a date or None for "0" (no bound); an optional
    range may leave either out."""

    def end_of(name: str) -> dt.date | None:
        if not required and params.text(name, required=False) is None:
            return None
        return params.bound(name)

    return end_of(start), end_of(end)


def _meetings(where: Q | None, first: dt.date | None, last: dt.date | None) -> list[Meeting]:
    if where is None or (first and last and first > last):
        return []
    found = Meeting.objects.filter(where).exclude(body__kind=BodyKind.OUTSIDE_BODY)
    if first:
        found = found.filter(date__gte=first)
    if last:
        found = found.filter(date__lte=last)
    return list(found.select_related("body", "venue").order_by("date", "start_time", "pk"))


def _meeting_summary(parent: ET.Element, meeting: Meeting) -> ET.Element:
    node = child(parent, "meeting")
    children(
        node,
        [
            ("meetingid", meeting.pk),
            ("meetingdate", date_text(meeting.date)),
            ("meetingstatus", status_text(meeting)),
            ("meetingtime", time_text(meeting.start_time)),
            ("iswebcast", bool_text(bool(meeting.webcast_url))),
        ],
    )
    return node


# --- committees and meetings --------------------------------------------------------------


def get_committees(params: Params, ctx: Context) -> ET.Element:
    """``<committees>``: every body that meets (outside bodies are not committees)."""
    bodies = list(_committees().order_by("name"))
    today = authority_today()
    root = ET.Element("committees")
    child(root, "committeescount", count_text(len(bodies)))
    for body in bodies:
        node = child(root, "committee")
        children(
            node,
            [
                ("committeeid", body.pk),
                ("committeetitle", body.name),
                ("committeedeleted", bool_text(False)),
                ("committeeexpired", bool_text(not is_current(body, today))),
                ("committeecategory", body.category),
            ],
        )
    return root


def get_meetings(params: Params, ctx: Context) -> ET.Element:
    """``<getmeetings>``: the meetings between two dates (inclusive), grouped by committee."""
    where = _committee_filter(params)
    first, last = _range(params, "sFromDate", "sToDate")
    found = _meetings(where, first, last)
    by_body: dict[int, list[Meeting]] = {}
    for meeting in found:
        by_body.setdefault(meeting.body_id, []).append(meeting)
    groups = sorted(by_body.values(), key=lambda ms: ms[0].body.name)
    root = ET.Element("getmeetings")
    child(root, "meetingscount", count_text(len(found)))
    child(root, "committeescount", count_text(len(groups)))
    for meetings in groups:
        node = child(root, "committee")
        children(
            node,
            [
                ("committeeid", meetings[0].body_id),
                ("committeetitle", meetings[0].body.name),
                ("committeemeetingcount", count_text(len(meetings))),
            ],
        )
        listed = child(node, "committeemeetings")
        for meeting in meetings:
            _meeting_summary(listed, meeting)
    return root


def _flat_meetings(tag: str, meetings: list[Meeting], webcast: bool = False) -> ET.Element:
    root = ET.Element(tag)
    child(root, "meetingscount", count_text(len(meetings)))
    for meeting in meetings:
        node = _meeting_summary(root, meeting)
        children(
            node,
            [
                ("committeeid", meeting.body_id),
                ("committeetitle", meeting.body.name),
                ("meetinglocation", location(meeting)),
            ],
        )
        if webcast:
            child(node, "webcasturl", meeting.webcast_url)
    return root


def get_all_meetings_by_date(params: Params, ctx: Context) -> ET.Element:
    """``<meetings>``: the meetings between two dates in date order, each naming its
    committee (no reference response: GetMeetings' meeting element, with the committee)."""
    where = _committee_filter(params)
    first, last = _range(params, "sFromDate", "sToDate")
    return _flat_meetings("meetings", _meetings(where, first, last))


def get_webcast_meetings(params: Params, ctx: Context) -> ET.Element:
    """``<webcastmeetings>``: the meetings with a webcast link, and the link."""
    where = _committee_filter(params)
    if where is not None:
        where &= ~Q(webcast_url="")
    return _flat_meetings("webcastmeetings", _meetings(where, None, None), webcast=True)


def get_meeting(params: Params, ctx: Context) -> ET.Element:
    meeting_id = params.integer("lMeetingId")
    if not is_possible_id(meeting_id):
        return ET.Element("meeting")
    return meeting_document(ctx, meeting_id)


def get_calendar_events(params: Params, ctx: Context) -> ET.Element:
    """``<calendarevents>``: meetings as calendar entries, between ``sDateStart`` and
    ``sDateEnd`` (a year either side of today when not given); with bGlobalCalendar=False,
    only those of the bodies the member ``lUserId`` sat on while they sat on them."""
    everyone = params.boolean("bGlobalCalendar")
    first, last = _range(params, "sDateStart", "sDateEnd", required=False)
    today = authority_today()
    first, last = first or today - CALENDAR_SPAN, last or today + CALENDAR_SPAN
    where: Q | None = Q()
    if not everyone:
        user = params.integer("lUserId")
        person = Person.objects.filter(pk=user).first() if is_possible_id(user) else None
        scope = selection.for_member(person.slug) if person else None
        where = scope.meetings if scope else None
    meetings = _meetings(where, first, last)
    root = ET.Element("calendarevents")
    child(root, "calendareventscount", count_text(len(meetings)))
    for meeting in meetings:
        node = child(root, "calendarevent")
        children(
            node,
            [
                ("eventid", meeting.pk),
                ("meetingid", meeting.pk),
                ("eventtitle", meeting.body.name),
                ("eventdate", date_text(meeting.date)),
                ("eventtime", time_text(meeting.start_time)),
                ("eventlocation", location(meeting)),
                ("meetingstatus", status_text(meeting)),
                ("committeeid", meeting.body_id),
                ("committeetitle", meeting.body.name),
                ("url", ctx.absolute(meeting.get_absolute_url())),
            ],
        )
    return root


# --- papers -------------------------------------------------------------------------------


def get_attachment(params: Params, ctx: Context) -> ET.Element:
    """``<attachment>``: a published public paper by id, with the fields of a linked
    document. A restricted or unpublished paper is answered as an unknown one: the answer
    must not confirm that it exists."""
    doc_id = params.integer("lAttachmentId")
    root = ET.Element("attachment")
    if not is_possible_id(doc_id):
        return root
    meeting_ids = (
        ItemPaper.objects.filter(Q(document_id=doc_id) | Q(document__appendices=doc_id))
        .order_by("item__meeting__date", "item__meeting_id")
        .values_list("item__meeting_id", flat=True)
        .distinct()
    )
    for meeting in Meeting.objects.filter(pk__in=list(meeting_ids)).select_related("body"):
        found = paper_queries.public_document(meeting, doc_id)
        if found is None:
            continue
        doc, link = found
        version = published_version(doc.pk)
        if version is None:
            continue
        entry = paper_queries.Paper(doc, version)
        published = version.published_at or state.published_at(meeting)
        children(
            root,
            [
                ("attachmentid", doc.pk),
                ("title", str(doc)),
                ("isurl", bool_text(False)),
                ("url", document_url(ctx, meeting, entry)),
                ("isrestricted", bool_text(False)),
                ("restrictionsRef", ""),
                ("publicationdate", date_text(local_day(published))),
                ("meetingid", meeting.pk),
                ("meetingdate", date_text(meeting.date)),
                ("committeetitle", meeting.body.name),
                ("ownertitle", link.item.title),
            ],
        )
        return root
    return root


METHODS = {
    m.name.lower(): m
    for m in [
        Method("GetCommittees", get_committees, _root("committees", "committeescount")),
        Method(
            "GetMeetings",
            get_meetings,
            _root("getmeetings", "meetingscount", "committeescount"),
            ("lCommitteeId", "sFromDate", "sToDate"),
        ),
        Method("GetMeeting", get_meeting, _root("meeting"), ("lMeetingId",)),
        Method(
            "GetAllMeetingsByDate",
            get_all_meetings_by_date,
            _root("meetings", "meetingscount"),
            ("lCommitteeId", "sFromDate", "sToDate"),
        ),
        Method(
            "GetWebCastMeetings",
            get_webcast_meetings,
            _root("webcastmeetings", "meetingscount"),
            ("lCommitteeId",),
        ),
        Method(
            "GetCalendarEvents",
            get_calendar_events,
            _root("calendarevents", "calendareventscount"),
            ("bGlobalCalendar", "lUserId", "sDateStart", "sDateEnd"),
        ),
        Method("GetCouncillorsByWard", people.get_councillors_by_ward, people.wards_empty),
        Method(
            "GetCouncillorsByWardId",
            people.get_councillors_by_ward_id,
            people.wards_empty,
            ("lWardId",),
        ),
        Method(
            "GetCommitteesByUser",
            people.get_committees_by_user,
            _root("committeesbyuser", "committeescount"),
            ("lUserId",),
        ),
        Method(
            "GetMemberGroup",
            people.get_member_group,
            _root("membergroup"),
            ("sShortName", "sOrder"),
        ),
        Method("GetAttachment", get_attachment, _root("attachment"), ("lAttachmentId",)),
        Method(
            "GetCouncillorsByPostcode",
            unserved.councillors_by_postcode,
            people.wards_empty,
            ("sPostcode",),
        ),
        Method(
            "GetElectionResults",
            unserved.election_results,
            unserved.election_results_empty,
            ("lElectionId",),
        ),
        Method("GetParishCouncils", unserved.parish_councils, unserved.parish_councils_empty),
        Method("GetMpOrMepsAndWards", unserved.mps_and_meps, unserved.mps_and_meps_empty),
    ]
}


def find(name: str) -> Method | None:
    return METHODS.get(name.lower())
