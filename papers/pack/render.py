"""HTML → PDF with WeasyPrint, cached on disk by content hash.

A rebuild after one paper changes re-renders only that paper: every other paper's PDF is
found in the cache under the hash of exactly what was rendered.
"""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import weasyprint
from django.conf import settings

from papers.convert import content_hash

from .fetch import safe_fetcher

#: Bump when the print templates or CSS change, so cached renderings are not reused.
RENDER_VERSION = "2"  # 2: rendered without server files (fetch.py)


def cache_dir() -> Path:
    # Private: the cache holds rendered exempt papers too.
    path = Path(settings.PRIVATE_ROOT) / "pack-cache"
    path.mkdir(parents=True, exist_ok=True)
    return path


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
    path = cache_dir() / f"{content_hash(RENDER_VERSION, html)}.pdf"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def cached_render(html: str) -> tuple[bytes, bool]:
    """The PDF for ``html`` and whether it came from the cache."""
    cached = from_cache(html)
    if cached is not None:
        return cached, True
    path = cache_dir() / f"{content_hash(RENDER_VERSION, html)}.pdf"
    pdf = render_html(html)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(pdf)
    tmp.replace(path)  # atomic, so a parallel build never reads half a file
    return pdf, False
