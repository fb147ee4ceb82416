"""Papers' and packs' files handed over after the access check (papers/delivery.py): by
nginx on an X-Accel-Redirect when MOOT_X_ACCEL_REDIRECT is set, otherwise by Moot, a chunk
at a time under ASGI."""

from __future__ import annotations

import io

import pytest
from asgiref.sync import async_to_sync
from django.core.handlers.asgi import ASGIRequest
from django.test import AsyncClient, Client

from meetings.models import Meeting
from moot import testing as t
from papers.delivery import private_file_response
from papers.models import Classification

pytestmark = pytest.mark.django_db
MEETING = dict(body__slug="policy-and-resources-cabinet-committee", date="2017-09-15")


@pytest.fixture
def papers(settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path
    meeting = Meeting.objects.get(**MEETING)
    public = t.published_pdf_paper(
        meeting, meeting.items.get(number="12"), "Delivered paper", Classification.UNRESTRICTED
    )
    exempt = t.published_pdf_paper(
        meeting, meeting.items.get(number="14"), "Withheld paper", Classification.EXEMPT, 3
    )
    return meeting, public, exempt


def pdf_url(meeting, doc) -> str:
    return f"/meetings/{meeting.pk}/{meeting.slug}/papers/{doc.pk}/pdf/"


def test_behind_nginx_moot_names_the_file_and_sends_no_bytes(papers, settings):
    settings.MOOT_X_ACCEL_REDIRECT = "/_private/"
    meeting, (public, name), _ = papers
    response = Client().get(pdf_url(meeting, public))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_private/{name}"
    assert response.content == b""
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="delivered-paper.pdf"'
    assert response["Cache-Control"] == "no-cache"  # kept by nginx: withdrawals are seen


def test_behind_nginx_the_access_check_still_decides(papers, settings):
    settings.MOOT_X_ACCEL_REDIRECT = "/_private/"
    meeting, _, (exempt, _) = papers
    restricted = f"/restricted/meetings/{meeting.pk}/papers/{exempt.pk}/pdf/"
    for url in (pdf_url(meeting, exempt), restricted):
        response = Client().get(url)
        assert response.status_code in (302, 404), url
        assert "X-Accel-Redirect" not in response


def test_behind_nginx_a_missing_file_is_a_404_not_a_header(papers, settings, tmp_path):
    settings.MOOT_X_ACCEL_REDIRECT = "/_private/"
    meeting, (public, name), _ = papers
    (tmp_path / name).unlink()
    response = Client().get(pdf_url(meeting, public))
    assert response.status_code == 404 and "X-Accel-Redirect" not in response


def test_without_nginx_moot_sends_the_file(papers, tmp_path):
    meeting, (public, name), _ = papers
    response = Client().get(pdf_url(meeting, public))
    assert response.status_code == 200 and "X-Accel-Redirect" not in response
    assert b"".join(response.streaming_content) == (tmp_path / name).read_bytes()


def test_under_asgi_the_file_is_streamed_in_chunks(papers, tmp_path):
    """Under ASGI the response iterates asynchronously (Django would otherwise read the
    whole file into memory first, and warn), and the bytes are the file's."""
    meeting, (public, name), _ = papers
    response = async_to_sync(AsyncClient().get)(pdf_url(meeting, public))
    assert response.status_code == 200
    assert response.is_async

    async def body() -> bytes:
        return b"".join([part async for part in response.streaming_content])

    assert async_to_sync(body)() == (tmp_path / name).read_bytes()


def test_the_chunks_are_bounded(tmp_path, settings):
    settings.PRIVATE_ROOT = tmp_path
    (tmp_path / "big.pdf").write_bytes(b"%PDF" + b"x" * (600 * 1024))
    scope = {"type": "http", "method": "GET", "path": "/", "query_string": b"", "headers": []}
    request = ASGIRequest(scope, io.BytesIO(b""))
    response = private_file_response(
        request, "big.pdf", content_type="application/pdf", filename="big.pdf"
    )
    assert response["Content-Length"] == str(4 + 600 * 1024)

    async def parts() -> list[int]:
        return [len(part) async for part in response.streaming_content]

    assert async_to_sync(parts)() == [256 * 1024, 256 * 1024, 4 + 88 * 1024]
