"""Clients and rows for the workspace's tests."""

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
