"""/api/export.zip: one archive of everything public, streamed; its files are the API's
records and the Popolo file, and it holds no exempt data."""

import io
import json
import zipfile

import pytest

from api.catalogue import RESOURCES
from summons.testing import CANARY

from .planting import MARKER, plant_everything

pytestmark = pytest.mark.django_db


def test_export_holds_every_resource_and_the_popolo_file(client, settings, tmp_path):
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path
    plant_everything()
    response = client.get("/api/export.zip")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    assert response["Access-Control-Allow-Origin"] == "*"
    raw = b"".join(response.streaming_content)
    archive = zipfile.ZipFile(io.BytesIO(raw))
    assert archive.testzip() is None
    names = set(archive.namelist())
    assert names == {f"{name}.json" for name in RESOURCES} | {"popolo.json"}
    for name in RESOURCES:
        records = json.loads(archive.read(f"{name}.json"))
        listed = client.get(f"/api/{name}/?page_size=1").json()["count"]
        assert len(records) == listed, name
    meetings = json.loads(archive.read("meetings.json"))
    assert meetings[0] == client.get(meetings[0]["url"]).json()
    popolo = json.loads(archive.read("popolo.json"))
    assert popolo == client.get("/api/popolo.json").json()
    everything = b"".join(archive.read(n) for n in names)
    assert CANARY.encode() not in everything
    assert CANARY.encode() not in raw
    assert MARKER.encode() in archive.read("minutes.json")


def test_export_revalidates(client):
    first = client.get("/api/export.zip")
    b"".join(first.streaming_content)
    again = client.get("/api/export.zip", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_export_is_sent_in_pieces_as_it_is_built(monkeypatch):
    from api import export

    monkeypatch.setattr(export, "CHUNK", 1024)
    pieces = list(export.stream("http://testserver"))
    assert len(pieces) > 5
    archive = zipfile.ZipFile(io.BytesIO(b"".join(pieces)))
    assert archive.testzip() is None
    assert len(json.loads(archive.read("meetings.json"))) > 0
