"""The minutes as HTML: the fragment each version of the minutes keeps (``MinutesVersion``),
and the complete document the PDF is made from. The minutes pages lay out ``build`` with the
same templates."""

from __future__ import annotations

from django.template.loader import render_to_string

from meetings.models import Meeting

from .build import build


def public_html(meeting: Meeting) -> str:
    """The public minutes as an HTML fragment (no page around it)."""
    return render_to_string("proceedings/minutes_body.html", {"doc": build(meeting)})


def exempt_html(meeting: Meeting) -> str:
    """The exempt minutes as an HTML fragment; empty when there are none. Never public."""
    doc = build(meeting, exempt=True)
    if not doc.minutes:
        return ""
    return render_to_string("proceedings/minutes_body.html", {"doc": doc})


def print_html(meeting: Meeting, exempt: bool = False) -> str:
    """A complete document for the PDF."""
    doc = build(meeting, exempt=exempt)
    return render_to_string("proceedings/print/minutes.html", {"doc": doc})
