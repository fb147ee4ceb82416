"""Form fields for dates and times as people type them (``council/typed_dates.py``).

A plain text input, not ``type="date"``: a browser's date picker is a different widget in
every browser, hard to use with a screen reader or by keyboard, and cannot take "22 Dec 2026"
(GOV.UK's advice for dates people know is to let them type them). ``inputmode="text"``
because month names and "am"/"pm" need letters; no autocomplete, the browser's memory of
other dates being no help; no spellcheck on a date. A field that cannot be read says what
it expected as its error.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError

from .typed_dates import date_as_typed, read_date, read_time, time_as_typed

DATE_HINT = "For example, 22/12/2026 or 22 Dec 2026"
TIME_HINT = "For example, 10am, 2.30pm or 14:30"


class _TypedInput(forms.TextInput):
    width = 10

    def __init__(self, attrs: dict | None = None):
        base = {
            "class": f"govuk-input govuk-input--width-{self.width}",
            "inputmode": "text",
            "autocomplete": "off",
            "spellcheck": "false",
        }
        super().__init__({**base, **(attrs or {})})

    def as_typed(self, value) -> str:
        raise NotImplementedError

    def format_value(self, value):
        if isinstance(value, dt.date | dt.time):
            return self.as_typed(value)
        return super().format_value(value)  # what was typed, shown back as it was


class TypedDateInput(_TypedInput):
    width = 10

    def as_typed(self, value) -> str:
        day = value.date() if isinstance(value, dt.datetime) else value
        return date_as_typed(day) if isinstance(day, dt.date) else str(value)


class TypedTimeInput(_TypedInput):
    width = 5

    def as_typed(self, value) -> str:
        return time_as_typed(value) if isinstance(value, dt.time) else str(value)


class _TypedField(forms.Field):
    hint = ""

    def __init__(self, *, help_text: str | None = None, **kwargs):
        super().__init__(help_text=self.hint if help_text is None else help_text, **kwargs)

    def read(self, text: str):
        raise NotImplementedError

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not isinstance(value, str):
            value = str(value)
        if not value.strip():
            return None
        try:
            return self.read(value)
        except ValueError as error:
            raise ValidationError(str(error), code="invalid") from None


class TypedDateField(_TypedField):
    """A date typed as people type it; cleans to a ``datetime.date``."""

    widget = TypedDateInput
    hint = DATE_HINT

    def to_python(self, value):
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        return super().to_python(value)

    def read(self, text: str) -> dt.date:
        return read_date(text)


class TypedTimeField(_TypedField):
    """A time of day typed as people type it; cleans to a ``datetime.time``."""

    widget = TypedTimeInput
    hint = TIME_HINT

    def to_python(self, value):
        if isinstance(value, dt.time):
            return value
        return super().to_python(value)

    def read(self, text: str) -> dt.time:
        return read_time(text)
