"""The clerk's forms. Each one feeds a proceedings service; the service decides what is
allowed and its ``ValidationError`` is shown in the page's error summary."""

from __future__ import annotations

from django import forms

from council.date_fields import TypedDateField
from council.models import Person
from meetings.models import AgendaItem, Meeting
from proceedings.approval_forms import CorrectionsForm, MinuteChoiceField
from proceedings.models import (
    ActionKind,
    ActionStatus,
    InterestNature,
    MajorityRule,
    MotionKind,
    Office,
    Participation,
    Side,
)

CLASSES = {
    forms.Select: "govuk-select",
    forms.SelectMultiple: "govuk-select",
    forms.Textarea: "govuk-textarea",
    forms.TextInput: "govuk-input",
    forms.NumberInput: "govuk-input govuk-input--width-3",
    forms.DateInput: "govuk-input govuk-input--width-10",
}


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return obj.formal_name


class ClerkForm(forms.Form):
    """GOV.UK classes on every widget."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = CLASSES.get(type(field.widget))
            if css:
                field.widget.attrs.setdefault("class", css)


class OfficerChoice(PersonChoice):
    """An officer with the post they held on the day (``choices.officers``), so the list can
    be searched by job title too."""

    def label_from_instance(self, obj: Person) -> str:
        post = getattr(obj, "post", "")
        return f"{obj.formal_name} – {post}" if post else obj.formal_name


def people(qs, empty: str | None = None, **kw) -> PersonChoice:
    return PersonChoice(queryset=qs, required=empty is not None, empty_label=empty or "", **kw)


class ChairForm(ClerkForm):
    person = PersonChoice(
        queryset=Person.objects.none(),
        required=False,
        label="In the chair",
        empty_label="Nobody recorded in the chair",
    )


class SubstituteForm(ClerkForm):
    person = PersonChoice(
        queryset=Person.objects.none(), label="Substitute", empty_label="Choose a councillor"
    )
    substitute_for = PersonChoice(
        queryset=Person.objects.none(),
        label="Substituting for",
        empty_label="Choose a member of the committee",
    )


class AlsoPresentForm(ClerkForm):
    person = PersonChoice(
        queryset=Person.objects.none(),
        label="Councillor also present",
        empty_label="Choose a councillor",
    )


class OfficerForm(ClerkForm):
    person = OfficerChoice(
        queryset=Person.objects.none(),
        required=False,
        label="Officer",
        empty_label="Someone not listed: give their name below",
        help_text="Officers in the record, with their post on the day.",
        error_messages={
            "invalid_choice": "Choose an officer from the list: councillors and members of "
            "bodies are recorded as members, substitutes or also present."
        },
    )
    title = forms.CharField(
        max_length=20,
        required=False,
        label="Title (new officer)",
        help_text="For example Mr, Mrs, Ms, Dr.",
    )
    initials = forms.CharField(max_length=20, required=False, label="Initials (new officer)")
    surname = forms.CharField(max_length=100, required=False, label="Surname (new officer)")
    capacity = forms.CharField(
        max_length=200,
        label="Job title",
        help_text="Printed in brackets, e.g. Head of Democratic Services.",
    )

    def clean(self):
        data = super().clean()
        if not data.get("person") and not data.get("surname", "").strip():
            raise forms.ValidationError("Choose the officer, or give a new officer's surname.")
        if data.get("person") and data.get("surname", "").strip():
            raise forms.ValidationError("Choose an officer or give a new name, not both.")
        return data


class DeclarationForm(ClerkForm):
    person = PersonChoice(
        queryset=Person.objects.none(), label="Member declaring", empty_label="Choose who declared"
    )
    item = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(),
        required=False,
        label="Item the interest is in",
        empty_label="This item",
        help_text="An interest declared under “Declarations of interest” is recorded against "
        "the item it concerns, where the vote checks it.",
    )
    nature = forms.ChoiceField(choices=InterestNature.choices, label="Nature of the interest")
    text = forms.CharField(label="Interest as declared", widget=forms.Textarea(attrs={"rows": 2}))
    participation = forms.ChoiceField(choices=Participation.choices, label="Did they take part?")
    dispensation = forms.CharField(max_length=300, required=False, label="Dispensation (if any)")


MOTION_KINDS = [(k, label) for k, label in MotionKind.choices]


class MotionForm(ClerkForm):
    kind = forms.ChoiceField(choices=MOTION_KINDS, label="Kind of motion")
    text = forms.CharField(
        label="Motion",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Elections: leave blank for the usual words.",
    )
    mover = PersonChoice(
        queryset=Person.objects.none(),
        required=False,
        label="Moved by",
        empty_label="The chair / not named",
    )
    seconder = PersonChoice(
        queryset=Person.objects.none(),
        required=False,
        label="Seconded by",
        empty_label="Not seconded / not named",
    )
    amends = forms.ModelChoiceField(
        queryset=None, required=False, label="Amendment of", empty_label="Not an amendment"
    )
    resulting_text = forms.CharField(
        required=False,
        label="The motion as amended (amendments)",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    office = forms.ChoiceField(
        choices=[("", "Not an election")] + list(Office.choices),
        required=False,
        label="Office (elections)",
    )
    nominee = PersonChoice(
        queryset=Person.objects.none(),
        required=False,
        label="Member proposed (elections)",
        empty_label="Not an election",
    )

    def __init__(self, *args, motions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amends"].queryset = motions
        self.fields["amends"].label_from_instance = lambda m: m.text[:80]

    def clean(self):
        data = super().clean()
        if data.get("kind") != MotionKind.ELECTION and not (data.get("text") or "").strip():
            self.add_error("text", "Write the words of the motion.")
        return data


class HandsForm(ClerkForm):
    votes_for = forms.IntegerField(min_value=0, max_value=9999, label="For")
    votes_against = forms.IntegerField(min_value=0, max_value=9999, label="Against")
    abstentions = forms.IntegerField(min_value=0, max_value=9999, label="Abstain", initial=0)
    majority = forms.ChoiceField(choices=MajorityRule.choices, label="Majority needed")
    casting_vote = forms.ChoiceField(
        choices=[("", "None (votes not equal)")] + list(Side.choices),
        required=False,
        label="Chair's casting vote",
    )


class RecordedCountsForm(ClerkForm):
    """The recorded vote's options; the names come from the grid."""

    announced_for = forms.IntegerField(min_value=0, max_value=9999, required=False, label="For")
    announced_against = forms.IntegerField(
        min_value=0, max_value=9999, required=False, label="Against"
    )
    announced_abstain = forms.IntegerField(
        min_value=0, max_value=9999, required=False, label="Abstain"
    )
    majority = forms.ChoiceField(choices=MajorityRule.choices, label="Majority needed")
    casting_vote = forms.ChoiceField(
        choices=[("", "None (votes not equal)")] + list(Side.choices),
        required=False,
        label="Chair's casting vote",
    )

    def announced(self):
        d = self.cleaned_data
        values = (d.get("announced_for"), d.get("announced_against"), d.get("announced_abstain"))
        if all(v is None for v in values):
            return None
        return tuple(v or 0 for v in values)


class MinuteForm(ClerkForm):
    title = forms.CharField(
        max_length=300,
        label="Minute heading",
        error_messages={"required": "Enter the minute heading."},
    )
    text = forms.CharField(
        required=False,
        label="Minute",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Paragraphs separated by a blank line; they are numbered (1), (2) … "
        "Lines starting (a), (b) are sub-points.",
    )


class ExemptMinuteForm(MinuteForm):
    """A minute of business taken in closed session (LGA 1972 s100C)."""

    exempt = forms.BooleanField(required=False, label="Exempt minute (closed session)")
    exempt_paragraph = forms.TypedChoiceField(
        choices=[("", "Not exempt")] + [(n, f"Paragraph {n}") for n in range(1, 8)],
        coerce=int,
        empty_value=None,
        required=False,
        label="Paragraph of Schedule 12A",
    )
    public_summary = forms.CharField(
        required=False,
        label="Summary for the public minutes",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed where leaving the exempt minute out would make the public minutes "
        "incoherent (s100C(2)).",
    )
    summary_not_needed = forms.BooleanField(
        required=False, label="The public minutes read coherently without a summary"
    )


class ResolutionForm(ClerkForm):
    text = forms.CharField(
        label="Resolution", initial="RESOLVED that:-", widget=forms.Textarea(attrs={"rows": 2})
    )
    parts = forms.CharField(
        required=False,
        label="Parts",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One part a line; they are lettered (a), (b) …",
    )
    motion = forms.ModelChoiceField(
        queryset=None, required=False, label="From the motion", empty_label="No motion"
    )
    delegated_to = forms.CharField(
        max_length=300,
        required=False,
        label="Decision delegated to (optional)",
        help_text="e.g. the Head of Democratic Services",
    )
    in_consultation_with = forms.CharField(
        max_length=300,
        required=False,
        label="In consultation with (optional)",
        help_text="e.g. the Leader of the UKIP Group",
    )

    def __init__(self, *args, motions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["motion"].queryset = motions
        self.fields["motion"].label_from_instance = lambda m: m.text[:80]

    def cleaned_parts(self) -> list[str]:
        return [p.strip() for p in self.cleaned_data.get("parts", "").splitlines() if p.strip()]


class ActionForm(ClerkForm):
    kind = forms.ChoiceField(choices=ActionKind.choices, label="Action or undertaking")
    text = forms.CharField(label="What is to be done", widget=forms.Textarea(attrs={"rows": 2}))
    owner = OfficerChoice(
        queryset=Person.objects.none(),
        required=False,
        label="Who (a person)",
        empty_label="Not a person listed: give a title",
        help_text="Officers, and those also present or in attendance (a Cabinet Member).",
        error_messages={
            "invalid_choice": "Choose who is to do it from the list (officers, and those also "
            "present or in attendance), or give their title."
        },
    )
    owner_text = forms.CharField(
        max_length=200,
        required=False,
        label="Who (a title)",
        help_text="For example Head of Highways.",
    )
    due = TypedDateField(required=False, label="Due by")


class ActionUpdateForm(ClerkForm):
    status = forms.ChoiceField(choices=ActionStatus.choices, label="Status")
    completed_on = TypedDateField(required=False, label="Done on")
    progress = forms.CharField(
        required=False, label="Progress", widget=forms.Textarea(attrs={"rows": 2})
    )


CLASS_SELECT = {"class": "govuk-select"}


class PreviousMinutesForm(ClerkForm, CorrectionsForm):
    """The minutes of ``previous`` approved as a correct record under the minutes item, with
    up to three corrections, all optional (``proceedings.approval_forms``). An exempt minute
    is offered by its number alone: the screen shows no exempt words of another meeting."""

    ROWS = 3

    def __init__(self, data=None, *, previous: Meeting, **kwargs):
        super().__init__(previous, data, rows=self.ROWS, **kwargs)
        self.previous = previous
        for name, field in self.fields.items():
            if isinstance(field, MinuteChoiceField):
                field.exempt_titles = False
            elif name.endswith("_field"):
                field.widget = forms.Select(choices=field.widget.choices, attrs=CLASS_SELECT)
