"""What the printable dispatch list and summonses show (``summons/print/dispatch.html``), for
every screen that prints them: the back office and the officers' workspace."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from council.models import Person

from .agenda import agenda
from .models import EmailLog, SummonsIssue
from .render import salutation, summons_for
from .services import already_summoned


def emailed(issue: SummonsIssue) -> int:
    """How many summonses of ``issue`` were emailed (queued, sent or failed)."""
    return EmailLog.objects.filter(key__startswith=f"summons:{issue.pk}:").count()


def print_context(issue: SummonsIssue, person: Person | None = None) -> dict[str, Any]:
    """The dispatch list of ``issue`` with a summons for each member on it, one page each when
    printed; with ``person``, that member's copy alone (e.g. to replace one lost in the post)."""
    if person is None:
        entries = list(issue.dispatch.select_related("person"))
        people = [e.person for e in entries]
    else:
        entries, people = None, [person]
    summons = summons_for(
        issue.meeting, agenda(issue.meeting), issue.kind, timezone.localdate(issue.published_at)
    )
    before = already_summoned(issue.meeting) if summons.is_supplement else set()
    return {
        "issue": issue,
        "s": summons,
        "entries": entries,
        "emailed": emailed(issue),
        "copies": [(p, salutation(p), p.pk in before) for p in people],
    }
