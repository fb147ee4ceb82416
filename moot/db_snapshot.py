"""A copy of the test database's tables, kept beside them, to put the demo council back after a
test that flushes the database (the browser tests: ``live_server`` needs real commits).

Loading the demo through its services (``moot demo``: every row validated and audited) costs
seconds of CPU; copying its rows back table by table in SQL costs a fraction of one. The copy
is taken once per test session, right after the demo is loaded (``conftest.django_db_setup``),
and holds exactly what that load wrote, so a restored database is the one the load made.

The copies are plain tables named ``snap_<table>`` (no keys, no constraints): they are not
Django's tables, so the flush between tests leaves them alone.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connections, transaction

PREFIX = "snap_"


def _tables(connection) -> dict[str, list[str]]:
    """Each existing Django table with the columns its model writes (a column the database
    generates itself, such as PostgreSQL's search vector, is made again, never copied)."""
    existing = set(connection.introspection.table_names())
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        table = model._meta.db_table
        if table in existing and not model._meta.proxy and model._meta.managed:
            tables[table] = [
                f.column for f in model._meta.concrete_fields if not getattr(f, "generated", False)
            ]
    return dict(sorted(tables.items()))


def take(alias: str = "default") -> None:
    """Copy every Django table of the database to its ``snap_`` twin (replacing any)."""
    connection = connections[alias]
    quote = connection.ops.quote_name
    tables = _tables(connection)
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DROP TABLE IF EXISTS {quote(PREFIX + table)}")
            columns = ", ".join(map(quote, tables[table]))
            cursor.execute(
                f"CREATE TABLE {quote(PREFIX + table)} AS SELECT {columns} FROM {quote(table)}"
            )


def restore(alias: str = "default") -> None:
    """Empty every Django table and fill it from its copy; the sequences then continue
    after the restored rows. Constraints are checked as the rows go back (SQLite: after, with
    its foreign-key checks off while the tables refill in any order; PostgreSQL: at commit,
    Django's foreign keys being deferrable)."""
    connection = connections[alias]
    quote = connection.ops.quote_name
    tables = _tables(connection)
    with connection.constraint_checks_disabled():
        with transaction.atomic(using=alias), connection.cursor() as cursor:
            for sql in connection.ops.sql_flush(no_style(), list(tables), allow_cascade=False):
                cursor.execute(sql)
            for table, columns in tables.items():
                names = ", ".join(map(quote, columns))
                copy = quote(PREFIX + table)
                cursor.execute(f"INSERT INTO {quote(table)} ({names}) SELECT {names} FROM {copy}")
            for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(sql)
            if connection.vendor == "sqlite":
                connection.check_constraints(table_names=list(tables))
    ContentType.objects.clear_cache()
