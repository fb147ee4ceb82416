import pytest


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Built packs and uploaded papers go to a temporary folder (papers keeps them in
    PRIVATE_ROOT, outside MEDIA_ROOT)."""
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path
