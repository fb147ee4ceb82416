"""Fetch everything the API serves: every page of every list (at the largest page size),
every record's detail, the schema, the documentation page, the Popolo file and every file of
the export archive."""

from __future__ import annotations

import io
import json
import zipfile

from api.catalogue import DETAIL, RESOURCES


def body_of(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def crawl(client) -> dict[str, bytes]:
    """{url: body} for every public address of the API. Every answer must be a 200."""
    seen: dict[str, bytes] = {}

    def get(url: str) -> bytes:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code, body_of(response)[:300])
        seen[url] = body_of(response)
        return seen[url]

    for path in ("/api/", "/api/docs/", "/api/schema", "/api/popolo.json"):
        get(path)
    for name in RESOURCES:
        page = 1
        while True:
            data = json.loads(get(f"/api/{name}/?page_size=200&page={page}"))
            if name in DETAIL:
                for record in data["results"]:
                    get(f"/api/{name}/{record['id']}/")
            if page >= data["pages"]:
                break
            page += 1
    archive = zipfile.ZipFile(io.BytesIO(get("/api/export.zip")))
    for info in archive.infolist():
        seen[f"/api/export.zip:{info.filename}"] = archive.read(info)
    return seen
