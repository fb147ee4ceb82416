import pytest

from .papers_setup import make_papers


@pytest.fixture
def papers(settings, tmp_path):
    """The test papers (see papers_setup.py), their files kept in a temporary MEDIA_ROOT."""
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path
    return make_papers()
