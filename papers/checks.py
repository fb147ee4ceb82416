"""``moot check --deploy``: the private store answers, and a bucket holding it is private
(an anonymous client may neither list it nor read a file from it)."""

from __future__ import annotations

from django.core import checks

from .storage import PrivateStorage, storage_reachable


@checks.register(checks.Tags.security, deploy=True)
def private_store_is_private(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    if not storage_reachable():
        return [
            checks.Error(
                "The private file store (papers and packs) does not answer.",
                hint="Check MOOT_PRIVATE_ROOT, or MOOT_S3_BUCKET, MOOT_S3_ENDPOINT_URL and "
                "the access key; the server's log has the details.",
                id="papers.E001",
            )
        ]
    backend = PrivateStorage.backend()
    anonymous_access = getattr(backend, "anonymous_access", None)
    allowed = anonymous_access() if anonymous_access else []
    if allowed:
        return [
            checks.Error(
                f"Anyone may {' and '.join(allowed)} the private bucket "
                f"{backend.bucket_name!r}, which holds exempt papers.",  # type: ignore[attr-defined]
                hint="Remove the bucket's public policy or ACL: Moot serves its files itself, "
                "after checking who may see them.",
                id="papers.E002",
            )
        ]
    return []
