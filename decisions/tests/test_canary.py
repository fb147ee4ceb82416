"""Exempt and unpublished proceedings never reach the decisions register, the decision and
vote pages, voting records, member pages or committee pages.

The canary (``summons.testing.CANARY``) is planted in an exempt minute (title, text, its
resolution and an action), a motion on an exempt item with a recorded vote, and the draft
(unpublished) minutes of another meeting (minute, resolution, motion, vote, action). Every
page these helpers serve is fetched signed out and as a councillor who is not a member of the
County Council on the day: the canary is absent. The positive control publishes the draft
minutes: their canary then shows, so the fetches would have caught it.
"""

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client

from access.models import Account
from council.models import Membership, TermOfOffice
from moot import testing as t
from moot.testing import verified_login
from proceedings.models import Minute, Motion, Resolution, Vote
from summons.testing import CANARY

from .builders import OCT_22, closure_vote, council_meeting, meals_vote, publish

pytestmark = pytest.mark.django_db

VOTERS = ("r-a-marsh", "baldock")


def addresses(planted) -> list[str]:
    public = list(
        Resolution.objects.filter(
            minute__meeting__in=[council_meeting(), planted.draft_meeting]
        ).values_list("pk", flat=True)
    )
    votes = list(
        Vote.objects.filter(
            motion__meeting__in=[council_meeting(), planted.draft_meeting]
        ).values_list("pk", flat=True)
    )
    people = set(VOTERS) | {c.person.slug for c in planted.exempt_vote.choices.all()}
    urls = [
        "/decisions/",
        f"/decisions/?text={CANARY[7:]}",
        "/decisions/?text=Property",
        "/decisions/?body=county-council",
        "/decisions/?status=published_draft",
        "/committees/county-council/",
    ]
    urls += [f"/decisions/{pk}/" for pk in public]
    urls += [f"/votes/{pk}/" for pk in votes]
    for slug in sorted(people):
        urls += [f"/members/{slug}/", f"/members/{slug}/votes/"]
    return urls


def councillor_not_on_the_council() -> Client:
    """A councillor (a term of office) holding no seat on the County Council that day."""
    outsider = t.person("Outsider")
    TermOfOffice.objects.create(person=outsider, start=dt.date(2017, 5, 4))
    assert not Membership.objects.on(OCT_22).filter(person=outsider).exists()
    user = User.objects.create_user("outsider", password="Long-enough-pass-1")
    Account.objects.create(user=user, person=outsider)
    return verified_login(Client(), user)


def fetch_all(client: Client, urls: list[str]) -> dict[str, int]:
    seen = {}
    for url in urls:
        response = client.get(url)
        seen[url] = response.status_code
        assert response.status_code < 500, url
        assert CANARY not in response.content.decode(), f"{url} shows exempt information"
    return seen


def test_the_canary_is_planted(planted):
    assert Minute.objects.filter(exempt=True, title__contains=CANARY).count() == 2
    assert Resolution.objects.filter(text__contains=CANARY).count() == 2
    assert Motion.objects.filter(text__contains=CANARY).count() == 2
    assert planted.exempt_vote.choices.count() == 3
    assert planted.exempt_motion.item.part == "exempt"


@pytest.mark.parametrize("who", ["signed out", "councillor not on the body"])
def test_exempt_and_draft_proceedings_never_show(planted, who):
    client = Client() if who == "signed out" else councillor_not_on_the_council()
    signed_in = "Signed in as" in client.get("/decisions/").content.decode()
    assert signed_in == (who != "signed out")
    urls = addresses(planted)
    seen = fetch_all(client, urls)
    # The exempt and draft ones are not found at all; the public ones are.
    assert seen[f"/decisions/{planted.exempt_resolution.pk}/"] == 404
    assert seen[f"/decisions/{planted.draft_resolution.pk}/"] == 404
    assert seen[f"/votes/{planted.exempt_vote.pk}/"] == 404
    assert seen[f"/votes/{planted.draft_vote.pk}/"] == 404
    assert seen[f"/votes/{closure_vote().pk}/"] == 200
    assert seen[f"/votes/{meals_vote().pk}/"] == 200
    assert seen[f"/decisions/{planted.exclusion_resolution.pk}/"] == 200
    # The public resolution excluding the press and public: listed, without the exempt vote.
    page = client.get(f"/decisions/{planted.exclusion_resolution.pk}/").content.decode()
    assert f"/votes/{planted.exempt_vote.pk}/" not in page
    register = client.get("/decisions/?text=press+and+public").content.decode()
    assert "the press and public be excluded" in register
    assert f"/votes/{planted.exempt_vote.pk}/" not in register
    # Marsh voted in the exempt vote: his record has the two public votes only.
    record = client.get("/members/r-a-marsh/votes/").content.decode()
    assert "Votes (2)" in record


def test_positive_control_published_draft_minutes_show(planted):
    """Once the draft minutes are published the same fetches find their canary: the test
    above would have caught a leak. Exempt content stays out even then."""
    publish(planted.draft_meeting)
    client = Client()
    page = client.get(f"/decisions/{planted.draft_resolution.pk}/").content.decode()
    assert CANARY in page
    assert CANARY in client.get("/decisions/").content.decode()
    assert CANARY in client.get(f"/votes/{planted.draft_vote.pk}/").content.decode()
    assert CANARY in client.get("/committees/county-council/").content.decode()
    assert client.get(f"/decisions/{planted.exempt_resolution.pk}/").status_code == 404
    assert client.get(f"/votes/{planted.exempt_vote.pk}/").status_code == 404
