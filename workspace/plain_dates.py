"""Date and time fields for the workspace's forms: one text input each, read in the forms
officers type ("21/03/2018", "21 Mar 2018"; "10:00", "10.00"), with a plain message when they
cannot be read.

A stand-in: the branch adding ``council.date_fields`` (``TypedDateField``, ``TypedTimeField``,
which also read "10am" and "22 December 2026") is not on this one's base. When it is merged,
these two classes give way to those (same names of use: ``DateField()``, ``TimeField()``).
"""

from __future__ import annotations

from django import forms

DATE_HINT = "For example, 21/03/2018"
TIME_HINT = "For example, 10:00 or 14:30"
DATE_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%d %m %Y", "%d %b %Y", "%d %B %Y"]
DATE_FORMATS += ["%a %d %b %Y", "%A %d %B %Y", "%Y-%m-%d"]
TIME_FORMATS = ["%H:%M", "%H.%M", "%H%M", "%H"]


class DateField(forms.DateField):
    """A date typed as day, month and year; cleans to a ``datetime.date``."""

    widget = forms.DateInput(
        format="%d/%m/%Y",
        attrs={
            "class": "govuk-input govuk-input--width-10",
            "autocomplete": "off",
            "spellcheck": "false",
        },
    )
    default_error_messages = {"invalid": "Enter the date as day/month/year, e.g. 21/03/2018."}

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", DATE_HINT)
        super().__init__(input_formats=DATE_FORMATS, **kwargs)

    def to_python(self, value):
        # "Wed 21 Mar 2018" and "21 March, 2018" as well as "21/03/2018".
        if isinstance(value, str):
            value = " ".join(value.replace(",", " ").split())
        return super().to_python(value)


class TimeField(forms.TimeField):
    """A time of day in the 24-hour clock; cleans to a ``datetime.time``."""

    widget = forms.TimeInput(
        format="%H:%M",
        attrs={
            "class": "govuk-input govuk-input--width-5",
            "autocomplete": "off",
            "spellcheck": "false",
        },
    )
    default_error_messages = {
        "invalid": "Enter the time in the 24-hour clock, e.g. 10:00 or 14:30."
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", TIME_HINT)
        super().__init__(input_formats=TIME_FORMATS, **kwargs)
