"""``/api/export.zip``: everything public in one archive, built while it is sent.

One JSON file per resource (an array of the records exactly as the API serves them), and
``popolo.json``. Each file is written into the ZIP as it is serialised, and the bytes the ZIP
writer has produced so far are sent before the next one is started.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from collections.abc import Iterator

from django.core.serializers.json import DjangoJSONEncoder

from . import popolo, services
from .catalogue import RESOURCES

CHUNK = 64 * 1024


class _Pipe:
    """A write-only file for ``zipfile`` whose contents are taken away as they arrive."""

    def __init__(self):
        self.chunks: list[bytes] = []
        self.position = 0
        self.waiting = 0  # bytes written and not yet taken

    def write(self, data) -> int:
        self.chunks.append(bytes(data))
        self.position += len(data)
        self.waiting += len(data)
        return len(data)

    def tell(self) -> int:
        return self.position

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self.chunks)
        self.chunks, self.waiting = [], 0
        return data


def _json_lines(records) -> Iterator[bytes]:
    """An array written record by record (no need to hold the whole file in memory)."""
    yield b"["
    for n, record in enumerate(records):
        yield (b",\n" if n else b"\n") + json.dumps(
            record, cls=DjangoJSONEncoder, ensure_ascii=False
        ).encode()
    yield b"\n]\n"


def files(base: str) -> Iterator[tuple[str, Iterator[bytes]]]:
    for name in RESOURCES:
        yield f"{name}.json", _json_lines(services.everything(name, base))
    yield (
        "popolo.json",
        iter(
            [
                json.dumps(
                    popolo.export(base), cls=DjangoJSONEncoder, ensure_ascii=False, indent=1
                ).encode()
            ]
        ),
    )


def stream(base: str) -> Iterator[bytes]:
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for filename, chunks in files(base):
            with archive.open(filename, "w", force_zip64=True) as member:
                for chunk in chunks:
                    member.write(chunk)
                    if pipe.waiting >= CHUNK:
                        yield pipe.take()
    yield pipe.take()


def _time(value) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    return None


def latest_update(data) -> dt.datetime | None:
    """The latest ``updated_at`` anywhere in a public answer (None when it shows none): the
    Last-Modified of that answer, drawn from what is public only."""
    latest = None
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            at = _time(node.get("updated_at"))
            if at is not None and (latest is None or at > latest):
                latest = at
            stack.extend(node.values())
        elif isinstance(node, list | tuple):
            stack.extend(node)
    return latest


def validators(base: str) -> tuple[str, dt.datetime | None]:
    """(ETag, Last-Modified) of the archive: a hash of exactly the public content it holds,
    and the latest ``updated_at`` in it. One pass over the content, without zipping it."""
    digest, latest = hashlib.sha256(), None
    for filename, chunks in _contents(base):
        digest.update(filename.encode())
        for record in chunks:
            digest.update(
                json.dumps(
                    record, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=True
                ).encode()
            )
            at = latest_update(record)
            if at is not None and (latest is None or at > latest):
                latest = at
    return digest.hexdigest()[:32], latest


def _contents(base: str):
    for name in RESOURCES:
        yield f"{name}.json", services.everything(name, base)
    yield "popolo.json", [popolo.export(base)]
