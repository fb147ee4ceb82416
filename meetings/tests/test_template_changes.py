"""``meetings.template_changes.change_template``: a body's template (or the default for a kind
of body) and its standard items changed in one step, all or nothing, checked for the actor
and audited row by row."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from audit.models import AuditEntry
from audit.testing import TEST_ACTOR
from meetings.models import AgendaTemplate, AgendaTemplateItem
from meetings.template_changes import (
    ITEM_SAVED,
    Row,
    TemplateRefused,
    change_template,
    default_template_of,
    template_of,
)
from moot import testing as t

pytestmark = pytest.mark.django_db


@pytest.fixture
def template():
    return t.agenda_template(
        t.body("Template Changes Committee"),
        ("opening", "Apologies and Substitutes", "apologies"),
        ("opening", "Declarations of Interest", "declarations"),
    )


def rows_of(template: AgendaTemplate) -> list[Row]:
    return [Row(item) for item in template.items.order_by("order")]


def test_the_items_are_numbered_in_the_order_given(template):
    apologies, declarations = (row.item for row in rows_of(template))
    apologies.order, declarations.order = 2, 1
    new = AgendaTemplateItem(title="Urgent business", kind="urgent_business", position="closing")
    officer = t.account(democratic_services=True)
    change_template(template, [Row(apologies), Row(declarations), Row(new)], actor=officer)
    saved = template.items.order_by("position", "order").values_list("title", "order")
    assert list(saved) == [
        ("Urgent business", 10),
        ("Declarations of Interest", 10),
        ("Apologies and Substitutes", 20),
    ]
    assert AuditEntry.objects.filter(event=ITEM_SAVED, actor=officer).count() == 3


def test_one_bad_row_saves_nothing(template):
    good, bad = (row.item for row in rows_of(template))
    good.title, bad.title = "Apologies", "Minutes of {last_meeting}"
    with t.writes_nothing(), pytest.raises(TemplateRefused) as refused:
        change_template(template, [Row(good), Row(bad)], actor=TEST_ACTOR)
    assert list(refused.value.rows) == [1]
    assert "is not a placeholder Moot can fill" in " ".join(refused.value.messages)
    assert template.items.filter(title="Apologies").count() == 0


def test_a_row_of_another_template_is_refused(template):
    other = t.agenda_template(t.body(), ("opening", "Someone else's", "procedural"))
    stranger = other.items.get()
    with t.writes_nothing(), pytest.raises(TemplateRefused, match="not one of this template's"):
        change_template(template, [Row(stranger, remove=True)], actor=TEST_ACTOR)
    with t.writes_nothing(), pytest.raises(TemplateRefused, match="not one of this template's"):
        change_template(template, [Row(stranger)], actor=TEST_ACTOR)
    assert other.items.count() == 1


def test_the_default_for_a_kind_of_body_is_changed_too():
    default = default_template_of("working_group")
    assert default.pk is None
    item = AgendaTemplateItem(title="Notes of the last meeting", kind="minutes", position="opening")
    saved = change_template(default, [Row(item)], actor=TEST_ACTOR)
    assert saved.pk and saved.body is None and saved.body_kind == "working_group"
    assert default_template_of("working_group") == saved
    assert [i.title for i in saved.items.all()] == ["Notes of the last meeting"]
    assert AuditEntry.objects.filter(event=ITEM_SAVED, object_id=str(item.pk)).exists()


def test_a_template_neither_a_bodys_nor_a_kinds_is_refused():
    with t.writes_nothing(), pytest.raises(TemplateRefused, match="either one body's or"):
        change_template(AgendaTemplate(body=None, body_kind=""), [], actor=TEST_ACTOR)


def test_who_may_change_it(template):
    rows = rows_of(template)
    for actor in (t.account(), t.account(perms=("meetings.change_agendatemplate",)), None):
        with t.writes_nothing(), pytest.raises(PermissionDenied):
            change_template(template, rows, actor=actor)
    holder = t.account(
        perms=("meetings.change_agendatemplate", "meetings.change_agendatemplateitem")
    )
    change_template(template, rows, actor=holder)


def test_a_new_template_of_a_body():
    body = t.body("Template Changes Panel", kind="panel")
    template = template_of(body)
    assert template.pk is None
    item = AgendaTemplateItem(title="Apologies", kind="apologies", position="opening")
    change_template(template, [Row(item)], actor=TEST_ACTOR)
    assert AgendaTemplate.objects.get(body=body).items.get().title == "Apologies"
