import pytest
from django.contrib.auth.models import User

from access.models import Account
from moot.testing import verified_login


@pytest.fixture(scope="session", autouse=True)
def search_index(django_db_setup, django_db_blocker):
    """The demo council's index, rebuilt once the demo is loaded (as ``moot reindex`` does)."""
    from search import indexing

    with django_db_blocker.unblock():
        indexing.rebuild()


def account(person=None, **kw) -> User:
    user = User.objects.create_user(
        f"search-user-{User.objects.count()}", password="x-Long-Pass-123"
    )
    Account.objects.create(user=user, person=person, **kw)
    return user


@pytest.fixture
def signed_in(client):
    """``signed_in(user)``: the test client signed in as ``user`` with both factors."""

    def login(user):
        return verified_login(client, user)

    return login
