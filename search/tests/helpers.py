"""What the search tests share: the demo's SIRO report and a phrase from it, its meeting, and
reading results (their titles, the words a snippet marks)."""

import re

from meetings.models import Meeting
from summons.testing import PR, SEPT_15

PHRASE = "advocate for good practice in Information Governance"  # the SIRO report, item 11
SIRO = "SENIOR INFORMATION RISK OWNER UPDATE"


def pr_meeting() -> Meeting:
    return Meeting.objects.get(body__name=PR, date=SEPT_15)


def marked(word: str, html: str) -> bool:
    """``word`` inside a <mark> (SQLite marks a phrase as one, PostgreSQL word by word)."""
    return re.search(f"<mark>[^<]*{word}[^<]*</mark>", html) is not None


def titles(result) -> list[str]:
    return [h.title for h in result.hits]
