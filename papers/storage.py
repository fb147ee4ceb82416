"""Where paper files, built packs and the render cache are kept: the ``"private"`` entry of
``settings.STORAGES`` (``papers/storage_config.py``), on local disk under
``settings.PRIVATE_ROOT`` (outside MEDIA_ROOT) by default, or in a private bucket of an
S3-compatible object store (``papers/s3.py``). Either way no web server serves them
directly: they reach people only through views that check who may see them, which stream
them from here (``website/views/files.py`` and the other download views).

Everything reads and writes these files through Django's storage API, never a path on disk,
so the views and the pack builder do not know which store holds them.

When the store does not answer, its operations raise ``StorageUnavailable``: the request
that needed it gets a 503 page saying so (``StorageUnavailableMiddleware``), and nothing is
recorded as stored that is not (the upload's transaction rolls back; the pack build fails).
"""

from __future__ import annotations

import logging
import os
import tempfile

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.http import HttpResponse
from django.template.loader import render_to_string

log = logging.getLogger(__name__)
ALIAS = "private"


class StorageUnavailable(Exception):
    """The file store did not answer (down, unreachable, refusing Moot's credentials)."""


class PrivateFileSystemStorage(FileSystemStorage):
    """Local disk under ``settings.PRIVATE_ROOT``, read on every use (so tests can move it).

    A file is written beside its final name and moved into place, so a reader never sees
    half of it (a pack being stored, a rendering two builds store at once)."""

    def __init__(self, **options):
        super().__init__(base_url=None, **options)

    @property
    def base_location(self):
        return settings.PRIVATE_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public address; serve them through a view.")

    def _save(self, name, content):
        if hasattr(content, "temporary_file_path"):
            return super()._save(name, content)  # type: ignore[misc]  # not in django-stubs
        directory = os.path.dirname(self.path(name))
        os.makedirs(directory, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, prefix=".part-", delete=False) as part:
            try:
                for chunk in content.chunks():
                    part.write(chunk)
            except BaseException:  # e.g. the disk full (ENOSPC): no half file is left
                os.unlink(part.name)
                raise
        try:
            # FileSystemStorage moves a file with a temporary path into place (os.rename).
            return super()._save(name, _Staged(part.name))  # type: ignore[misc]
        finally:
            if os.path.exists(part.name):
                os.unlink(part.name)

    def reachable(self) -> bool:
        os.makedirs(self.location, exist_ok=True)
        return os.access(self.location, os.W_OK)


class _Staged(File):
    """A file written in full, for FileSystemStorage to move into place."""

    def __init__(self, path: str):
        super().__init__(None, path)
        self.path = path

    def temporary_file_path(self) -> str:
        return self.path


class PrivateStorage(Storage):
    """The ``"private"`` store, looked up in ``settings.STORAGES`` on every use, so the model
    fields need no migration when it changes and tests can swap it (``override_settings``)."""

    @staticmethod
    def backend() -> Storage:
        return storages[ALIAS]

    def open(self, name, mode="rb"):
        return self.backend().open(name, mode)

    def save(self, name, content, max_length=None):
        return self.backend().save(name, content, max_length=max_length)

    def generate_filename(self, filename):
        return self.backend().generate_filename(filename)

    def get_available_name(self, name, max_length=None):
        return self.backend().get_available_name(name, max_length=max_length)

    def delete(self, name):
        return self.backend().delete(name)

    def exists(self, name):
        return self.backend().exists(name)

    def listdir(self, path):
        return self.backend().listdir(path)

    def size(self, name):
        return self.backend().size(name)

    def url(self, name):
        return self.backend().url(name)

    def path(self, name):
        return self.backend().path(name)

    def get_modified_time(self, name):
        return self.backend().get_modified_time(name)

    def __getattr__(self, attr):  # anything else the backend offers (e.g. ``location``)
        if attr.startswith("_"):  # copy, pickle and the like ask for these: not the backend's
            raise AttributeError(attr)
        return getattr(self.backend(), attr)


def private_storage() -> PrivateStorage:
    return PrivateStorage()


def storage_reachable() -> bool:
    """Whether the private store answers now (for readiness checks): the folder exists and
    can be written, or the bucket answers Moot's credentials. Never raises."""
    backend = PrivateStorage.backend()
    try:
        return bool(backend.reachable())  # type: ignore[attr-defined]
    except Exception:
        log.warning("The private file store is not reachable", exc_info=True)
        return False


class StorageUnavailableMiddleware:
    """A request that needed the file store while it was down gets a 503 that says so (and
    when to try again), not a server error with a traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, StorageUnavailable):
            return None
        log.error("The file store did not answer: %s", exception)
        response = HttpResponse(render_to_string("503.html", request=request), status=503)
        response["Retry-After"] = "60"
        response["Cache-Control"] = "no-store"
        return response
