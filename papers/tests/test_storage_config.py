"""Where files are kept, from the environment (papers/storage_config.py), and the local
disk's private store (papers/storage.py)."""

from __future__ import annotations

import io
import os

import pytest
from django.core.exceptions import ImproperlyConfigured

from papers.storage import PrivateStorage, private_storage, storage_reachable
from papers.storage_config import storages

WHITENOISE = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}


def test_local_disk_is_the_default_and_the_static_entry_is_kept():
    result = storages({}, WHITENOISE)
    assert result["private"]["BACKEND"] == "papers.storage.PrivateFileSystemStorage"
    assert result["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert result["staticfiles"] is WHITENOISE
    assert storages({})["staticfiles"]["BACKEND"].startswith("django.contrib.staticfiles")


def test_a_bucket_from_the_environment():
    result = storages(
        {
            "MOOT_S3_BUCKET": "council-papers",
            "MOOT_S3_ENDPOINT_URL": "https://s3.council.example",
            "MOOT_S3_ACCESS_KEY_ID": "AKEY",
            "MOOT_S3_SECRET_ACCESS_KEY": "secret",
            "MOOT_S3_REGION": "eu-west-2",
            "MOOT_S3_CA_BUNDLE": "/etc/ssl/council-ca.pem",
            "MOOT_S3_TIMEOUT": "3",
        }
    )
    private = result["private"]
    assert private["BACKEND"] == "papers.s3.PrivateS3Storage"
    options = private["OPTIONS"]
    assert (options["bucket_name"], options["location"], options["region_name"]) == (
        "council-papers",
        "private",
        "eu-west-2",
    )
    assert (options["access_key"], options["secret_key"]) == ("AKEY", "secret")
    assert options["addressing_style"] == "path" and options["verify"] == "/etc/ssl/council-ca.pem"
    assert options["client_config"].connect_timeout == 3
    assert result["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    # Without keys, boto3's own chain (AWS_* variables, an instance role) is used.
    assert "access_key" not in storages({"MOOT_S3_BUCKET": "b"})["private"]["OPTIONS"]


def test_photos_in_a_bucket_of_their_own():
    result = storages(
        {
            "MOOT_S3_BUCKET": "council-papers",
            "MOOT_S3_MEDIA_BUCKET": "council-photos",
            "MOOT_S3_MEDIA_DOMAIN": "photos.council.example",
        }
    )
    media = result["default"]
    assert media["BACKEND"] == "papers.s3.MediaS3Storage"
    assert media["OPTIONS"]["bucket_name"] == "council-photos"
    assert media["OPTIONS"]["custom_domain"] == "photos.council.example"


@pytest.mark.parametrize(
    "env, says",
    [
        ({"MOOT_S3_BUCKET": "b", "MOOT_S3_TIMEOUT": "soon"}, "MOOT_S3_TIMEOUT"),
        ({"MOOT_S3_BUCKET": "b", "MOOT_S3_TIMEOUT": "0"}, "MOOT_S3_TIMEOUT"),
        ({"MOOT_S3_BUCKET": "b", "MOOT_S3_ADDRESSING_STYLE": "dns"}, "path or virtual"),
        ({"MOOT_S3_BUCKET": "b", "MOOT_S3_MEDIA_BUCKET": "b"}, "must not be the private"),
    ],
)
def test_bad_settings_are_refused_at_start_saying_which(env, says):
    with pytest.raises(ImproperlyConfigured, match=says):
        storages(env)


def test_the_disk_store_follows_private_root_and_writes_whole_files(settings, tmp_path):
    settings.PRIVATE_ROOT = tmp_path / "private"
    storage = private_storage()
    assert isinstance(storage, PrivateStorage) and storage_reachable()
    first = storage.save("packs/2030/pack.pdf", io.BytesIO(b"%PDF first"))
    second = storage.save("packs/2030/pack.pdf", io.BytesIO(b"%PDF second"))
    assert first == "packs/2030/pack.pdf" and second != first  # never overwritten
    with storage.open(first) as f:
        assert f.read() == b"%PDF first"
    folder = tmp_path / "private" / "packs" / "2030"
    assert sorted(os.listdir(folder)) == sorted([os.path.basename(first), os.path.basename(second)])
    assert oct(os.stat(folder / "pack.pdf").st_mode & 0o777) == oct(
        settings.FILE_UPLOAD_PERMISSIONS
    )
    with pytest.raises(ValueError):
        storage.url(first)
