"""PostgreSQL: a small tsvector of each row's title and the start of its text, to rank the
matches of a common word without reading (and decompressing) every matching paper's full
vector. The full vector still decides what matches and the final order of the best
candidates (see search.backends.PostgresBackend)."""

from django.db import migrations

from search.migration_ops import VendorRunSQL

LEAD = 1000  # characters of the text in the ranking vector


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        VendorRunSQL(
            "postgresql",
            [f"""ALTER TABLE search_entry ADD COLUMN rank_vector tsvector GENERATED ALWAYS AS (
                  setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
                  setweight(to_tsvector('english'::regconfig, left(coalesce(text, ''), {LEAD})),
                            'B')) STORED"""],
            ["ALTER TABLE search_entry DROP COLUMN IF EXISTS rank_vector"],
        ),
    ]
