"""Email alerts for the public: double opt-in, notification on publication, unsubscribe."""

import re
import time
from unittest import mock

import pytest

from council.models import Body
from feeds import subscriptions
from feeds.models import Subscription
from publishing.signals import agenda_published, minutes_published
from summons.testing import CANARY, plant_canary, pr_meeting, publication

pytestmark = pytest.mark.django_db

NEW = "/subscriptions/new/"


@pytest.fixture
def meeting(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    m = pr_meeting()
    plant_canary(m)
    return m


def link(email, path: str) -> str:
    found = re.search(rf"http://127\.0\.0\.1:8000({path}[^\s\"<]+)", email.body)
    assert found, email.body
    return found.group(1)


@pytest.fixture
def subscribe(django_capture_on_commit_callbacks, immediate_tasks):
    """``subscribe(client, email, body)``: post the form and run what the request queued
    after commit (the confirmation email), as a real request would."""

    def post(client, email="reader@example.org", body=None):
        query = f"?body={body.slug}" if body else ""
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(NEW + query, {"email": email})

    return post


def confirm(client, mailoutbox, index=-1):
    url = link(mailoutbox[index], "/subscriptions/confirm/")
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 200
    return url


def test_the_form_names_the_body(client, meeting):
    page = client.get(NEW + f"?body={meeting.body.slug}").content.decode()
    assert "Policy and Resources Cabinet Committee" in page
    assert f'name="body" value="{meeting.body.slug}"' in page
    assert client.get(NEW + "?body=no-such-body").status_code == 404


def test_a_bad_email_is_a_400_with_the_form_and_the_message(client, subscribe, meeting, mailoutbox):
    response = subscribe(client, "not an email", meeting.body)
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page and 'href="#email"' in page
    assert "Enter an email address in the correct format" in page
    assert 'value="not an email"' in page and "<title>Error: " in page
    for empty in ({"email": ""}, {}):
        response = client.post(NEW, empty)
        assert response.status_code == 400
        assert "Enter your email address" in response.content.decode()
    assert mailoutbox == [] and not Subscription.objects.exists()


def test_double_opt_in_then_notified_on_publication(
    client, subscribe, meeting, publish, mailoutbox
):
    response = subscribe(client, "Reader@Example.org", meeting.body)
    assert response.status_code == 302 and response["Location"].startswith(
        "/subscriptions/check-your-email/"
    )
    assert "Check your email" in client.get(response["Location"]).content.decode()
    (confirmation,) = mailoutbox
    assert confirmation.to == ["reader@example.org"]

    # Unconfirmed: nothing on publication.
    publish(agenda_published, meeting, publication(pk=1))
    assert len(mailoutbox) == 1

    confirm_url = link(confirmation, "/subscriptions/confirm/")
    page = client.get(confirm_url).content.decode()
    assert "Confirm subscription" in page
    assert Subscription.objects.get().confirmed_at is None  # a GET alone confirms nothing
    assert "Subscription confirmed" in client.post(confirm_url).content.decode()

    publish(agenda_published, meeting, publication(pk=2))
    publish(agenda_published, meeting, publication(pk=2))  # the same publication again
    assert len(mailoutbox) == 2
    notice = mailoutbox[1]
    assert notice.subject.startswith("Agenda published: Policy and Resources Cabinet Committee")
    assert "8. Contract Management" in notice.body
    assert "Company Governance" not in notice.body  # exempt business is counted only
    assert "1 item likely to be considered in private" in notice.body
    unsubscribe_url = link(notice, "/subscriptions/unsubscribe/")
    assert notice.extra_headers["List-Unsubscribe"] == (f"<http://127.0.0.1:8000{unsubscribe_url}>")
    assert notice.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_url in notice.alternatives[0][0]
    assert CANARY not in notice.body + notice.alternatives[0][0] + confirmation.body

    publish(minutes_published, meeting, publication(pk=3))
    assert mailoutbox[2].subject.startswith("Minutes published:")
    # A token carries the second it was signed in, so the two links may differ in that; both
    # must unsubscribe the same subscription.
    later = link(mailoutbox[2], "/subscriptions/unsubscribe/")
    assert subscriptions.for_unsubscribe(later.rstrip("/").rsplit("/", 1)[1]) == (
        subscriptions.for_unsubscribe(unsubscribe_url.rstrip("/").rsplit("/", 1)[1])
    )


def test_one_click_unsubscribe(client, subscribe, meeting, publish, mailoutbox):
    subscribe(client, body=meeting.body)
    confirm(client, mailoutbox)
    publish(agenda_published, meeting, publication(pk=1))
    url = link(mailoutbox[-1], "/subscriptions/unsubscribe/")
    # RFC 8058: a POST with no CSRF token, as mail providers send it.
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert Subscription.objects.get().unsubscribed_at is not None
    assert strict.post(url).status_code == 200  # again: harmless
    publish(agenda_published, meeting, publication(pk=2))
    assert len(mailoutbox) == 2  # confirmation and the first notice only


def test_unsubscribe_page_has_a_button(client, subscribe, meeting, mailoutbox):
    subscribe(client, body=meeting.body)
    confirm(client, mailoutbox)
    sub = Subscription.objects.get()
    url = f"/subscriptions/unsubscribe/{subscriptions.unsubscribe_token(sub)}/"
    page = client.get(url).content.decode()
    assert '<button type="submit"' in page and "Unsubscribe" in page
    assert Subscription.objects.get().active  # the GET changes nothing
    assert "You have unsubscribed" in client.post(url).content.decode()
    assert "You have unsubscribed" in client.get(url).content.decode()


def test_authority_subscribers_hear_of_every_body_once(
    client, subscribe, meeting, publish, mailoutbox
):
    subscribe(client, "all@example.org")
    confirm(client, mailoutbox)
    subscribe(client, "all@example.org", meeting.body)
    confirm(client, mailoutbox)
    other = Body.objects.exclude(pk=meeting.body_id).filter(meetings__isnull=False).first()
    publish(agenda_published, meeting, publication(pk=1))
    publish(agenda_published, other.meetings.first(), publication(pk=2))
    notices = [m for m in mailoutbox if m.subject.startswith("Agenda published")]
    assert [m.subject.split(": ")[1].split(",")[0] for m in notices] == [
        meeting.body.name,
        other.name,
    ]


def test_bad_expired_and_replayed_tokens_are_clear_pages(client, subscribe, meeting, mailoutbox):
    subscribe(client, body=meeting.body)
    sub = Subscription.objects.get()
    for bad in ("nonsense", "eyJzIjoxfQ:1abc:forged", "a" * 300):
        for path in ("/subscriptions/confirm/", "/subscriptions/unsubscribe/"):
            response = client.get(f"{path}{bad}/")
            assert response.status_code == 400, (path, bad)
            assert "This link does not work" in response.content.decode()
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 8 * 86400):
        old = subscriptions.confirm_token(sub)
    response = client.get(f"/subscriptions/confirm/{old}/")
    assert response.status_code == 400 and "expired" in response.content.decode()

    url = confirm(client, mailoutbox)
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 400
        assert "already been used" in response.content.decode()

    token = subscriptions.unsubscribe_token(sub)
    sub.delete()
    assert client.get(f"/subscriptions/unsubscribe/{token}/").status_code == 404
    assert client.get(url).status_code == 404


def test_subscribing_again_after_leaving_needs_a_new_confirmation(
    client, subscribe, meeting, mailoutbox
):
    subscribe(client, body=meeting.body)
    confirm(client, mailoutbox)
    sub = Subscription.objects.get()
    old_unsubscribe = f"/subscriptions/unsubscribe/{subscriptions.unsubscribe_token(sub)}/"
    client.post(old_unsubscribe)
    subscribe(client, body=meeting.body)
    assert len(mailoutbox) == 2
    assert not Subscription.objects.get().active
    assert client.get(old_unsubscribe).status_code == 404  # links of the old subscription die
    confirm(client, mailoutbox)
    assert Subscription.objects.get().active


def test_repeated_requests_do_not_flood_an_inbox(client, subscribe, meeting, mailoutbox):
    for _ in range(5):
        assert subscribe(client, body=meeting.body).status_code == 302
    assert len(mailoutbox) == 1
    confirm(client, mailoutbox)
    subscribe(client, body=meeting.body)  # already subscribed: the same page, no email
    assert len(mailoutbox) == 1
