"""The body of a report written in the browser's editor, cleaned before it is kept.

Only the structure of a paper survives: headings (h2 down: the page's h1 is the paper's
title), paragraphs, lists, tables with their header cells and spans, emphasis, links and
images. Everything that runs, fetches or restyles is dropped: scripts and their content,
event handlers, styles, classes, frames, forms, SVG and MathML. Links go only to ``http:``,
``https:`` and ``mailto:`` addresses; images are only PNG or JPEG ``data:`` images or the
paper's own uploaded images (``own_images``, a path on this site), so a paper never makes a
reader's browser, or the pack's renderer, fetch from elsewhere.

What it keeps is a part of what ``convert.written_html`` keeps, so a body cleaned here is
then saved unchanged by ``services.add_version(html=…)``.
"""

from __future__ import annotations

import re

import nh3

from .docx_pictures import MISSING_CLASS

TAGS = {
    *(f"h{n}" for n in range(2, 7)),
    *("p", "br", "hr", "blockquote", "strong", "b", "em", "i", "u", "s", "sub", "sup"),
    *("ul", "ol", "li", "a", "img", "figure", "figcaption", "span"),
    *("table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"),
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "*": {"lang"},
}
_LINK = re.compile(r"^(https?://[^\s/]|mailto:[^\s])", re.I)
_DATA_IMAGE = re.compile(r"^data:image/(png|jpeg);base64,[A-Za-z0-9+/=\s]+$", re.I)
_OWN_PATH = re.compile(r"^[A-Za-z0-9._~/-]+$")
_NUMBER = re.compile(r"^[1-9]\d{0,3}$")
_SCOPES = {"row", "col", "rowgroup", "colgroup"}


def _own(src: str, own_images: str | None) -> bool:
    return bool(
        own_images
        and src.startswith(own_images)
        and _OWN_PATH.match(src)
        and ".." not in src
        and "//" not in src
    )


def report_html(html: str, *, own_images: str | None = None) -> str:
    """``html`` with only what a report's body may hold (see the module). ``own_images`` is
    the path under which the paper's own uploaded images are served (e.g.
    ``"/workspace/papers/12/images/"``); without it only ``data:`` PNG and JPEG images stay.
    """

    def keep(tag: str, attribute: str, value: str) -> str | None:
        value = value.strip()
        if tag == "a" and attribute == "href":
            return value if _LINK.match(value) else None
        if tag == "img" and attribute == "src":
            return value if _DATA_IMAGE.match(value) or _own(value, own_images) else None
        if attribute in {"colspan", "rowspan", "start"}:
            return value if _NUMBER.match(value) else None
        if attribute == "scope":
            return value.lower() if value.lower() in _SCOPES else None
        return value

    # An editor's top heading is the paper's second: the page's h1 is the paper's title.
    html = re.sub(r"<(/?)h1\b", r"<\1h2", html or "", flags=re.I)
    cleaned = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        attribute_filter=keep,
        url_schemes={"http", "https", "mailto", "data"},
        # An own image is a path on this site; every other relative address is dropped.
        url_relative=lambda url: url if _own(url, own_images) else None,
        link_rel="noopener noreferrer",
        clean_content_tags={"script", "style", "svg", "math", "iframe", "object", "template"},
        allowed_classes={"span": {MISSING_CLASS}},
        strip_comments=True,
    )
    # An image whose address was dropped would show as broken: it goes.
    return re.sub(r"<img(?![^>]*\ssrc=)[^>]*>", "", cleaned)
