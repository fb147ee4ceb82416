"""How the back office saves: a refusal by the services shown again on the form, the
service each admin saves through (``ServiceHooks``), and the form fields it builds
(``FormFields``: choices of related rows limited to those the user may see)."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.forms.models import InlineForeignKeyField, construct_instance

from audit import trail
from audit.actors import Actor, require_model_permission
from audit.reading import (  # noqa: F401 (the audit trail's helpers, also imported from here)
    BLANK,
    audit_list_url,
    changed_fields,
    readable_changes,
    readable_value,
)

NOTHING_SAVED = "Nothing has been saved. Put right the problems shown below and save again."
CLASH = (
    "This clashes with another record, perhaps one saved by someone else at the same "
    "moment. Check the details and save again."
)
IN_USE = "This row cannot be removed while other records refer to it."
GONE = "This row is no longer in the record (it was removed with another row or by someone else)."


# --- Refusals: a save the services refused, shown again on the form -----------------------


class Refused(Exception):
    """Errors found while saving: ``(formset prefix or None for the main form, row, error)``."""

    def __init__(self, errors: list[tuple[str | None, int | None, ValidationError]]):
        super().__init__(errors)
        self.errors = errors

    def for_formset(self, prefix: str):
        return [(row, error) for p, row, error in self.errors if p == prefix and row is not None]

    @property
    def summary(self) -> str:
        return " ".join(m for _, _, e in self.errors for m in e.messages)


def add_errors(form, error: ValidationError) -> None:
    """Put ``error`` on ``form``; messages about fields the form does not show go on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.error_list)


def _as_validation_error(exc: Exception) -> ValidationError:
    if isinstance(exc, ValidationError):
        return exc
    return ValidationError(GONE if isinstance(exc, ObjectDoesNotExist) else CLASH)


# --- Services --------------------------------------------------------------------------------


def audited_save(obj: models.Model, *, actor: Actor) -> models.Model:
    """The save of a model without a service of its own: the back office's rule (Django's add
    or change permission on the model, which democratic services need not hold), then the
    audit trail."""
    require_model_permission(actor, obj)
    return trail.save(obj, actor=actor)


def audited_delete(obj: models.Model, *, actor: Actor) -> None:
    """The removal of a row without a service of its own: Django's delete permission on the
    model (or democratic services), then the audit trail."""
    require_model_permission(actor, obj, "delete")
    trail.delete(obj, actor=actor)


class ServiceHooks:
    """Which service saves and deletes the model. Set with ``staticmethod(services.save_x)``."""

    save_service: Callable = staticmethod(audited_save)
    delete_service: Callable = staticmethod(audited_delete)

    def save_object(self, request, obj):
        return self.save_service(obj, actor=request.user)

    def delete_object(self, request, obj) -> None:
        self.delete_service(obj, actor=request.user)

    def explain(self, obj, error: ValidationError) -> ValidationError:
        """A hook to reword a service's refusal for this screen."""
        return error


class SafeAutocompleteSelect(AutocompleteSelect):
    """Django's widget looks a submitted value up as it is: "abc" for a number would be a 500."""

    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, [v for v in value if self._looks_valid(v)], attr)

    def _looks_valid(self, value) -> bool:
        try:
            key = self.field.target_field.to_python(value)
        except ValidationError:
            return False
        return not isinstance(key, int) or -(2**63) <= key < 2**63


#: The largest values PostgreSQL stores, applied everywhere so SQLite accepts no more.
INTEGER_LIMITS = {
    "SmallIntegerField": 32767,
    "PositiveSmallIntegerField": 32767,
    "IntegerField": 2147483647,
    "PositiveIntegerField": 2147483647,
}


class FormFields:
    """Form fields that refuse bad input on the form, whatever the database."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs.setdefault("assume_scheme", "https")  # what Django 6 does; no warning
        limit = INTEGER_LIMITS.get(db_field.get_internal_type())
        if limit and not db_field.choices:
            kwargs.setdefault("max_value", limit)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class DeferredRulesForm(forms.ModelForm):
    """An inline row: its fields are checked on the form, the record's rules when it is saved.

    The rules (one chairman at a time, unique item numbers …) depend on the other rows, which
    the same submission may change: ending the old chairman while appointing the new one, or
    shifting item numbers down to insert one. ``AuditedAdmin.save_formset`` saves the rows
    through the services in an order that works, and shows what still fails on its row.
    """

    def _post_clean(self):
        exclude = self._get_validation_exclusions()
        exclude |= {n for n, f in self.fields.items() if isinstance(f, InlineForeignKeyField)}
        try:
            self.instance = construct_instance(
                self, self.instance, self._meta.fields, self._meta.exclude
            )
            self.instance.clean_fields(exclude=exclude)
        except ValidationError as e:
            self._update_errors(e)
