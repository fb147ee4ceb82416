"""The private store in an S3-compatible object store (django-storages), for
``papers/storage.py``; configured from the environment by ``papers/storage_config.py``.

The bucket is private: objects are written with no ACL (the bucket's own, private), and no
object has a public address (``url`` refuses, as on disk). Moot reads each file only after
its views have checked who may see it, and streams it to the reader as it arrives from the
store, so no address that bypasses the check ever exists (``docs/storage.md``).

Every call that reaches the store turns its failures into ``StorageUnavailable``; a missing
object is ``FileNotFoundError``, as on disk.
"""

from __future__ import annotations

import functools
import io
import logging
from typing import IO, Any, cast

from boto3.exceptions import Boto3Error
from botocore.exceptions import BotoCoreError, ClientError
from django.core.files import File
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from .storage import StorageUnavailable

log = logging.getLogger(__name__)


def _status(error: ClientError) -> int:
    return int(error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0)


def _translated(method):
    """The store's failures as ``StorageUnavailable``; a missing object stays
    ``FileNotFoundError`` (and ``exists`` False)."""

    @functools.wraps(method)
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (FileNotFoundError, StorageUnavailable):
            raise
        except ClientError as error:
            if _status(error) == 404:
                raise FileNotFoundError(str(args[0]) if args else "") from error
            raise StorageUnavailable(f"The object store refused: {error}") from error
        except (BotoCoreError, Boto3Error) as error:  # Boto3Error: an upload that failed
            raise StorageUnavailable(f"The object store did not answer: {error}") from error

    return call


class PrivateS3Storage(S3Storage):
    """Papers, packs and the render cache in a private bucket. Never overwrites: a name
    taken gets another (as on disk), which the paper files rely on."""

    file_overwrite = False
    default_acl = None
    querystring_auth = True

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("Private files have no public address; serve them through a view.")

    @_translated
    def _open(self, name, mode="rb"):
        if "w" in mode or "+" in mode or "a" in mode:
            return super()._open(name, mode)
        key = self._normalize_name(clean_name(name))
        head = self.connection.meta.client.head_object(Bucket=self.bucket_name, Key=key)
        reader = ObjectReader(self, key, head["ContentLength"])
        return File(cast(IO[bytes], reader), name)

    _save = _translated(S3Storage._save)
    delete = _translated(S3Storage.delete)
    exists = _translated(S3Storage.exists)
    listdir = _translated(S3Storage.listdir)
    size = _translated(S3Storage.size)
    get_modified_time = _translated(S3Storage.get_modified_time)

    def reachable(self) -> bool:
        """The bucket answers Moot's credentials (HEAD bucket)."""
        self.connection.meta.client.head_bucket(Bucket=self.bucket_name)
        return True

    def anonymous_access(self) -> list[str]:
        """What an anonymous client may do with the bucket: empty when it is private (an
        unsigned list, and an unsigned read of a file, are both refused)."""
        client = self.unsigned_connection.meta.client
        allowed = []
        try:
            listed = client.list_objects_v2(Bucket=self.bucket_name, MaxKeys=1)
            allowed.append("list")
            contents = listed.get("Contents") or []
        except ClientError:
            signed = self.connection.meta.client
            contents = signed.list_objects_v2(Bucket=self.bucket_name, MaxKeys=1).get(
                "Contents", []
            )
        if contents:
            try:
                client.head_object(Bucket=self.bucket_name, Key=contents[0]["Key"])
                allowed.append("read")
            except ClientError:
                pass
        return allowed


class ObjectReader(io.RawIOBase):
    """An object read from the store as it is read here: nothing is fetched until the first
    read, which streams the object's body; a seek elsewhere fetches from there (a range
    request), so FileResponse can measure it and a reader can jump about."""

    def __init__(self, storage: PrivateS3Storage, key: str, size: int):
        self._storage, self._key, self.size = storage, key, size
        self._pos = 0
        self._body: Any = None  # the body being streamed (botocore's StreamingBody)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self.size}[whence]
        position = max(0, base + offset)
        if position != self._pos:
            self._drop_body()
            self._pos = position
        return position

    def readinto(self, buffer) -> int:
        if self._pos >= self.size:
            return 0
        if self._body is None:
            self._body = self._fetch()
        try:
            data = self._body.read(len(buffer))
        except BotoCoreError as error:
            raise StorageUnavailable(f"The object store stopped sending: {error}") from error
        buffer[: len(data)] = data
        self._pos += len(data)
        return len(data)

    @_translated
    def _fetch(self):
        extra = {"Range": f"bytes={self._pos}-"} if self._pos else {}
        client = self._storage.connection.meta.client
        return client.get_object(Bucket=self._storage.bucket_name, Key=self._key, **extra)["Body"]

    def _drop_body(self) -> None:
        if self._body is not None:
            self._body.close()
            self._body = None

    def close(self) -> None:
        self._drop_body()
        super().close()


class MediaS3Storage(S3Storage):
    """Uploaded photos, which are public: a bucket of their own (never the private one),
    addressed without signatures, at ``MOOT_S3_MEDIA_DOMAIN`` when set."""

    file_overwrite = False
    querystring_auth = False
