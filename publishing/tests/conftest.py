import pytest


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploaded versions and built packs go to a temporary folder (papers keeps them in
    PRIVATE_ROOT, outside MEDIA_ROOT)."""
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def officer(db):
    from .builders import user

    return user()
