"""The agenda builder (``/office/meetings/<id>/agenda/``): every action without JavaScript
(a post, then a 303 back to the agenda), the htmx move, and each refusal shown as the GOV.UK
error summary with status 400, what was typed kept and nothing saved."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from access.models import Account, ExemptAccess
from audit.testing import TEST_ACTOR
from meetings.models import AgendaItem, Meeting
from moot import testing as t
from papers import services as papers
from papers.models import Document
from publishing.models import PublicationEvent

pytestmark = pytest.mark.django_db


def officer() -> Client:
    return t.verified_login(Client(), t.account(democratic_services=True))


def text(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def agenda(meeting: Meeting) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in meeting.items.order_by("order")]


@pytest.fixture
def meeting():
    body = t.body("Builder View Committee")
    t.meeting(body, dt.date(2017, 9, 1))
    t.agenda_template(
        body,
        ("opening", "Apologies and Substitutes", "apologies"),
        ("opening", "Minutes of the meeting held on {previous_meeting_date}", "minutes"),
        ("closing", "Other items which the {chair} decides are Urgent", "urgent_business"),
    )
    return t.meeting(body, dt.date(2017, 10, 11))


def url(meeting, rest: str = "") -> str:
    return f"/office/meetings/{meeting.pk}/agenda/{rest}"


ITEM = {"title": "Highways maintenance", "purpose": "", "kind": "report", "part": "public"}


def published() -> Meeting:
    return Meeting.objects.get(
        body__slug="policy-and-resources-cabinet-committee", date="2017-09-15"
    )


# --- who may use it ----------------------------------------------------------------------------


def test_only_democratic_services_with_both_factors(meeting):
    item = t.item(meeting, "1", "Budget")
    addresses = [
        url(meeting),
        url(meeting, f"items/{item.pk}/"),
        url(meeting, f"items/{item.pk}/remove/"),
    ]
    posts = ["", "standard-items/", "renumber/", "urgent/", f"items/{item.pk}/move/"]
    councillor = User.objects.create_user("councillor-ab", password="Long-enough-pass-1")
    Account.objects.create(user=councillor, person=t.person())
    staff = t.verified_login(Client(), t.account(perms=("meetings.change_meeting",)))
    for address in addresses:
        assert Client().get(address)["Location"].startswith("/sign-in/")
        assert staff.get(address).status_code == 403
        assert t.verified_login(Client(), councillor).get(address).status_code == 403
        response = officer().get(address)
        assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    for rest in posts:
        with t.writes_nothing():
            assert staff.post(url(meeting, rest), {"direction": "up"}).status_code == 403
    for rest in posts[1:]:
        assert officer().get(url(meeting, rest)).status_code == 405
    assert agenda(meeting) == [("1", "Budget")]


def test_unknown_meetings_and_items_of_another_meeting_are_404(meeting):
    other = t.item(t.meeting(t.body()), "1", "Elsewhere")
    client = officer()
    assert client.get("/office/meetings/999999/agenda/").status_code == 404
    assert client.get(url(meeting, f"items/{other.pk}/")).status_code == 404
    with t.writes_nothing():
        assert (
            client.post(url(meeting, f"items/{other.pk}/move/"), {"direction": "up"}).status_code
            == 404
        )
        assert client.post(url(meeting, f"items/{other.pk}/remove/")).status_code == 404


def test_the_meeting_page_links_to_the_builder(meeting):
    page = officer().get(f"/office/meetings/{meeting.pk}/").content.decode()
    assert f'href="/office/meetings/{meeting.pk}/agenda/"' in page
    assert "Build the agenda" in page


# --- the standard items ------------------------------------------------------------------------


def test_the_standard_items_are_added_once_and_the_page_says_so(meeting):
    client = officer()
    page = text(client.get(url(meeting)))
    assert "Minutes of the meeting held on 1 September 2017 (opening" in page  # the preview
    response = client.post(url(meeting, "standard-items/"))
    assert response.status_code == 303 and response["Location"] == url(meeting)
    page = text(client.get(url(meeting)))
    assert "Added 3 standard items from the template." in page
    assert agenda(meeting) == [
        ("1", "Apologies and Substitutes"),
        ("2", "Minutes of the meeting held on 1 September 2017"),
        ("3", "Other items which the Chairman decides are Urgent"),
    ]
    with t.writes_nothing():
        client.post(url(meeting, "standard-items/"))
    page = text(client.get(url(meeting)))
    assert "Not added: “Apologies and Substitutes”: already on the agenda as item 1." in page


def test_a_body_without_a_template_is_told_so():
    meeting = t.meeting(t.body("Plain Board", kind="board"))
    client = officer()
    assert "Plain Board has no agenda template" in text(client.get(url(meeting)))
    with t.writes_nothing():
        response = client.post(url(meeting, "standard-items/"))
    assert response.status_code == 400
    assert "There is a problem" in text(response)
    assert "Plain Board has no agenda template, and there is no default template" in text(response)


# --- adding, changing, moving, removing --------------------------------------------------------


def test_an_item_is_added_before_the_closing_items(meeting):
    client = officer()
    client.post(url(meeting, "standard-items/"))
    response = client.post(url(meeting), ITEM)
    item = meeting.items.get(title="Highways maintenance")
    assert response.status_code == 303 and response["Location"] == url(meeting) + f"#item-{item.pk}"
    assert "Added item 3: Highways maintenance." in text(client.get(url(meeting)))
    sub = dict(ITEM, title="Resurfacing", parent=item.pk)
    client.post(url(meeting), sub)
    assert agenda(meeting)[2:] == [
        ("3", "Highways maintenance"),
        ("3(a)", "Resurfacing"),
        ("4", "Other items which the Chairman decides are Urgent"),
    ]


@pytest.mark.parametrize(
    "fields, message, field_id",
    [
        ({"title": ""}, "Enter the item's title, as the agenda prints it.", "id_title"),
        (
            {"part": "exempt"},
            "An exempt item must cite the paragraph of Schedule 12A",
            "id_exempt_paragraph",
        ),
        (
            {"exempt_paragraph": "3"},
            "A public item cannot cite a Schedule 12A",
            "id_exempt_paragraph",
        ),
        ({"kind": "gossip"}, "Choose the kind of business from the list.", "id_kind"),
        ({"part": "secret"}, "Choose the public or the exempt part.", "id_part_0"),
        (
            {"exempt_paragraph": "9"},
            "Choose a paragraph of Schedule 12A from the list.",
            "id_exempt_paragraph",
        ),
        ({"parent": "abc"}, "Select a valid choice.", "id_parent"),
        ({"title": "x" * 301}, "at most 300 characters", "id_title"),
    ],
)
def test_bad_input_is_refused_with_the_error_summary_and_kept(meeting, fields, message, field_id):
    data = dict(ITEM, purpose="Typed words to keep", **fields)
    with t.writes_nothing():
        response = officer().post(url(meeting), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page and f'href="#{field_id}"' in page
    assert message in text(response)
    assert "Typed words to keep" in page
    assert response.content.decode().count("<title>Error: ") == 1
    assert not meeting.items.exists()


def test_a_parent_from_another_meeting_cannot_be_chosen(meeting):
    other = t.item(t.meeting(t.body()), "1", "Elsewhere")
    with t.writes_nothing():
        response = officer().post(url(meeting), dict(ITEM, parent=other.pk))
    assert response.status_code == 400
    assert "Select a valid choice." in text(response)


def test_the_item_picker_names_each_items_meeting(meeting):
    t.item(meeting, "1", "Budget")
    page = text(officer().get(url(meeting)))
    assert "Item 1: Budget (Builder View Committee, 11 Oct 2017)" in page


def test_changing_an_item_keeps_what_was_typed_when_refused(meeting):
    client = officer()
    budget = t.item(meeting, "1", "Budget")
    item = t.item(meeting, "2", "Highways")
    page = client.get(url(meeting, f"items/{item.pk}/")).content.decode()
    assert 'value="Highways"' in page
    assert f'<option value="{item.pk}"' not in page  # not its own parent
    data = dict(ITEM, title="Highways capital", part="exempt")
    with t.writes_nothing():
        response = client.post(url(meeting, f"items/{item.pk}/"), data)
    assert response.status_code == 400
    assert (
        "Item 2: Highways" in text(response)
        and 'value="Highways capital"' in response.content.decode()
    )
    response = client.post(
        url(meeting, f"items/{item.pk}/"), dict(data, part="public", parent=budget.pk)
    )
    assert response.status_code == 303
    assert agenda(meeting) == [("1", "Budget"), ("1(a)", "Highways capital")]


def test_moving_without_javascript(meeting):
    client = officer()
    t.item(meeting, "1", "Budget")
    item = t.item(meeting, "2", "Highways")
    response = client.post(url(meeting, f"items/{item.pk}/move/"), {"direction": "up"})
    assert response.status_code == 303 and response["Location"].endswith(f"#item-{item.pk}")
    assert "Moved “Highways” up: it is now item 1." in text(client.get(url(meeting)))
    assert agenda(meeting) == [("1", "Highways"), ("2", "Budget")]
    for direction, message in [
        ("up", "is already the first item"),
        ("left", "Move an item up or down."),
    ]:
        with t.writes_nothing():
            response = client.post(url(meeting, f"items/{item.pk}/move/"), {"direction": direction})
        assert response.status_code == 400
        assert message in text(response) and "There is a problem" in text(response)


def test_moving_with_htmx_sends_back_the_list_with_the_focus_kept(meeting):
    client = officer()
    first = t.item(meeting, "1", "Budget")
    second = t.item(meeting, "2", "Highways")
    t.item(meeting, "3", "Libraries")
    response = client.post(
        url(meeting, f"items/{second.pk}/move/"), {"direction": "up"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "<html" not in page and 'id="agenda-items"' in page
    assert 'hx-swap-oob="innerHTML">Moved “Highways” up: it is now item 1.' in page
    # Highways is first now: no "Move up", so the focus goes to its "Move down".
    mine = page[page.index(f'id="item-{second.pk}"') : page.index(f'id="item-{first.pk}"')]
    assert "Move up" not in mine and "autofocus" in mine
    response = client.post(
        url(meeting, f"items/{second.pk}/move/"), {"direction": "up"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 400
    assert "is already the first item on the agenda" in response.content.decode()


def test_removing_asks_first_and_refuses_with_the_services_reason(meeting, settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path
    client = officer()
    budget = t.item(meeting, "1", "Budget")
    highways = t.item(meeting, "2", "Highways")
    papers.attach(
        highways, papers.save_document(Document(title="Report"), actor=TEST_ACTOR), actor=TEST_ACTOR
    )
    assert "Remove item 1: Budget?" in text(client.get(url(meeting, f"items/{budget.pk}/remove/")))
    with t.writes_nothing():
        response = client.post(url(meeting, f"items/{highways.pk}/remove/"))
    assert response.status_code == 400
    assert "cannot be removed while other records refer to it" in text(response)
    response = client.post(url(meeting, f"items/{budget.pk}/remove/"))
    assert response.status_code == 303
    assert agenda(meeting) == [("1", "Highways")]
    assert "Removed item 1: Budget." in text(client.get(url(meeting)))


def test_renumbering_tidies_numbers_typed_elsewhere(meeting):
    t.item(meeting, "7", "Budget")
    t.item(meeting, "3", "Highways")
    client = officer()
    assert client.post(url(meeting, "renumber/")).status_code == 303
    assert agenda(meeting) == [("1", "Budget"), ("2", "Highways")]
    client.post(url(meeting, "renumber/"))
    assert "The agenda was already numbered in order." in text(client.get(url(meeting)))


# --- a published agenda ------------------------------------------------------------------------


def test_a_published_agenda_is_shown_but_not_changed():
    meeting = published()
    item = meeting.items.get(number="6")
    client = officer()
    page = client.get(url(meeting)).content.decode()
    assert "The agenda has been published" in page
    assert "Move up" not in page and "Add an item" not in page and "Add urgent business" in page
    numbers = agenda(meeting)
    for rest, data in [
        ("", ITEM),
        (f"items/{item.pk}/move/", {"direction": "up"}),
        (f"items/{item.pk}/remove/", {}),
        ("renumber/", {}),
        ("standard-items/", {}),
        (f"items/{item.pk}/", dict(ITEM, title="Retitled")),
    ]:
        with t.writes_nothing():
            response = client.post(url(meeting, rest), data)
        assert response.status_code == 400, rest
        assert "has been published, so you can no longer" in text(response), rest
    assert agenda(meeting) == numbers


def test_urgent_business_on_a_published_agenda_needs_the_chair_and_the_reasons():
    meeting = published()
    client = officer()
    page = client.get(url(meeting)).content.decode()
    assert 'value="15"' in page  # the next number, suggested
    data = dict(ITEM, number="15", title="Storm damage", reasons="")
    with t.writes_nothing():
        response = client.post(url(meeting, "urgent/"), data)
    assert response.status_code == 400
    page = text(response)
    assert "Choose the chair who agreed that the item is urgent." in page
    assert "State the special circumstances that make it urgent." in page
    chair_pk = re.search(r'<option value="(\d+)">Mr B J Sweetland', response.content.decode())
    data |= {"chair": chair_pk.group(1), "reasons": "The roof must be repaired before winter."}
    response = client.post(url(meeting, "urgent/"), data)
    assert response.status_code == 303, text(response)
    added = meeting.items.get(number="15")
    assert added.urgent and added.title == "Storm damage"
    assert PublicationEvent.objects.filter(meeting=meeting, kind="urgent_item_added").exists()
    with t.writes_nothing():
        response = client.post(url(meeting, "urgent/"), data)  # the same number again
    assert response.status_code == 400


def test_showing_exempt_items_is_in_the_exempt_access_log():
    meeting = published()
    before = ExemptAccess.objects.count()
    officer().get(url(meeting))
    entry = ExemptAccess.objects.order_by("-pk").first()
    assert ExemptAccess.objects.count() == before + 1
    assert entry.surface == "back_office" and entry.meeting == meeting
    assert entry.description.endswith("agenda builder, exempt item 14")


def test_the_agenda_items_are_not_changed_by_a_get(meeting):
    item = t.item(meeting, "5", "Budget")
    with t.writes_nothing():
        officer().get(url(meeting, f"items/{item.pk}/remove/"))
    assert AgendaItem.objects.filter(pk=item.pk, number="5").exists()
