"""Exempt minutes never leak: the canary is planted in an exempt minute's title, text and
resolution, a motion and vote on the exempt item, a declaration on it and a correction made
to it on approval. Every public surface of the minutes (the page, the PDF's bytes and text,
the versions list, every version, the exempt page's refusal, the meeting page and every link
from them under the meeting's address) is fetched signed out and as a councillor who does
not sit on the body: the canary appears nowhere. A member of the body does see it."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from summons.testing import CANARY

from .test_minutes_views import (  # noqa: F401
    SUMMARY,
    approved,
    clients,
    minuted,
    private_root,
    published,
    url,
)


def body_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/pdf"):
        assert CANARY.encode() not in content
        return " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(content)).pages)
    return content.decode("utf-8", errors="replace")


def crawl(client, meeting) -> dict[str, str]:
    """Every page and file under the meeting's address reachable from its pages."""
    prefix = f"/meetings/{meeting.pk}/"
    queue = [
        meeting.get_absolute_url(),
        url(meeting),
        url(meeting, "minutes.pdf"),
        url(meeting, "minutes/versions/"),
        url(meeting, "minutes/exempt/"),
        url(meeting, "minutes/exempt.pdf"),
        f"/meetings/{meeting.pk}/minutes/",
    ]
    seen: dict[str, str] = {}
    while queue:
        address = queue.pop()
        if address in seen:
            continue
        response = client.get(address, follow=True)
        seen[address] = body_of(response) + f" [{response.status_code}]"
        for href in re.findall(r'href="([^"#?]+)', seen[address]):
            if href.startswith(prefix) and href not in seen:
                queue.append(href)
    return seen


@pytest.mark.parametrize("who", ["anonymous", "councillor"])
def test_the_canary_is_on_no_public_surface(approved, clients, who):  # noqa: F811
    pages = crawl(getattr(clients, who), approved.meeting)
    assert url(approved.meeting, "minutes/versions/2/") in pages  # the crawl reached versions
    assert any(SUMMARY in text for text in pages.values())  # the public summary is public
    for address, text in pages.items():
        assert CANARY not in text, address


def test_positive_control_a_member_sees_the_exempt_minutes(approved, clients):  # noqa: F811
    response = clients.member.get(url(approved.meeting, "minutes/exempt/"))
    text = response.content.decode()
    assert response.status_code == 200
    assert f"Contract award {CANARY}" in text
    assert f"The bid of {CANARY} was accepted unanimously." in text
    assert f"the contract be awarded to {CANARY}." in text
    assert "Her brother works for the bidder" in text
    # The exempt snapshot of the approved version holds it too, and is never served publicly.
    from proceedings.models import MinutesVersion

    version = MinutesVersion.objects.get(record__meeting=approved.meeting, number=2)
    assert CANARY in version.exempt_html and CANARY not in version.public_html
