"""``{{ field|govuk_widget }}``: a form field's input with GOV.UK's classes (by the kind of
widget, unless the form gave its own), its error styling, and its hint and error message
named in ``aria-describedby`` (workspace/includes/field.html)."""

from __future__ import annotations

from django import forms, template
from django.forms import BoundField

register = template.Library()

CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.TextInput: "govuk-input",
}
ERROR_CLASSES = {
    "govuk-input": "govuk-input--error",
    "govuk-select": "govuk-select--error",
    "govuk-textarea": "govuk-textarea--error",
}


@register.filter
def govuk_widget(field: BoundField) -> str:
    widget = field.field.widget
    classes = widget.attrs.get("class", "").split()
    if not classes:
        classes = [c for kind, c in CLASSES.items() if isinstance(widget, kind)][:1]
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_helptext")
    if field.errors:
        described.append(f"{field.auto_id}-error")
        classes += [ERROR_CLASSES[c] for c in classes if c in ERROR_CLASSES]
    attrs = {"class": " ".join(classes)} if classes else {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)
