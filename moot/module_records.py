"""Records shared by the tests of one module, made once instead of once per test.

A module-scoped fixture makes them inside ``shared(django_db_blocker)``: one transaction held
open for the module, rolled back after its last test. Each test's own ``db`` transaction is then
a savepoint inside it (Django's ``TestCase`` nests the same way under ``setUpTestData``), so
what a test writes is undone after it and the next test sees the shared records as made.
Use it where making the records costs far more than the test (the canary crawl's plants, a
generated council), never for transactional tests, which commit and flush.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction


@contextmanager
def shared(django_db_blocker) -> Iterator[None]:
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
