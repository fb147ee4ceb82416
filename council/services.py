"""Every change to the council's record goes through these functions.

Each checks the actor's permission first (democratic services, a system actor, or the back
office's Django permission on the model: ``audit.actors.require_model_permission``), validates
(the rules in ``council.rules``), saves in one transaction and writes the audit trail. The
back office, the demo loader and later the API all call them.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from audit import trail
from audit.actors import Actor, require_model_permission
from council.dates import authority_today

from .models import Authority, Body, Membership, Person, PersonNameForm, Role


def unique_slug(model, text: str, instance=None, field: str = "slug") -> str:
    """A slug for ``text`` not used by another row of ``model``."""
    base = slugify(text)[:100] or "item"
    slug, n = base, 2
    qs = model._default_manager.all()
    if instance is not None and instance.pk:
        qs = qs.exclude(pk=instance.pk)
    while qs.filter(**{field: slug}).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def save_person(person: Person, *, actor: Actor) -> Person:
    """Create or change a person; gives a readable unique slug when none is set."""
    require_model_permission(actor, person)
    if not person.slug:
        person.slug = unique_slug(
            Person,
            " ".join(p for p in (person.forenames or person.initials, person.surname) if p),
            person,
        )
    return trail.save(person, actor=actor)


def add_name_form(
    person: Person,
    text: str,
    kind: str = "variant",
    source: str = "",
    *,
    actor: Actor,
) -> PersonNameForm:
    """Record another written form of a person's name; an existing identical form is returned."""
    require_model_permission(actor, PersonNameForm, "add")
    existing = PersonNameForm.objects.filter(person=person, text=text).first()
    if existing:
        return existing
    return trail.save(
        PersonNameForm(person=person, text=text, kind=kind, source=source),
        actor=actor,
        event="council.name_form_added",
    )


def save_body(body: Body, *, actor: Actor) -> Body:
    """Create or change a body; gives a readable unique slug when none is set."""
    require_model_permission(actor, body)
    if not body.slug:
        body.slug = unique_slug(Body, body.name, body)
    return trail.save(body, actor=actor)


def save_membership(
    membership: Membership, *, actor: Actor, event: str | None = None
) -> Membership:
    """Create or change a membership (``event``: what ``appoint`` and ``end_membership`` did).

    Refuses (``PermissionDenied``) an actor without permission to add or change memberships,
    and (``ValidationError``, nothing saved): a second chairman or vice-chairman at the
    same time; an overlapping membership of the same person in the same body; more seats
    filled or allocated than the body has; an end before the start.
    """
    require_model_permission(actor, membership)
    with transaction.atomic():
        # Serialise membership changes per body so two officers cannot both take the last seat.
        Body.objects.select_for_update().filter(pk=membership.body_id).first()
        return trail.save(membership, actor=actor, event=event)


def end_membership(membership: Membership, end: dt.date, *, actor: Actor) -> Membership:
    """End a membership on ``end`` (inclusive)."""
    membership.end = end
    return save_membership(membership, actor=actor, event="council.membership_ended")


def appoint(
    body: Body,
    person: Person | None,
    role: str = Role.MEMBER,
    start: dt.date | None = None,
    group=None,
    end: dt.date | None = None,
    *,
    actor: Actor,
) -> Membership:
    """Appoint ``person`` (or record a vacant seat when ``person`` is None) to ``body``."""
    return save_membership(
        Membership(
            body=body,
            person=person,
            role=role,
            group=group,
            start=start or authority_today(),
            end=end,
        ),
        actor=actor,
        event="council.member_appointed",
    )


def set_demonstration_date(day: dt.date | None, *, actor: Actor) -> Authority:
    """Show the installation as at ``day`` (``council.dates.authority_today``), or at the real
    date when None. For demonstrations only (``moot demo --as-at``): a council's own record
    never has one. Refuses (nothing saved) an actor without permission to change the
    authority, no authority, or a ``day`` that is not a date.
    """
    require_model_permission(actor, Authority, "change")
    if day is not None and (not isinstance(day, dt.date) or isinstance(day, dt.datetime)):
        raise ValidationError({"as_at": "The demonstration date must be a date."})
    authority = Authority.current()
    if authority is None:
        raise ValidationError("There is no council record to date: load the demo first.")
    authority.as_at = day
    return trail.save(authority, actor=actor, event="council.demonstration_date_set")
