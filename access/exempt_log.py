"""The one place that records a view or download of exempt information (``ExemptAccess``).

Every surface that shows exempt business to someone entitled to it (``access.rules``) calls
``record``: the restricted papers and the members' pack, search results, the clerk's screen
and the back office (docs/statutory-rules.md, access to exempt information; the log is the
Monitoring Officer's evidence of who saw what, where and when).
"""

from __future__ import annotations

from papers.models import ItemPaper

from .models import ExemptAccess, Surface
from .throttle import client_ip

__all__ = ["Surface", "record"]


def record(
    request, surface: str, description: str, *, action: str = "view", meeting=None, document=None
) -> ExemptAccess:
    """Log that ``request.user`` saw (or downloaded) ``description`` on ``surface``."""
    user = request.user
    if meeting is None and document is not None:
        meeting = _meeting_of(document)
    return ExemptAccess.objects.create(
        user=user if user.is_authenticated else None,
        username=user.get_username(),
        document=document,
        meeting=meeting,
        surface=surface,
        action=action,
        description=description[:300],
        ip_address=client_ip(request),
    )


def _meeting_of(document):
    top = document.parent_id or document.pk
    paper = ItemPaper.objects.filter(document_id=top).select_related("item__meeting").first()
    return paper.item.meeting if paper else None


def record_clerk_screen(request, meeting, item, minutes) -> None:
    """The clerk's screen showed an exempt agenda item (its motions and votes) or exempt
    minutes."""
    if item is not None and item.is_exempt:
        record(
            request, Surface.CLERK, f"{meeting}: item {item.number}, {item.title}", meeting=meeting
        )
    for minute in minutes:
        if minute.exempt and not (item is not None and item.is_exempt):
            record(request, Surface.CLERK, f"{meeting}: exempt minute {minute}", meeting=meeting)
