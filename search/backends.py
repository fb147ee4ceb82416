"""One interface over the two full-text engines: PostgreSQL (tsvector, websearch_to_tsquery,
ts_rank, ts_headline) and SQLite (FTS5, bm25, snippet/highlight). ``backend()`` picks the one
for ``connection.vendor``.

Both take a parsed ``query.Query`` (never the user's raw text) and a ``Where``: an SQL
condition on the index table, aliased ``e``, with its parameters (filters and who may see
exempt rows). Matched words come back wrapped in ``models.MARK_START``/``MARK_END``; the
service escapes the text and turns the marks into ``<mark>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection

from .models import MARK_END, MARK_START
from .query import Query

TITLE_WEIGHT = 10.0  # a word in the title counts this many times one in the text


@dataclass
class Where:
    sql: list[str] = field(default_factory=list)
    params: list = field(default_factory=list)

    def add(self, sql: str, *params) -> Where:
        self.sql.append(sql)
        self.params.extend(params)
        return self

    def render(self) -> tuple[str, list]:
        return (" AND ".join(f"({s})" for s in self.sql) or "1=1"), list(self.params)


@dataclass
class Row:
    id: int
    rank: float
    title: str  # with marks
    snippet: str  # with marks


class Backend:
    vendor = ""

    def count(self, query: Query, where: Where) -> int:
        raise NotImplementedError

    def page(self, query: Query, where: Where, offset: int, limit: int) -> list[Row]:
        raise NotImplementedError

    def floor(self, query: Query, limit: int = 20) -> list[int]:
        """The ranked top ids from the index by one plain query (the benchmark's floor)."""
        raise NotImplementedError

    @staticmethod
    def _fetch(sql: str, params) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


class SQLiteBackend(Backend):
    vendor = "sqlite"
    _from = ("FROM search_entry_fts JOIN search_entry e ON e.id = search_entry_fts.rowid "
             "WHERE search_entry_fts MATCH %s")

    def count(self, query, where):
        cond, params = where.render()
        sql = f"SELECT count(*) {self._from} AND {cond}"
        return self._fetch(sql, [query.fts5(), *params])[0][0]

    def page(self, query, where, offset, limit):
        cond, params = where.render()
        sql = (
            "SELECT e.id, bm25(search_entry_fts, %s, 1.0) AS r, "
            "highlight(search_entry_fts, 0, %s, %s), "
            "snippet(search_entry_fts, 1, %s, %s, '…', 40) "
            f"{self._from} AND {cond} ORDER BY r, e.date DESC, e.id LIMIT %s OFFSET %s"
        )
        rows = self._fetch(sql, [TITLE_WEIGHT, MARK_START, MARK_END, MARK_START, MARK_END,
                                 query.fts5(), *params, limit, offset])
        return [Row(pk, -rank, title, snippet) for pk, rank, title, snippet in rows]

    def floor(self, query, limit=20):
        sql = ("SELECT rowid FROM search_entry_fts WHERE search_entry_fts MATCH %s "
               "ORDER BY bm25(search_entry_fts, %s, 1.0) LIMIT %s")
        return [r[0] for r in self._fetch(sql, [query.fts5(), TITLE_WEIGHT, limit])]


HEADLINE = (f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords=40, MinWords=20, '
            'MaxFragments=2, FragmentDelimiter=" … "')
TITLE_HEADLINE = f'StartSel="{MARK_START}", StopSel="{MARK_END}", HighlightAll=true'


class PostgresBackend(Backend):
    vendor = "postgresql"
    _q = "WITH q AS (SELECT websearch_to_tsquery('english'::regconfig, %s) AS query) "

    def count(self, query, where):
        cond, params = where.render()
        sql = (f"{self._q}SELECT count(*) FROM search_entry e, q "
               f"WHERE e.search_vector @@ q.query AND {cond}")
        return self._fetch(sql, [query.websearch(), *params])[0][0]

    def page(self, query, where, offset, limit):
        cond, params = where.render()
        sql = (
            f"{self._q}, top AS (SELECT e.id, ts_rank(e.search_vector, q.query) AS r, e.date "
            f"FROM search_entry e, q WHERE e.search_vector @@ q.query AND {cond} "
            "ORDER BY r DESC, e.date DESC NULLS LAST, e.id LIMIT %s OFFSET %s) "
            "SELECT e.id, top.r, ts_headline('english'::regconfig, e.title, q.query, %s), "
            "ts_headline('english'::regconfig, e.text, q.query, %s) "
            "FROM top JOIN search_entry e ON e.id = top.id, q "
            "ORDER BY top.r DESC, top.date DESC NULLS LAST, e.id"
        )
        rows = self._fetch(sql, [query.websearch(), *params, limit, offset, TITLE_HEADLINE,
                                 HEADLINE])
        return [Row(pk, rank, title, snippet) for pk, rank, title, snippet in rows]

    def floor(self, query, limit=20):
        sql = (f"{self._q}SELECT e.id FROM search_entry e, q WHERE e.search_vector @@ q.query "
               "ORDER BY ts_rank(e.search_vector, q.query) DESC LIMIT %s")
        return [r[0] for r in self._fetch(sql, [query.websearch(), limit])]


def backend() -> Backend:
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SQLiteBackend()
    raise NotImplementedError(f"Search does not support {connection.vendor}.")
