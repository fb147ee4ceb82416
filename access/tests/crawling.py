"""The canary crawl's machinery (``test_canary_crawl``): fetching an address, reading the text
of what it answers (pages, JSON, PDFs, Word documents, zip archives), finding the links in it,
and crawling the public site and the back office from their front pages. Every fetch asserts
no server error and no ``CANARY``.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections import deque
from urllib.parse import urljoin, urlsplit

from django.test import Client

from moot import pdf_text as moot_pdf_text
from papers.files import DOCX

CANARY = "CANARY-d41c9e-never-public"
SKIP_PREFIXES = ("/static/", "/admin/logout", "/sign-out/")
LIMIT = 3000  # pages; the demo council has several hundred
STAFF_VARIANTS = 10  # query-string variants (filters, pages) crawled of one back-office page
STAFF_ROWS = 6  # rows' own pages crawled of each model, besides those of the planted meeting


PDF_TEXTS: dict[bytes, str] = {}


def pdf_text(body: bytes) -> str:
    """The text of a PDF (``moot.pdf_text``, PDFium). The personas fetch the same stored files
    (a paper's PDF, a pack): each distinct file is read once, by its digest, however many
    crawls fetch it."""
    key = hashlib.sha256(body).digest()
    if key not in PDF_TEXTS:
        PDF_TEXTS[key] = moot_pdf_text.text(body)
    return PDF_TEXTS[key]


def text_of(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/zip"):
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            names = archive.namelist()
            assert names, "the export archive holds files"
            return "\n".join(archive.read(n).decode("utf-8", errors="replace") for n in names)
    if response.get("Content-Type", "").startswith(DOCX):  # an original Word document
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return "\n".join(
                archive.read(n).decode("utf-8", errors="replace") for n in archive.namelist()
            )
    if response.get("Content-Type", "").startswith("application/pdf"):
        assert CANARY.encode() not in body
        return pdf_text(body)
    return re.sub(r"</?mark[^>]*>", "", body.decode("utf-8", errors="replace"))


def json_links(text: str) -> list[str]:
    """Every address in a JSON answer (the API links its resources to each other)."""
    return re.findall(r'"((?:https?://[^"/]+)?/(?:api|meetings|members|committees)/[^"]*)"', text)


def links(url: str, text: str) -> set[str]:
    found = set()
    hrefs = re.findall(r'(?:href|src)="([^"#]+)', text) + re.findall(r"<loc>([^<]+)</loc>", text)
    for href in hrefs:
        parts = urlsplit(urljoin(url, href.replace("&amp;", "&")))
        if parts.netloc not in ("", "testserver", "127.0.0.1:8000", "localhost"):
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path.startswith("/") and not path.startswith(SKIP_PREFIXES):
            found.add(path)
    return found


def fetch(client: Client, url: str, seen: dict[str, int], queue: deque):
    """Visit ``url``: no server error, no canary. A redirect queues its target (and gives
    None); otherwise the response and its text."""
    response = client.get(url)
    seen[url] = response.status_code
    assert response.status_code < 500, url
    if response.status_code in (301, 302):
        queue.append(response["Location"])
        return None
    text = text_of(response)
    assert CANARY not in text, f"{url} shows exempt information"
    return response, text


def crawl(client: Client, extra: list[str]) -> dict[str, int]:
    seen: dict[str, int] = {}
    queue = deque(["/", "/sitemap.xml", *extra])
    while queue and len(seen) < LIMIT:
        url = queue.popleft()
        if url in seen:
            continue
        fetched = fetch(client, url, seen, queue)
        if fetched is None:
            continue
        response, text = fetched
        kind = response.get("Content-Type", "")
        if "html" in kind or "xml" in kind:
            queue.extend(links(url, text) - seen.keys())
        elif "json" in kind:
            queue.extend(
                links(url, " ".join(f'href="{u}"' for u in json_links(text))) - seen.keys()
            )
    return seen


def staff_crawl(client: Client, seeds: list[str]) -> dict[str, int]:
    """Every back-office page reachable from /admin/ (sorting links left out; a bounded number
    of filter variants and rows per model), and ``seeds``."""
    from collections import Counter

    seen: dict[str, int] = {}
    budget: Counter = Counter()
    pinned = set(seeds)
    queue = deque(["/admin/", *seeds])
    while queue and len(seen) < LIMIT:
        url = queue.popleft()
        parts = urlsplit(url)
        if url in seen or not parts.path.startswith("/admin/"):
            continue
        if url not in pinned:
            if re.search(r"(^|&)(o|_changelist_filters|_popup|_to_field)=", parts.query):
                continue
            row = re.match(r"(/admin/\w+/\w+/)\d+/", parts.path)
            key = ("row", row.group(1)) if row else ("page", parts.path) if parts.query else None
            limit = STAFF_ROWS * 2 if row else STAFF_VARIANTS
            if key is not None:
                if budget[key] >= limit:
                    continue
                budget[key] += 1
        fetched = fetch(client, url, seen, queue)
        if fetched is None:
            continue
        response, text = fetched
        if "html" in response.get("Content-Type", ""):
            queue.extend(sorted(links(url, text) - seen.keys()))  # the same order every run
    return seen
