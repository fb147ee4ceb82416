"""``{{ field|govuk_widget }}``: a form field's input with GOV.UK's error styling and its hint
and error message named in ``aria-describedby`` (workspace/includes/field.html)."""

from __future__ import annotations

from django import template
from django.forms import BoundField

register = template.Library()

ERROR_CLASSES = {
    "govuk-input": "govuk-input--error",
    "govuk-select": "govuk-select--error",
    "govuk-textarea": "govuk-textarea--error",
}


@register.filter
def govuk_widget(field: BoundField) -> str:
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_helptext")
    attrs = {}
    if field.errors:
        described.append(f"{field.auto_id}-error")
        classes = field.field.widget.attrs.get("class", "").split()
        extra = [ERROR_CLASSES[c] for c in classes if c in ERROR_CLASSES]
        attrs["class"] = " ".join(classes + extra)
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)
