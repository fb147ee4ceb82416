"""The forms of the programme of meetings: which body and year to list, the pattern to read,
and the proposed dates the officer adjusts before the meetings are created."""

from __future__ import annotations

import datetime as dt

from django import forms

from council.date_fields import TypedDateField as DateField
from council.date_fields import TypedTimeField as TimeField
from council.dates import municipal_year_dates, municipal_year_of
from council.models import Body
from meetings.programme import Pattern, read_pattern

PATTERN_HINT = (
    "The week and day, the start time and (if not the body's usual room) the venue, e.g. \"third "
    'Wednesday, 10.00, Darent Room", "last Thursday 2pm" or "second Tuesday of every 3 months '
    'from June, 14:30, except August".'
)


def year_label(year: int) -> str:
    """The municipal year as councils write it: 2017/18."""
    return f"{year}/{(year + 1) % 100:02d}"


def year_choices(first: int, last: int) -> list[tuple[int, str]]:
    return [(year, year_label(year)) for year in range(first, last + 1)]


class BodyChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Body) -> str:
        return str(obj) if obj.active else f"{obj} (dissolved)"


class ProgrammeFilter(forms.Form):
    """The programme page's filter: a body (or all of them) and a municipal year."""

    body = BodyChoice(
        queryset=Body.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="All bodies",
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    year = forms.TypedChoiceField(
        coerce=int,
        label="Municipal year",
        widget=forms.Select(attrs={"class": "govuk-select"}),
        error_messages={"invalid_choice": "Choose a municipal year from the list."},
    )

    def __init__(self, *args, years: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = years
        self.fields["body"].error_messages["invalid_choice"] = "Choose a body from the list."


class PatternForm(forms.Form):
    """The first step of a programme: the body, the municipal year and the pattern typed.
    Cleans to the ``pattern`` read (``meetings.patterns.read_pattern``) and the ``period`` of
    the year still to come (from today in the current year)."""

    body = BodyChoice(
        queryset=Body.objects.filter(active=True),
        to_field_name="slug",
        empty_label="Choose a body",
        widget=forms.Select(attrs={"class": "govuk-select"}),
        error_messages={
            "required": "Choose the body the meetings are for.",
            "invalid_choice": "Choose a body from the list.",
        },
    )
    year = forms.TypedChoiceField(
        coerce=int,
        label="Municipal year",
        widget=forms.Select(attrs={"class": "govuk-select"}),
        error_messages={"invalid_choice": "Choose a municipal year from the list."},
    )
    pattern = forms.CharField(
        label="When the body meets",
        help_text=PATTERN_HINT,
        max_length=300,
        widget=forms.TextInput(attrs={"class": "govuk-input", "spellcheck": "false"}),
        error_messages={"required": 'Type the pattern of meetings, e.g. "third Wednesday, 10.00".'},
    )

    def __init__(self, *args, today: dt.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        this = municipal_year_of(today)
        self.fields["year"].choices = year_choices(this, this + 2)

    def clean_pattern(self) -> Pattern:
        try:
            return read_pattern(self.cleaned_data["pattern"])
        except ValueError as error:
            raise forms.ValidationError(str(error), code="unreadable") from None

    def clean(self):
        data = super().clean()
        if "year" in data:
            start, end = municipal_year_dates(data["year"])
            data["period"] = (max(start, self.today), end)
        return data


class ProposedDate(forms.Form):
    """One proposed meeting: kept or not, its date and its start time."""

    keep = forms.BooleanField(required=False, label="Hold this meeting")
    date = DateField(required=False, help_text="")  # the hints are given once, above the rows
    time = TimeField(required=False, label="Start time", help_text="")

    def clean(self):
        data = super().clean()
        if data.get("keep") and not data.get("date") and "date" not in self.errors:
            self.add_error("date", "Give the date of this meeting, or untick it.")
        return data

    def slot(self) -> tuple[dt.date, dt.time | None] | None:
        """The date and time to create, when the row is kept and readable."""
        data = getattr(self, "cleaned_data", {})
        if not data.get("keep") or not data.get("date") or self.errors:
            return None
        return data["date"], data.get("time")


ProposedDates = forms.formset_factory(
    ProposedDate, extra=0, max_num=100, validate_max=True, absolute_max=100
)


class ProgrammeExtras(forms.Form):
    """Below the proposed dates: a date to add, and whether two meetings of the body on one
    day are intended."""

    add_date = DateField(required=False, label="Date")
    add_time = TimeField(
        required=False, label="Its start time", help_text="Leave blank for the pattern's time"
    )
    same_day = forms.BooleanField(
        required=False,
        label="A second meeting of the body on a day it already meets is intended",
    )

    def clean(self):
        data = super().clean()
        if data.get("add_time") and not data.get("add_date") and "add_date" not in self.errors:
            self.add_error("add_date", "Give the date of the meeting to add, or clear its time.")
        return data

    def slot(self) -> tuple[dt.date, dt.time | None] | None:
        data = getattr(self, "cleaned_data", {})
        if not data.get("add_date") or self.errors:
            return None
        return data["add_date"], data.get("add_time")
