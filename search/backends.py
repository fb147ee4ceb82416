"""One interface over the two full-text engines: PostgreSQL (tsvector, websearch_to_tsquery,
ts_rank, ts_headline) and SQLite (FTS5, bm25, snippet/highlight). ``backend()`` picks the one
for ``connection.vendor``.

Both take a parsed ``query.Query`` (never the user's raw text) and a ``Where``: an SQL
condition on the index table, aliased ``e``, with its parameters (filters and who may see
exempt rows). Matched words come back wrapped in ``models.MARK_START``/``MARK_END``; the
service escapes the text and turns the marks into ``<mark>``.
"""

from __future__ import annotations

import re
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

    def count(self, query: Query, where: Where, most: int | None = None) -> int:
        """The number of matching rows; counting stops past ``most`` (then ``most + 1``)."""
        raise NotImplementedError

    def page(self, query: Query, where: Where, offset: int, limit: int) -> list[Row]:
        raise NotImplementedError

    def search(
        self, query: Query, where: Where, offset: int, limit: int, most: int | None = None
    ) -> tuple[int, list[Row]]:
        """The number of matching rows (counted up to ``most``, then ``most + 1``) and one
        ranked page of them with snippets."""
        total = self.count(query, where, most)
        rows = self.page(query, where, offset, limit) if offset < total else []
        return total, rows

    def floor(self, query: Query, where: Where, limit: int = 20) -> list[int]:
        """The ranked top ids from the index by one plain query, with the same conditions but
        no count, snippets or rows to build (the benchmark's floor)."""
        raise NotImplementedError

    @staticmethod
    def _fetch(sql: str, params) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


class SQLiteBackend(Backend):
    vendor = "sqlite"
    _from = (
        "FROM search_entry_fts JOIN search_entry e ON e.id = search_entry_fts.rowid "
        "WHERE search_entry_fts MATCH %s"
    )

    def count(self, query, where, most=None):
        cond, params = where.render()
        sql = f"SELECT 1 {self._from} AND {cond}"
        if most is not None:
            sql, params = f"{sql} LIMIT %s", [*params, most + 1]
        return self._fetch(f"SELECT count(*) FROM ({sql})", [query.fts5(), *params])[0][0]

    def page(self, query, where, offset, limit):
        cond, params = where.render()
        sql = (
            "SELECT e.id, bm25(search_entry_fts, %s, 1.0) AS r, "
            "highlight(search_entry_fts, 0, %s, %s), "
            "snippet(search_entry_fts, 1, %s, %s, '…', 40) "
            f"{self._from} AND {cond} ORDER BY r, e.date DESC, e.id LIMIT %s OFFSET %s"
        )
        rows = self._fetch(
            sql,
            [
                TITLE_WEIGHT,
                MARK_START,
                MARK_END,
                MARK_START,
                MARK_END,
                query.fts5(),
                *params,
                limit,
                offset,
            ],
        )
        return [Row(pk, -rank, title, snippet) for pk, rank, title, snippet in rows]

    def floor(self, query, where, limit=20):
        cond, params = where.render()
        sql = (
            f"SELECT e.id {self._from} AND {cond} ORDER BY bm25(search_entry_fts, %s, 1.0) LIMIT %s"
        )
        return [r[0] for r in self._fetch(sql, [query.fts5(), *params, TITLE_WEIGHT, limit])]


HEADLINE = (
    f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords=40, MinWords=20, '
    'MaxFragments=2, FragmentDelimiter=" … "'
)
TITLE_HEADLINE = f'StartSel="{MARK_START}", StopSel="{MARK_END}", HighlightAll=true'


WINDOW = 600  # characters of a text given to ts_headline
CANDIDATES = 200  # matches ranked on their full vectors (per page block)


def anchor(query: Query) -> str:
    """Where a snippet starts looking: the query's longest word, less a possible ending."""
    word = max(query.words, key=len, default="")
    return word[: max(4, len(word) - 2)]


class PostgresBackend(Backend):
    vendor = "postgresql"
    # The query is written out (not a CTE) wherever it is used, so that the planner sees a
    # constant tsquery and estimates how many rows match it.
    _tsq = "websearch_to_tsquery('english'::regconfig, %s)"

    def count(self, query, where, most=None):
        """Through the GIN index. The query comes from a materialized CTE here, on purpose:
        the planner then assumes few matches, so never prefers a sequential scan that would
        stop at ``most`` (it tests, and decompresses, the full vector of every row it passes:
        half a second when few rows match)."""
        cond, params = where.render()
        sql = f"SELECT 1 FROM search_entry e, q WHERE e.search_vector @@ q.query AND {cond}"
        if most is not None:
            sql, params = f"{sql} LIMIT %s", [*params, most + 1]
        return self._fetch(
            f"WITH q AS MATERIALIZED (SELECT {self._tsq} AS query) SELECT count(*) FROM ({sql}) t",
            [query.websearch(), *params],
        )[0][0]

    def _ranked_sql(self, cond: str) -> str:
        """The best matches in two stages, in one query.

        Candidates: first the rows whose title or opening words (``rank_vector``, found
        through its own GIN index) match the query, by ``ts_rank`` on that small vector, each
        confirmed on its full vector only as it is taken; then, if there are too few of those,
        the other matches, newest first (their title and opening words do not match, so their
        rank there is nil). The best candidates are then ranked on their full vectors. Neither
        stage reads a full vector beyond the candidates', nor ranks every match of a common
        word."""
        q = self._tsq
        return (
            "WITH cand AS ((SELECT lead.id, lead.date FROM (SELECT e.id, e.date, "
            f"ts_rank(e.rank_vector, {q}) AS r FROM search_entry e "
            f"WHERE e.rank_vector @@ {q} AND {cond} "
            "ORDER BY r DESC, e.date DESC NULLS LAST, e.id OFFSET 0) lead "
            # A subplan, run row by row in rank order until there are enough (a join
            # could test every row's full vector first).
            f"WHERE (SELECT f.search_vector @@ {q} FROM search_entry f WHERE f.id = lead.id) "
            "LIMIT %s) "
            "UNION ALL (SELECT e.id, e.date FROM search_entry e "
            f"WHERE e.search_vector @@ {q} AND NOT (e.rank_vector @@ {q}) AND {cond} "
            "ORDER BY e.date DESC NULLS LAST, e.id LIMIT %s) LIMIT %s) "
            f"SELECT cand.id, ts_rank(e.search_vector, {q}) AS r "
            "FROM cand JOIN search_entry e ON e.id = cand.id "
            "ORDER BY r DESC, cand.date DESC NULLS LAST, cand.id LIMIT %s OFFSET %s"
        )

    @staticmethod
    def _candidates(offset: int, limit: int) -> int:
        return CANDIDATES * -(-(offset + limit) // CANDIDATES)

    def _ranked(self, query, where, offset, limit) -> list[tuple]:
        """(id, rank) of one page."""
        cond, params = where.render()
        n, q = self._candidates(offset, limit), query.websearch()
        return self._fetch(
            self._ranked_sql(cond), [q, q, *params, q, n, q, q, *params, n, n, q, limit, offset]
        )

    def _headlines(self, query, ids: list[int]) -> dict[int, tuple[str, str]]:
        """ts_headline of each row's title and of a window of its text around the first
        occurrence of the query's longest word: ts_headline parses all it is given, and a
        paper can be long."""
        texts = self._fetch(
            "SELECT id, title, text FROM search_entry WHERE id = ANY(%s)", [list(ids)]
        )
        found = re.compile(r"(?<!\w)" + re.escape(anchor(query)), re.IGNORECASE)
        titles, windows, order = [], [], []
        for pk, title, text in texts:
            hit = found.search(text)
            start = max(0, hit.start() - WINDOW // 4) if hit else 0
            windows.append(("…" if start else "") + text[start : start + WINDOW])
            titles.append(title)
            order.append(pk)
        rows = self._fetch(
            "SELECT ts_headline('english'::regconfig, t.title, q.query, %s), "
            "ts_headline('english'::regconfig, t.w, q.query, %s) "
            "FROM unnest(%s::text[], %s::text[]) WITH ORDINALITY AS t(title, w, n), "
            "websearch_to_tsquery('english'::regconfig, %s) AS q(query) ORDER BY t.n",
            [TITLE_HEADLINE, HEADLINE, titles, windows, query.websearch()],
        )
        return dict(zip(order, rows, strict=True))

    def page(self, query, where, offset, limit):
        ranked = self._ranked(query, where, offset, limit)
        if not ranked:
            return []
        heads = self._headlines(query, [pk for pk, _ in ranked])
        return [Row(pk, rank, *heads[pk]) for pk, rank in ranked]

    def floor(self, query, where, limit=20):
        """The same two-stage ranking as ``page``, ids only."""
        return [pk for pk, _ in self._ranked(query, where, 0, limit)]

    def floor_full_rank(self, query, where, limit=20):
        """The naive floor: every match ranked on its full vector."""
        cond, params = where.render()
        sql = (
            f"SELECT e.id FROM search_entry e WHERE e.search_vector @@ {self._tsq} "
            f"AND {cond} ORDER BY ts_rank(e.search_vector, {self._tsq}) DESC LIMIT %s"
        )
        return [
            r[0] for r in self._fetch(sql, [query.websearch(), *params, query.websearch(), limit])
        ]


def backend() -> Backend:
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SQLiteBackend()
    raise NotImplementedError(f"Search does not support {connection.vendor}.")
