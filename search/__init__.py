"""Full-text search over meetings, agenda items, released papers, public minutes and decisions,
and councillors (docs/architecture.md, "The public gates").

- ``services.search(...)``: the stable entry point (website, JSON view, API);
- ``query``: what people type → a safe FTS5 / websearch_to_tsquery expression (never raises);
- ``backends``: PostgreSQL (tsvector + GIN, ts_rank, ts_headline) and SQLite (FTS5, bm25,
  snippet/highlight), chosen by ``connection.vendor``;
- ``indexing``: the rows of the index, built from the record; ``receivers`` keep it current
  (publishing's signals, meetings, items and people saved); ``moot reindex`` rebuilds it;
- ``audience``: who may find exempt rows (the SQL twin of ``access.rules.may_see_exempt``).
"""
