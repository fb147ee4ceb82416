"""The clerk's screen makes its changes through the proceedings services: saved and audited,
or refused with a GOV.UK error summary and HTTP 400, never a 500, nothing half-saved."""

from __future__ import annotations

import pytest

from audit.models import AuditEntry
from proceedings.attendance import record_attendance
from proceedings.models import (
    Action,
    Attendance,
    Declaration,
    Minute,
    MinutesRecord,
    Motion,
    Resolution,
    Vote,
)
from proceedings.votes import add_motion

from .helpers import committee, signed_in_clerk

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def c(client):
    c = committee()
    c.client = signed_in_clerk(client)
    c.url = f"/clerk/meetings/{c.meeting.pk}/?item={c.items[1].pk}"
    return c


def sit(c, absent=()):
    for i, m in enumerate(c.members):
        record_attendance(c.meeting, m, "absent" if i in absent else "present", in_chair=i == 0)


def test_attendance_autosaves_with_htmx(c):
    before = AuditEntry.objects.count()
    response = c.client.post(
        c.url,
        {
            "op": "attendance",
            f"att-{c.members[1].pk}": "present",
            f"att-{c.members[2].pk}": "apologies",
        },
        **HTMX,
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Saved: Mr B Clerkmemberb present; Mr B Clerkmemberc apologies." in text
    assert 'id="clerk-errors" hx-swap-oob="true"' in text
    assert dict(
        Attendance.objects.filter(meeting=c.meeting).values_list("person_id", "status")
    ) == {c.members[1].pk: "present", c.members[2].pk: "apologies"}
    assert AuditEntry.objects.count() == before + 2
    assert set(AuditEntry.objects.order_by("-pk")[:2].values_list("actor_name", flat=True)) == {
        "clerk"
    }
    # A change of mind is a correction of the same entry.
    c.client.post(c.url, {"op": "attendance", f"att-{c.members[2].pk}": "present"}, **HTMX)
    assert Attendance.objects.get(meeting=c.meeting, person=c.members[2]).status == "present"


def test_without_javascript_the_form_submits_and_redirects(c):
    response = c.client.post(c.url, {"op": "attendance", f"att-{c.members[1].pk}": "present"})
    assert response.status_code == 303
    assert response["Location"].endswith(f"?item={c.items[1].pk}#attendance")
    page = c.client.get(response["Location"]).content.decode()
    assert "Saved: Mr B Clerkmemberb present." in page


def test_refusal_is_400_with_error_summary_and_nothing_saved(c):
    sit(c)
    motion = add_motion(
        c.meeting,
        "substantive",
        "That the programme be approved.",
        mover=c.members[1],
        item=c.items[1],
    )
    count = AuditEntry.objects.count()
    data = {
        "op": "attendance",
        f"att-{c.members[1].pk}": "absent",
        f"att-{c.members[2].pk}": "apologies",
    }
    for extra in ({}, HTMX):
        response = c.client.post(c.url, data, **extra)
        assert response.status_code == 400
        html = response.content.decode()
        assert "govuk-error-summary" in html and "There is a problem" in html
        assert "Mr B Clerkmemberb cannot be recorded as absent: they moved" in html
    # Nothing half-saved: member 2 was not made apologies either.
    assert set(Attendance.objects.filter(meeting=c.meeting).values_list("status", flat=True)) == {
        "present"
    }
    assert AuditEntry.objects.count() == count
    assert Motion.objects.get(pk=motion.pk).mover == c.members[1]


def test_bad_input_is_400_not_500(c):
    sit(c)
    cases = [
        {"op": "nonsense"},
        {"op": "attendance", f"att-{c.members[1].pk}": "asleep"},
        {"op": "hands", "motion": "not-a-number"},
        {"op": "hands", "motion": "999999"},
        {"op": "motion", "motion-kind": "substantive", "motion-text": ""},
        {
            "op": "motion",
            "motion-kind": "substantive",
            "motion-text": "x",
            "motion-mover": "999999",
        },
        {
            "op": "action",
            "action-kind": "action",
            "action-text": "Do it",
            "action-due": "31/02/2030",
        },
        {"op": "minute", "minute": "1"},
        {"op": "remove_attendance", "attendance": "abc"},
        {
            "op": "hands",
            "motion": "MOTION",
            "hands-MOTION-votes_for": "99999999999",
            "hands-MOTION-votes_against": "1",
            "hands-MOTION-majority": "simple",
        },
    ]
    motion = add_motion(c.meeting, "substantive", "x", item=c.items[1])
    cases = [
        {
            k.replace("MOTION", str(motion.pk)): (str(motion.pk) if v == "MOTION" else v)
            for k, v in data.items()
        }
        for data in cases
    ]
    for data in cases:
        for extra in ({}, HTMX):
            response = c.client.post(c.url, data, **extra)
            assert response.status_code == 400, data
            assert "There is a problem" in response.content.decode(), data


def test_a_whole_item_through_the_screen(c):
    sit(c, absent=(5,))
    m = c.members
    post = c.client.post
    assert (
        post(
            c.url,
            {
                "op": "declaration",
                "decl-person": m[3].pk,
                "decl-nature": "other",
                "decl-text": "Lives on the A28",
                "decl-participation": "took_part",
                "decl-dispensation": "",
            },
        ).status_code
        == 303
    )
    assert Declaration.objects.get(meeting=c.meeting).item == c.items[1]
    assert (
        post(
            c.url,
            {
                "op": "motion",
                "motion-kind": "substantive",
                "motion-text": "That the programme be approved.",
                "motion-mover": m[1].pk,
                "motion-seconder": m[2].pk,
            },
        ).status_code
        == 303
    )
    motion = Motion.objects.get(meeting=c.meeting)
    # A recorded vote from an absent member is refused, naming them; nothing saved.
    grid = {f"rec-{motion.pk}-vote-{p.pk}": "for" for p in m[:5]}
    refused = post(
        c.url,
        {
            "op": "recorded",
            "motion": motion.pk,
            **grid,
            f"rec-{motion.pk}-vote-{m[5].pk}": "did_not_vote",
            f"rec-{motion.pk}-majority": "simple",
        },
    )
    assert refused.status_code == 400
    assert (
        f"{m[5]} is not recorded as a member present at this meeting, so cannot vote."
        in refused.content.decode()
    )
    assert not Vote.objects.filter(motion=motion).exists()
    assert Motion.objects.get(pk=motion.pk).outcome == ""
    for bad in ("999999", "x"):
        refused = post(
            c.url,
            {
                "op": "recorded",
                "motion": motion.pk,
                **grid,
                f"rec-{motion.pk}-vote-{bad}": "for",
                f"rec-{motion.pk}-majority": "simple",
            },
        )
        assert refused.status_code == 400 and "not in the record" in refused.content.decode()
    assert (
        post(
            c.url,
            {"op": "recorded", "motion": motion.pk, **grid, f"rec-{motion.pk}-majority": "simple"},
        ).status_code
        == 303
    )
    vote = Vote.objects.get(motion=motion)
    assert (vote.votes_for, vote.result) == (5, "carried")
    # A correction whose announced counts do not match the names is refused.
    grid[f"rec-{motion.pk}-vote-{m[4].pk}"] = "against"
    refused = post(
        c.url,
        {
            "op": "recorded",
            "motion": motion.pk,
            **grid,
            f"rec-{motion.pk}-announced_for": "5",
            f"rec-{motion.pk}-majority": "simple",
        },
    )
    assert refused.status_code == 400
    assert "For: 5 given but 4 names" in refused.content.decode()
    assert Vote.objects.get(pk=vote.pk).votes_for == 5
    assert (
        post(
            c.url,
            {
                "op": "recorded",
                "motion": motion.pk,
                **grid,
                f"rec-{motion.pk}-announced_for": "4",
                f"rec-{motion.pk}-announced_against": "1",
                f"rec-{motion.pk}-majority": "simple",
            },
        ).status_code
        == 303
    )
    assert (Vote.objects.get(pk=vote.pk).votes_for, Vote.objects.get(pk=vote.pk).votes_against) == (
        4,
        1,
    )
    # The minute, then its text autosaved, then a resolution with parts.
    assert (
        post(
            c.url,
            {"op": "new_minute", "newminute-title": "Highways programme", "newminute-text": ""},
        ).status_code
        == 303
    )
    minute = Minute.objects.get(meeting=c.meeting)
    assert minute.item == c.items[1] and minute.number == 1
    response = post(
        c.url,
        {
            "op": "minute",
            "minute": minute.pk,
            f"minute-{minute.pk}-title": "Highways programme",
            f"minute-{minute.pk}-text": "The Committee considered the report.",
        },
        **HTMX,
    )
    assert response.status_code == 200 and "Saved: minute 1." in response.content.decode()
    assert Minute.objects.get(pk=minute.pk).text == "The Committee considered the report."
    assert (
        post(
            c.url,
            {
                "op": "resolution",
                "minute": minute.pk,
                f"res-{minute.pk}-text": "RESOLVED that:-",
                f"res-{minute.pk}-parts": "the programme be approved;\n\nofficers report",
                f"res-{minute.pk}-motion": motion.pk,
                f"res-{minute.pk}-delegated_to": "the Head of Democratic Services",
                f"res-{minute.pk}-in_consultation_with": "the Chairman",
            },
        ).status_code
        == 303
    )
    resolution = Resolution.objects.get(minute=minute)
    assert resolution.parts == ["the programme be approved;", "officers report"]
    assert resolution.motion == motion
    assert resolution.delegated_to == "the Head of Democratic Services"
    assert resolution.in_consultation_with == "the Chairman"
    # Consultation without a delegation is refused with the rule's words; nothing saved.
    refused = c.client.post(
        c.url,
        {
            "op": "resolution",
            "minute": minute.pk,
            f"res-{minute.pk}-text": "RESOLVED that:-",
            f"res-{minute.pk}-in_consultation_with": "the Chairman",
        },
    )
    assert refused.status_code == 400
    assert "Say to whom the decision is delegated" in refused.content.decode()
    assert Resolution.objects.filter(minute=minute).count() == 1
    assert (
        post(
            c.url,
            {
                "op": "action",
                "action-kind": "undertaking",
                "action-text": "Circulate the list of schemes.",
                "action-owner": m[0].pk,
                "action-due": "2030-04-01",
            },
        ).status_code
        == 303
    )
    action = Action.objects.get(meeting=c.meeting)
    assert action.minute == minute and action.due.isoformat() == "2030-04-01"
    response = post(
        c.url,
        {
            "op": "action_update",
            "action": action.pk,
            f"act-{action.pk}-status": "done",
            f"act-{action.pk}-completed_on": "2030-03-20",
            f"act-{action.pk}-progress": "Sent.",
        },
        **HTMX,
    )
    assert response.status_code == 200
    assert Action.objects.get(pk=action.pk).status == "done"
    # The screen shows it all, items in the order taken: item 2 (minute 1) first.
    page = c.client.get(c.url).content.decode()
    assert page.index("Item 2: Highways") < page.index("Item 1: Apologies")
    assert "Result: <strong>Carried</strong>" in page and "(a) the programme be approved;" in page


def test_second_chair_refused_on_screen(c):
    sit(c)
    response = c.client.post(c.url, {"op": "chair", "chair-person": c.members[3].pk}, **HTMX)
    assert response.status_code == 200
    assert Attendance.objects.get(meeting=c.meeting, in_chair=True).person == c.members[3]


def test_approved_minutes_refuse_changes(c):
    sit(c)
    MinutesRecord.objects.create(meeting=c.meeting, status="approved")
    count = AuditEntry.objects.count()
    response = c.client.post(c.url, {"op": "attendance", f"att-{c.members[1].pk}": "apologies"})
    assert response.status_code == 400
    assert "can no longer be changed" in response.content.decode()
    assert AuditEntry.objects.count() == count


def test_election_through_the_screen(c):
    sit(c)
    m = c.members
    response = c.client.post(
        c.url,
        {
            "op": "motion",
            "motion-kind": "election",
            "motion-text": "",
            "motion-office": "vice_chair",
            "motion-nominee": m[2].pk,
            "motion-mover": m[3].pk,
            "motion-seconder": m[4].pk,
        },
    )
    assert response.status_code == 303
    election = Motion.objects.get(meeting=c.meeting, kind="election")
    assert election.text == f"That {m[2]} be elected Vice-chair of {c.body}."
    response = c.client.post(c.url, {"op": "agree", "motion": election.pk}, **HTMX)
    assert response.status_code == 200
    assert f"{m[2]} was elected vice-chair of {c.body}." in response.content.decode()
    # A second election to the same office is refused.
    response = c.client.post(
        c.url,
        {
            "op": "motion",
            "motion-kind": "election",
            "motion-office": "vice_chair",
            "motion-nominee": m[1].pk,
            "motion-mover": m[3].pk,
        },
    )
    assert response.status_code == 400
    assert "already been elected vice-chair" in response.content.decode()
    assert Motion.objects.filter(meeting=c.meeting, kind="election").count() == 1


def test_exempt_item_gets_an_exempt_minute(c):
    from moot import testing

    exempt = testing.item(c.meeting, "3", "Disposal of land", part="exempt", exempt_paragraph=3)
    url = f"/clerk/meetings/{c.meeting.pk}/?item={exempt.pk}"
    page = c.client.get(url).content.decode()
    assert "Exempt item (paragraph 3)" in page and 'id="id_newminute-exempt" name' in page.replace(
        'type="checkbox" ', ""
    )
    # Without a summary or saying none is needed: refused, nothing saved.
    refused = c.client.post(
        url,
        {
            "op": "new_minute",
            "newminute-title": "Disposal of land",
            "newminute-exempt": "on",
            "newminute-exempt_paragraph": "3",
        },
    )
    assert (
        refused.status_code == 400
        and "Write a summary for the public minutes" in refused.content.decode()
    )
    assert not Minute.objects.filter(item=exempt).exists()
    assert (
        c.client.post(
            url,
            {
                "op": "new_minute",
                "newminute-title": "Disposal of land",
                "newminute-exempt": "on",
                "newminute-exempt_paragraph": "3",
                "newminute-public_summary": "The Committee agreed a sale.",
            },
        ).status_code
        == 303
    )
    minute = Minute.objects.get(item=exempt)
    assert (minute.exempt, minute.exempt_paragraph, minute.public_summary) == (
        True,
        3,
        "The Committee agreed a sale.",
    )


def test_delete_resolution_and_minute_then_locked(c):
    from proceedings.minutes import add_minute, add_resolution

    minute = add_minute(c.meeting, "Highways", item=c.items[1])
    resolution = add_resolution(minute, "RESOLVED that the report be noted.")
    other = add_minute(c.meeting, "Apologies", item=c.items[0])
    assert (
        c.client.post(c.url, {"op": "delete_resolution", "resolution": resolution.pk}).status_code
        == 303
    )
    assert not Resolution.objects.filter(pk=resolution.pk).exists()
    assert c.client.post(c.url, {"op": "delete_minute", "minute": minute.pk}).status_code == 303
    assert not Minute.objects.filter(pk=minute.pk).exists()
    MinutesRecord.objects.create(meeting=c.meeting, status="approved")
    response = c.client.post(c.url, {"op": "delete_minute", "minute": other.pk}, **HTMX)
    assert response.status_code == 400
    assert response.content.decode().startswith("Not saved: The minutes of this meeting were")
    assert Minute.objects.filter(pk=other.pk).exists()
