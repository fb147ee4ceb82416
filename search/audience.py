"""Which rows of the index a user may find: the SQL twin of ``access.rules.may_see_exempt``.

Everyone finds the public rows. Exempt rows are found only by those entitled to that meeting's
(or that paper's) exempt business, signed in with both factors where their account needs it
(as the restricted papers require): democratic services; members of the body on the meeting's
date; officers named on the report; holders of a Monitoring Officer's grant in force today.
Everyone else finds nothing of them — no row, no snippet, and nothing in the count. The service
checks every exempt row it shows with ``may_see_exempt`` as well.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q

from access.models import AccessGrant
from access.rules import is_democratic_services, may_see_exempt, person_of, second_factor_given
from council.dates import authority_today
from council.models import Membership
from papers.models import Document, Report, ReportSigner

from .backends import Where


@dataclass
class Audience:
    everything: bool = False  # democratic services
    seats: list[tuple[int, dt.date, dt.date | None]] = field(default_factory=list)
    meeting_ids: set[int] = field(default_factory=set)
    body_ids: set[int] = field(default_factory=set)
    document_ids: set[int] = field(default_factory=set)

    @property
    def sees_exempt(self) -> bool:
        return self.everything or bool(
            self.seats or self.meeting_ids or self.body_ids or self.document_ids
        )

    def allowed(self) -> tuple[str, list]:
        """SQL: may see this exempt row (``e`` is the index table)."""
        parts, params = [], []
        for body_id, start, end in self.seats:
            if end is None:
                parts.append("(e.body_id = %s AND e.date >= %s)")
                params += [body_id, start.isoformat()]
            else:
                parts.append("(e.body_id = %s AND e.date >= %s AND e.date <= %s)")
                params += [body_id, start.isoformat(), end.isoformat()]
        for column, ids in (
            ("meeting_id", self.meeting_ids),
            ("body_id", self.body_ids),
            ("document_id", self.document_ids),
        ):
            if ids:
                parts.append(f"e.{column} IN ({', '.join(['%s'] * len(ids))})")
                params += sorted(ids)
        return (" OR ".join(parts) or "1=0"), params

    def restrict(self, where: Where) -> Where:
        if self.everything:
            return where.add("e.redacted = %s", False)
        if not self.sees_exempt:
            return where.add("e.exempt = %s", False)
        allowed, params = self.allowed()
        return where.add(
            f"(e.exempt = %s AND NOT (e.redacted = %s AND ({allowed}))) "
            f"OR (e.exempt = %s AND ({allowed}))",
            False,
            True,
            *params,
            True,
            *params,
        )


PUBLIC = Audience()


def _with_appendices(doc_ids: set[int]) -> set[int]:
    if not doc_ids:
        return set()
    return doc_ids | set(
        Document.objects.filter(parent_id__in=doc_ids).values_list("pk", flat=True)
    )


def audience(user, today: dt.date | None = None) -> Audience:
    """What ``user`` may find (anonymous or None: the public rows only)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return PUBLIC
    if not second_factor_given(user):
        return PUBLIC
    if is_democratic_services(user):
        return Audience(everything=True)
    person = person_of(user)
    if person is None:
        return PUBLIC

    today = today or authority_today()
    seats = list(Membership.objects.filter(person=person).values_list("body_id", "start", "end"))
    grants = AccessGrant.objects.filter(person=person, start__lte=today, end__gte=today)
    named = set(
        Report.objects.filter(Q(author=person) | Q(director=person)).values_list(
            "document_id", flat=True
        )
    )
    named |= set(
        ReportSigner.objects.filter(person=person).values_list("report__document_id", flat=True)
    )
    granted_docs = {d for d in grants.values_list("document_id", flat=True) if d}
    return Audience(
        seats=seats,
        meeting_ids={m for m in grants.values_list("meeting_id", flat=True) if m},
        body_ids={b for b in grants.values_list("body_id", flat=True) if b},
        document_ids=_with_appendices(named | granted_docs),
    )


def may_see_row(user, aud: Audience, entry) -> bool:
    """The second check, on each exempt row about to be shown."""
    if not entry.exempt:
        return True
    if not aud.sees_exempt or entry.meeting is None:
        return False
    document = None
    if entry.document_id:
        document = Document.objects.select_related("parent").filter(pk=entry.document_id).first()
    return may_see_exempt(user, entry.meeting, document)
