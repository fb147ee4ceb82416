"""Static files as production serves them: ``moot collectstatic`` with WhiteNoise's storage
makes hashed, compressed copies; pages link the hashed names; WhiteNoise sends them with a
year's cache and compressed. (The other tests use the uncollected files: conftest.py.)"""

from __future__ import annotations

import gzip
import re

import pytest
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db
PRODUCTION = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}


@pytest.fixture
def collected(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": PRODUCTION}
    call_command("collectstatic", interactive=False, verbosity=0)
    return tmp_path


def test_collectstatic_makes_hashed_compressed_copies(collected):
    assert (collected / "staticfiles.json").exists()
    name = re.compile(r"moot\.[0-9a-f]{12}\.css")
    hashed = [p for p in (collected / "css").iterdir() if name.fullmatch(p.name)]
    assert len(hashed) == 1
    packed = hashed[0].with_name(hashed[0].name + ".gz")
    assert gzip.decompress(packed.read_bytes()) == hashed[0].read_bytes()


def test_pages_link_the_hashed_names_which_are_cached_a_year(collected):
    page = Client().get("/").content.decode()
    css = re.search(r'href="(/static/css/moot\.[0-9a-f]{12}\.css)"', page)
    assert css, "the page links the hashed stylesheet"
    response = Client().get(css.group(1), HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    assert response["Content-Encoding"] == "gzip"
    assert b".govuk-" in gzip.decompress(b"".join(response.streaming_content))
