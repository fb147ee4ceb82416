"""The agenda builder's forms. They read what was typed; the meetings and publishing services
decide what is allowed, and their refusals are put back on the form (``add_errors``)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from council.models import Person
from council.serving import chair_and_vice
from meetings.models import MAX_SUB_ITEM_DEPTH, AgendaItem, ExemptParagraph, ItemKind, Meeting, Part

from .pickers import ItemChoiceField

NO_PARAGRAPH = [("", "None: a public item")]


class ItemFields(forms.Form):
    """What an agenda item and a template's standard item (``template_forms``) share."""

    purpose = forms.CharField(
        label="Purpose (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text='One line, e.g. "To consider and approve the minutes as a correct record."',
    )
    kind = forms.ChoiceField(
        label="Kind of business",
        choices=ItemKind.choices,
        error_messages={"invalid_choice": "Choose the kind of business from the list."},
    )
    part = forms.ChoiceField(
        label="Part of the agenda",
        choices=Part.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose the public or the exempt part."},
    )
    exempt_paragraph = forms.TypedChoiceField(
        label="Schedule 12A paragraph",
        choices=NO_PARAGRAPH + ExemptParagraph.choices,
        coerce=int,
        empty_value=None,
        required=False,
        help_text="For exempt items: the paragraph of Schedule 12A that makes it exempt.",
        error_messages={"invalid_choice": "Choose a paragraph of Schedule 12A from the list."},
    )


class ItemForm(ItemFields):
    """An agenda item as the officer writes it: its number is the agenda's to give."""

    title = forms.CharField(
        max_length=300,
        error_messages={"required": "Enter the item's title, as the agenda prints it."},
    )
    parent = ItemChoiceField(
        label="Sub-item of (optional)",
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label="None: an item of its own",
        help_text="A sub-item is numbered under its item, e.g. 6(a).",
    )

    FIELDS = ("title", "purpose", "kind", "part", "exempt_paragraph", "parent")
    field_order = FIELDS

    def __init__(self, meeting: Meeting, *args, item: AgendaItem | None = None, **kwargs):
        if item is not None and not args and "initial" not in kwargs:
            kwargs["initial"] = {name: getattr(item, name) for name in self.FIELDS}
        kwargs.setdefault("initial", {"kind": ItemKind.REPORT, "part": Part.PUBLIC})
        super().__init__(*args, **kwargs)
        parents = AgendaItem.objects.filter(meeting=meeting).select_related("meeting__body")
        if item is not None:
            parents = parents.exclude(pk__in=_subtree(item))
        # An item at the deepest level cannot take sub-items: not offered.
        too_deep = "parent__" * MAX_SUB_ITEM_DEPTH + "isnull"
        parent_field = self.fields["parent"]
        assert isinstance(parent_field, ItemChoiceField)
        parent_field.queryset = parents.filter(**{too_deep: True}).order_by("order", "pk")

    def apply_to(self, item: AgendaItem) -> AgendaItem:
        for name in self.FIELDS:
            setattr(item, name, self.cleaned_data[name])
        return item


def _subtree(item: AgendaItem) -> set[int]:
    """The item and its sub-items at every level: none of them can be its parent."""
    found, frontier = {item.pk}, [item.pk]
    while frontier:
        frontier = list(
            AgendaItem.objects.filter(parent_id__in=frontier)
            .exclude(pk__in=found)
            .values_list("pk", flat=True)
        )
        found.update(frontier)
    return found


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return obj.formal_name


class UrgentItemForm(ItemForm):
    """Urgent business on a published agenda (``publishing.changes.add_urgent_item``)."""

    number = forms.CharField(
        label="Item number",
        max_length=10,
        help_text="The agenda's numbers are published: give this item its own, e.g. 15.",
        error_messages={"required": "Enter the item's number."},
    )
    chair = PersonChoice(
        label="Chair who agreed it is urgent",
        queryset=Person.objects.none(),
        empty_label="Choose the chair",
        error_messages={"required": "Choose the chair who agreed that the item is urgent."},
    )
    reasons = forms.CharField(
        label="Special circumstances",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Why the item cannot wait for the next meeting; recorded in the minutes.",
        error_messages={"required": "State the special circumstances that make it urgent."},
    )

    def __init__(self, meeting: Meeting, *args, **kwargs):
        kwargs.setdefault("initial", {"kind": ItemKind.REPORT, "part": Part.PUBLIC})
        kwargs["initial"].setdefault("number", next_number(meeting))
        super().__init__(meeting, *args, **kwargs)
        chairs = [p.pk for p in chair_and_vice(meeting.body, meeting.date)]
        chair_field = self.fields["chair"]
        assert isinstance(chair_field, PersonChoice)
        chair_field.queryset = Person.objects.filter(pk__in=chairs)


def next_number(meeting: Meeting) -> str:
    """A suggestion for urgent business: one more than the highest plain number."""
    numbers = [int(n) for n in meeting.items.values_list("number", flat=True) if n.isdigit()]
    return str(max(numbers, default=0) + 1)


def add_errors(form: forms.Form, error: ValidationError) -> None:
    """A service's refusal on the form: each message on its field where the form has it,
    the rest on top."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.error_list)


def problems(form: forms.Form, named: str = "") -> list[tuple[str, str]]:
    """The form's errors for the GOV.UK error summary, each linked to its field (a set of
    radios or checkboxes to its first one), each after ``named`` ("Standard item 2: ")."""
    rows = [(f"{named}{e}", "") for e in form.non_field_errors()]
    for field in form:
        link = f"#{field.auto_id}"
        if isinstance(field.field.widget, forms.RadioSelect):
            link += "_0"
        rows += [(f"{named}{e}", link) for e in field.errors]
    return rows


def order_field(minimum: int, help_text: str) -> forms.IntegerField:
    """An optional place in a list, as a whole number (clearance steps, a template's items)."""
    return forms.IntegerField(
        label="Order",
        min_value=minimum,
        max_value=999,
        required=False,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-3"}),
        error_messages={
            "invalid": "Enter the order as a whole number, e.g. 2.",
            "min_value": f"Enter an order of {minimum} or more.",
            "max_value": "Enter an order of 999 or less.",
        },
    )
