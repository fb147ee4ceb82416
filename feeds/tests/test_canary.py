"""Nothing restricted leaves through this app or summons: a canary planted in an exempt item's
purpose and in exempt papers' titles and text appears in no feed, email or page of ours."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from audit.testing import TEST_ACTOR
from council.models import Membership, Role
from feeds.models import Subscription
from publishing.signals import agenda_published, minutes_published, supplement_published
from summons import consent
from summons.models import Decision, EmailLog, SummonsIssue
from summons.recipients import summoned
from summons.testing import CANARY, plant_canary, pr_meeting, publication

pytestmark = pytest.mark.django_db


def test_the_canary_appears_nowhere(
    client, admin_client, member_user, publish, mailoutbox, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    meeting = pr_meeting()
    plant_canary(meeting)
    member = summoned(meeting)[0]
    consent.record(
        member, Decision.GIVEN, "m@example.org", effective=dt.date(2017, 1, 1), actor=TEST_ACTOR
    )
    for body in (None, meeting.body):
        sub = Subscription.objects.create(email="s@example.org", body=body)
        Subscription.objects.filter(pk=sub.pk).update(confirmed_at=dt.datetime.now(dt.UTC))

    publish(agenda_published, meeting, publication(pk=1))
    publish(supplement_published, meeting, publication(pk=2))
    publish(minutes_published, meeting, publication(pk=3))
    assert len(mailoutbox) == 4  # summons, supplement, agenda and minutes notices

    emails = [
        m.subject
        + m.body
        + "".join(a[0] for a in m.alternatives)
        + "".join(str(a[1]) for a in m.attachments)
        for m in mailoutbox
    ]
    logged = [log.subject + log.text + log.html + log.ics for log in EmailLog.objects.all()]

    chair = Membership.objects.filter(body=meeting.body, role=Role.CHAIRMAN).first().person
    slug = meeting.body.slug
    public = [f"/feeds/meetings.{x}" for x in ("rss", "atom", "ics")]
    public += [f"/feeds/committees/{slug}.{x}" for x in ("rss", "atom", "ics")]
    public += [f"/feeds/members/{chair.slug}.{x}" for x in ("rss", "atom", "ics")]
    public += ["/subscriptions/new/", f"/subscriptions/new/?body={slug}"]
    pages = []
    for url in public:
        response = client.get(url)
        assert response.status_code == 200, url
        pages.append(response.content.decode())
    client.force_login(member_user(member))
    pages.append(client.get("/account/summons-consent/").content.decode())
    issue = SummonsIssue.objects.filter(kind="agenda").get()
    for name in ("admin:summons_summonsissue_print", "admin:summons_summonsissue_change"):
        pages.append(admin_client.get(reverse(name, args=[issue.pk])).content.decode())

    for text in emails + logged + pages:
        assert CANARY not in text
    # The check has teeth: the public report and the exempt item's title did go out.
    assert any("Contract Management Report" in text for text in emails)
    assert any(re.search(r"Company Governance \(exempt, paragraph 3\)", t) for t in emails)
