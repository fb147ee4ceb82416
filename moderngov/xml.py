"""The formatting rules of the modern.gov web service's XML, in one place.

Bare documents (UTF-8, no namespace, lower-case element names), dates ``dd/mm/yyyy``, times
``10.00 am``, booleans ``True``/``False``, counts padded with a leading space (``" 3"``), HTML
bodies sent escaped inside their element. Documents are built with ``xml.etree`` so every
value is escaped by the serialiser, never by string concatenation.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

from django.utils import timezone
from django.utils.html import escape

from meetings.formatting import time_text as _time_text

DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'
CONTENT_TYPE = "text/xml; charset=utf-8"

# Characters XML 1.0 does not allow at all (escaping cannot save them): control characters
# other than tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: object) -> str:
    """The text with the characters XML cannot carry removed, and line ends as a reader of
    the document sees them (a parser turns a carriage return into a line feed)."""
    text = "" if text is None else str(text)
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def date_text(day: dt.date | dt.datetime | None) -> str:
    """15 September 2017 → "15/09/2017"; None → ""."""
    if day is None:
        return ""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def local_day(moment: dt.datetime | None) -> dt.date | None:
    """The day, in the council's time zone, of a stored moment."""
    return timezone.localdate(moment) if moment is not None else None


def time_text(t: dt.time | None) -> str:
    """10:00 → "10.00 am" (the council's own style, which modern.gov shares)."""
    return _time_text(t)


def bool_text(value: bool) -> str:
    return "True" if value else "False"


def count_text(n: int) -> str:
    """Counts are padded with a leading space: 3 → " 3"."""
    return f" {n}"


def html_text(paragraphs: list[str]) -> str:
    """Plain paragraphs as the HTML body modern.gov sends (the serialiser escapes it again,
    as the service does)."""
    return "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs if p and p.strip())


def element(tag: str, **attributes: object) -> ET.Element:
    return ET.Element(tag, {k: clean(v) for k, v in attributes.items()})


def child(parent: ET.Element, tag: str, text: object = "", **attributes: object) -> ET.Element:
    """A sub-element holding ``text`` (already formatted: use the functions above)."""
    node = ET.SubElement(parent, tag, {k: clean(v) for k, v in attributes.items()})
    node.text = clean(text)
    return node


def children(parent: ET.Element, pairs: list[tuple[str, object]]) -> None:
    for tag, text in pairs:
        child(parent, tag, text)


def serialise(root: ET.Element, note: str = "") -> bytes:
    """The document as bytes, indented as the service indents it. ``note`` (for a refused
    request) goes in a comment before the root, where it changes nothing of the shape."""
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=False)
    comment = ""
    if note:
        # "--" may not appear inside a comment.
        comment = f"<!-- {clean(note).replace('--', '- -')} -->\n"
    return (DECLARATION + comment + body + "\n").encode("utf-8")
