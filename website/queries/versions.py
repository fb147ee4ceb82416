"""Which version of a paper the public see: the latest one published. The rule is
publishing's (``publishing/versions.py``); the readers import it from here."""

from __future__ import annotations

from publishing.versions import RELEASES, published_version, published_versions

public_versions = published_versions
public_version = published_version

__all__ = ["RELEASES", "public_version", "public_versions"]
