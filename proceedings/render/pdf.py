"""The minutes as a tagged PDF, rendered (and cached) like the agenda packs."""

from __future__ import annotations

from meetings.models import Meeting
from papers.convert import content_hash
from papers.pack.render import RENDER_VERSION, cached_render

from .html import print_html


def pdf(meeting: Meeting, exempt: bool = False) -> tuple[bytes, str]:
    """The minutes as a tagged PDF (PDF/UA-1) and the hash of what was rendered (an ETag)."""

    html = print_html(meeting, exempt=exempt)
    data, _ = cached_render(html)
    return data, content_hash(RENDER_VERSION, html)
