"""The filters of the decisions register and the voting record, read from the query string.

Every value is checked here and a problem becomes a plain message for the GOV.UK error
summary (the page then answers 400, never 500): an unknown body, a date that is not a real
date or a range the wrong way round, a page that is not a whole number, a filter repeated or
one the page does not have. Dates are entered as day, month and year (the GOV.UK date input).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import QueryDict

from council.models import Body, BodyKind
from proceedings.models import MinutesStatus

FIRST_YEAR, LAST_YEAR = 1900, 2200  # beyond these a year is a typo
MAX_TEXT = 200
DATE_PARTS = ("day", "month", "year")
STATUSES = [
    (MinutesStatus.PUBLISHED_DRAFT.value, "Published as a draft (not yet confirmed)"),
    (MinutesStatus.APPROVED.value, "Approved as a correct record"),
    (MinutesStatus.SIGNED.value, "Signed by the chair"),
]
IGNORED_PREFIXES = ("utm_",)  # campaign tags added by mail and social sites


@dataclass
class Problem:
    anchor: str  # the id of the control the error summary links to
    message: str


@dataclass
class Filters:
    body: Body | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""
    status: str = ""
    delegated: bool = False
    page: int = 1
    raw: dict[str, str] = field(default_factory=dict)  # as typed, to show in the form again
    problems: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems

    def error(self, anchor_prefix: str) -> str:
        """The message for the control whose id starts with ``anchor_prefix`` ("" if none)."""
        for p in self.problems:
            if p.anchor == anchor_prefix or p.anchor.startswith(anchor_prefix + "-"):
                return p.message
        return ""

    @property
    def errors(self) -> dict[str, str]:
        return {
            name: self.error(name)
            for name in ("body", "from", "to", "text", "status", "delegated", "page", "filters")
        }

    @property
    def active(self) -> bool:
        return bool(
            self.body
            or self.date_from
            or self.date_to
            or self.text
            or self.status
            or self.delegated
        )

    @property
    def values(self) -> dict[str, str]:
        """The values as typed, keyed for templates ("from-day" is ``from_day``)."""
        return {k.replace("-", "_"): v for k, v in self.raw.items()}

    @property
    def summary(self) -> str:
        """The filters in force in words, for the page's title (so that no two filtered
        pages share one): "Cabinet, from 1 January 2017, containing “budget”"."""

        def day(d: dt.date) -> str:
            return f"{d.day} {d:%B %Y}"

        parts = [self.body.name] if self.body else []
        if self.date_from:
            parts.append(f"from {day(self.date_from)}")
        if self.date_to:
            parts.append(f"to {day(self.date_to)}")
        if self.text:
            parts.append(f"containing “{self.text}”")
        if self.status:
            parts.append(dict(STATUSES).get(self.status, self.status).lower())
        if self.delegated:
            parts.append("delegated decisions only")
        return ", ".join(parts)

    def query(self, **changes) -> str:
        """The query string of these filters (without the page unless given), for links."""
        params = {k: v for k, v in self.raw.items() if v and k != "page"}
        params.update({k: str(v) for k, v in changes.items() if v})
        return urlencode(params)


def bodies() -> list[Body]:
    """The bodies a register can be filtered by: every council body (not outside bodies)."""
    return list(Body.objects.exclude(kind=BodyKind.OUTSIDE_BODY).order_by("name"))


def _date(params: QueryDict, name: str, label: str, filters: Filters) -> dt.date | None:
    parts = {p: params.get(f"{name}-{p}", "").strip() for p in DATE_PARTS}
    for p, v in parts.items():
        filters.raw[f"{name}-{p}"] = v
    if not any(parts.values()):
        return None
    missing = [p for p in DATE_PARTS if not parts[p]]
    if missing:
        filters.problems.append(
            Problem(f"{name}-{missing[0]}", f"{label} must include a {' and a '.join(missing)}")
        )
        return None
    try:
        day, month, year = (int(parts[p]) for p in DATE_PARTS)
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValueError
        return dt.date(year, month, day)
    except ValueError:
        filters.problems.append(
            Problem(f"{name}-day", f"{label} must be a real date, for example 22 10 2015")
        )
        return None


def parse(params: QueryDict, *, allowed: set[str], choices: list[Body]) -> Filters:
    """Read the filters a page allows (``allowed`` of body, from, to, text, status,
    delegated, page) from ``params``; problems are collected, never raised."""
    f = Filters()
    names = set()
    for name in allowed:
        names |= {f"{name}-{p}" for p in DATE_PARTS} if name in ("from", "to") else {name}
    for key in params:
        if key.startswith(IGNORED_PREFIXES):
            continue
        if key not in names:
            f.problems.append(
                Problem(
                    "filters", f"“{key[:40]}” is not a filter on this page. Use the form to filter."
                )
            )
        elif any("\x00" in v for v in params.getlist(key)):
            f.problems.append(
                Problem(
                    key if key in ("body", "text", "status") else "filters",
                    f"“{key}” has a character that cannot be searched for.",
                )
            )
        elif len(params.getlist(key)) > 1:
            f.problems.append(
                Problem("filters", f"“{key}” is given more than once. Give each filter once.")
            )
    if "body" in allowed:
        slug = params.get("body", "").strip()
        f.raw["body"] = slug
        if slug:
            f.body = next((b for b in choices if b.slug == slug), None)
            if f.body is None:
                f.problems.append(
                    Problem("body", "There is no body by that name. Choose a body from the list.")
                )
    if "from" in allowed:
        f.date_from = _date(params, "from", "Date from", f)
    if "to" in allowed:
        f.date_to = _date(params, "to", "Date to", f)
    if f.date_from and f.date_to and f.date_to < f.date_from:
        f.problems.append(Problem("to-day", "Date to must be the same as or after date from"))
    if "text" in allowed:
        f.text = f.raw["text"] = params.get("text", "").replace("\x00", "").strip()
        if len(f.text) > MAX_TEXT:
            f.problems.append(
                Problem("text", f"Words to find must be {MAX_TEXT} characters or fewer")
            )
            f.raw["text"] = f.text = f.text[:MAX_TEXT]
    if "status" in allowed:
        f.status = f.raw["status"] = params.get("status", "").strip()
        if f.status and f.status not in dict(STATUSES):
            f.problems.append(Problem("status", "Choose a state of the minutes from the list"))
            f.status = f.raw["status"] = ""
    if "delegated" in allowed:
        value = params.get("delegated", "").strip()
        if value not in ("", "yes"):
            f.problems.append(
                Problem("delegated", "Tick the box for delegated decisions only, or leave it clear")
            )
        f.delegated = value == "yes"
        f.raw["delegated"] = "yes" if f.delegated else ""
    page = params.get("page", "").strip()
    f.raw["page"] = page
    if page:
        if page.isdigit() and 0 < int(page) < 100_000:
            f.page = int(page)
        else:
            f.problems.append(Problem("page", "The page must be a whole number, 1 or more"))
    return f
