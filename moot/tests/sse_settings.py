"""Settings for ``moot/tests/test_serve.py``'s server: Moot's, with a test-only event stream
(``sse_urls``) and the static files served uncollected."""

from moot.settings import *  # noqa: F403

ROOT_URLCONF = "moot.tests.sse_urls"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
