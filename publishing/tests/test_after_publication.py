"""After publication: urgent items (s.100B(4)(b)) and supplementary agendas."""

import pytest
from django.core.exceptions import ValidationError

from audit.testing import TEST_ACTOR
from council.models import BodyKind
from meetings.models import AgendaItem
from moot import testing as t
from papers import packs
from papers.models import AgendaPack, PackKind, PackStatus
from publishing import services, signals, supplements
from publishing.models import AgendaPublication, EventKind, PublicationEvent

from . import builders as b

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(officer, chair):
    meeting = b.meeting(chair=chair)
    b.paper(meeting, "2", "Budget")
    services.publish_agenda(meeting, actor=officer, now=b.BEFORE)
    return meeting


@pytest.fixture
def chair():
    return t.person("Chairperson")


def test_a_non_urgent_item_cannot_be_added_after_publication(published):
    item = AgendaItem(meeting=published, number="9", title="Late idea")
    with pytest.raises(ValidationError) as refused:
        services.check_item_may_be_added(published, item)
    assert "An item can now be added only as urgent business" in refused.value.messages[0]
    assert "section 100B(4)(b)" in refused.value.messages[0]


def test_saving_a_new_item_on_a_published_agenda_needs_urgency(published, chair, officer):
    """``save_item`` is the one way every screen adds an item: on a published agenda a plain
    new item is refused (nothing saved), an urgent one is added as urgent business."""
    with pytest.raises(ValidationError) as refused:
        services.save_item(
            AgendaItem(meeting=published, number="9", title="Late idea"), actor=officer
        )
    assert "An item can now be added only as urgent business" in refused.value.messages[0]
    assert not published.items.filter(number="9").exists()
    item = services.save_item(
        AgendaItem(
            meeting=published,
            number="9",
            title="Grant bid",
            urgent=True,
            urgency_chair=chair,
            urgency_reasons="The bid closes first.",
        ),
        actor=officer,
    )
    assert item.pk and item.urgent
    assert PublicationEvent.objects.filter(
        kind=EventKind.URGENT_ITEM_ADDED, meeting=published
    ).exists()


def test_a_new_item_on_an_unpublished_agenda_is_saved_plainly(officer):
    meeting = b.meeting()
    item = services.save_item(
        AgendaItem(meeting=meeting, number="2", title="Budget"), actor=officer
    )
    assert item.pk and not item.urgent
    assert not PublicationEvent.objects.filter(meeting=meeting).exists()


def test_items_of_an_unpublished_agenda_pass_the_check():
    meeting = b.meeting()
    services.check_item_may_be_added(meeting, AgendaItem(meeting=meeting, number="2", title="x"))


@pytest.mark.parametrize(
    "with_chair, reasons, expected",
    [
        (
            False,
            "A grant deadline falls before the next meeting.",
            ["Name the chair who agreed that the item is urgent."],
        ),
        (
            True,
            "  ",
            [
                "State the special circumstances that make the item urgent; they are "
                "recorded in the minutes."
            ],
        ),
        (
            False,
            "",
            [
                "Name the chair who agreed that the item is urgent.",
                "State the special circumstances that make the item urgent; they are "
                "recorded in the minutes.",
            ],
        ),
    ],
)
def test_urgent_business_needs_the_chair_and_the_special_circumstances(
    published, chair, officer, with_chair, reasons, expected
):
    with pytest.raises(ValidationError) as refused:
        services.add_urgent_item(
            published,
            number="9",
            title="Grant bid",
            chair=chair if with_chair else None,
            reasons=reasons,
            actor=officer,
        )
    assert refused.value.messages == expected
    assert not published.items.filter(number="9").exists()
    assert not PublicationEvent.objects.filter(kind=EventKind.URGENT_ITEM_ADDED).exists()


def test_urgent_item_is_added_and_recorded(published, chair, officer):
    item = services.add_urgent_item(
        published,
        number="9",
        title="Grant bid",
        chair=chair,
        reasons="The bid closes before the next meeting.",
        actor=officer,
    )
    item.refresh_from_db()
    assert (item.urgent, item.urgency_chair, item.urgency_reasons) == (
        True,
        chair,
        "The bid closes before the next meeting.",
    )
    event = PublicationEvent.objects.get(kind=EventKind.URGENT_ITEM_ADDED, meeting=published)
    assert event.note == (
        f"Item 9: Grant bid. Chair: {chair.full_name}. Special circumstances: "
        "The bid closes before the next meeting."
    )


def test_urgent_item_on_an_unpublished_agenda_is_refused(chair, officer):
    meeting = b.meeting()
    with pytest.raises(ValidationError, match="not published yet"):
        services.add_urgent_item(
            meeting, number="9", title="x", chair=chair, reasons="y", actor=officer
        )
    assert not meeting.items.filter(number="9").exists()


def test_the_cabinet_has_no_chairs_urgency_route(chair, officer, settings):
    meeting = b.meeting(kind=BodyKind.CABINET, chair=chair)
    services.publish_agenda(meeting, actor=officer, now=b.BEFORE)
    with pytest.raises(ValidationError, match="executive body"):
        services.add_urgent_item(
            meeting, number="9", title="x", chair=chair, reasons="y", actor=officer
        )
    settings.MOOT_EXECUTIVE_CHAIR_URGENCY = True
    services.add_urgent_item(
        meeting, number="9", title="x", chair=chair, reasons="y", actor=officer
    )


def test_supplements_are_numbered_and_carry_only_the_new_papers(
    published, officer, django_capture_on_commit_callbacks
):
    calls = []

    def record(sender, **kwargs):
        calls.append(kwargs["publication"].number)

    signals.supplement_published.connect(record)
    try:
        with pytest.raises(ValidationError, match="No papers have been added"):
            supplements.publish_supplement(published, actor=officer, now=b.AFTER)
        late = b.paper(published, "3", "Late report")
        with django_capture_on_commit_callbacks(execute=True):
            first = supplements.publish_supplement(published, actor=officer, now=b.AFTER)
        later = b.paper(published, "4", "Later report")
        with django_capture_on_commit_callbacks(execute=True):
            second = supplements.publish_supplement(published, actor=officer, now=b.AFTER)
    finally:
        signals.supplement_published.disconnect(record)
    assert calls == [1, 2]
    assert [(p.kind, p.number) for p in AgendaPublication.objects.filter(meeting=published)] == [
        ("agenda", 0),
        ("supplement", 1),
        ("supplement", 2),
    ]
    assert (first.papers, second.papers) == ([late.pk], [later.pk])
    assert first.on_time is False  # late papers are flagged, not blocked
    assert late.document.current_version().published_at is not None
    assert str(second) == f"Supplementary agenda 2 – {published}"


def test_a_supplement_refuses_an_unapproved_report(published, officer):
    b.paper(published, "3", "Unapproved", approved=False)
    with pytest.raises(ValidationError, match="“Unapproved” \\(item 3\\) is not approved"):
        supplements.publish_supplement(published, actor=officer, now=b.AFTER)
    assert AgendaPublication.objects.filter(meeting=published).count() == 1


def test_a_supplement_before_the_agenda_is_refused(officer):
    meeting = b.meeting()
    b.paper(meeting, "2", "Budget")
    with pytest.raises(ValidationError, match="not published yet"):
        supplements.publish_supplement(meeting, actor=officer)
    assert not AgendaPublication.objects.filter(meeting=meeting).exists()


def test_supplementary_pack_is_requested_once_the_agenda_pack_is_built(published, officer):
    public = AgendaPack.objects.get(meeting=published, kind=PackKind.PUBLIC)
    assert packs.run_pack(public.pk, actor=TEST_ACTOR).status == PackStatus.BUILT
    b.paper(published, "3", "Late report")
    supplements.publish_supplement(published, actor=officer, now=b.AFTER)
    supplementary = AgendaPack.objects.get(meeting=published, supplement=1)
    assert supplementary.kind == PackKind.PUBLIC
    # The members' pack is still queued: when it builds it takes every paper attached by then.
    assert not AgendaPack.objects.filter(
        meeting=published, kind=PackKind.MEMBERS, supplement__gt=0
    ).exists()
