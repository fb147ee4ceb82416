"""The demo council's public site as a visitor who is signed out gets it, fetched once a session.

Two crawls read the same pages: every internal link leads somewhere (``test_pages``) and every
page has a title of its own (``test_titles``). Both read the demo as loaded, so a page is
fetched once and the second crawl reads what the first fetched. Only for tests that change
nothing before they read: a change to the record through its services (an audit entry)
empties what was fetched, so a page is never answered from before the change.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Max
from django.test import Client

from audit.models import AuditEntry


@dataclass(frozen=True)
class Page:
    status_code: int
    content_type: str
    location: str
    content: bytes


_pages: dict[str, Page] = {}
_record: list[object] = [None]


def get(url: str) -> Page:
    record = AuditEntry.objects.aggregate(last=Max("pk"))["last"], AuditEntry.objects.count()
    if record != _record[0]:
        _pages.clear()
        _record[0] = record
    if url not in _pages:
        response = Client().get(url)
        _pages[url] = Page(
            response.status_code,
            response.get("Content-Type", ""),
            response.get("Location", ""),
            b"".join(response.streaming_content) if response.streaming else response.content,
        )
    return _pages[url]
