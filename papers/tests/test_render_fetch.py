"""The renderer reads no server files: only images stored in the paper itself
(papers/pack/fetch.py). Every PDF (packs, papers, minutes) renders through render_html."""

import base64
import io

import pikepdf
import pytest
from pypdf import PdfReader

from audit.testing import TEST_ACTOR
from moot import testing as t
from papers import services
from papers.models import Document, Report
from papers.pack.build import build_pack
from papers.pack.render import render_html

pytestmark = pytest.mark.django_db
# A 1×1 red PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)
SERVER_TEXT = "SERVER-FILE-CONTENTS-7f2"


def images(pdf: bytes) -> int:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return sum(len(page.get_images()) for page in doc.pages)


def text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def server_files(tmp_path):
    (tmp_path / "secret.png").write_bytes(PNG)
    (tmp_path / "secret.css").write_text(f'body::after {{ content: "{SERVER_TEXT}" }}')
    return tmp_path


def hostile(folder) -> str:
    return (
        f'<p>Body.</p><img src="/etc/passwd" alt="a"><img src="file:///etc/hostname" alt="b">'
        f'<img src="{folder}/secret.png" alt="c"><img src="file://{folder}/secret.png" alt="d">'
        f'<img src="http://127.0.0.1:9/x.png" alt="e">'
    )


def test_server_files_and_addresses_are_not_embedded(server_files):
    html = (
        f'<html lang="en"><head><link rel="stylesheet" href="file://{server_files}/secret.css">'
        f'<link rel="stylesheet" href="{server_files}/secret.css"></head>'
        f"<body>{hostile(server_files)}</body></html>"
    )
    pdf = render_html(html)
    assert images(pdf) == 0
    assert SERVER_TEXT not in text(pdf) and "root:" not in text(pdf)
    assert "Body." in text(pdf)


def test_a_papers_own_image_is_still_embedded():
    data = base64.b64encode(PNG).decode()
    pdf = render_html(
        f'<html lang="en"><body><p>Chart</p>'
        f'<img src="data:image/png;base64,{data}" alt="chart"></body></html>'
    )
    assert images(pdf) == 1


def test_a_pack_of_a_paper_pointing_at_server_files_builds_without_them(settings, server_files):
    settings.PRIVATE_ROOT = server_files / "private"
    meeting = t.meeting()
    item = t.item(meeting, "2", "Budget")
    doc = services.save_document(Document(title="Budget report"), actor=TEST_ACTOR)
    version = services.add_version(doc, html="<p>Budget report body.</p>", actor=TEST_ACTOR)
    # A record imported or stored before sanitising: the renderer must defend itself too.
    type(version).objects.filter(pk=version.pk).update(html=hostile(server_files))
    Report.objects.create(document=doc, no_background_documents=True)
    services.attach(item, doc, actor=TEST_ACTOR)
    pack = build_pack(meeting)
    assert images(pack.pdf) == 0 and "Body." in text(pack.pdf)
