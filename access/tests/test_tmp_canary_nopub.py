import pytest
from publishing.models import AgendaPublication
from access.tests import test_canary_crawl as c
from access.tests.test_canary_crawl import planted  # noqa: F401

pytestmark = pytest.mark.django_db

def test_without_publications(planted):  # noqa: F811
    AgendaPublication.objects.all().delete()
    c.test_the_public_never_sees_exempt_information(planted)

def test_only_pr(planted):  # noqa: F811
    meeting = planted[0]
    AgendaPublication.objects.exclude(meeting=meeting).delete()
    c.test_the_public_never_sees_exempt_information(planted)
