"""The demo's agenda pack of the P&R Cabinet Committee, 15 September 2017, read back from the PDF.

The seed's ranges were 7-12, 13-16, 17-30, 31-36, 37-64, 65-98, 99-112, 113-144, 145-148,
149-152 and 153-170 (004:53–78). The demo's differ (its front sheet, typography and item 14
are its own) but follow the same rule: contiguous, each starting on an odd page and ending on
an even one, and each where its papers really are.

One test builds both packs (about 140 pages; the members' pack reuses the public pack's
renderings): building is the slow part.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest

from demo.kent.papers.company_governance import EXEMPT_PHRASE
from meetings.models import Meeting
from moot import pdf_text
from papers.pack.build import build_pack

pytestmark = pytest.mark.django_db


def pages_text(pdf: bytes) -> list[str]:
    return [flat(page) for page in pdf_text.pages(pdf)]


def flat(text: str) -> str:
    """Text with its white space folded and words broken at a hyphen across lines joined."""
    return re.sub(r"(?<=\w)- (?=\w)", "-", " ".join(unicodedata.normalize("NFKC", text).split()))


def test_the_public_and_members_packs_of_15_september_2017(settings, tmp_path):
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path  # the render cache goes there
    meeting = Meeting.objects.get(
        body__name="Policy and Resources Cabinet Committee", date=dt.date(2017, 9, 15)
    )
    items = {i.pk: i for i in meeting.items.all()}
    exempt = next(i for i in items.values() if i.number == "14")

    public = build_pack(meeting)
    text = pages_text(public.pdf)
    assert len(text) == public.page_count
    # Every item with papers has a range; together they are contiguous, odd to even.
    numbers = sorted((items[pk].number for pk in public.item_pages), key=int)
    assert numbers == [str(n) for n in range(4, 15)]
    spans = sorted(public.item_pages.values())
    assert spans[0][0] in (public.layout.front_pages + 1, public.layout.front_pages + 2)
    assert all(first % 2 == 1 and last % 2 == 0 for first, last in spans)
    assert all(b[0] == a[1] + 1 for a, b in zip(spans, spans[1:], strict=False))
    assert spans[-1][1] == public.labels[-1]
    # The front sheet prints each range, and each range is where the item's papers are.
    front = " ".join(text[: public.layout.front_pages])
    # Dated the day the agenda was dispatched (publishing/state.py dispatch_date), as on the
    # seed's front sheet (004:86), not the day the pack happens to be built.
    assert "Thursday, 7 September 2017" in front
    for pk, (first, last) in public.item_pages.items():
        assert f"{flat(items[pk].title)} (Pages {first} - {last})" in front
    for paper, placed in zip(public.papers, public.layout.papers, strict=True):
        first, last = public.item_pages[paper.item.pk]
        assert first <= placed.first <= placed.last <= last
        opening = text[public.labels.index(placed.first)]
        if paper.restricted:
            assert "Document is Restricted" in opening
        else:
            assert flat(paper.document.title) in opening, paper.document.title
    first, last = public.item_pages[exempt.pk]
    assert "Document is Restricted" in text[public.labels.index(first)]
    # The exempt paper's text is nowhere in the public pack.
    assert EXEMPT_PHRASE not in " ".join(text) and "Exempt demo text" not in " ".join(text)
    assert EXEMPT_PHRASE.encode() not in public.pdf and b"Exempt demo text" not in public.pdf
    assert "NOT FOR PUBLICATION" not in " ".join(text)

    members = build_pack(meeting, members=True)
    assert members.item_pages == public.item_pages  # one agenda for both packs
    text = pages_text(members.pdf)
    exempt_pages = range(first, last + 1)
    assert EXEMPT_PHRASE in " ".join(text[n - 1] for n in exempt_pages)
    for n, page in enumerate(text, start=1):
        assert ("NOT FOR PUBLICATION" in page) == (n in exempt_pages), f"page {n}"
        assert (EXEMPT_PHRASE in page) <= (n in exempt_pages)
