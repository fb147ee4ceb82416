"""The header's account links (sign in; or who is signed in, their summons consent page and
a sign-out button) and the subscribe links on committee, member and home pages."""

import html
import re

import pytest
from django.contrib.auth.models import User

from access.models import Account
from council.models import Membership, Person, Role
from moot.testing import verified_login

from .helpers import PR, body

pytestmark = pytest.mark.django_db


def header(response) -> str:
    content = response.content.decode()
    return content[content.index("<header") : content.index("</header>")]


def text_of(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def chairman() -> Person:
    return Membership.objects.filter(body=body(PR), role=Role.CHAIRMAN).first().person


def test_signed_out_header_offers_sign_in(client):
    part = header(client.get("/"))
    assert 'href="/sign-in/"' in part and ">Sign in<" in part
    assert "Sign out" not in part and "/account/summons-consent/" not in part


def test_signed_in_header_names_the_person_and_offers_consent_and_sign_out(client):
    person = chairman()
    user = User.objects.create_user("councillor", password="Long-enough-pass-1")
    Account.objects.create(user=user, person=person)
    verified_login(client, user)
    part = header(client.get(body(PR).get_absolute_url()))
    assert f"Signed in as {person.full_name}" in text_of(part)
    assert 'href="/account/summons-consent/"' in part
    form = re.search(r'<form[^>]*action="/sign-out/"[^>]*>.*?</form>', part, re.S).group(0)
    assert 'method="post"' in form and 'name="csrfmiddlewaretoken"' in form
    assert re.search(r'<button type="submit"[^>]*>Sign out</button>', form)
    assert "Sign in<" not in part


def test_an_account_without_a_person_is_named_by_its_own_name(client):
    user = User.objects.create_user("clerk", first_name="Clara", last_name="Clerk")
    client.force_login(user)
    assert "Signed in as Clara Clerk" in text_of(header(client.get("/")))


def test_the_sign_out_button_signs_out(client):
    user = User.objects.create_user("clerk")
    client.force_login(user)
    assert client.post("/sign-out/").status_code == 302
    assert ">Sign in<" in header(client.get("/"))


def test_committee_page_links_its_feeds(client):
    pr = body(PR)
    content = client.get(pr.get_absolute_url()).content.decode()
    head = content[: content.index("</head>")]
    for kind in ("rss", "atom", "ics"):
        assert f'href="/feeds/committees/{pr.slug}.{kind}"' in head
        assert content.count(f'href="/feeds/committees/{pr.slug}.{kind}"') == 2
    assert f'href="/subscriptions/new/?body={pr.slug}"' in content


def test_member_page_links_their_feeds(client):
    person = chairman()
    content = client.get(person.get_absolute_url()).content.decode()
    for kind in ("rss", "atom", "ics"):
        assert content.count(f'href="/feeds/members/{person.slug}.{kind}"') == 2
    assert client.get(f"/feeds/members/{person.slug}.rss").status_code == 200


def test_a_person_without_seats_has_no_feed_links(client):
    officer = (
        Person.objects.filter(terms__isnull=True, memberships__isnull=True).order_by("pk").first()
    )
    assert officer is not None, "the demo has officers without seats (e.g. John Lynch)"
    content = client.get(officer.get_absolute_url()).content.decode()
    assert "/feeds/members/" not in content
    assert client.get(f"/feeds/members/{officer.slug}.rss").status_code == 404


def test_home_page_links_the_authority_feeds(client):
    content = client.get("/").content.decode()
    for url in ("/feeds/meetings.rss", "/feeds/meetings.atom", "/feeds/meetings.ics"):
        assert content.count(f'href="{url}"') == 2
    assert 'href="/subscriptions/new/"' in content
