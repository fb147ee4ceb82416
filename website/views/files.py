"""Serving stored files (papers' PDFs and original files, agenda packs) through views rather
than MEDIA_URL, so the same checks that decide whether a page is public decide whether its
file is."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag

from papers.delivery import private_file_response


def file_response(
    request, stored, filename: str, modified: dt.datetime, *, attachment: bool = False
) -> HttpResponse:
    """A paper's file (``papers.files.StoredFile``) as its own type: inline, or with
    ``attachment`` as a download (a Word document)."""
    return pdf_response(
        request,
        stored,
        filename,
        stored.etag,
        modified,
        content_type=stored.content_type,
        attachment=attachment,
    )


def pdf_response(
    request,
    stored_file,
    filename: str,
    etag: str,
    modified: dt.datetime,
    *,
    content_type: str = "application/pdf",
    attachment: bool = False,
) -> HttpResponse:
    """The file inline as application/pdf (or ``content_type``), or 304 when the reader's copy
    is current.

    ``etag`` identifies the content (the version's hash; for a pack, its build), so a reader
    revalidating an unchanged file gets a 304 without the file being read.
    """
    headers = {
        "ETag": quote_etag(etag),
        "Last-Modified": http_date(modified.timestamp()),
        # Caches must ask each time: a paper can be withdrawn, and then this URL is a 404.
        "Cache-Control": "no-cache",
    }
    # Django answers 304 (or 412) with a copy of this probe's headers, or hands it back
    # unchanged when the reader's copy is stale or they have none.
    probe = HttpResponse(headers=headers)
    conditional = get_conditional_response(
        request, etag=headers["ETag"], last_modified=int(modified.timestamp()), response=probe
    )
    if conditional is not probe:
        return conditional
    response = private_file_response(
        request,
        stored_file.name,
        storage=getattr(stored_file, "storage", None),  # a pack's file; a paper's: private
        content_type=content_type,
        filename=filename,
        as_attachment=attachment,
    )
    for name, value in headers.items():
        response[name] = value
    return response


def build_etag(*parts) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:32]
