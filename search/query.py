"""What people type, turned into a safe full-text query for either database.

The syntax is the one search engines taught everyone: words (all must match), "a phrase",
``OR`` between alternatives, ``-word`` to leave out. Everything else is treated as text:
only runs of letters and digits reach the database, each one quoted, so no character the
user types (``"``, ``*``, ``NEAR(``, ``'; DROP``, unbalanced quotes …) can become an
operator. ``parse`` never raises, whatever the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_LENGTH = 200  # characters read of what was typed
MAX_WORDS = 12  # words used (phrases count each word)

_TOKEN = re.compile(r'"[^"]*"?|[^\s"]+')
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or the words of a phrase

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    def fts5(self) -> str:
        return '"' + " ".join(self.words) + '"'

    def web(self) -> str:
        return '"' + " ".join(self.words) + '"'


@dataclass(frozen=True)
class Query:
    text: str  # what was searched for, as used (shortened if it was too long)
    clauses: tuple[tuple[Term, ...], ...] = ()  # all must match; each is one term OR another
    excluded: tuple[Term, ...] = ()
    notes: tuple[str, ...] = field(default=())  # what was changed, in plain words

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    @property
    def words(self) -> list[str]:
        """The words searched for (not the excluded ones), for finding them in a text."""
        return [w for clause in self.clauses for term in clause for w in term.words]

    def fts5(self) -> str:
        """An SQLite FTS5 MATCH expression ('' when there is nothing to search for)."""
        if self.is_empty:
            return ""
        expr = " AND ".join(
            "(" + " OR ".join(t.fts5() for t in clause) + ")" for clause in self.clauses
        )
        for term in self.excluded:
            expr = f"({expr}) NOT {term.fts5()}"
        return expr

    def websearch(self) -> str:
        """Text for PostgreSQL's websearch_to_tsquery ('' when there is nothing to search)."""
        if self.is_empty:
            return ""
        parts = [" OR ".join(t.web() for t in clause) for clause in self.clauses]
        parts += ["-" + t.web() for t in self.excluded]
        return " ".join(parts)


def parse(text) -> Query:
    """The query in ``text``; never raises. An empty ``Query`` when nothing searchable is left
    (its ``notes`` say why when words were typed)."""
    text = "" if text is None else str(text)
    notes: list[str] = []
    text = text.replace("\x00", " ").strip()
    if len(text) > MAX_LENGTH:
        text = text[:MAX_LENGTH]
        notes.append(f"Only the first {MAX_LENGTH} characters were searched for.")
    clauses: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or = False
    used = 0
    dropped = False
    for token in _TOKEN.findall(text):
        if token.startswith('"'):
            negated = False
            words = _WORD.findall(token.strip('"'))
        else:
            if token.upper() == "OR":
                pending_or = bool(clauses)
                continue
            if token.upper() == "AND":
                continue
            negated = token.startswith("-") and len(token) > 1
            words = _WORD.findall(token)
        words = [w.lower() for w in words]
        if not words:
            continue
        if used + len(words) > MAX_WORDS:
            dropped = True
            break
        used += len(words)
        term = Term(tuple(words))
        if negated:
            excluded.append(term)
        elif pending_or:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        pending_or = False
    if dropped:
        notes.append(f"Only the first {MAX_WORDS} words were searched for.")
    if not clauses and excluded:
        notes.append(
            "Add a word to search for: words starting with a minus sign are left out "
            "of the results, and cannot be searched for on their own."
        )
        excluded = []
    elif not clauses and text:
        notes.append(
            "Enter words or numbers to search for: punctuation, and AND or OR on "
            "their own, are ignored."
        )
    return Query(
        text=text,
        clauses=tuple(tuple(c) for c in clauses),
        excluded=tuple(excluded),
        notes=tuple(notes),
    )
