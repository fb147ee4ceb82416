"""A private store on a disk that fills up while a file is written: the first chunk goes to
the disk, the next raises ENOSPC, as ``write`` does on a full filesystem (a small tmpfs
cannot be mounted without privileges). For moot/tests/test_faults_storage.py."""

from __future__ import annotations

import errno
import os

from papers.storage import PrivateFileSystemStorage


class _FillsUp:
    def __init__(self, content):
        self.content = content

    def chunks(self, chunk_size=None):
        chunks = self.content.chunks(chunk_size or 64 * 1024)
        yield next(chunks)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class FullDiskStorage(PrivateFileSystemStorage):
    """Full when the agenda pack itself (``packs/…``, the largest file) is written."""

    def _save(self, name, content):
        return super()._save(name, _FillsUp(content) if name.startswith("packs/") else content)
