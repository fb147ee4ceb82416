"""An item's business taken through the clerk's screen: a declaration, a motion and its
recorded vote, the minute, its resolution and an action; an election; an exempt item's
minute. Each refusal on the way is a 400 naming the problem, with nothing saved."""

from __future__ import annotations

import pytest

from proceedings.models import Action, Declaration, Minute, Motion, Resolution, Vote

from .helpers import HTMX, an_officer, on_the_screen, sit

pytestmark = pytest.mark.django_db


@pytest.fixture
def c(client):
    c = on_the_screen(client)
    c.officer = an_officer()
    return c


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
                "action-owner": c.officer.pk,
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
