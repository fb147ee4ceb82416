"""The back office is for administrators only (issue 13): a superuser or an account in the
Administrators group (``access.rules.is_administrator``). Democratic services officers who are
neither, and officers holding every Django permission, are refused with a page leading to the
workspace; nothing in the workspace, the clerk's screen or the public site links into it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client

from access.rules import is_administrator
from moot import testing as t

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["/admin/", "/admin/meetings/meeting/", "/admin/summons/emaillog/", "/admin/login/"]


def refused(client: Client) -> None:
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 403, url
        page = response.content.decode()
        assert "Only administrators can use the back office" in page, url
        assert 'href="/office/"' in page, url


def test_a_democratic_services_officer_is_refused():
    officer = t.account(democratic_services=True)
    assert not is_administrator(officer)
    refused(t.verified_login(Client(), officer))


def test_an_officer_holding_every_permission_is_refused():
    officer = t.account()
    officer.user_permissions.set(Permission.objects.all())
    refused(t.verified_login(Client(), User.objects.get(pk=officer.pk)))


def test_administrators_reach_it():
    member = t.administrator(t.account(perms=("meetings.view_meeting",)))
    assert is_administrator(member)
    client = t.verified_login(Client(), member)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/meetings/meeting/").status_code == 200
    # Their Django permissions say what they may do there.
    assert client.get("/admin/summons/emaillog/").status_code == 403
    root = User.objects.create_superuser("root-admin", password="Long-enough-pass-1")
    assert t.verified_login(Client(), root).get("/admin/summons/emaillog/").status_code == 200


def test_an_inactive_administrator_is_not_one():
    member = t.administrator(t.account())
    member.is_active = False
    member.save()
    assert not is_administrator(member)


def test_signed_out_and_password_only_are_sent_to_sign_in():
    root = User.objects.create_superuser("root-pw", password="Long-enough-pass-1")
    password_only = Client()
    password_only.force_login(root)
    for client in (Client(), password_only):
        response = client.get("/admin/", follow=True)
        assert response.redirect_chain[-1][0].startswith("/sign-in/?next=/admin/")


ADMIN_LINK = re.compile(r"""href="/admin|\{%\s*url\s+['"]admin:|reverse\(\s*f?['"]admin:""")


def test_nothing_officers_use_links_into_the_back_office():
    folders = ["workspace", "clerking", "website", "templates", "access/templates"]
    found = []
    for folder in folders:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix not in (".html", ".py") or "tests" in path.parts:
                continue
            for n, line in enumerate(path.read_text().splitlines(), 1):
                if ADMIN_LINK.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{n}")
    assert not found, found
