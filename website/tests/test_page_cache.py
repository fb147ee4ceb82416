"""The public page cache (website/cache.py, audit/generation.py): anonymous public pages are
kept until the record changes, and nothing personal is ever shared."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import Client
from django.utils import timezone

from access.models import Account
from audit import generation
from audit.testing import TEST_ACTOR
from council.services import save_body
from moot import testing as t
from website import cache

from .helpers import PR, body, meeting, text
from .page_cache_setup import page_cache_on

pytestmark = pytest.mark.django_db

SEPT_15 = dt.date(2017, 9, 15)


@pytest.fixture
def caching(settings, tmp_path):
    page_cache_on(settings, tmp_path)
    return settings


def page_url() -> str:
    return meeting(PR, SEPT_15).get_absolute_url()


def test_an_anonymous_page_is_kept_and_served_again(caching, client):
    first = client.get(page_url())
    assert first.status_code == 200 and first[cache.STATUS] == "miss"
    again = client.get(page_url())
    assert again[cache.STATUS] == "hit"
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    for response in (first, again):
        assert int(response["X-Accel-Expires"]) > 0  # nginx may keep it (deploy/nginx)
        assert response["Cache-Control"] == "public, no-cache"  # browsers revalidate
        assert response["ETag"] and not response.cookies
        assert "Signed in as" not in response.content.decode()
        assert "csrfmiddlewaretoken" not in response.content.decode()
    # A browser revalidating gets a 304 from the cache.
    unchanged = client.get(page_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert unchanged.status_code == 304 and unchanged["ETag"] == first["ETag"]


def test_every_kind_of_public_page_is_kept(caching, client):
    m = meeting(PR, SEPT_15)
    urls = [
        "/",
        "/committees/",
        f"/committees/{m.body.slug}/",
        m.get_absolute_url(),
        "/calendar/",
        "/members/",
        "/decisions/",
        f"/feeds/committees/{m.body.slug}.rss",
        "/feeds/meetings.ics",
        "/search/?q=budget",
        f"/api/meetings/{m.pk}/",
        f"/mgWebService.asmx/GetMeeting?lMeetingId={m.pk}",
        "/sitemap.xml",
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
        kept = client.get(url)
        assert kept[cache.STATUS] == "hit", url
        assert b"csrfmiddlewaretoken" not in kept.content and not kept.cookies, url


def test_a_change_to_the_record_is_shown_by_the_first_request_after_it(
    caching, client, django_capture_on_commit_callbacks
):
    committee = body(PR)
    url = f"/committees/{committee.slug}/"
    assert client.get(url)[cache.STATUS] == "miss"
    assert client.get(url)[cache.STATUS] == "hit"
    before = generation.current()
    with django_capture_on_commit_callbacks(execute=True):
        committee.name = "Policy and Resources Renamed Committee"
        save_body(committee, actor=TEST_ACTOR)
    assert generation.current() != before
    response = client.get(url)
    assert response[cache.STATUS] == "miss"
    assert "Policy and Resources Renamed Committee" in text(response)


def test_a_transaction_moves_the_generation_once_and_a_rolled_back_one_not_at_all(
    caching, django_capture_on_commit_callbacks
):
    before = generation.current()
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            t.person("Firstchange")
            t.person("Secondchange")
            waiting = [f for _, f, _ in connection.run_on_commit]
            bump = generation._bump_after_commit
            bumps = [f for f in waiting if getattr(f, "func", None) is bump]
            assert len(bumps) == 1, "one new generation for the transaction's changes"
    assert generation.current() != before
    with django_capture_on_commit_callbacks() as callbacks:
        try:
            with transaction.atomic():
                t.person("Undone")
                raise RuntimeError
        except RuntimeError:
            pass
    assert callbacks == []


def test_the_generation_is_a_link_nginx_resolves_and_old_entries_go(caching, monkeypatch):
    folder = caching.MOOT_PUBLIC_GENERATION_DIR
    first = generation.current()
    assert (folder / "current").resolve() == folder / f"g-{first}"
    second = generation.bump()
    assert second != first and generation.current() == second
    assert (folder / f"g-{first}").exists(), "kept for readers of the old link, for a while"
    monkeypatch.setattr(generation, "GRACE_SECONDS", -1)
    monkeypatch.setattr(generation, "_last_sweep", [0.0])
    third = generation.bump()
    assert sorted(p.name for p in folder.iterdir()) == ["current", f"g-{third}"]


def test_signed_in_pages_are_never_shared(caching, client):
    user = User.objects.create_user("cachemember", password="Long-enough-pass-1")
    Account.objects.create(user=user, democratic_services=True)
    signed_in = t.verified_login(Client(), user)
    for _ in range(2):
        response = signed_in.get(page_url())
        assert "Signed in as" in response.content.decode()
        assert cache.STATUS not in response
        assert response["X-Accel-Expires"] == "0"
        assert "private" in response["Cache-Control"]
    # Nothing the signed-in user saw was stored: the public's first visit renders afresh.
    public = client.get(page_url())
    assert public[cache.STATUS] == "miss"
    assert "Signed in as" not in public.content.decode()
    assert "csrfmiddlewaretoken" not in public.content.decode()
    # A public page in the cache is not served to someone signed in.
    assert client.get(page_url())[cache.STATUS] == "hit"
    assert "Signed in as" in signed_in.get(page_url()).content.decode()


def test_personal_requests_and_private_addresses_are_not_shared(caching, client):
    url = page_url()
    client.get(url)
    assert cache.STATUS not in client.get(url, HTTP_AUTHORIZATION="Bearer x")
    client.cookies["messages"] = "something"
    assert cache.STATUS not in client.get(url)
    del client.cookies["messages"]
    for private in ("/sign-in/", "/healthz", "/readyz", "/admin/", "/office/"):
        response = client.get(private)
        assert cache.STATUS not in response, private
        assert response["X-Accel-Expires"] == "0", private
    assert client.post(url)["X-Accel-Expires"] == "0"
    missing = client.get("/meetings/999999/")
    assert missing.status_code == 404 and missing["X-Accel-Expires"] == "0"


def test_a_page_with_a_form_is_not_shared(caching, client):
    """The subscription form carries a CSRF token and sets its cookie: never kept."""
    response = client.get(f"/subscriptions/new/?committee={body(PR).slug}")
    assert response["X-Accel-Expires"] == "0" and cache.STATUS not in response
    # Whatever the address, a response that sets a cookie is not shareable.
    with_cookie = HttpResponse("<form>token</form>")
    with_cookie.set_cookie("csrftoken", "x")
    assert not cache.shareable(with_cookie)
    varied = HttpResponse("x", headers={"Vary": "Accept-Language"})
    assert not cache.shareable(varied)
    assert not cache.shareable(HttpResponse("x", headers={"Cache-Control": "private"}))
    assert cache.shareable(HttpResponse("x", headers={"Vary": "Cookie"}))


def test_an_anonymous_visitor_with_a_csrf_cookie_gets_the_shared_page(caching, client):
    client.get(page_url())
    client.cookies["csrftoken"] = "a" * 32
    response = client.get(page_url())
    assert response[cache.STATUS] == "hit"
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_without_the_store_nginx_is_still_told_what_it_may_keep(settings, client):
    settings.MOOT_PAGE_CACHE = False
    response = client.get(page_url())
    assert int(response["X-Accel-Expires"]) > 0
    assert client.get(page_url())[cache.STATUS] == "miss"


def test_an_entry_never_outlives_the_day(settings, monkeypatch):
    """An entry kept late in the evening ends at the authority's midnight, when "today" (and
    so what the pages say is coming up) moves on; earlier in the day the configured bound
    ends it first. The clock is set, not measured."""
    settings.MOOT_PAGE_CACHE_SECONDS = 3600
    bound = dt.timedelta(seconds=settings.MOOT_PAGE_CACHE_SECONDS)
    late = timezone.make_aware(dt.datetime(2024, 3, 5, 23, 59, 30))
    monkeypatch.setattr(timezone, "localtime", lambda *a: late)
    ends = late + dt.timedelta(seconds=cache.lifetime())
    assert ends == timezone.make_aware(dt.datetime(2024, 3, 6)), "at midnight"
    early = timezone.make_aware(dt.datetime(2024, 3, 5, 9, 0))
    monkeypatch.setattr(timezone, "localtime", lambda *a: early)
    ends = early + dt.timedelta(seconds=cache.lifetime())
    assert ends == early + bound and ends.date() == early.date(), "at the bound, the same day"
