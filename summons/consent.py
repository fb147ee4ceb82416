"""The e-summons consent ledger (SI 2015/5; statutory-rules §2.4 and §6.1).

A summons may go by email only to an address the member has consented to, while that consent
stands. Withdrawal takes effect from its effective day and switches the member to post.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied

from access.rules import person_of
from audit import trail
from audit.actors import Actor, check, name_of, require_model_permission, user_of
from council.dates import authority_today
from council.models import Person

from .models import ConsentMethod, Decision, SummonsConsent


def in_force(person: Person, day: dt.date) -> SummonsConsent | None:
    """The ledger entry in force on ``day``: the latest effective on or before it (the one
    recorded last when several take effect the same day)."""
    return (
        SummonsConsent.objects.filter(person=person, effective__lte=day)
        .order_by("-effective", "-recorded_at", "-pk")
        .first()
    )


def in_force_for(people: list[Person], day: dt.date) -> dict[int, SummonsConsent]:
    """``in_force`` for many people in one query (a full council is summoned at once)."""
    found: dict[int, SummonsConsent] = {}
    for entry in SummonsConsent.objects.filter(person__in=people, effective__lte=day).order_by(
        "person_id", "-effective", "-recorded_at", "-pk"
    ):
        found.setdefault(entry.person_id, entry)
    return found


def address_on(person: Person, day: dt.date) -> str:
    """The address to email ``person``'s summons to on ``day``; "" when it must be posted."""
    entry = in_force(person, day)
    if entry is None or entry.decision != Decision.GIVEN:
        return ""
    return entry.email


def consent_on(person: Person, day: dt.date) -> bool:
    """Had ``person`` consented (and not withdrawn) to electronic summons on ``day``?"""
    entry = in_force(person, day)
    return entry is not None and entry.decision == Decision.GIVEN


def history(person: Person) -> list[SummonsConsent]:
    return list(SummonsConsent.objects.filter(person=person).select_related("recorded_by"))


def record(
    person: Person,
    decision: str,
    email: str = "",
    *,
    method: str = ConsentMethod.SELF_SERVICE,
    effective: dt.date | None = None,
    evidence: str = "",
    actor: Actor,
) -> SummonsConsent:
    """Add a ledger entry (validated and audited). Refuses (``PermissionDenied``) an actor who
    is neither the member (the self-service page) nor permitted to add consent records (the
    back office's rule; democratic services and system actors are); raises
    ``ValidationError`` when a consent names no address."""
    check(actor)
    if person_of(actor) != person:
        try:
            require_model_permission(actor, SummonsConsent, "add")
        except PermissionDenied:
            raise PermissionDenied("A member records their own consent to email.") from None
    entry = SummonsConsent(
        person=person,
        decision=decision,
        email=email.strip(),
        method=method,
        effective=effective or authority_today(),
        evidence=evidence,
        recorded_by=user_of(actor),
        recorded_by_name=name_of(actor),
    )
    return trail.save(entry, actor=actor, event="summons.consent_recorded")
