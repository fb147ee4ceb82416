"""``settings.STORAGES`` from the environment (read by ``moot/settings.py``): where papers,
packs and uploaded photos are kept.

- By default, local disk: ``"private"`` (papers, packs, the render cache) under
  ``MOOT_PRIVATE_ROOT``, ``"default"`` (photos) under MEDIA_ROOT.
- ``MOOT_S3_BUCKET``: the private files in that bucket of an S3-compatible object store,
  under the prefix ``MOOT_S3_PREFIX`` (default ``private``). The bucket must be private;
  ``moot check --deploy`` says so when it is not.
- ``MOOT_S3_ENDPOINT_URL`` (empty for AWS itself), ``MOOT_S3_REGION`` (default
  ``us-east-1``), ``MOOT_S3_ACCESS_KEY_ID`` and ``MOOT_S3_SECRET_ACCESS_KEY`` (when unset,
  boto3's own chain: ``AWS_*`` variables, an instance role), ``MOOT_S3_ADDRESSING_STYLE``
  (``path``, the default with an endpoint, which SeaweedFS, MinIO and Ceph expect; or
  ``virtual``), ``MOOT_S3_CA_BUNDLE`` (a certificate file for a store with a private CA),
  ``MOOT_S3_TIMEOUT`` (seconds to wait for the store before a request gets a 503; 5).
- ``MOOT_S3_MEDIA_BUCKET``: photos in that bucket, which holds nothing private and may be
  publicly readable; their addresses are unsigned, at ``MOOT_S3_MEDIA_DOMAIN`` (a CDN or the
  bucket's public host) when set.

The static files' entry is the serving's (``moot/settings.py``); it is kept as it is.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

PRIVATE_DISK = {"BACKEND": "papers.storage.PrivateFileSystemStorage"}
MEDIA_DISK = {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def _number(env: Mapping[str, str], name: str, default: str) -> float:
    value = env.get(name) or default
    try:
        number = float(value)
    except ValueError:
        number = -1
    if number <= 0:
        raise ImproperlyConfigured(f"{name} must be a number of seconds, not {value!r}.")
    return number


def _s3_options(env: Mapping[str, str], bucket: str) -> dict:
    from botocore.config import Config

    endpoint = env.get("MOOT_S3_ENDPOINT_URL", "")
    style = env.get("MOOT_S3_ADDRESSING_STYLE") or ("path" if endpoint else "virtual")
    if style not in ("path", "virtual"):
        raise ImproperlyConfigured(f"MOOT_S3_ADDRESSING_STYLE is path or virtual, not {style!r}.")
    timeout = _number(env, "MOOT_S3_TIMEOUT", "5")
    options: dict = {
        "bucket_name": bucket,
        "endpoint_url": endpoint or None,
        "region_name": env.get("MOOT_S3_REGION") or "us-east-1",
        "addressing_style": style,
        "signature_version": "s3v4",
        # A store that is down answers quickly with an error: one retry, then a 503.
        "client_config": Config(
            connect_timeout=timeout,
            read_timeout=max(timeout, 30),
            retries={"max_attempts": 2, "mode": "standard"},
            signature_version="s3v4",
            s3={"addressing_style": style},
        ),
    }
    if env.get("MOOT_S3_ACCESS_KEY_ID"):
        options["access_key"] = env["MOOT_S3_ACCESS_KEY_ID"]
        options["secret_key"] = env.get("MOOT_S3_SECRET_ACCESS_KEY", "")
    if env.get("MOOT_S3_CA_BUNDLE"):
        options["verify"] = env["MOOT_S3_CA_BUNDLE"]
    return options


def storages(env: Mapping[str, str], static: dict | None = None) -> dict:
    """The STORAGES setting for this environment; ``static`` is the static files' entry."""
    result = {
        "staticfiles": static
        or {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        "private": PRIVATE_DISK,
        "default": MEDIA_DISK,
    }
    bucket = env.get("MOOT_S3_BUCKET", "").strip()
    if bucket:
        prefix = env.get("MOOT_S3_PREFIX", "private").strip("/")
        result["private"] = {
            "BACKEND": "papers.s3.PrivateS3Storage",
            "OPTIONS": {**_s3_options(env, bucket), "location": prefix},
        }
    media = env.get("MOOT_S3_MEDIA_BUCKET", "").strip()
    if media:
        if media == bucket:
            raise ImproperlyConfigured(
                "MOOT_S3_MEDIA_BUCKET must not be the private bucket (MOOT_S3_BUCKET): photos "
                "are public, and the private bucket must never be."
            )
        result["default"] = {
            "BACKEND": "papers.s3.MediaS3Storage",
            "OPTIONS": {
                **_s3_options(env, media),
                "custom_domain": env.get("MOOT_S3_MEDIA_DOMAIN") or None,
            },
        }
    return result
