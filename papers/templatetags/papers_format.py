from django import template

register = template.Library()


@register.filter
def classification_text(document) -> str:
    return document.restriction_text
