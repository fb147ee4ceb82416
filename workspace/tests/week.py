"""What the officer's week (``test_officer_week``) is measured with: the counter of page loads
and form submissions, the week's dates, accounts and files.

A *page load* is a document the browser shows: a main-frame navigation, counted once however
many redirects it follows (a form posted and redirected is one page load). A *form
submission* is a POST the officer makes: by a navigation (a plain form) or by htmx (a part of
the page updated). The report editor's autosave (a ``fetch`` every few seconds while typing)
is counted apart: the officer does nothing to make it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter as Tally
from dataclasses import dataclass, field

from django.conf import settings
from django.test import Client

from moot import testing as t
from papers import testing as made

LOADS, POPUPS, POSTS, HTMX_POSTS, HTMX_GETS, AUTOSAVES, LOOKUPS = KINDS = (
    "page loads",
    "of which look-up windows",
    "forms posted by a page",
    "forms posted by htmx",
    "parts loaded by htmx",
    "autosaves",
    "autocomplete look-ups",
)


@dataclass
class Counter:
    """Counts, per phase of the week and per account, what the browser was asked to do."""

    phase: str = ""
    tally: Tally = field(default_factory=Tally)
    order: list[str] = field(default_factory=list)

    def watch(self, context, who: str) -> None:
        context.on("request", lambda request: self._request(request, who))

    def start(self, phase: str) -> None:
        self.phase = phase
        self.order.append(phase)

    def _request(self, request, who: str) -> None:
        key = None
        if request.is_navigation_request():
            if request.frame.parent_frame is None and request.redirected_from is None:
                self.tally[(self.phase, who, LOADS)] += 1
                key = POSTS if request.method == "POST" else None
        elif request.headers.get("hx-request") == "true":
            key = HTMX_POSTS if request.method == "POST" else HTMX_GETS
        elif request.resource_type == "fetch" and request.method == "POST":
            key = AUTOSAVES
        if key:
            self.tally[(self.phase, who, key)] += 1

    def total(self, what: str, who: str | None = None) -> int:
        return sum(n for (_, w, k), n in self.tally.items() if k == what and who in (None, w))

    def table(self) -> str:
        """The figures by phase, as a Markdown table (the kinds counted at all)."""
        kinds = [kind for kind in KINDS if kind == LOADS or self.total(kind)]
        lines = ["| phase | " + " | ".join(kinds) + " |", "|---" * (len(kinds) + 1) + "|"]
        for phase in self.order:
            counts = [
                sum(n for (p, _, k), n in self.tally.items() if p == phase and k == kind)
                for kind in kinds
            ]
            lines.append(f"| {phase} | " + " | ".join(str(n) for n in counts) + " |")
        totals = [str(self.total(kind)) for kind in kinds]
        lines.append("| **the week** | " + " | ".join(f"**{n}**" for n in totals) + " |")
        return "\n".join(lines)


def week_start(today: dt.date) -> dt.date:
    """The day the week starts: 1 June of next year. Publication times are real, so the
    meeting's deadline must be ahead of the real date for the agenda to be on time; the
    authority's "today" (``Authority.as_at``) is set to it, and moved on once the meeting has
    been held."""
    return dt.date(today.year + 1, 6, 1)


@dataclass
class Desk:
    """One account's browser: its context, its page and any warning it was given."""

    context: object
    page: object
    warned: list[str]


def sign_in(browser, live_server, user, counter: Counter, who: str) -> Desk:
    """A browser context (one per account) with the session of ``user``, signed in with both
    factors (signing in is not part of the week), its requests counted as ``who``'s."""
    client = t.verified_login(Client(), user)
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    name = settings.SESSION_COOKIE_NAME
    context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )
    context.set_default_timeout(10_000)
    counter.watch(context, who)
    page = context.new_page()
    # A warning before leaving a form with unsaved changes would mean the week lost something
    # typed: none is expected (the test asserts so), and the page stays where it is.
    warned: list[str] = []
    page.on("dialog", lambda dialog: (warned.append(dialog.type), dialog.dismiss()))
    return Desk(context, page, warned)


@dataclass
class Sitting:
    """Who sat at the meeting: the committee's members on the day, the first in the chair,
    the fourth and the eighth with apologies, the eighth replaced by ``substitute``; and,
    once it is taken, the recorded vote's choices by name."""

    members: list
    substitute: object = None
    votes: dict[str, str] = field(default_factory=dict)
    action_owner: object = None  # the officer who owns the action

    @property
    def chair(self):
        return self.members[0]

    @property
    def away(self):
        return self.members[3]

    @property
    def replaced(self):
        return self.members[7]

    @property
    def present(self) -> list:
        """Those who may move, second and vote: the members there and the substitute."""
        there = [p for p in self.members if p not in (self.away, self.replaced)]
        return [*there, self.substitute]

    @property
    def declaring(self):
        return self.present[4]


BODY = "Policy and Resources Cabinet Committee"
REPORT = "Treasury Management Strategy 2028-29"
LATE = "Office accommodation in Maidstone"


def late_report_docx(meeting_date: dt.date) -> bytes:
    """The late paper: a report made from the council's Word template, its header at the top
    (the seeds' reports: By, To, Subject, Classification …, requirements-from-seeds §2)."""
    return made.word_document(
        "By: Roger Gough, Leader of the Council",
        "Rebecca Spore, Director of Infrastructure",
        f"To: {BODY} – {meeting_date:%-d %B %Y}",
        f"Subject: {LATE}",
        "Classification: Unrestricted",
        "Summary: The report sets out the options for the council's offices in Maidstone.",
        "Recommendations:",
        ("List Number", "NOTE the options for the offices;"),
        ("List Number", "ENDORSE the move to Sessions House."),
        "Background documents: None",
        ("Heading 1", "1. Introduction"),
        "1.1 The council's offices in Maidstone are under review.",
    )


def pdf_appendix() -> bytes:
    return made.pdf(2, "Prudential indicators")


def exempt_appendix_docx() -> bytes:
    return made.word_document(
        ("Heading 1", "Counterparty limits"), "The limits agreed with each bank are set out here."
    )


def upload(name: str, data: bytes) -> dict:
    kinds = {
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }
    return {"name": name, "mimeType": kinds[name.rsplit(".", 1)[1]], "buffer": data}
