"""The demo's agenda templates word the standard items as the seed packs do."""

from __future__ import annotations

import pytest

from audit.testing import TEST_ACTOR
from council.models import Body
from meetings.agenda_templates import apply_template
from meetings.models import AgendaTemplate, Meeting

pytestmark = pytest.mark.django_db


def test_the_next_policy_and_resources_agenda_opens_as_the_seed_does():
    meeting = Meeting.objects.get(
        body__slug="policy-and-resources-cabinet-committee", date="2017-12-05"
    )
    apply_template(meeting, actor=TEST_ACTOR)
    assert [(i.number, i.title, i.kind) for i in meeting.items.order_by("order")] == [
        ("1", "Introduction/Webcast announcement", "procedural"),
        ("2", "Apologies and Substitutes", "apologies"),
        ("3", "Declarations of Interest by Members in items on the Agenda", "declarations"),
        ("4", "Minutes of the meeting held on 15 September 2017", "minutes"),
    ]
    assert meeting.items.get(number="4").purpose == (
        "To consider and approve the minutes as a correct record."
    )


def test_each_seeded_body_has_its_template_and_committees_a_default():
    templates = {t.body.name if t.body else t.body_kind: t for t in AgendaTemplate.objects.all()}
    assert templates["Property Sub-Committee"].numbering == "sections"
    sms = templates["Selection and Member Services Committee"]
    assert [i.title for i in sms.items.all()][-1] == (
        "Other items which the {chair} decides are Urgent"
    )
    assert "committee" in templates
    personnel = Body.objects.get(name="Personnel Committee")
    assert not AgendaTemplate.objects.filter(body=personnel).exists()  # it uses the default
