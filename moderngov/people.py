"""The web service's methods about people: councillors by ward, a member's committees and
the members of a political group. The ``<councillor>`` element itself is built in
``councillors``, the one place every method that emits a councillor goes through."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from django.db.models import Q

from council.dates import authority_today
from council.models import Membership, PoliticalGroup
from website.queries.members import as_at, members_index

from . import councillors
from .context import Context
from .params import BadParameter, Params, is_possible_id
from .xml import child, children, count_text, date_text


def wards_empty() -> ET.Element:
    root = ET.Element("councillorsbyward")
    child(root, "wards")
    return root


def get_councillors_by_ward(params: Params, ctx: Context) -> ET.Element:
    return councillors.wards_document(ctx)


def get_councillors_by_ward_id(params: Params, ctx: Context) -> ET.Element:
    ward = params.integer("lWardId")
    if not is_possible_id(ward):
        return wards_empty()
    return councillors.wards_document(ctx, ward)


def get_committees_by_user(params: Params, ctx: Context) -> ET.Element:
    """``<committeesbyuser>``: the seats the member ``lUserId`` holds on the day the members
    index describes (today, or the record's last day), with role and dates."""
    user = params.integer("lUserId")
    root = ET.Element("committeesbyuser")
    day = as_at() or authority_today()
    seats = []
    if is_possible_id(user):
        seats = list(
            Membership.objects.on(day)
            .filter(person_id=user)
            .select_related("body")
            .order_by("body__name", "start")
        )
    child(root, "committeescount", count_text(len(seats)))
    for seat in seats:
        node = child(root, "committee")
        children(
            node,
            [
                ("committeeid", seat.body_id),
                ("committeetitle", seat.body.name),
                ("roledescription", seat.get_role_display()),
                ("startdate", date_text(seat.start)),
                ("enddate", date_text(seat.end)),
            ],
        )
    return root


MEMBER_ORDERS = {
    "surname": lambda c: c.person.sort_key,
    "firstname": lambda c: (
        (c.person.forenames or c.person.initials).lower(),
        c.person.surname.lower(),
    ),
}
MEMBER_ORDERS["forename"] = MEMBER_ORDERS["firstname"]


def get_member_group(params: Params, ctx: Context) -> ET.Element:
    """``<membergroup>``: the councillors in office in the political group ``sShortName``
    (its short name or slug, any case), ordered by ``sOrder`` ("surname", the default, or
    "firstname"). ``sShortName`` must be sent but may be empty, as modern.gov's clients
    send it: an empty ``sShortName`` is every councillor in office (each element carrying its
    own party), an empty ``sOrder`` the default order."""
    name = params.given("sShortName")
    order = (params.text("sOrder", required=False) or "surname").lower()
    if order not in MEMBER_ORDERS:
        raise BadParameter("The parameter sOrder must be surname or firstname.")
    index = members_index()
    root = ET.Element("membergroup")
    if name:
        group = (
            PoliticalGroup.objects.filter(Q(name__iexact=name) | Q(slug__iexact=name))
            .order_by("pk")
            .first()
        )
        child(root, "membergrouptitle", councillors.group_title(group))
        members = [c for c in index.councillors if group and c.group == group]
    else:
        child(root, "membergrouptitle", "")
        members = list(index.councillors)
    members.sort(key=MEMBER_ORDERS[order])
    councillors.councillor_list(
        child(root, "councillors"), ctx, members, councillors.details(members, index.day)
    )
    return root
