"""The officers' workspace pages of the planted meeting (publishing a supplement, packs,
summons): the planted meeting's summons is issued, so its dispatch list has a print page.
The positive control: democratic services do see the planted papers there (the papers added
since publication wait for a supplement), so the crawls' finding nothing on these addresses
(``restricted_addresses``) means the gate held, not that the pages were empty."""

from __future__ import annotations


def after_publication(meeting, exempt_item, canary):
    import datetime as dt

    from audit.testing import TEST_ACTOR
    from summons.services import issue_summons
    from summons.testing import publication

    issue_summons(meeting, publication(pk=90, day=dt.date(2017, 9, 7)), actor=TEST_ACTOR)


def check(meeting, canary):
    from django.test import Client

    from moot import testing as t

    officer = t.verified_login(Client(), t.account(democratic_services=True))
    response = officer.get(f"/office/meetings/{meeting.pk}/supplement/")
    assert response.status_code == 200 and canary in response.content.decode()
    # The minutes page offers the exempt minute (its title holds the canary) for correction.
    response = officer.get(f"/office/meetings/{meeting.pk}/minutes/")
    assert response.status_code == 200 and canary in response.content.decode()


def addresses(meeting) -> list[str]:
    """Every workspace task page of ``meeting``, its minutes (and the addresses their forms
    post to), its packs' downloads, its dispatch list and the "send again" of its summons
    emails (a form's address: a GET is refused)."""
    from summons.models import EmailLog

    base = f"/office/meetings/{meeting.pk}/"
    urls = [f"{base}{page}/" for page in ("publish", "supplement", "packs", "summons")]
    urls += [
        f"{base}minutes/",
        *(f"{base}minutes/{task}/" for task in ("publish", "approve", "sign")),
    ]
    urls += [f"{base}packs/progress/"]
    urls += [f"{base}packs/{pk}/download/" for pk in meeting.packs.values_list("pk", flat=True)]
    urls += [
        f"{base}summons/{pk}/print/" for pk in meeting.summons_issues.values_list("pk", flat=True)
    ]
    emails = EmailLog.objects.filter(meeting=meeting, key__startswith="summons:")
    urls += [f"{base}summons/emails/{pk}/send-again/" for pk in emails.values_list("pk", flat=True)]
    urls.append(f"{base}summons/emails/0/send-again/")
    return urls


def builder_addresses(meeting) -> list[str]:
    """The agenda builder's pages of the planted meeting and its exempt item (officers only)."""
    exempt = meeting.items.get(number="14")
    base = f"/office/meetings/{meeting.pk}/agenda/"
    return [base, f"{base}items/{exempt.pk}/", f"{base}items/{exempt.pk}/remove/"]


def office_addresses(meeting) -> list[str]:
    """Every page of the workspace the crawls try: the home page, the planted meeting's
    workspace and its tasks, the programme, the body's appointments and agenda template, the
    default agenda templates, and the clearance steps and their teams (democratic services'
    and permitted officers' only)."""
    from publishing.models import ClearanceStep

    slug = meeting.body.slug
    steps = ClearanceStep.objects.values_list("pk", flat=True)
    return [
        "/office/",
        f"/office/meetings/{meeting.pk}/",
        *addresses(meeting),
        *builder_addresses(meeting),
        f"/office/meetings/{meeting.pk}/details/",
        "/office/meetings/new/",
        "/office/programme/",
        f"/office/programme/new/?body={slug}",
        f"/office/bodies/{slug}/appointments/",
        f"/office/bodies/{slug}/agenda-template/",
        "/office/agenda-templates/",
        f"/office/agenda-templates/{meeting.body.kind}/",
        "/office/clearance-steps/",
        "/office/clearance-steps/new/",
        *[f"/office/clearance-steps/{pk}/" for pk in steps],
        *[f"/office/clearance-steps/{pk}/team/" for pk in steps],
    ]
