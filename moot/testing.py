"""Small builders for tests: real rows made through the service functions."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from contextlib import contextmanager

from audit.testing import TEST_ACTOR
from council import services as council_services
from council.models import Body, BodyKind, GroupMembership, Person, PoliticalGroup
from meetings import services as meeting_services
from meetings.models import AgendaItem, AgendaTemplate, AgendaTemplateItem, Meeting, Venue

_seq = itertools.count(1)
dt = dt  # re-exported for tests


def person(surname: str | None = None, title: str = "Mr", initials: str = "A", **kw) -> Person:
    return council_services.save_person(
        Person(title=title, initials=initials, surname=surname or f"Testperson{next(_seq)}", **kw),
        actor=TEST_ACTOR,
    )


def body(
    name: str | None = None, seats: int | None = None, kind: str = BodyKind.COMMITTEE, **kw
) -> Body:
    return council_services.save_body(
        Body(name=name or f"Test Committee {next(_seq)}", seats=seats, kind=kind, **kw),
        actor=TEST_ACTOR,
    )


def group(name: str | None = None) -> PoliticalGroup:
    name = name or f"Group {next(_seq)}"
    g, _ = PoliticalGroup.objects.get_or_create(
        name=name, defaults={"slug": name.lower().replace(" ", "-")}
    )
    return g


def join_group(p: Person, g: PoliticalGroup, start: dt.date, end: dt.date | None = None):
    return GroupMembership.objects.create(person=p, group=g, start=start, end=end)


def venue(room: str | None = None) -> Venue:
    return meeting_services.save_venue(
        Venue(room=room or f"Room {next(_seq)}", building="Test House"), actor=TEST_ACTOR
    )


def meeting(b: Body | None = None, date: dt.date | None = None, **kw) -> Meeting:
    return meeting_services.save_meeting(
        Meeting(body=b or body(), date=date or dt.date(2030, 1, 15), **kw), actor=TEST_ACTOR
    )


def meeting_with_a_short_paper(body_name: str, actor=TEST_ACTOR) -> Meeting:
    """A meeting with one item and one short report on it: a pack of a few pages, quick to
    build (the task workers' test and benchmark queue hundreds)."""
    from papers import services
    from papers.models import Document, Report

    m = meeting(body(body_name))
    on = item(m, "1", "Budget")
    doc = services.save_document(Document(title="Budget monitoring"), actor=actor)
    services.add_version(doc, html="<p>The budget is on track.</p>", actor=actor)
    Report.objects.create(document=doc, no_background_documents=True)
    services.attach(on, doc, actor=actor)
    return m


def item(m: Meeting, number: str, title: str = "An item", **kw) -> AgendaItem:
    return meeting_services.save_agenda_item(
        AgendaItem(meeting=m, number=number, title=title, **kw), actor=TEST_ACTOR
    )


def agenda_template(
    b: Body | None = None, *items: tuple, kind: str = "", numbering: str = "numbers"
) -> AgendaTemplate:
    """A template of body ``b`` (or the default for bodies of ``kind``) with standard
    ``items``: (position, title, item kind[, purpose[, part, paragraph]])."""
    from meetings import agenda_templates

    template = agenda_templates.save_template(
        AgendaTemplate(body=b, body_kind=kind, numbering=numbering), actor=TEST_ACTOR
    )
    for position, title, item_kind, *rest in items:
        purpose = rest[0] if rest else ""
        part, paragraph = (rest[1], rest[2]) if len(rest) > 2 else ("public", None)
        agenda_templates.save_template_item(
            AgendaTemplateItem(
                template=template,
                position=position,
                title=title,
                kind=item_kind,
                purpose=purpose,
                part=part,
                exempt_paragraph=paragraph,
            ),
            actor=TEST_ACTOR,
        )
    return template


def verified_login(client, user):
    """Sign ``user`` in with both factors, as the back office and exempt papers require."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(
        user=user, confirmed=True
    ).first() or TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def account(
    username: str | None = None,
    *,
    staff: bool = True,
    democratic_services: bool = False,
    perms: tuple[str, ...] = (),
):
    """An account to act as: by default an officer (staff) holding no permission at all and
    not democratic services. ``perms`` are Django permissions as "app_label.codename"."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    from access.models import Account

    user = get_user_model().objects.create_user(username or f"account{next(_seq)}", is_staff=staff)
    Account.objects.create(user=user, democratic_services=democratic_services)
    for perm in perms:
        app_label, codename = perm.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return get_user_model().objects.get(pk=user.pk)  # without the cached permissions


def administrator(user):
    """``user`` made an administrator (the Administrators group): they reach the back office,
    where their Django permissions say what they may do (``access.rules.is_administrator``)."""
    from django.contrib.auth.models import Group

    from access.rules import ADMINISTRATORS

    user.groups.add(Group.objects.get_or_create(name=ADMINISTRATORS)[0])
    return user


@contextmanager
def writes_nothing() -> Iterator[None]:
    """The block writes no audit entry: every change to the record goes through the trail,
    so a refused change leaves the trail as it was."""
    from audit.models import AuditEntry

    before = AuditEntry.objects.count()
    yield
    assert AuditEntry.objects.count() == before, "a refused change wrote to the audit trail"


def published_pdf_paper(
    meeting: Meeting, item: AgendaItem, title: str, classification, paragraph=None
):
    """A paper uploaded as a two-page PDF on ``item``, published with the meeting's first
    agenda publication (public or not as its ``classification`` says). Returns the document
    and the name of its file in the private storage."""
    from audit.actors import SystemActor
    from papers import services
    from papers import testing as made
    from papers.models import Document, Report
    from publishing.models import AgendaPublication

    doc = services.save_document(
        Document(title=title, classification=classification, exempt_paragraph=paragraph),
        actor=TEST_ACTOR,
    )
    version = services.add_version(
        doc, upload=made.pdf(2, title), filename="paper.pdf", actor=TEST_ACTOR
    )
    services.publish_version(version, actor=SystemActor("test"))
    Report.objects.create(document=doc, no_background_documents=True)
    link = services.attach(item, doc, actor=TEST_ACTOR)
    publication = AgendaPublication.objects.filter(meeting=meeting).order_by("number").first()
    publication.papers = [*publication.papers, link.pk]
    publication.save(update_fields=["papers"])
    return doc, version.source_file.name
