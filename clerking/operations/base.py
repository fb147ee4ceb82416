"""One posted change on the clerk's screen, and the register of the changes it makes.

Each operation parses its form, calls one proceedings service (which checks the actor,
validates, saves in a transaction and audits) and returns a short phrase for "Saved: …".
A form that does not validate raises ``Invalid``; a refusal is the service's
``ValidationError``; the view turns either into the page's error summary.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from meetings.models import AgendaItem, Meeting


class Invalid(Exception):
    """A form did not validate; its errors are the problem."""


class Change:
    """One posted change: the request, the meeting and current item, and the form used."""

    def __init__(self, request: HttpRequest, meeting: Meeting, item: AgendaItem | None):
        self.request, self.meeting, self.item = request, meeting, item
        self.user = request.user
        self.post = request.POST
        self.form: forms.Form | None = None
        self.key = ""
        self.anchor = ""

    def bind(
        self,
        cls: type[forms.Form],
        key: str,
        querysets: dict[str, QuerySet] | None = None,
        **kwargs,
    ) -> dict:
        """Bind the posted form ``cls`` (prefix ``key``), its choices limited to
        ``querysets``; its cleaned data, or ``Invalid``."""
        self.key = key
        self.form = cls(self.post, prefix=key, **kwargs)
        for name, qs in (querysets or {}).items():
            self.form.fields[name].queryset = qs
        if not self.form.is_valid():
            raise Invalid()
        return self.form.cleaned_data

    def obj(self, model: type[Model], field: str, **filters) -> Model:
        """A row of this meeting named by a posted id; a clear refusal otherwise."""
        try:
            return model.objects.get(pk=int(self.post.get(field, "")), **filters)
        except (ValueError, model.DoesNotExist):
            raise ValidationError(
                f"That {model._meta.verbose_name} is not part of this meeting's record. "
                "Reload the page and try again."
            ) from None

    def need_item(self) -> AgendaItem:
        if self.item is None:
            raise ValidationError("This meeting has no agenda items to minute.")
        return self.item

    def posted_with(self, stem: str) -> dict[str, str]:
        """The non-empty posted values whose names start ``stem``, by the rest of the name."""
        return {
            name[len(stem) :]: value
            for name, value in self.post.items()
            if name.startswith(stem) and value
        }


@dataclass(frozen=True)
class Operation:
    """A change the screen makes: its function and the panel it returns to."""

    run: Callable[[Change], str]
    anchor: str


OPS: dict[str, Operation] = {}


def op(name: str, anchor: str):
    """Register the decorated function as the operation ``name`` of panel ``anchor``."""

    def register(fn: Callable[[Change], str]) -> Callable[[Change], str]:
        OPS[name] = Operation(fn, anchor)
        return fn

    return register


def errors_of(change: Change, error: Exception) -> list[tuple[str, str]]:
    """(message, link) pairs for the error summary: each links to its field where known."""
    form = change.form
    first = f"#{next(iter(form)).auto_id}" if form is not None else f"#{change.anchor}"
    if isinstance(error, Invalid) and form is not None:
        out = [(e, first) for e in form.non_field_errors()]
        for field in form:
            out += [(e, f"#{field.auto_id}") for e in field.errors]
        return out
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        out = []
        for name, errs in error.message_dict.items():
            link = first
            if form is not None and name in form.fields:
                link = f"#{form[name].auto_id}"
            out += [(e, link) for e in errs]
        return out
    if isinstance(error, ValidationError):
        return [(e, first) for e in error.messages]
    return [(str(error), first)]
