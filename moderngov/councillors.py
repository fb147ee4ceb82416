"""Councillors as the web service describes them: ``GetCouncillorsByWard``,
``GetCouncillorsByWardId`` and ``GetMemberGroup`` share the ``<councillor>`` element.

Wards are Moot's divisions. Who is listed is who the website's members index lists
(``website.queries.members``): the councillors in office on its day, with the division and
political group of that day. Only what the member's public page shows is sent: no home
address is held, so ``homeaddress`` is always empty.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from django.db.models import Q

from council.models import Division, Person, PoliticalGroup, PostHolding, PostKind, TermOfOffice
from website.queries import in_force
from website.queries.members import NOT_RECORDED, Councillor, members_index

from .context import Context
from .xml import child, children, count_text, date_text

ADDRESS_LINES = ["line1", "line2", "line3", "line4", "line5", "postcode", "phone", "mobile"]


def photo_url(ctx: Context, person: Person) -> str:
    return ctx.absolute(person.photo.url) if person.photo else ""


INDEPENDENT = "Independent"


def party_title(group: PoliticalGroup | None) -> str:
    """The ``politicalpartytitle`` of a councillor in ``group`` (their group on the day), never
    empty: modern.gov's clients require one. "Independent" for a member recorded as
    independent (a group of kind ``independent``, ``council/models/groups.py``), "Not
    recorded" where the record has no group for them, else the registered party or the
    group's name. Every element that describes a councillor takes its party from here."""
    if group is None:
        return NOT_RECORDED
    if group.kind == PoliticalGroup.Kind.INDEPENDENT:
        return INDEPENDENT
    return group.party_name or group.name or NOT_RECORDED


def group_title(group: PoliticalGroup | None) -> str:
    if group is None:
        return ""
    return group.group_name or f"{group.name} Group"


def key_posts(person_ids, day: dt.date) -> dict[int, str]:
    """Cabinet portfolios and group leaderships held on ``day``, by person. Two queries."""
    posts: dict[int, list[str]] = {}
    for holding in (
        PostHolding.objects.filter(person_id__in=list(person_ids), post__kind=PostKind.PORTFOLIO)
        .select_related("post")
        .order_by("post__title")
    ):
        if in_force(holding.start, holding.end, day):
            posts.setdefault(holding.person_id, []).append(holding.post.title)
    for group in PoliticalGroup.objects.filter(
        Q(leader_id__in=list(person_ids)) | Q(deputy_leader_id__in=list(person_ids))
    ):
        title = group_title(group)
        if group.leader_id in person_ids:
            posts.setdefault(group.leader_id, []).append(f"Leader of the {title}")
        if group.deputy_leader_id in person_ids:
            posts.setdefault(group.deputy_leader_id, []).append(f"Deputy Leader of the {title}")
    return {pk: "; ".join(titles) for pk, titles in posts.items()}


def terms_of(person_ids) -> dict[int, list[TermOfOffice]]:
    terms: dict[int, list[TermOfOffice]] = {}
    for term in TermOfOffice.objects.filter(person_id__in=list(person_ids)).order_by("start"):
        terms.setdefault(term.person_id, []).append(term)
    return terms


def councillor_element(
    parent: ET.Element, ctx: Context, c: Councillor, posts: str, terms: list[TermOfOffice]
) -> None:
    p = c.person
    node = child(parent, "councillor")
    children(
        node,
        [
            ("councillorid", p.pk),
            ("fullusername", p.councillor_name),
            ("photosmallurl", photo_url(ctx, p)),
            ("photobigurl", photo_url(ctx, p)),
            ("politicalpartytitle", party_title(c.group)),
            ("politicalgrouptitle", group_title(c.group)),
            ("districttitle", c.division.name if c.division else ""),
            ("representing", ""),
            ("keyposts", posts),
        ],
    )
    work = child(node, "workaddress")
    for line in ADDRESS_LINES:
        child(work, line, p.telephone if line == "phone" else "")
    child(work, "email", p.email)
    home = child(node, "homeaddress")
    for line in [*ADDRESS_LINES, "email"]:
        child(home, line)
    child(node, "surgerydetails")
    held = child(node, "termsofoffice")
    for term in terms:
        entry = child(held, "termofoffice")
        child(entry, "startdate", date_text(term.start))
        child(entry, "enddate", date_text(term.end) if term.end else "unspecified")


@dataclass
class Details:
    """What the ``<councillor>`` element needs beyond the index, for many councillors at once
    (three queries, however many wards they are listed under)."""

    posts: dict[int, str]
    terms: dict[int, list[TermOfOffice]]


def details(councillors: list[Councillor], day: dt.date | None) -> Details:
    ids = {c.person.pk for c in councillors}
    if not ids:
        return Details({}, {})
    return Details(key_posts(ids, day) if day else {}, terms_of(ids))


def councillor_list(
    parent: ET.Element, ctx: Context, councillors: list[Councillor], known: Details
) -> None:
    child(parent, "councillorcount", count_text(len(councillors)))
    for c in councillors:
        councillor_element(
            parent, ctx, c, known.posts.get(c.person.pk, ""), known.terms.get(c.person.pk, [])
        )


def wards_document(ctx: Context, ward_id: int | None = None) -> ET.Element:
    """``<councillorsbyward>``: every division (or the one asked for) with its councillors;
    councillors whose division is not recorded come last under "Not recorded", as on the
    website (not when one ward is asked for). A ward with no councillor in office is left
    out, as modern.gov leaves it out: its clients read each ward's first councillor."""
    root = ET.Element("councillorsbyward")
    wards = child(root, "wards")
    divisions = Division.objects.order_by("name")
    if ward_id is not None:
        divisions = divisions.filter(pk=ward_id)
    divisions = list(divisions)
    if not divisions and ward_id is not None:
        return root
    index = members_index()
    by_division: dict[int | None, list[Councillor]] = {}
    for c in index.councillors:
        by_division.setdefault(c.division.pk if c.division else None, []).append(c)
    sections: list[tuple[str, list[Councillor]]] = [
        (d.name, by_division[d.pk]) for d in divisions if by_division.get(d.pk)
    ]
    if ward_id is None and by_division.get(None):
        sections.append((NOT_RECORDED, by_division[None]))
    known = details([c for _, listed in sections for c in listed], index.day)
    for title, councillors in sections:
        ward = child(wards, "ward")
        child(ward, "wardtitle", title)
        councillor_list(child(ward, "councillors"), ctx, councillors, known)
    return root
