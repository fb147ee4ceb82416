"""The forms of one meeting: a new meeting (not a programme) and a meeting's details. Each is
saved by ``meetings.services.save_meeting``; these only read what was typed and keep a
meeting from being set on, or moved to, a date that has passed."""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.db.models import Q

from council.date_fields import TypedDateField as DateField
from council.date_fields import TypedTimeField as TimeField
from council.models import Body, Person
from meetings.formatting import long_date
from meetings.models import Meeting, Venue

from .programme_forms import BodyChoice

CLASSES = {
    forms.Select: "govuk-select",
    forms.Textarea: "govuk-textarea",
    forms.TextInput: "govuk-input",
    forms.URLInput: "govuk-input",
}
FIELDS = [
    "date",
    "start_time",
    "end_time",
    "venue",
    "status",
    "notes",
    "contact",
    "contact_telephone",
    "webcast_url",
]


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return obj.formal_name


class VenueChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Venue) -> str:
        return obj.full_name


class MeetingForm(forms.ModelForm):
    date = DateField()
    start_time = TimeField(required=False, label="Start time")
    end_time = TimeField(
        required=False,
        label="Scheduled end (optional)",
        help_text='Printed as "The meeting is scheduled to end by …"; e.g. 13:00',
    )
    venue = VenueChoice(queryset=Venue.objects.all(), required=False, empty_label="Not set")
    webcast_url = forms.URLField(
        required=False,
        assume_scheme="https",
        label="Webcast link (optional)",
        help_text="The full address, starting https://",
        error_messages={"invalid": "Enter the webcast's full address, e.g. https://…"},
    )
    contact = PersonChoice(
        queryset=Person.objects.none(),
        required=False,
        label="Contact officer (ask for)",
        empty_label="The body's contact officer",
    )

    class Meta:
        model = Meeting
        fields = FIELDS
        labels = {
            "notes": "Notes (optional)",
            "contact_telephone": "Contact telephone (optional)",
        }
        help_texts = {
            "notes": "Shown prominently on the agenda, e.g. “Please note the earlier start time”.",
            "contact_telephone": "Blank: the body's contact telephone.",
        }
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, today: dt.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.saved_date = self.instance.date if self.instance.pk else None
        if "contact" in self.fields:
            # Officers (people with no term as a councillor) and whoever is the contact now.
            people = Person.objects.filter(Q(terms__isnull=True) | Q(pk=self.instance.contact_id))
            self.fields["contact"].queryset = people.distinct().order_by("surname", "initials")
        for name, field in self.fields.items():
            if "valid choice" in str(field.error_messages.get("invalid_choice", "")):
                label = str(field.label or name.replace("_", " "))
                what = re.sub(r"\s*\(.*\)", "", label).lower()
                field.error_messages["invalid_choice"] = f"Choose the {what} from the list."
            css = CLASSES.get(type(field.widget))
            if css:
                field.widget.attrs.setdefault("class", css)
        for name in ("contact_telephone", "webcast_url"):
            if name in self.fields:
                self.fields[name].widget.attrs["class"] = "govuk-input govuk-!-width-two-thirds"
        self.fields["date"].error_messages["required"] = "Give the date of the meeting."

    def clean_date(self) -> dt.date:
        day = self.cleaned_data["date"]
        if day < self.today and day != self.saved_date:
            if self.saved_date is None:
                raise forms.ValidationError(
                    f"{long_date(day)} has passed: a new meeting is a meeting to come."
                )
            raise forms.ValidationError(
                f"{long_date(day)} has passed: a meeting cannot be moved to a date that has gone."
            )
        return day


class NewMeetingForm(MeetingForm):
    """One meeting of a body (not a programme): scheduled, in the body's usual venue unless
    another is chosen."""

    body = BodyChoice(
        queryset=Body.objects.filter(active=True),
        to_field_name="slug",
        empty_label="Choose a body",
        error_messages={
            "required": "Choose the body that is meeting.",
            "invalid_choice": "Choose a body from the list.",
        },
    )
    venue = VenueChoice(
        queryset=Venue.objects.all(), required=False, empty_label="The body's usual venue"
    )

    class Meta(MeetingForm.Meta):
        fields = ["body", "kind", *[f for f in FIELDS if f != "status"]]
        labels = MeetingForm.Meta.labels | {"kind": "Kind of meeting"}
