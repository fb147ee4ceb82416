"""Removing the council record so ``moot demo --replace`` can load another council.

The audit trail is kept (it is the history of the installation); one summary entry records
what was removed, rather than one entry per row, so replacing a benchmark council of
hundreds of thousands of rows stays quick.
"""

from __future__ import annotations

from django.core.management.base import CommandError
from django.db.models import ProtectedError

from audit import trail
from audit.actors import Actor
from audit.models import AuditEntry
from council.models import (
    Authority,
    Body,
    Division,
    Membership,
    Person,
    PoliticalGroup,
    Post,
)
from meetings.models import AgendaItem, AgendaTemplate, Meeting, Venue
from papers.models import Document


def wipe(actor: Actor) -> dict[str, int]:
    """Delete the authority and everything recorded about its council. Call in a transaction."""
    counts = {
        "people": Person.objects.count(),
        "bodies": Body.objects.count(),
        "memberships": Membership.objects.count(),
        "meetings": Meeting.objects.count(),
        "agenda items": AgendaItem.objects.count(),
        "papers": Document.objects.filter(parent=None).count(),
    }
    authority = Authority.current()
    if authority is not None:
        trail.record(
            AuditEntry.Action.DELETE,
            authority,
            {"council record": [counts, None]},
            actor=actor,
            event="demo.council_record_removed",
        )
    try:
        # Meetings first: bodies and venues are protected while meetings refer to them. Their
        # agendas and packs go with them; then the papers (with their versions and report
        # headers, which protect the bodies and people they name).
        Meeting.objects.all().delete()
        Document.objects.all().delete()
        # A sub-committee protects its parent; unhook the tree before deleting it.
        Body.objects.update(parent=None, default_venue=None, contact_officer=None)
        Body.objects.all().delete()
        # People take their seats, terms, name forms, groups and posts held with them.
        Person.objects.all().delete()
        for model in (AgendaTemplate, PoliticalGroup, Division, Post, Venue, Authority):
            model.objects.all().delete()
    except ProtectedError as exc:
        names = sorted({type(o).__name__ for o in exc.protected_objects})
        raise CommandError(
            "Cannot replace the council record: other records still refer to it "
            f"({', '.join(names)}). Remove those first."
        ) from exc
    return counts
