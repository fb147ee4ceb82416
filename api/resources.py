"""The council's record in the open-data API: bodies, people and memberships. Meetings and
agenda items are in ``api.meeting_resources``, documents in ``api.document_resources``, minutes
and motions in ``api.proceedings_resources``, votes and decisions in
``api.decision_resources``; ``api.catalogue.RESOURCES`` lists them all."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from council.models import Body, BodyKind, Membership, Person, Role, TermOfOffice

from . import queries
from .declare import Field, Filter, Resource, attr, blank_none
from .fields import BODY, UPDATED, UPDATED_SINCE, id_field, ref_field, since

# --- bodies ---------------------------------------------------------------------------------


def _bodies():
    return (
        Body.objects.select_related("contact_officer")
        .annotate(modified=queries.modified(Body))
        .order_by("pk")
    )


BODIES = Resource(
    name="bodies",
    title="Bodies",
    singular="body",
    description="The council, its cabinet, committees, sub-committees and outside bodies.",
    fields=[
        *id_field("bodies"),
        Field(
            "html_url",
            "uri",
            "The body's page on the council's website.",
            lambda o, c: c.site(o.get_absolute_url()),
        ),
        Field("name", "string", "The body's name.", attr("name")),
        Field("slug", "string", "The name as used in web addresses.", attr("slug")),
        Field("kind", "string", "What sort of body it is.", attr("kind"), enum=BodyKind.values),
        ref_field("parent", "bodies", "The body a sub-committee reports to."),
        Field(
            "category",
            "string",
            "The heading it is listed under.",
            blank_none("category"),
            nullable=True,
        ),
        Field("seats", "integer", "Number of seats, where recorded.", attr("seats"), nullable=True),
        Field("active", "boolean", "False once the body has been dissolved.", attr("active")),
        Field("expired_on", "date", "When it was dissolved.", attr("expired_on"), nullable=True),
        Field(
            "terms_of_reference",
            "string",
            "Terms of reference (HTML).",
            blank_none("terms_of_reference"),
            nullable=True,
        ),
        ref_field("contact_officer", "people", "The officer to ask for."),
        Field(
            "contact_telephone",
            "string",
            "Democratic services telephone for the body.",
            blank_none("contact_telephone"),
            nullable=True,
        ),
        Field(
            "contact_email",
            "string",
            "Democratic services email for the body.",
            blank_none("contact_email"),
            nullable=True,
        ),
        Field(
            "meetings_url",
            "uri",
            "The body's meetings in the API.",
            lambda o, c: c.api(f"meetings/?body={o.pk}"),
        ),
        Field(
            "memberships_url",
            "uri",
            "The body's memberships in the API.",
            lambda o, c: c.api(f"memberships/?body={o.pk}"),
        ),
        UPDATED,
    ],
    rows=_bodies,
    filters=[
        UPDATED_SINCE,
        Filter("kind", "string", "Only bodies of this kind.", enum=BodyKind.values),
    ],
    apply=lambda rows, v: since(rows, v).filter(**({"kind": v["kind"]} if "kind" in v else {})),
    example_filter="kind=committee",
)


# --- people ---------------------------------------------------------------------------------


def _people():
    return Person.objects.annotate(
        modified=queries.modified(Person),
        councillor=Exists(TermOfOffice.objects.filter(person=OuterRef("pk"))),
    ).order_by("pk")


def _people_filter(rows, v):
    rows = since(rows, v)
    if "body" in v:
        rows = rows.filter(
            Exists(Membership.objects.filter(person=OuterRef("pk"), body_id=v["body"]))
        )
    return rows


PEOPLE = Resource(
    name="people",
    title="People",
    singular="person",
    description="Councillors, co-opted members, officers and others named in the record. "
    "Names are given as their parts; the display forms are built from them.",
    fields=[
        *id_field("people"),
        Field(
            "html_url",
            "uri",
            "The person's page on the council's website.",
            lambda o, c: c.site(o.get_absolute_url()),
        ),
        Field(
            "display_name",
            "string",
            'The formal form, e.g. "Mrs A D Allen, MBE".',
            attr("formal_name"),
        ),
        Field(
            "full_name",
            "string",
            "Forenames and surname where forenames are known, else the formal form.",
            attr("full_name"),
        ),
        Field(
            "title",
            "string",
            "Mr, Mrs, Dr … as the person uses it.",
            blank_none("title"),
            nullable=True,
        ),
        Field(
            "forenames",
            "string",
            "Forenames, where recorded.",
            blank_none("forenames"),
            nullable=True,
        ),
        Field(
            "initials",
            "string",
            'Initials separated by spaces, e.g. "A D".',
            blank_none("initials"),
            nullable=True,
        ),
        Field("surname", "string", "Surname.", attr("surname")),
        Field(
            "honours", "string", 'Post-nominals, e.g. "MBE".', blank_none("honours"), nullable=True
        ),
        Field(
            "councillor",
            "boolean",
            "Has been elected a councillor (has a term of office).",
            attr("councillor"),
        ),
        Field("email", "string", "Published email address.", blank_none("email"), nullable=True),
        Field(
            "telephone",
            "string",
            "Published telephone number.",
            blank_none("telephone"),
            nullable=True,
        ),
        Field(
            "memberships_url",
            "uri",
            "The person's memberships in the API.",
            lambda o, c: c.api(f"memberships/?person={o.pk}"),
        ),
        UPDATED,
    ],
    rows=_people,
    filters=[
        UPDATED_SINCE,
        Filter("body", "integer", "Only people who have had a seat on this body (its id)."),
    ],
    apply=_people_filter,
    example_filter="body=1",
)


# --- memberships ----------------------------------------------------------------------------


def _memberships():
    return (
        Membership.objects.select_related("group")
        .annotate(modified=queries.modified(Membership))
        .order_by("pk")
    )


def _memberships_filter(rows, v):
    rows = since(rows, v)
    if "body" in v:
        rows = rows.filter(body_id=v["body"])
    if "person" in v:
        rows = rows.filter(person_id=v["person"])
    if "from" in v:  # in force on or after
        rows = rows.filter(Q(end__isnull=True) | Q(end__gte=v["from"]))
    if "to" in v:  # begun by
        rows = rows.filter(start__lte=v["to"])
    return rows


MEMBERSHIPS = Resource(
    name="memberships",
    title="Memberships",
    singular="membership",
    description="Seats on bodies held by people for a period, in a role. A seat with no "
    "person is vacant.",
    fields=[
        *id_field("memberships"),
        ref_field("body", "bodies", "The body.", nullable=False),
        ref_field("person", "people", "Who holds the seat; null for a vacant seat."),
        Field(
            "role", "string", "The role in which the seat is held.", attr("role"), enum=Role.values
        ),
        Field(
            "political_group",
            "string",
            "The political group the seat is allocated to.",
            lambda o, c: o.group.name if o.group_id else None,
            nullable=True,
        ),
        Field("start", "date", "First day of the membership.", attr("start")),
        Field("end", "date", "Last day; null while it continues.", attr("end"), nullable=True),
        Field("notes", "string", "Notes.", blank_none("notes"), nullable=True),
        UPDATED,
    ],
    rows=_memberships,
    filters=[
        UPDATED_SINCE,
        BODY,
        Filter("person", "integer", "Only this person's (their id)."),
        Filter("from", "date", "Only memberships in force on or after this date."),
        Filter("to", "date", "Only memberships begun on or before this date."),
    ],
    apply=_memberships_filter,
    example_filter="body=1&from=2017-05-01",
)
