"""HTML → PDF with WeasyPrint, cached in the private store (``papers/storage.py``) by content
hash.

A rebuild after one paper changes re-renders only that paper: every other paper's PDF is
found in the cache under the hash of exactly what was rendered.
"""

from __future__ import annotations

import io

import pikepdf
import weasyprint
from django.conf import settings
from django.core.files.base import ContentFile

from papers.convert import content_hash
from papers.storage import private_storage

from .fetch import safe_fetcher

#: Bump when the print templates or CSS change, so cached renderings are not reused.
RENDER_VERSION = "2"  # 2: rendered without server files (fetch.py)


#: The render cache's folder in the private store (it holds rendered exempt papers too).
CACHE = "pack-cache"


def cache_name(html: str) -> str:
    return f"{CACHE}/{content_hash(RENDER_VERSION, html)}.pdf"


def render_html(html: str) -> bytes:
    """A tagged PDF (PDF/UA-1) of a complete HTML document. Every renderer of the project
    comes here (packs, papers, minutes), so none reads a server file or the network: the
    fetcher allows only images stored in the document itself (``papers/pack/fetch.py``)."""
    return weasyprint.HTML(
        string=html, base_url=str(settings.BASE_DIR), url_fetcher=safe_fetcher()
    ).write_pdf(pdf_variant="pdf/ua-1")


def page_count(pdf: bytes) -> int:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages)


def from_cache(html: str) -> bytes | None:
    """The cached PDF of exactly ``html``, or None when it has not been rendered."""
    try:
        with private_storage().open(cache_name(html), "rb") as cached:
            data: bytes = cached.read()
    except FileNotFoundError:
        return None
    return data


def store_in_cache(html: str, pdf: bytes) -> None:
    """Keep the rendering of ``html``. The store writes a file whole before it can be read,
    so a parallel build never reads half of one; should two store the same rendering, the
    second copy goes."""
    storage = private_storage()
    name = cache_name(html)
    saved = storage.save(name, ContentFile(pdf))
    if saved != name:
        storage.delete(saved)


def cached_render(html: str) -> tuple[bytes, bool]:
    """The PDF for ``html`` and whether it came from the cache."""
    cached = from_cache(html)
    if cached is not None:
        return cached, True
    pdf = render_html(html)
    store_in_cache(html, pdf)
    return pdf, False


def clear_cache() -> None:
    """Forget every rendering (the benchmarks measure a build from nothing)."""
    storage = private_storage()
    try:
        names = storage.listdir(CACHE)[1]
    except FileNotFoundError:
        return
    for name in names:
        storage.delete(f"{CACHE}/{name}")
