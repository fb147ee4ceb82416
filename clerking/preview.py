"""The minutes as they will be published, for the clerk's screen: the public minutes drawn by
the same renderer the public minutes page uses (``proceedings.render.html.public_html``, so
what is public is ``proceedings.public``'s decision alone), whatever their state.

The fragment's own ids (``attendance``, ``minute-1`` …) would collide with the screen's
panels, so each is given the prefix ``preview-`` and the references to it follow.
"""

from __future__ import annotations

import re

from django.utils.safestring import SafeString, mark_safe

from meetings.models import Meeting
from proceedings.render.html import public_html

# The renderer escapes every value it is given, so a double quote in these attributes can only
# be its own markup, never a minute's text.
ID_ATTRIBUTES = re.compile(r'\b(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]+)"')
FRAGMENT_LINK = re.compile(r'\bhref="#([^"]+)"')
PREFIX = "preview-"


def _prefixed(html: str) -> str:
    html = ID_ATTRIBUTES.sub(
        lambda m: f'{m[1]}="{" ".join(PREFIX + ref for ref in m[2].split())}"', html
    )
    return FRAGMENT_LINK.sub(lambda m: f'href="#{PREFIX}{m[1]}"', html)


def published_form(meeting: Meeting) -> SafeString:
    """The public minutes of ``meeting`` as they stand, ids prefixed ``preview-``."""
    return mark_safe(_prefixed(public_html(meeting)))
