"""Absolute links to the public website, for emails and calendar entries sent out of any
request (the site's address comes from the ``MOOT_SITE_URL`` setting)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import NoReverseMatch, reverse

DEFAULT_SITE_URL = "http://127.0.0.1:8000"


def site_url() -> str:
    return getattr(settings, "MOOT_SITE_URL", DEFAULT_SITE_URL).rstrip("/")


def absolute(path: str) -> str:
    return site_url() + path


def reverse_or_none(name: str, args: list) -> str | None:
    """A page's path, or None when the website does not (yet) serve that page: an email must
    still go out if a link to one optional page cannot be built."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def host() -> str:
    """The site's host name, used to make calendar UIDs globally unique and stable."""
    return urlsplit(site_url()).hostname or "moot.invalid"


def meeting_uid(meeting_pk: int) -> str:
    """One UID per meeting, in emails and feeds alike, so calendars update the same event."""
    return f"meeting-{meeting_pk}@{host()}"
