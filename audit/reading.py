"""Reading the audit trail in the officers' words: field labels, names for keys, dates.

Used by the History pages (``backoffice.base``) and the audit trail's own pages
(``backoffice.admin.access``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

from .models import AuditEntry


def audit_list_url(ct: ContentType, ids) -> str:
    try:
        base = reverse("admin:audit_auditentry_changelist")
    except NoReverseMatch:  # the audit admin is not installed on this site
        return ""
    query: dict[str, int | str] = {
        "content_type__id__exact": ct.pk,
        "object_id__in": ",".join(str(i) for i in ids),
    }
    return base + "?" + urlencode(query)


# --- Reading an audit entry -----------------------------------------------------------------

BLANK = "—"


def readable_changes(
    entry: AuditEntry, names: dict | None = None, withheld=()
) -> list[tuple[str, str, str]]:
    """The entry's changes as (field label, before, after) in the officers' words, without
    the ``withheld`` fields (exempt text the reader may not see: ``backoffice.exempt_rows``)."""
    model = entry.content_type.model_class()
    fields = {f.attname: f for f in model._meta.concrete_fields} if model else {}
    names = {} if names is None else names
    rows = []
    for key, pair in (entry.changes or {}).items():
        if key in withheld:
            continue
        before, after = (list(pair) + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        field = fields.get(key)
        label = str(field.verbose_name) if field else key
        rows.append(
            (label, readable_value(field, before, names), readable_value(field, after, names))
        )
    return rows


def changed_fields(entry: AuditEntry) -> list[str]:
    """The labels of the fields an entry changed, without looking any value up (for lists)."""
    model = entry.content_type.model_class()
    fields = {f.attname: f for f in model._meta.concrete_fields} if model else {}
    return [str(fields[k].verbose_name) if k in fields else k for k in (entry.changes or {})]


def readable_value(field, value, names: dict) -> str:
    if value is None or value == "":
        return BLANK
    if field is None:
        return str(value)
    if isinstance(field, models.BooleanField):
        return "Yes" if value else "No"
    if field.is_relation and field.many_to_one:
        return _name_of(field.related_model, value, names)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        try:
            return dt.date.fromisoformat(value).strftime("%-d %B %Y")
        except (TypeError, ValueError):
            return str(value)
    return str(value)


def _name_of(model, pk, names: dict[tuple[Any, Any], str]) -> str:
    """The related object's name now, or a note that it is gone (entries outlive rows)."""
    key = (model, pk)
    if key not in names:
        try:
            obj = model._default_manager.filter(pk=pk).first()
        except (TypeError, ValueError, ValidationError):
            obj = None
        names[key] = str(obj) if obj is not None else f"#{pk} (no longer in the record)"
    return names[key]
