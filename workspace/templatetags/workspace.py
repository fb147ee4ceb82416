"""GOV.UK Frontend's classes on a form field's widget, with its error state and the ids of its
hint and error message (``{{ field|govuk_widget }}``; workspace/includes/field.html)."""

from __future__ import annotations

from django import forms, template

register = template.Library()

CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.TextInput: "govuk-input",
}


@register.filter
def govuk_widget(field: forms.BoundField) -> str:
    widget = field.field.widget
    css = next((c for kind, c in CLASSES.items() if isinstance(widget, kind)), "")
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-hint")
    if field.errors:
        described.append(f"{field.auto_id}-error")
        css += f" {css}--error" if css else ""
    attrs = {"class": css.strip()}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)
