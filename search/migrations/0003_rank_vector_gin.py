"""PostgreSQL: a GIN index on the ranking vector (title and opening words), so that search
can take its candidates from the rows whose title or opening match the query without ranking
every match of a common word (see search.backends.PostgresBackend)."""

from django.db import migrations

from search.migration_ops import VendorRunSQL


class Migration(migrations.Migration):
    dependencies = [("search", "0002_rank_vector")]

    operations = [
        VendorRunSQL(
            "postgresql",
            ["CREATE INDEX search_entry_rank_gin ON search_entry USING GIN (rank_vector)"],
            ["DROP INDEX IF EXISTS search_entry_rank_gin"],
        ),
    ]
