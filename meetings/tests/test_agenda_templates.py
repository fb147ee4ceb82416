"""Agenda templates: saving them (bad wording refused), and adding a body's standard items to
a meeting's agenda with their placeholders filled, placed, numbered and never twice."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from council.models import BodyKind
from meetings import agenda_templates as templates
from meetings import placeholders
from meetings.agenda_templates import apply_template
from meetings.models import (
    PLACEHOLDERS,
    AgendaItem,
    AgendaTemplate,
    AgendaTemplateItem,
    Meeting,
    MeetingStatus,
)
from moot import testing as t

pytestmark = pytest.mark.django_db

OPENING, CLOSING, EXEMPT = "opening", "closing", "exempt"
PR_STYLE = [  # the Policy and Resources Cabinet Committee's front sheet (seed 004:47–56)
    (OPENING, "Introduction/Webcast announcement", "procedural"),
    (
        OPENING,
        "Apologies and Substitutes",
        "apologies",
        "To receive apologies for absence and notification of any substitutes present",
    ),
    (OPENING, "Declarations of Interest by Members in items on the Agenda", "declarations"),
    (
        OPENING,
        "Minutes of the meeting held on {previous_meeting_date}",
        "minutes",
        "To consider and approve the minutes as a correct record.",
    ),
    (CLOSING, "Other items which the {chair} decides are urgent", "urgent_business"),
]


def agenda(meeting: Meeting) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in meeting.items.order_by("order")]


@pytest.fixture
def body():
    b = t.body("Template Committee")
    t.meeting(b, dt.date(2030, 1, 10), status=MeetingStatus.HELD)
    t.meeting(b, dt.date(2030, 2, 7), status=MeetingStatus.CANCELLED)  # no minutes of it
    t.agenda_template(b, *PR_STYLE)
    return b


# --- applying a template -----------------------------------------------------------------------


def test_the_standard_items_open_and_close_the_agenda_numbered_and_filled(body):
    meeting = t.meeting(body, dt.date(2030, 3, 14))
    t.item(meeting, "1", "Budget monitoring", kind="report")
    t.item(meeting, "2", "Land at Boughton Mount", part="exempt", exempt_paragraph=3)
    last = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    applied = apply_template(meeting, actor=TEST_ACTOR)
    assert len(applied.added) == 5
    assert applied.not_added == []
    assert agenda(meeting) == [
        ("1", "Introduction/Webcast announcement"),
        ("2", "Apologies and Substitutes"),
        ("3", "Declarations of Interest by Members in items on the Agenda"),
        ("4", "Minutes of the meeting held on 10 January 2030"),  # not the cancelled one
        ("5", "Budget monitoring"),
        ("6", "Other items which the Chairman decides are urgent"),
        ("7", "Land at Boughton Mount"),  # the exempt business stays last
    ]
    minutes = meeting.items.get(kind="minutes")
    assert minutes.purpose == "To consider and approve the minutes as a correct record."
    assert minutes.template_item.title == "Minutes of the meeting held on {previous_meeting_date}"
    events = AuditEntry.objects.filter(pk__gt=last)
    assert {e.event for e in events} == {"meetings.agenda_template_applied"}
    assert events.filter(action="create").count() == 5


def test_applying_again_adds_nothing_and_says_why(body):
    meeting = t.meeting(body, dt.date(2030, 3, 14))
    apply_template(meeting, actor=TEST_ACTOR)
    item = meeting.items.get(kind="apologies")
    item.title = "Apologies"  # retitled by the officer: still the template's item
    item.save()
    with t.writes_nothing():
        applied = apply_template(meeting, actor=TEST_ACTOR)
    assert applied.added == []
    assert "“Apologies and Substitutes”: already on the agenda as item 2." in applied.not_added
    assert meeting.items.count() == 5


def test_an_item_typed_by_hand_with_the_same_title_is_not_added_again(body):
    meeting = t.meeting(body, dt.date(2030, 3, 14))
    t.item(meeting, "1", "  apologies and   SUBSTITUTES ", kind="apologies")
    applied = apply_template(meeting, actor=TEST_ACTOR)
    assert meeting.items.filter(kind="apologies").count() == 1
    assert any("already on the agenda as item" in n for n in applied.not_added)


def test_the_first_meeting_of_a_body_has_no_minutes_to_approve():
    b = t.body("New Panel")
    t.agenda_template(b, *PR_STYLE)
    meeting = t.meeting(b, dt.date(2030, 3, 14))
    applied = apply_template(meeting, actor=TEST_ACTOR)
    assert applied.not_added == [
        "“Minutes of the meeting held on {previous_meeting_date}”: New Panel has no earlier "
        "meeting to fill it in from."
    ]
    assert [n for n, _ in agenda(meeting)] == ["1", "2", "3", "4"]


def test_a_body_without_its_own_template_takes_the_default_for_its_kind():
    t.agenda_template(None, (OPENING, "Apologies for Absence", "apologies"), kind="panel")
    panel = t.body("Fostering Panel", kind=BodyKind.PANEL)
    meeting = t.meeting(panel, dt.date(2030, 3, 14))
    apply_template(meeting, actor=TEST_ACTOR)
    assert agenda(meeting) == [("1", "Apologies for Absence")]


def test_no_template_at_all_is_refused_in_plain_words():
    meeting = t.meeting(t.body("Untemplated Board", kind=BodyKind.BOARD))
    with t.writes_nothing(), pytest.raises(ValidationError) as refused:
        apply_template(meeting, actor=TEST_ACTOR)
    assert (
        "Untemplated Board has no agenda template, and there is no default template for "
        in (refused.value.messages[0])
    )


def test_a_published_agenda_is_refused():
    meeting = Meeting.objects.get(
        body__slug="policy-and-resources-cabinet-committee", date="2017-09-15"
    )
    assert meeting.body.agenda_template.items.exists()  # the demo's
    numbers = agenda(meeting)
    with t.writes_nothing(), pytest.raises(ValidationError) as refused:
        apply_template(meeting, actor=TEST_ACTOR)
    assert "has been published" in refused.value.messages[0]
    assert agenda(meeting) == numbers


def test_all_or_nothing(body, monkeypatch):
    meeting = t.meeting(body, dt.date(2030, 3, 14))
    t.item(meeting, "1", "Budget monitoring")
    calls = []

    def failing(item, *, actor, event=None):
        calls.append(item)
        if len(calls) == 3:
            raise ValidationError("The database refused it.")
        return real(item, actor=actor, event=event)

    real = templates.save_agenda_item
    monkeypatch.setattr(templates, "save_agenda_item", failing)
    with t.writes_nothing(), pytest.raises(ValidationError):
        apply_template(meeting, actor=TEST_ACTOR)
    assert agenda(meeting) == [("1", "Budget monitoring")]


def test_the_sections_style_numbers_a_b_and_c():
    b = t.body("Property Panel")
    t.meeting(b, dt.date(2030, 2, 21), status=MeetingStatus.HELD)
    t.agenda_template(
        b,
        (OPENING, "Apologies", "apologies"),
        (OPENING, "Declarations of interest in items on the agenda", "declarations"),
        (OPENING, "Minutes of the meeting held on {previous_meeting_date}", "minutes"),
        (EXEMPT, "Motion to exclude the press and public", "procedural"),
        numbering="sections",
    )
    meeting = t.meeting(b, dt.date(2030, 3, 21))
    t.item(meeting, "x", "Boughton Mount")
    t.item(meeting, "y", "Priority School Building Programme")
    t.item(meeting, "z", "Property disposals", part="exempt", exempt_paragraph=3)
    apply_template(meeting, actor=TEST_ACTOR)
    assert agenda(meeting) == [
        ("A1", "Apologies"),
        ("A2", "Declarations of interest in items on the agenda"),
        ("A3", "Minutes of the meeting held on 21 February 2030"),
        ("B1", "Boughton Mount"),
        ("B2", "Priority School Building Programme"),
        ("B3", "Motion to exclude the press and public"),
        ("C1", "Property disposals"),
    ]


# --- saving a template -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"title": "Minutes of {previous_date}"}, "“{previous_date}” is not a placeholder"),
        ({"title": "Minutes of {previous_meeting_date"}, "has a brace without its partner"),
        ({"title": "  "}, "Give the item a title"),
        ({"purpose": "On {meeting_date}}"}, "has a brace without its partner"),
        ({"part": "exempt"}, "must cite the paragraph of Schedule 12A"),
        ({"exempt_paragraph": 3}, "A public item cannot cite a Schedule 12A paragraph"),
    ],
)
def test_bad_standard_items_are_refused_and_nothing_is_saved(fields, message):
    template = t.agenda_template(t.body())
    item = AgendaTemplateItem(template=template, **({"title": "Apologies"} | fields))
    with t.writes_nothing(), pytest.raises(ValidationError) as refused:
        templates.save_template_item(item, actor=TEST_ACTOR)
    assert message in " ".join(refused.value.messages)
    assert not template.items.exists()


def test_a_template_is_one_bodys_or_one_kinds_default():
    b = t.body()
    t.agenda_template(b)
    t.agenda_template(None, kind="board")
    for template, message in [
        (AgendaTemplate(body=b, body_kind="board"), "either the body"),
        (AgendaTemplate(), "either the body"),
        (AgendaTemplate(body=b), "already has an agenda template"),
        (AgendaTemplate(body_kind="board"), "already a default template for this kind"),
    ]:
        with t.writes_nothing(), pytest.raises(ValidationError) as refused:
            templates.save_template(template, actor=TEST_ACTOR)
        assert message in " ".join(refused.value.messages)


def test_standard_items_go_last_unless_placed_and_removing_one_keeps_the_agenda_items(body):
    template = body.agenda_template
    item = templates.save_template_item(
        AgendaTemplateItem(template=template, title="Questions", kind="questions"),
        actor=TEST_ACTOR,
    )
    assert item.order == max(template.items.values_list("order", flat=True))
    meeting = t.meeting(body, dt.date(2030, 3, 14))
    apply_template(meeting, actor=TEST_ACTOR)
    templates.remove_template_item(item, actor=TEST_ACTOR)
    assert meeting.items.filter(title="Questions", template_item=None).exists()


# --- placeholders ------------------------------------------------------------------------------

names = st.sampled_from(sorted(PLACEHOLDERS))
plain = st.text(st.characters(blacklist_characters="{}"), max_size=20)


@given(st.lists(st.tuples(plain, names), max_size=5), plain)
def test_placeholders_are_found_and_filled(parts, tail):
    text = "".join(f"{words}{{{name}}}" for words, name in parts) + tail
    values = {name: f"<{name}>" for name in PLACEHOLDERS}
    assert placeholders.names_in(text) == [name for _, name in parts]
    assert (
        placeholders.fill(text, values)
        == "".join(f"{words}<{name}>" for words, name in parts) + tail
    )


@given(plain)
def test_text_without_placeholders_is_unchanged_and_doubled_braces_print_one(text):
    assert placeholders.fill(text, {}) == text
    assert placeholders.fill("{{" + text + "}}", {}) == "{" + text + "}"


def test_an_item_is_never_written_with_an_unfilled_placeholder(body):
    meeting = t.meeting(body, dt.date(2030, 3, 14))
    apply_template(meeting, actor=TEST_ACTOR)
    assert not AgendaItem.objects.filter(meeting=meeting, title__contains="{").exists()


# --- the back office -----------------------------------------------------------------------------


def test_the_back_office_edits_a_template_through_the_services(admin_client):
    from django.urls import reverse

    from access.tests.admin_forms import errors_text, post_data

    b = t.body("Admin Template Committee")
    url = reverse("admin:meetings_agendatemplate_add")
    data = post_data(admin_client.get(url)) | {
        "body": b.pk,
        "numbering": "numbers",
        "items-0-position": "opening",
        "items-0-title": "Minutes of {last_meeting}",
        "items-0-kind": "minutes",
        "items-0-part": "public",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "“{last_meeting}” is not a placeholder Moot can fill" in errors_text(response)
    assert not AgendaTemplate.objects.filter(body=b).exists()
    data["items-0-title"] = "Minutes of the meeting held on {previous_meeting_date}"
    assert admin_client.post(url, data).status_code == 302
    saved = AgendaTemplate.objects.get(body=b).items.get()
    assert saved.title == "Minutes of the meeting held on {previous_meeting_date}"
    assert AuditEntry.objects.filter(event="meetings.agendatemplateitem_created").exists()


# --- the exempt part's wording -----------------------------------------------------------------


def test_the_exempt_part_is_worded_as_the_seeds_unless_the_template_says_otherwise():
    from meetings.agenda_templates import exempt_part

    meeting = t.meeting(t.body("Wording Committee"))
    assert exempt_part(meeting, [3, 1, 3]) == templates.ExemptPart(
        "Motion to Exclude the Press and Public",
        "That under Section 100A of the Local Government Act 1972 the press and public be "
        "excluded from the meeting for the following business on the grounds that it involves "
        "the likely disclosure of exempt information as defined in paragraphs 1 and 3 of Part 1 "
        "of Schedule 12A of the Act.",
    )
    assert exempt_part(meeting, []).text.startswith("(At the time of preparing the agenda")
    template = t.agenda_template(meeting.body)
    template.exclusion_heading = "Exclusion of the press and public"
    template.exclusion_motion = "To exclude the public under {paragraphs} of Schedule 12A."
    template.no_exempt_heading, template.no_exempt_note = "Part 2", ""
    templates.save_template(template, actor=TEST_ACTOR)
    assert exempt_part(meeting, [7]) == templates.ExemptPart(
        "Exclusion of the press and public",
        "To exclude the public under paragraph 7 of Schedule 12A.",
    )
    assert exempt_part(meeting, []) == templates.ExemptPart("Part 2", "")


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("exclusion_motion", "To exclude the public.", "write {paragraphs} where they go"),
        ("exclusion_motion", "Under {paragraph}.", "“{paragraph}” is not a placeholder"),
        ("no_exempt_heading", "{body}", "No placeholder can be used here"),
    ],
)
def test_the_exempt_wording_must_cite_the_paragraphs_and_nothing_else(field, value, message):
    template = AgendaTemplate(body=t.body(), **{field: value})
    with t.writes_nothing(), pytest.raises(ValidationError) as refused:
        templates.save_template(template, actor=TEST_ACTOR)
    assert message in " ".join(refused.value.messages)


def test_the_public_page_and_the_pack_print_the_templates_wording():
    from django.test import Client

    from papers.pack.build import front_sheet_html

    meeting = Meeting.objects.get(
        body__slug="policy-and-resources-cabinet-committee", date="2017-09-15"
    )
    template = meeting.body.agenda_template
    template.exclusion_heading = "Exclusion of the Press and Public (Part 2)"
    templates.save_template(template, actor=TEST_ACTOR)
    page = Client().get(meeting.get_absolute_url()).content.decode()
    assert "Exclusion of the Press and Public (Part 2)" in page
    assert "as defined in paragraph 3 of Part 1 of Schedule 12A" in page
    sheet = front_sheet_html(meeting, {}, list(meeting.items.all()), dt.date(2017, 9, 7))
    assert "<h2>Exclusion of the Press and Public (Part 2)</h2>" in sheet
