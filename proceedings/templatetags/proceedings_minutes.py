"""Template tags for the minutes: a list of names in the seeds' form ("A, B and C")."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def names(entries) -> str:
    """ "Mr A (Substitute for Mr B), Mr C and Mr D", each name with its note."""
    texts = [conditional_escape(f"{e.text} {e.note}".strip()) for e in entries]
    if len(texts) < 2:
        return mark_safe("".join(texts))
    return mark_safe(", ".join(texts[:-1]) + " and " + texts[-1])
