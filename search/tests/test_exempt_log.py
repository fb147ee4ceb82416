"""Each search results page that shows exempt rows to someone entitled is logged: which rows,
for whom, on which surface (access/exempt_log.py)."""

import pytest

from access.models import ExemptAccess, Surface
from summons.testing import CANARY

from .conftest import account
from .test_exempt import member_of, planted  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


def test_a_results_page_with_exempt_rows_is_logged_row_by_row(client, signed_in, planted):  # noqa: F811
    user = account(member_of(planted.meeting.body))
    signed_in(user)
    assert client.get("/search/", {"q": CANARY}).status_code == 200
    rows = ExemptAccess.objects.filter(user=user, surface=Surface.SEARCH)
    assert rows.count() == 3
    assert set(rows.values_list("meeting", flat=True)) == {planted.meeting.pk}
    assert all(r.description.startswith(f"Search “{CANARY}”, page 1: ") for r in rows)
    data = client.get("/search/json/", {"q": CANARY}).json()
    assert data["total"] == 3, data
    assert rows.all().count() == 6


def test_a_page_of_public_rows_only_is_not_logged(client, signed_in, planted):  # noqa: F811
    user = account(member_of(planted.meeting.body))
    signed_in(user)
    client.get("/search/", {"q": "highways"})
    client.get("/search/", {"q": CANARY, "type": "meeting"})
    assert not ExemptAccess.objects.filter(user=user).exists()
