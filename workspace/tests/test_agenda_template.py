"""A body's agenda template in the workspace (``/office/bodies/<slug>/agenda-template/``):
made from the default for its kind or from nothing, its items reordered, moved between the
agenda's places, made exempt, removed and added, and its exempt part reworded, in one step
through ``meetings.template_changes``; bad input is the GOV.UK error summary with what was
typed kept, a 400, and nothing saved."""

from __future__ import annotations

import pytest

from audit.models import AuditEntry
from meetings.models import AgendaTemplate, AgendaTemplateItem
from meetings.template_changes import ITEM_REMOVED, ITEM_SAVED, SAVED
from moot import testing as t

from .helpers import error_summary, officer, refused_for_others, text, value_of

pytestmark = pytest.mark.django_db

OPENING, CLOSING, EXEMPT = "opening", "closing", "exempt"


def url(body) -> str:
    return f"/office/bodies/{body.slug}/agenda-template/"


def form(body, **rows) -> dict:
    """The template's own fields as the seeds word them, and ``rows`` (prefix → fields)."""
    data = {
        "numbering": "numbers",
        "exclusion_heading": "Motion to Exclude the Press and Public",
        "exclusion_motion": "That the press and public be excluded under {paragraphs}.",
        "no_exempt_heading": "Exempt items",
        "no_exempt_note": "",
    }
    for prefix, fields in rows.items():
        base = {"position": OPENING, "order": "", "kind": "procedural", "part": "public"}
        base |= {"purpose": "", "exempt_paragraph": ""}
        data |= {f"{prefix.replace('_', '-')}-{k}": v for k, v in (base | fields).items()}
    return data


def item_row(item: AgendaTemplateItem, **changes) -> dict:
    fields = {
        "title": item.title,
        "purpose": item.purpose,
        "position": item.position,
        "order": "",
        "kind": item.kind,
        "part": item.part,
        "exempt_paragraph": item.exempt_paragraph or "",
    }
    return fields | changes


def items_of(body) -> list[tuple]:
    template = AgendaTemplate.objects.get(body=body)
    return list(
        template.items.order_by("position", "order").values_list(
            "position", "order", "title", "part", "exempt_paragraph"
        )
    )


def test_a_body_without_a_template_gets_one():
    body = t.body("Template Screen Panel", kind="panel")
    client = officer()
    page = client.get(url(body))
    assert page.status_code == 200
    assert "has no agenda template, and there is no default" in text(page)
    response = client.post(
        url(body),
        form(body, new_0={"title": "Apologies and Substitutes", "kind": "apologies"}),
    )
    assert response.status_code == 303 and response["Location"] == url(body)
    assert items_of(body) == [(OPENING, 10, "Apologies and Substitutes", "public", None)]
    events = set(AuditEntry.objects.values_list("event", flat=True).order_by("-pk")[:2])
    assert events == {SAVED, ITEM_SAVED}
    assert "The agenda template of Template Screen Panel is saved." in text(client.get(url(body)))


def test_a_body_starts_from_the_default_for_its_kind():
    default = t.agenda_template(
        None, (OPENING, "Declarations of Interest", "declarations"), kind="sub_committee"
    )
    body = t.body("Template Screen Sub-Committee", kind="sub_committee")
    page = officer().get(url(body))
    assert "its agendas use the default for every sub-committee" in text(page)
    assert value_of(page, "new-0-title") == "Declarations of Interest"
    row = {"title": "Declarations of Interest", "kind": "declarations", "order": "1"}
    assert officer().post(url(body), form(body, new_0=row)).status_code == 303
    assert items_of(body) == [(OPENING, 10, "Declarations of Interest", "public", None)]
    assert default.items.count() == 1 and AgendaTemplate.objects.filter(body=body).count() == 1


@pytest.fixture
def pr_style():
    """A body's template: three opening items and a closing one."""
    body = t.body("Template Screen Cabinet Committee")
    t.agenda_template(
        body,
        (OPENING, "Introduction/Webcast announcement", "procedural"),
        (OPENING, "Apologies and Substitutes", "apologies"),
        (OPENING, "Minutes of the meeting held on {previous_meeting_date}", "minutes"),
        (CLOSING, "Other items which the {chair} decides are urgent", "urgent_business"),
    )
    items = {i.title.split()[0]: i for i in AgendaTemplate.objects.get(body=body).items.all()}
    return body, items


def test_items_are_reordered_moved_made_exempt_removed_and_added(pr_style):
    body, items = pr_style
    intro, apologies, minutes, urgent = (
        items[k] for k in ("Introduction/Webcast", "Apologies", "Minutes", "Other")
    )
    rows = {
        f"item_{apologies.pk}": item_row(apologies, order="1"),
        f"item_{intro.pk}": item_row(intro, order="2"),
        f"item_{minutes.pk}": item_row(minutes, remove="on"),
        f"item_{urgent.pk}": item_row(urgent, position=EXEMPT, part="exempt", exempt_paragraph="3"),
        "new_1": {"title": "Questions", "kind": "questions", "position": CLOSING},
    }
    data = form(body, **rows) | {"exclusion_heading": "Exclusion of the press and public"}
    response = officer().post(url(body), data)
    assert response.status_code == 303, error_summary(response)
    assert items_of(body) == [
        (CLOSING, 10, "Questions", "public", None),
        (EXEMPT, 10, "Other items which the {chair} decides are urgent", "exempt", 3),
        (OPENING, 10, "Apologies and Substitutes", "public", None),
        (OPENING, 20, "Introduction/Webcast announcement", "public", None),
    ]
    template = AgendaTemplate.objects.get(body=body)
    assert template.exclusion_heading == "Exclusion of the press and public"
    assert AuditEntry.objects.filter(event=ITEM_REMOVED, object_id=str(minutes.pk)).exists()
    # The page shows the new order: each position's items numbered 1, 2 … again.
    page = officer().get(url(body))
    assert value_of(page, f"item-{intro.pk}-order") == "2"
    assert value_of(page, f"item-{apologies.pk}-order") == "1"


@pytest.mark.parametrize(
    ("change", "message", "field"),
    [
        (
            {"title": "Minutes of {last_meeting}"},
            "“{last_meeting}” is not a placeholder Moot can fill",
            "title",
        ),
        ({"title": ""}, "Give the item a title, as the agenda prints it.", "title"),
        (
            {"part": "exempt"},
            "An exempt item must cite the paragraph of Schedule 12A",
            "exempt_paragraph",
        ),
        (
            {"exempt_paragraph": "3"},
            "A public item cannot cite a Schedule 12A paragraph",
            "exempt_paragraph",
        ),
        ({"order": "first"}, "Enter the order as a whole number, e.g. 2.", "order"),
        ({"kind": "speech"}, "Choose the kind of business from the list.", "kind"),
        ({"position": "middle"}, "Choose where on the agenda the item goes.", "position"),
    ],
)
def test_a_bad_item_is_refused_on_its_row_with_what_was_typed_kept(
    pr_style, change, message, field
):
    body, items = pr_style
    apologies = items["Apologies"]
    before = items_of(body)
    rows = {f"item_{i.pk}": item_row(i) for i in items.values()}
    rows[f"item_{apologies.pk}"] = item_row(apologies, **change)
    rows["new_0"] = {"title": "Petitions", "kind": "petition"}
    with t.writes_nothing():
        response = officer().post(url(body), form(body, **rows))
    assert response.status_code == 400
    rank = sorted(items.values(), key=lambda i: (i.position != OPENING, i.order)).index(apologies)
    summary = error_summary(response)
    assert any(s.startswith(f"Standard item {rank + 1}: {message}") for s in summary), summary
    html = response.content.decode()
    assert f'href="#id_item-{apologies.pk}-{field}' in html
    assert value_of(response, "new-0-title") == "Petitions"  # kept, though not saved
    if field == "title":
        assert value_of(response, f"item-{apologies.pk}-title") == change["title"]
    assert items_of(body) == before


def test_the_exempt_part_must_cite_the_paragraphs(pr_style):
    body, items = pr_style
    rows = {f"item_{i.pk}": item_row(i) for i in items.values()}
    data = form(body, **rows) | {
        "exclusion_motion": "That the public be excluded.",
        "numbering": "x",
    }
    with t.writes_nothing():
        response = officer().post(url(body), data)
    assert response.status_code == 400
    summary = error_summary(response)
    assert any("Select a valid choice" in s or "numbered" in s for s in summary), summary
    data["numbering"] = "numbers"
    with t.writes_nothing():
        response = officer().post(url(body), data)
    assert response.status_code == 400
    assert error_summary(response) == [
        "The motion must cite the paragraphs of Schedule 12A: write {paragraphs} where they go."
    ]
    assert "That the public be excluded." in response.content.decode()


def test_an_unknown_body_is_404():
    assert officer().get("/office/bodies/no-such-body/agenda-template/").status_code == 404


def test_only_democratic_services(pr_style):
    body, items = pr_style
    rows = {f"item_{i.pk}": item_row(i) for i in items.values()}
    with t.writes_nothing():
        refused_for_others([url(body)], {url(body): form(body, **rows)})


def test_the_agenda_builder_and_the_programme_link_to_it(pr_style):
    body, _ = pr_style
    meeting = t.meeting(body)
    builder = officer().get(f"/office/meetings/{meeting.pk}/agenda/").content.decode()
    assert f'href="{url(body)}"' in builder
    other = t.meeting(t.body("Template Screen Bare Panel", kind="panel"))
    bare = officer().get(f"/office/meetings/{other.pk}/agenda/").content.decode()
    assert f'href="{url(other.body)}"' in bare and "Ask an administrator" not in bare
    programme = officer().get(f"/office/programme/?body={body.slug}").content.decode()
    assert f'href="{url(body)}"' in programme
