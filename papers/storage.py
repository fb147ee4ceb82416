"""Where paper files and built packs are kept: outside MEDIA_ROOT, so no web server can serve
them directly. They reach people only through views that check who may see them."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """File storage under ``settings.PRIVATE_ROOT``, read on every use (so tests can move it)."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.PRIVATE_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public address; serve them through a view.")


def private_storage() -> PrivateStorage:
    return PrivateStorage()
