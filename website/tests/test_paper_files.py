"""PDFs served through views: headers for browsers and caches, 304s, and members' packs never."""

import datetime as dt

import pytest
from django.utils.http import http_date

from papers.models import PackKind

from .papers_setup import pack, paper_url

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_paper_pdf_headers(client, papers):
    version = papers.pdf.current_version()
    response = client.get(paper_url(papers.meeting, papers.pdf, "pdf/"))
    assert response.status_code == 200
    data = body(response)
    assert data == version.source_file.open("rb").read()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="financial-monitoring-report.pdf"'
    assert response["Content-Length"] == str(len(data))
    assert response["ETag"] == f'"{version.content_hash}"'
    assert response["Last-Modified"] == http_date(version.created_at.timestamp())


def test_paper_pdf_revalidation_gets_304(client, papers):
    url = paper_url(papers.meeting, papers.pdf, "pdf/")
    etag = client.get(url)["ETag"]
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert response.content == b""
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_paper_pdf_whose_file_is_missing_is_not_found(client, papers):
    version = papers.pdf.current_version()
    version.source_file.storage.delete(version.source_file.name)
    assert client.get(paper_url(papers.meeting, papers.pdf, "pdf/")).status_code == 404
    # The meeting page still renders, with the link but no size.
    assert client.get(papers.meeting.get_absolute_url()).status_code == 200


def test_pack_headers_and_304(client, papers):
    m = papers.meeting
    built = pack(m, pages=4)
    url = f"/meetings/{m.pk}/{m.slug}/agenda-reports-pack.pdf"
    response = client.get(url)
    assert response.status_code == 200
    assert body(response) == built.file.open("rb").read()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'inline; filename="{m.slug}-agenda-reports-pack.pdf"'
    )
    assert response["Content-Length"] == str(built.size)
    assert response["Last-Modified"] == http_date(built.built_at.timestamp())
    etag = response["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    # A rebuild is a new file: the old copy is no longer current.
    rebuilt = pack(m, pages=6, when=built.built_at + dt.timedelta(hours=1))
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert body(response) == rebuilt.file.open("rb").read()


def test_supplementary_pack(client, papers):
    m = papers.meeting
    pack(m)
    supplement = pack(m, supplement=1)
    response = client.get(f"/meetings/{m.pk}/{m.slug}/supplementary-agenda-1.pdf")
    assert response.status_code == 200
    assert body(response) == supplement.file.open("rb").read()
    for n in (0, 2):
        assert (
            client.get(f"/meetings/{m.pk}/{m.slug}/supplementary-agenda-{n}.pdf").status_code == 404
        )


def test_members_packs_are_never_served(client, papers):
    """Members' packs hold exempt papers: whatever is asked for, only public packs come back."""
    m = papers.meeting
    members = pack(m, kind=PackKind.MEMBERS, pages=10)
    members_supplement = pack(m, kind=PackKind.MEMBERS, supplement=1, pages=10)
    urls = [
        f"/meetings/{m.pk}/{m.slug}/agenda-reports-pack.pdf",
        f"/meetings/{m.pk}/{m.slug}/supplementary-agenda-1.pdf",
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    public = pack(m, pages=2)
    response = client.get(urls[0])
    served = body(response)
    assert served == public.file.open("rb").read()
    assert served != members.file.open("rb").read()
    assert client.get(urls[1]).status_code == 404
    assert members_supplement.file.name.rsplit("/", 1)[-1] not in (
        client.get(m.get_absolute_url()).content.decode()
    )


def test_pack_of_an_unknown_meeting_is_not_found(client):
    assert client.get("/meetings/999999/x/agenda-reports-pack.pdf").status_code == 404


def test_files_refuse_writes(client, papers):
    url = paper_url(papers.meeting, papers.pdf, "pdf/")
    assert client.post(url).status_code == 405
    assert client.head(url).status_code == 200
