"""The forms of approving minutes as a correct record and recording the chair's signature,
shared by every screen that does it: the workspace's minutes page, the clerk's screen (the
later meeting's "minutes of the last meeting" item) and the back office's actions. They read
what was typed; ``proceedings.approval`` decides what is allowed, and its refusals are put
back on the form by the screen that called it.
"""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.forms.utils import ErrorDict

from council.date_fields import TypedDateField
from meetings.models import Meeting

from .approval import Correction
from .models import Minute

#: How many correction rows a form may carry: a screen adds one at a time, without JavaScript.
MAX_CORRECTIONS = 10
FIELDS = [("text", "Text"), ("title", "Title")]


def minute_label(minute: Minute, *, exempt_titles: bool = True) -> str:
    """ "Meeting of 1 November 2016, minute 20: Minutes of the last meeting" (the meeting
    first, so two meetings' minute 20 are never confused); without ``exempt_titles`` an
    exempt minute by its number alone ("…, minute 21 (exempt)")."""
    said = f"Meeting of {minute.meeting.date:%-d %B %Y}, minute {minute.number}"
    if minute.exempt and not exempt_titles:
        return f"{said} (exempt)"
    return f"{said}: {minute.title}"


class MinuteChoiceField(forms.ModelChoiceField):
    """A minute, labelled with its meeting (give it a queryset selecting the meeting); an
    exempt one by its number alone where ``exempt_titles`` is turned off."""

    exempt_titles = True

    def label_from_instance(self, obj: Minute) -> str:
        return minute_label(obj, exempt_titles=self.exempt_titles)


def approving_minutes(meeting: Meeting) -> QuerySet[Minute]:
    """The minutes that may approve ``meeting``'s: those of later meetings of its body."""
    return (
        Minute.objects.filter(meeting__body_id=meeting.body_id, meeting__date__gt=meeting.date)
        .select_related("meeting")
        .order_by("meeting__date", "number")
    )


def suggested_approving_minute(meeting: Meeting) -> Minute | None:
    """The minute the next meeting took on its "minutes of the last meeting" item, if any."""
    return (
        approving_minutes(meeting)
        .filter(item__kind="minutes")
        .order_by("meeting__date", "number")
        .first()
    )


ROW_FIELDS = ("minute", "field", "old", "new", "note")


def _row_fields(queryset: QuerySet[Minute]) -> dict[str, forms.Field]:
    """The fields of one correction, all optional: a row left blank is no correction."""
    return {
        "minute": MinuteChoiceField(
            queryset,
            required=False,
            label="Minute corrected",
            empty_label="No correction",
            error_messages={"invalid_choice": "Choose a minute of the meeting being approved."},
        ),
        "field": forms.ChoiceField(
            choices=FIELDS,
            required=False,
            initial="text",
            widget=forms.RadioSelect,
            label="Correction in the minute's",
            error_messages={"invalid_choice": "Choose the minute's title or its text."},
        ),
        "old": forms.CharField(required=False, label="Words replaced", max_length=500),
        "new": forms.CharField(required=False, label="Replaced by", max_length=500),
        "note": forms.CharField(
            required=False,
            label="Note (optional)",
            max_length=300,
            help_text="Kept with the approved version, e.g. “the name was misspelt”.",
        ),
    }


class CorrectionsForm(forms.Form):
    """Corrections of the minutes of ``meeting``, row ``i``'s fields named
    ``correction_<i>_minute``, ``…_field``, ``…_old``, ``…_new`` and ``…_note``: ``rows`` of
    them, or as many as were posted (the ``correction_rows`` hidden field), one more when its
    "Add another correction" button (``more``) was pressed. A row half filled is refused with
    what it lacks; adding a row checks nothing (``adding``), what was typed shown again."""

    def __init__(self, meeting: Meeting, data=None, *, rows: int = 1, **kwargs):
        self.adding = data is not None and "more" in data
        super().__init__(data, **kwargs)
        if data is not None:
            try:
                rows = int(data.get(self.rows_name, rows)) + self.adding
            except (TypeError, ValueError):
                rows = 1
        self.row_count = max(1, min(rows, MAX_CORRECTIONS))
        queryset = Minute.objects.filter(meeting=meeting).select_related("meeting")
        for i in range(self.row_count):
            for name, field in _row_fields(queryset).items():
                self.fields[f"correction_{i}_{name}"] = field

    @property
    def rows_name(self) -> str:
        """The hidden field carrying the number of rows shown."""
        return self.add_prefix("correction_rows")

    def full_clean(self) -> None:
        if self.adding:  # nothing is being saved: no errors to show
            self._errors, self.cleaned_data = ErrorDict(), {}
            return
        super().full_clean()

    def is_valid(self) -> bool:
        return not self.adding and super().is_valid()

    @property
    def rows(self) -> list[list[forms.BoundField]]:
        """Each row's bound fields, in ``ROW_FIELDS`` order, for the page."""
        return [
            [self[f"correction_{i}_{name}"] for name in ROW_FIELDS] for i in range(self.row_count)
        ]

    def clean(self):
        data = super().clean()
        for i in range(self.row_count):
            given = [bool(data.get(f"correction_{i}_{k}")) for k in ("minute", "old", "new")]
            if any(given) and not all(given):
                self.add_error(
                    f"correction_{i}_minute",
                    f"Correction {i + 1} needs the minute, the words replaced and the words "
                    "replacing them.",
                )
        return data

    def corrections(self) -> list[Correction]:
        d = self.cleaned_data
        found = []
        for i in range(self.row_count):
            row = {name: d.get(f"correction_{i}_{name}") for name in ROW_FIELDS}
            if row["minute"]:
                found.append(
                    Correction(
                        row["minute"], row["field"] or "text", row["old"], row["new"], row["note"]
                    )
                )
        return found


class ApproveForm(CorrectionsForm):
    """The approving minute of a later meeting of the same body, and the corrections."""

    approving_minute = MinuteChoiceField(
        Minute.objects.none(),
        label="Minute that approved them",
        empty_label="Choose the minute",
        help_text="The minute of the later meeting at which the minutes were approved as a "
        "correct record.",
        error_messages={
            "required": "Choose the minute of the later meeting that approved the minutes.",
            "invalid_choice": "Choose a minute of a later meeting of the same body.",
        },
    )

    def __init__(self, meeting: Meeting, data=None, **kwargs):
        if data is None:
            kwargs.setdefault("initial", {"approving_minute": suggested_approving_minute(meeting)})
        super().__init__(meeting, data, **kwargs)
        chosen = self.fields["approving_minute"]
        assert isinstance(chosen, MinuteChoiceField)
        chosen.queryset = approving_minutes(meeting)


class SignForm(forms.Form):
    signed_on = TypedDateField(
        label="Signed on",
        error_messages={"required": "Enter the date the chair signed the minutes."},
    )
