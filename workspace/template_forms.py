"""The agenda template screen's forms: the template's numbering and exempt-part wording, and
one form per standard item (``item-<pk>``) with blank rows for new ones (``new-<n>``). They
read what was typed; ``meetings.template_changes.change_template`` decides what is allowed
and its refusals are put back on the rows concerned."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from meetings.agenda_templates import RANK
from meetings.models import (
    AgendaTemplate,
    AgendaTemplateItem,
    ItemKind,
    NumberingStyle,
    Part,
    TemplatePosition,
)
from meetings.template_changes import Row

from .agenda_forms import ItemFields, add_errors, order_field
from .agenda_forms import problems as form_problems

NEW_ROWS = 2  # blank rows for new items, beyond those already filled in
MOST_NEW = 30


class TemplateForm(forms.Form):
    numbering = forms.ChoiceField(
        label="How the items are numbered",
        choices=NumberingStyle.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the items are numbered."},
    )
    exclusion_heading = forms.CharField(
        label="Heading before the exempt business",
        max_length=200,
        error_messages={"required": "Enter the heading printed before the exempt business."},
    )
    exclusion_motion = forms.CharField(
        label="Motion to exclude the press and public",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Write {paragraphs} where the Schedule 12A paragraphs go, e.g. “paragraph 3”.",
        error_messages={"required": "Enter the motion to exclude the press and public."},
    )
    no_exempt_heading = forms.CharField(
        label="Heading when there is no exempt business",
        max_length=200,
        error_messages={"required": "Enter the heading printed when there is no exempt business."},
    )
    no_exempt_note = forms.CharField(
        label="Note when there is no exempt business (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    FIELDS = ("numbering", "exclusion_heading", "exclusion_motion", "no_exempt_heading")
    FIELDS += ("no_exempt_note",)

    def __init__(self, template: AgendaTemplate, *args, **kwargs):
        kwargs.setdefault("initial", {name: getattr(template, name) for name in self.FIELDS})
        super().__init__(*args, **kwargs)
        self.template = template

    def apply(self) -> AgendaTemplate:
        for name in self.FIELDS:
            setattr(self.template, name, self.cleaned_data[name])
        return self.template


class StandardItemForm(ItemFields):
    """One standard item. A blank new row is left out; a new row with anything typed in it
    is a new item."""

    title = forms.CharField(
        max_length=300,
        required=False,  # the rule's words, when a row is kept without one
    )
    position = forms.ChoiceField(
        label="Where on the agenda",
        choices=TemplatePosition.choices,
        error_messages={"invalid_choice": "Choose where on the agenda the item goes."},
    )
    order = order_field(1, "1 comes first; blank: last.")
    remove = forms.BooleanField(label="Take this item out of the template", required=False)

    FIELDS = ("title", "purpose", "position", "kind", "part", "exempt_paragraph")
    field_order = [*FIELDS[:3], "order", *FIELDS[3:], "remove"]

    def __init__(self, *args, item: AgendaTemplateItem | None = None, rank: int = 0, **kwargs):
        if item is not None:
            initial = {name: getattr(item, name) for name in self.FIELDS} | {"order": rank}
        else:
            initial = {"position": TemplatePosition.OPENING, "kind": ItemKind.PROCEDURAL}
            initial |= {"part": Part.PUBLIC}
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.item = item
        if item is None:
            del self.fields["remove"]

    def typed(self) -> bool:
        """A new row with anything typed in it (the choices' starting values aside)."""
        if self.item is not None or not self.is_bound:
            return True
        return any(
            self.data.get(self.add_prefix(name), "").strip() for name in ("title", "purpose")
        )

    def row(self) -> Row:
        """The item as typed (unsaved). Call after ``is_valid``."""
        item = self.item or AgendaTemplateItem()
        for name in self.FIELDS:
            setattr(item, name, self.cleaned_data[name])
        item.order = self.cleaned_data["order"] or 1000  # blank: after those given an order
        return Row(item, remove=bool(self.cleaned_data.get("remove")))


class TemplateScreen:
    """The whole screen's forms, bound or not, and the rows they make."""

    def __init__(
        self, template: AgendaTemplate, data=None, *, start: AgendaTemplate | None = None
    ) -> None:
        """``start``: for a body without a template of its own, the default template its
        new one begins as (its wording, and its items as new rows)."""
        self.template = template
        begin = start if template.pk is None and start is not None else template
        self.form = TemplateForm(begin, data)
        self.items = [
            StandardItemForm(data, item=item, rank=rank, prefix=f"item-{item.pk}")
            for item, rank in _ranked(template)
        ]
        starting = [_copy(item, rank) for item, rank in _ranked(start)] if begin is start else []
        new = min(max(_new_rows_posted(data), len(starting)) + NEW_ROWS, MOST_NEW)
        self.new = [
            _new_row(data, f"new-{n}", starting[n] if n < len(starting) else {}) for n in range(new)
        ]

    def used(self) -> list[StandardItemForm]:
        return self.items + [form for form in self.new if form.is_bound]

    def is_valid(self) -> bool:
        valid = self.form.is_valid()
        for form in self.used():
            valid = form.is_valid() and valid
        return valid

    def rows(self) -> list[Row]:
        return [form.row() for form in self.used()]

    def refused(self, rows: dict[int | None, ValidationError]) -> None:
        """Put the service's refusals (``TemplateRefused.rows``) on the forms they concern."""
        used = self.used()
        for n, error in rows.items():
            add_errors(self.form if n is None else used[n], error)

    def existing(self) -> list[tuple[str, StandardItemForm]]:
        """Each saved item's form with the name the page gives it ("Standard item 2")."""
        return [(f"Standard item {n}", form) for n, form in enumerate(self.items, 1)]

    def added(self) -> list[tuple[str, StandardItemForm]]:
        return [(f"New item {n}", form) for n, form in enumerate(self.new, 1)]

    def problems(self) -> list[tuple[str, str]]:
        """The error summary: each message linked to its field, a row's named as on the page."""
        found = form_problems(self.form)
        for name, form in self.existing() + self.added():
            found += form_problems(form, f"{name}: ")
        return found


def _ranked(template: AgendaTemplate | None) -> list[tuple[AgendaTemplateItem, int]]:
    """The template's items in the agenda's order, each with its place (1, 2 …) in its
    position."""
    if template is None or template.pk is None:
        return []
    items = sorted(
        template.items.all(), key=lambda i: (RANK[TemplatePosition(i.position)], i.order, i.pk)
    )
    ranks: dict[str, int] = {}
    out = []
    for item in items:
        ranks[item.position] = ranks.get(item.position, 0) + 1
        out.append((item, ranks[item.position]))
    return out


def _copy(item: AgendaTemplateItem, rank: int) -> dict:
    """A new row's starting values: those of the default template's item."""
    initial = {name: getattr(item, name) for name in StandardItemForm.FIELDS}
    return {"initial": initial | {"order": rank}}


def _new_row(data, prefix: str, starting: dict) -> StandardItemForm:
    """A new row: bound when anything was typed in it; otherwise shown again unbound (a blank
    row is not read, so it shows no errors), with the choices that were posted."""
    form = StandardItemForm(data, prefix=prefix, **starting)
    if data is None or form.typed():
        return form
    posted = {
        name: data[form.add_prefix(name)] for name in form.fields if form.add_prefix(name) in data
    }
    return StandardItemForm(prefix=prefix, initial=posted)


def _new_rows_posted(data) -> int:
    if data is None:
        return 0
    filled = [
        n
        for n in range(MOST_NEW)
        if any(data.get(f"new-{n}-{name}", "").strip() for name in ("title", "purpose"))
    ]
    return filled[-1] + 1 if filled else 0
