"""Who may see exempt and confidential information (docs/statutory-rules.md §1B; the policy
in docs/architecture.md, "Exempt information never leaks").

Entitled: democratic services officers and administrators; members of the body on the
meeting's date (memberships include substitutes and co-opted members); the officers named on a
report (signers, author, director) and the account that wrote it (``Document.created_by``,
for the report and its appendices); and anyone the Monitoring Officer has granted access to,
for the grant's period. Everyone else sees the item's title, its part and the Schedule 12A
paragraph, and nothing more.

Every account that could ever be entitled (``may_ever_see_exempt``) signs in with a second
factor, and ``may_see_exempt`` refuses a session of such an account that has not given it: the
sign-in, the restricted papers, exempt minutes and search all ask these two functions. "Today"
is the authority's date (``council.dates.authority_today``, Europe/London), never the server's.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from council.dates import authority_today
from council.models import Membership, Person
from meetings.models import Meeting
from papers.models import Document, Report, ReportSigner

from .models import AccessGrant, Account


def account_of(user):
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.account
    except Account.DoesNotExist:
        return None


def person_of(user) -> Person | None:
    account = account_of(user)
    return account.person if account else None


def is_democratic_services(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    account = account_of(user)
    return bool(user.is_superuser or (account and account.democratic_services))


#: The group whose members (with superusers) are administrators: they reach the back office.
ADMINISTRATORS = "Administrators"


def is_administrator(user) -> bool:
    """An administrator: an active superuser, or an active account in the ``Administrators``
    group. Only administrators reach the back office (the Django admin); what each may do
    there is their Django permissions. Democratic services work in the workspace."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(user.is_superuser or user.groups.filter(name=ADMINISTRATORS).exists())


def sits_on(person: Person, meeting: Meeting) -> bool:
    """A member of the meeting's body on its date (any role, substitutes included)."""
    serving = Membership.objects.on(meeting.date)
    return serving.filter(body_id=meeting.body_id, person=person).exists()


def named_on(person: Person, document) -> bool:
    """An officer named on the report (signer, author or relevant director)."""
    report = document.report_or_none if document is not None else None
    if report is None and document is not None and document.parent_id:
        report = document.parent.report_or_none
    if report is None:
        return False
    return (
        person.pk in (report.author_id, report.director_id)
        or report.signers.filter(person=person).exists()
    )


def wrote(user, document) -> bool:
    """The account that created the paper, or the report it is an appendix of."""
    if document is None or not getattr(user, "is_authenticated", False):
        return False
    writers = {document.created_by_id}
    if document.parent_id:
        writers.add(document.parent.created_by_id)
    return user.pk in writers


def granted(person: Person, meeting: Meeting, document=None, today: dt.date | None = None) -> bool:
    today = today or authority_today()
    scope = Q(body_id=meeting.body_id) | Q(meeting_id=meeting.pk)
    if document is not None:
        scope |= Q(document_id=document.pk)
        if document.parent_id:
            scope |= Q(document_id=document.parent_id)
    in_force = AccessGrant.objects.filter(start__lte=today, end__gte=today)
    return in_force.filter(scope, person=person).exists()


def may_see_exempt(user, meeting: Meeting, document=None) -> bool:
    """May ``user`` see the exempt business of ``meeting`` (or this exempt ``document`` of it)?

    Never in a session that has not given the second factor its account needs.
    """
    if not second_factor_given(user):
        return False
    if is_democratic_services(user):
        return True
    if not user.is_active:
        return False
    if wrote(user, document):
        return True
    person = person_of(user)
    if person is None:
        return False
    return (
        sits_on(person, meeting)
        or (document is not None and named_on(person, document))
        or granted(person, meeting, document)
    )


def may_ever_see_exempt(user) -> bool:
    """Could this account see any exempt information, by any route? Then it needs two factors.

    The routes are those of ``may_see_exempt``: democratic services (and staff, who reach the
    back office); a membership of any body, past, present or future (substitutes and co-opted
    members included); being named on any report (author, director or signer); and any grant
    by the Monitoring Officer, whatever its period; having written any paper.
    """

    if not getattr(user, "is_authenticated", False):
        return False
    if is_democratic_services(user) or user.is_staff:
        return True
    if Document.objects.filter(created_by=user).exists():
        return True
    person = person_of(user)
    if person is None:
        return False
    return (
        person.memberships.exists()
        or person.grants.exists()
        or Report.objects.filter(Q(author=person) | Q(director=person)).exists()
        or ReportSigner.objects.filter(person=person).exists()
    )


def second_factor_given(user) -> bool:
    """False for a session of an account that needs a second factor and has not given it."""
    if not may_ever_see_exempt(user):
        return True
    is_verified = getattr(user, "is_verified", None)  # set by django-otp's middleware
    return bool(callable(is_verified) and is_verified())


# The former name, kept for callers outside access (sign-in, clerking, search ask the same rule).
needs_two_factor = may_ever_see_exempt
