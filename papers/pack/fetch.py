"""What the PDF renderer may load while it renders a paper, a pack or the minutes.

A paper's images are stored inside its own HTML: mammoth writes a Word document's pictures as
``data:image/…`` URIs (``papers/convert.py``), and the print templates carry their styles
inline. So the renderer needs nothing from outside the document, and is given nothing: a
``file:`` address, an absolute or relative path (resolved against the server's disk), an
``http(s)`` address or any other scheme is refused, and WeasyPrint leaves that resource out
with a warning instead of embedding a file from the server or fetching from the network.
"""

from __future__ import annotations

import re

from weasyprint.urls import URLFetcher

# data:image/png;base64,… (the media type is what WeasyPrint would decode as an image).
_IMAGE_DATA = re.compile(r"^data:image/[a-z0-9.+-]+[;,]", re.I)


class PaperOnlyFetcher(URLFetcher):
    """A URL fetcher that serves only images carried in the document itself (data: URIs)."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols={"data"}, allow_redirects=False)

    def fetch(self, url: str, headers=None):
        if not _IMAGE_DATA.match(url.strip()):
            raise ValueError(
                f"Only images stored in the paper itself are rendered; {url[:80]!r} was left out."
            )
        return super().fetch(url, headers)


def safe_fetcher() -> PaperOnlyFetcher:
    return PaperOnlyFetcher()
