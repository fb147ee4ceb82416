"""The query parser: any text becomes a safe query, and the database runs it without error."""

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.backends import Where, backend
from search.query import MAX_LENGTH, MAX_WORDS, parse

NASTY = [
    '"',
    "*",
    "NEAR(",
    "NEAR(a b",
    "'; DROP TABLE search_entry; --",
    "AND OR",
    "OR",
    '"unbalanced',
    'a "b',
    "-",
    "--",
    "-a",
    "a -",
    "^",
    "a:b",
    "title:x",
    "(",
    ")",
    "a AND (b OR",
    "\x00",
    "\\",
    "%",
    "_",
    "{}",
    "NOT",
    "a NOT",
    "+a",
    "a*",
    "*a",
    "\u202e",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "çédille",
    "",
    "   ",
    "'",
    "''",
    '""',
    "a OR OR b",
    "OR a",
    "a OR",
]
texts = st.one_of(
    st.text(),
    st.sampled_from(NASTY),
    st.lists(st.sampled_from(NASTY + ["budget", "council", "x"])).map(" ".join),
)


def fts5_table():
    con = sqlite3.connect(":memory:")
    con.execute(
        "CREATE VIRTUAL TABLE t USING fts5(title, text, "
        "tokenize='porter unicode61 remove_diacritics 2')"
    )
    con.execute("INSERT INTO t VALUES ('Budget monitoring', 'The council budget for 2017')")
    return con


@given(texts)
@settings(max_examples=400, deadline=None)
def test_parse_never_raises_and_fts5_accepts_every_query(text):
    query = parse(text)
    assert len(query.text) <= MAX_LENGTH
    assert len(query.words) <= MAX_WORDS
    if not query.is_empty:
        fts5_table().execute("SELECT count(*) FROM t WHERE t MATCH ?", [query.fts5()]).fetchone()


@pytest.mark.django_db
@given(texts)
@settings(
    max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
def test_the_database_runs_every_parsed_query(text):
    """On the test database's own engine (SQLite or PostgreSQL) and index."""
    query = parse(text)
    if not query.is_empty:
        engine = backend()
        assert engine.count(query, Where()) >= 0
        engine.page(query, Where(), 0, 5)


def test_syntax():
    q = parse('"care leavers" OR fostering budget -capital')
    assert [[t.words for t in c] for c in q.clauses] == [
        [("care", "leavers"), ("fostering",)],
        [("budget",)],
    ]
    assert [t.words for t in q.excluded] == [("capital",)]
    assert q.fts5() == '(("care leavers" OR "fostering") AND ("budget")) NOT "capital"'
    assert q.websearch() == '"care leavers" OR "fostering" "budget" -"capital"'


def test_metacharacters_are_only_text():
    q = parse("NEAR(budget* \"council'; DROP TABLE x")
    assert q.fts5() == '("near budget") AND ("council drop table x")'


def test_empty_and_exclusion_only_queries_say_what_to_do():
    assert parse("").is_empty and not parse("").notes
    assert parse("*").is_empty and parse("*").notes
    only_excluded = parse("-budget")
    assert only_excluded.is_empty and "minus sign" in only_excluded.notes[0]


def test_long_queries_are_capped():
    q = parse("word " * 1000)
    assert len(q.text) <= MAX_LENGTH and len(q.words) == MAX_WORDS
    assert q.notes
