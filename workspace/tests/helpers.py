"""Clients, rows and page readers for the workspace's tests."""

from __future__ import annotations

import html
import re

from django.contrib.auth.models import User
from django.test import Client

from access.models import Account
from moot import testing as t


def officer() -> Client:
    """Democratic services, signed in with both factors."""
    return t.verified_login(Client(), t.account(democratic_services=True))


def others() -> list[tuple[str, Client, int]]:
    """Everyone else, with the answer each gets from a workspace page: signed out and signed
    in with a password only are sent to sign in; a councillor and a staff account that is
    not democratic services are refused."""
    password_only = Client()
    password_only.force_login(t.account(democratic_services=True))
    councillor = User.objects.create_user(f"councillor{t.person().pk}")
    Account.objects.create(user=councillor, person=t.person())
    staff = t.account(perms=("meetings.view_meeting", "papers.add_agendapack"))
    return [
        ("signed out", Client(), 302),
        ("password only", password_only, 302),
        ("councillor", t.verified_login(Client(), councillor), 403),
        ("staff", t.verified_login(Client(), staff), 403),
    ]


def text(response) -> str:
    """The page's words, tags removed and spaces collapsed."""
    words = html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))
    return re.sub(r"\s+", " ", words).strip()


def error_summary(response) -> list[str]:
    """The messages of the page's GOV.UK error summary (none: an empty list)."""
    html = response.content.decode()
    match = re.search(r'govuk-error-summary__list">(.*?)</ul>', html, re.S)
    if match is None:
        return []
    rows = re.findall(r"<li>(.*?)</li>", match.group(1), re.S)
    return [text_of(row) for row in rows]


def text_of(html: str) -> str:
    plain = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
    return plain.replace("&#x27;", "'").replace("&quot;", '"').replace("&amp;", "&")


def value_of(response, name: str) -> str | None:
    """The value of the input called ``name`` on the page, as it will be shown."""
    html = response.content.decode()
    match = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', html)
    if match is None:
        return None
    value = re.search(r'value="([^"]*)"', match.group(0))
    return text_of(value.group(1)) if value else ""


def refused_for_others(urls: list[str], posted: dict[str, dict] | None = None) -> None:
    """Signed out: to sign-in; signed in but not democratic services (a member of staff with
    the back office's permissions on meetings and memberships): 403, for each address and
    for each form ``posted`` to its address."""
    perms = ("meetings.add_meeting", "meetings.change_meeting", "council.change_membership")
    staff = t.verified_login(Client(), t.account(perms=perms))
    for url in urls:
        response = Client().get(url)
        assert response.status_code == 302 and response["Location"].startswith("/sign-in/"), url
        assert staff.get(url).status_code == 403, url
    for url, data in (posted or {}).items():
        response = Client().post(url, data)
        assert response.status_code == 302 and response["Location"].startswith("/sign-in/"), url
        assert staff.post(url, data).status_code == 403, url
