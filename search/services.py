"""Search, for the website, the JSON view and the API.

The stable entry point is::

    search(query, user=None, *, body=None, date_from=None, date_to=None, kinds=(),
           member=None, page=1, page_size=20) -> SearchResult

- ``query``: what the person typed (any text; see ``search.query`` for the syntax). It is
  shortened to ``query.MAX_LENGTH`` characters and ``query.MAX_WORDS`` words.
- ``user``: the requesting user (None or anonymous for the public). Exempt rows are found only
  by users entitled to them (``search.audience``), and come back with ``exempt=True``.
- ``body``: a body's slug; ``member``: a person's slug (the business of the bodies they sat on,
  while they sat, and their own entry); ``date_from``/``date_to``: dates or ISO strings
  (inclusive); ``kinds``: values of ``search.models.Kind`` ("meeting", "item", "report",
  "appendix", "minutes", "decision", "paper", "member").
- ``page`` from 1; ``page_size`` from 1 to ``MAX_PAGE_SIZE``.

``total`` is exact up to ``COUNT_LIMIT`` matches (or ``PAGES_AHEAD`` pages past ``page``);
beyond that counting stops, ``total`` is that limit and ``more`` is true ("more than …").

Raises ``SearchError`` (a ``ValidationError``; ``.messages`` are plain words for the user)
for an unknown body, member or kind, a date that is not a date, a range that ends before it
begins, or a bad page. An empty query is not an error: the result is empty and ``notes``
says what to do.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from council.models import Body, Membership, Person

from . import query as query_parser
from .audience import audience, may_see_row
from .backends import Where, backend
from .models import MARK_END, MARK_START, PAGE_BREAK, Entry, Kind
from .tables import clean_snippet

MAX_PAGE_SIZE = 100
MAX_PAGE = 500
# Matches are counted exactly up to this many (or to a few pages past the page asked for);
# past it the result says "more than". Counting every match of a common word costs more than
# finding the page.
COUNT_LIMIT = 1000
PAGES_AHEAD = 4


class SearchError(ValidationError):
    pass


@dataclass(frozen=True)
class Filters:
    body: Body | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    kinds: tuple[str, ...] = ()
    member: Person | None = None

    @property
    def active(self) -> bool:
        return bool(self.body or self.date_from or self.date_to or self.kinds or self.member)


@dataclass
class Hit:
    kind: str
    kind_label: str
    title: str  # plain text
    title_html: SafeString  # escaped, matches in <mark>
    snippet_html: SafeString  # escaped, matches in <mark>
    url: str  # the page; for an uploaded PDF, the PDF at the page of the first match
    page_url: str  # the HTML page of the paper (or meeting, item, member)
    page: int | None  # the PDF page of the first match
    meeting_title: str
    body_name: str
    date: dt.date | None
    exempt: bool
    exempt_paragraph: int | None
    rank: float

    def as_dict(self) -> dict:
        data = asdict(self)
        data["title_html"] = str(self.title_html)
        data["snippet_html"] = str(self.snippet_html)
        data["date"] = self.date.isoformat() if self.date else None
        return data


@dataclass
class SearchResult:
    query: str  # the text searched for, as used
    hits: list[Hit] = field(default_factory=list)
    total: int = 0  # exact, unless ``more``
    more: bool = False  # more than ``total`` rows matched (counting stopped there)
    page: int = 1
    page_size: int = 20
    filters: Filters = field(default_factory=Filters)
    notes: list[str] = field(default_factory=list)  # e.g. the query was shortened

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.page_size))

    @property
    def first(self) -> int:
        return (self.page - 1) * self.page_size + 1 if self.hits else 0

    @property
    def last(self) -> int:
        return self.first + len(self.hits) - 1 if self.hits else 0

    def as_dict(self) -> dict:
        f = self.filters
        return {
            "query": self.query,
            "total": self.total,
            "more": self.more,
            "page": self.page,
            "page_size": self.page_size,
            "pages": self.pages,
            "notes": self.notes,
            "filters": {
                "body": f.body.slug if f.body else None,
                "date_from": f.date_from.isoformat() if f.date_from else None,
                "date_to": f.date_to.isoformat() if f.date_to else None,
                "kinds": list(f.kinds),
                "member": f.member.slug if f.member else None,
            },
            "results": [h.as_dict() for h in self.hits],
        }


# --- input ---------------------------------------------------------------------------------


def _date(value, label: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise SearchError(f"{label} must be a real date, like 2017-09-15.") from None


def _int(value, label: str, low: int, high: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise SearchError(f"{label} must be a whole number.") from None
    if not low <= number <= high:
        raise SearchError(f"{label} must be between {low} and {high}.")
    return number


def make_filters(body=None, date_from=None, date_to=None, kinds=(), member=None) -> Filters:
    """Check the filters; raises ``SearchError`` with every problem found."""
    problems = []
    found_body = found_member = None
    if body not in (None, ""):
        body = body.slug if isinstance(body, Body) else str(body)
        found_body = Body.objects.filter(slug=body).first()
        if found_body is None:
            problems.append("There is no committee or other body with that name.")
    if member not in (None, ""):
        member = member.slug if isinstance(member, Person) else str(member)
        found_member = Person.objects.filter(slug=member).first()
        if found_member is None:
            problems.append("There is no councillor with that name.")
    if isinstance(kinds, str):
        kinds = [kinds]
    kinds = tuple(dict.fromkeys(str(k) for k in (kinds or ()) if k not in (None, "")))
    unknown = [k for k in kinds if k not in Kind.values]
    if unknown:
        problems.append("Choose document types from the list.")
    start = end = None
    for label, value in (("The start date", date_from), ("The end date", date_to)):
        try:
            parsed = _date(value, label)
        except SearchError as e:
            problems += e.messages
            continue
        if label == "The start date":
            start = parsed
        else:
            end = parsed
    if start and end and end < start:
        problems.append("The end date must be the same as or after the start date.")
    if problems:
        raise SearchError(problems)
    return Filters(found_body, start, end, kinds, found_member)


def conditions(filters: Filters, user) -> tuple[Where, object]:
    where = Where()
    aud = audience(user)
    aud.restrict(where)
    if filters.body:
        where.add("e.body_id = %s", filters.body.pk)
    if filters.date_from:
        where.add("e.date >= %s", filters.date_from.isoformat())
    if filters.date_to:
        where.add("e.date <= %s", filters.date_to.isoformat())
    if filters.kinds:
        where.add(f"e.kind IN ({', '.join(['%s'] * len(filters.kinds))})", *filters.kinds)
    if filters.member:
        parts, params = (
            ["(e.kind = %s AND e.person_id = %s)"],
            [Kind.MEMBER.value, filters.member.pk],
        )
        for body_id, start, end in Membership.objects.filter(person=filters.member).values_list(
            "body_id", "start", "end"
        ):
            if end is None:
                parts.append("(e.body_id = %s AND e.date >= %s)")
                params += [body_id, start.isoformat()]
            else:
                parts.append("(e.body_id = %s AND e.date >= %s AND e.date <= %s)")
                params += [body_id, start.isoformat(), end.isoformat()]
        where.add(" OR ".join(parts), *params)
    return where, aud


# --- output --------------------------------------------------------------------------------


def marked(text: str) -> SafeString:
    """Escape everything, then turn the backend's marks into <mark> elements."""
    text = (text or "").replace(PAGE_BREAK, " ")
    html: str = escape(text)
    # Marks left open or unopened (a fragment cut short) must not leave an element unclosed.
    html = re.sub(f"{MARK_START}([^{MARK_START}{MARK_END}]*){MARK_END}", r"<mark>\1</mark>", html)
    return mark_safe(html.replace(MARK_START, "").replace(MARK_END, ""))


def _page_of_first_match(text: str, words: list[str]) -> int | None:
    """The page (from 1) of a PDF's text on which a searched-for word first appears."""
    if PAGE_BREAK not in text or not words:
        return None
    stems = [re.escape(w[: max(3, len(w) - 2)]) for w in words]
    found = re.search(r"(?<!\w)(" + "|".join(stems) + ")", text, flags=re.IGNORECASE)
    if not found:
        return None
    return text.count(PAGE_BREAK, 0, found.start()) + 1


def _hits(rows, user, aud, parsed) -> list[Hit]:
    entries = {
        e.pk: e
        for e in Entry.objects.filter(pk__in=[r.id for r in rows])
        .select_related("meeting__body")
        .defer("text")
    }
    pdf_text = dict(
        Entry.objects.filter(pk__in=[pk for pk, e in entries.items() if e.pdf_url]).values_list(
            "pk", "text"
        )
    )
    hits = []
    for row in rows:
        e = entries.get(row.id)
        if e is None or not may_see_row(user, aud, e):
            continue
        page = _page_of_first_match(pdf_text.get(e.pk, ""), parsed.words) if e.pdf_url else None
        url = e.url
        if e.pdf_url:
            url = e.pdf_url + (f"#page={page}" if page else "")
        hits.append(
            Hit(
                kind=e.kind,
                kind_label=e.get_kind_display(),
                title=e.title,
                title_html=marked(row.title or e.title),
                snippet_html=marked(clean_snippet(row.snippet)),
                url=url,
                page_url=e.url,
                page=page,
                meeting_title=str(e.meeting) if e.meeting_id else "",
                body_name=e.meeting.body.name if e.meeting is not None else "",
                date=e.date,
                exempt=e.exempt,
                exempt_paragraph=e.exempt_paragraph,
                rank=float(row.rank),
            )
        )
    return hits


def search(
    query,
    user=None,
    *,
    body=None,
    date_from=None,
    date_to=None,
    kinds=(),
    member=None,
    page=1,
    page_size=20,
) -> SearchResult:
    """Ranked results for ``query`` that ``user`` may see; see the module's docstring."""
    page = _int(page, "The page", 1, MAX_PAGE)
    page_size = _int(page_size, "The page size", 1, MAX_PAGE_SIZE)
    filters = make_filters(body, date_from, date_to, kinds, member)
    parsed = query_parser.parse(query)
    result = SearchResult(
        query=parsed.text, page=page, page_size=page_size, filters=filters, notes=list(parsed.notes)
    )
    if parsed.is_empty:
        return result
    where, aud = conditions(filters, user)
    most = max(COUNT_LIMIT, (page + PAGES_AHEAD) * page_size)
    total, rows = backend().search(parsed, where, (page - 1) * page_size, page_size, most)
    result.total, result.more = min(total, most), total > most
    if rows:
        result.hits = _hits(rows, user, aud, parsed)
    return result
