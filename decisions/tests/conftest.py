import pytest

from .builders import council_meeting, plant, publish


@pytest.fixture
def published(db):
    """The 22 October 2015 minutes published as a draft (the demo may already do it)."""
    return publish(council_meeting())


@pytest.fixture
def planted(published):
    return plant()
