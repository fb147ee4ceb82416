"""The agenda pack, proved by reading the built PDF back."""

import io
import re

import pytest

from audit.testing import TEST_ACTOR
from meetings.models import Part
from moot import pdf_text
from moot import testing as t
from papers import services
from papers import testing as files
from papers.models import Classification, Document, DocumentKind, Report
from papers.pack.build import build_pack

pytestmark = pytest.mark.django_db
CANARY = "CANARY-7f3a-exempt-text"


def long_html(title: str, paragraphs: int) -> str:
    return f"<h2>{title}</h2>" + "".join(
        f"<p>{title} paragraph {n}. " + "Text " * 120 + "</p>" for n in range(paragraphs)
    )


@pytest.fixture
def meeting(settings, tmp_path):
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path
    m = t.meeting(t.body("Policy Test Committee", seats=5))
    t.item(m, "1", "Apologies and Substitutes", kind="apologies")
    minutes = t.item(m, "2", "Minutes of the last meeting", purpose="To approve the minutes.")
    report = t.item(m, "3", "Contract Management")
    uploaded = t.item(m, "4", "Financial Monitoring")
    exempt = t.item(
        m,
        "5",
        "Company Governance",
        part=Part.EXEMPT,
        exempt_paragraph=3,
        purpose=f"To receive {CANARY} purpose",
    )

    def paper(
        item,
        title,
        html=None,
        pdf=None,
        classification=Classification.UNRESTRICTED,
        paragraph=None,
        parent=None,
        label="",
    ):
        doc = services.save_document(
            Document(
                title=title,
                classification=classification,
                exempt_paragraph=paragraph,
                parent=parent,
                label=label,
                kind=DocumentKind.APPENDIX if parent else DocumentKind.REPORT,
            ),
            actor=TEST_ACTOR,
        )
        services.add_version(doc, html=html, actor=TEST_ACTOR) if html else services.add_version(
            doc, upload=pdf, filename=f"{title}.pdf", actor=TEST_ACTOR
        )
        if parent is None:
            services.attach(item, doc, actor=TEST_ACTOR)
        return doc

    paper(minutes, "Minutes", html=long_html("Minutes", 3))
    main = paper(report, "Contract Management Report", html=long_html("Contract", 14))
    Report.objects.create(document=main, no_background_documents=True, summary="Summary text")
    paper(
        report,
        "Exempt appendix",
        html=f"<p>{CANARY} appendix</p>",
        parent=main,
        classification=Classification.EXEMPT,
        paragraph=3,
        label="Appendix A",
    )
    paper(uploaded, "Budget monitoring", pdf=files.pdf(3, "Budget table"))
    paper(
        exempt,
        "Company Governance",
        html=f"<p>{CANARY} company</p>" * 40,
        classification=Classification.EXEMPT,
        paragraph=3,
    )
    return m


def pages_text(pdf: bytes) -> list[str]:
    return pdf_text.pages(pdf)


def test_public_pack_structure(meeting):
    pack = build_pack(meeting)
    text = pages_text(pack.pdf)
    assert len(text) == pack.page_count and pack.page_count % 2 == 0
    for n, page in zip(pack.labels, text, strict=True):
        assert f"Page {n}" in page, f"page {n} is not numbered"
    # Each agenda range printed on the front sheet is where the item's papers really are.
    front = " ".join(text[: pack.layout.front_pages])
    for item in meeting.items.all():
        first, last = pack.item_pages.get(item.pk, (None, None))
        if first is None:
            assert not re.search(rf"{item.title}\s*\(Pages", front)
            continue
        assert f"{item.title} (Pages {first} - {last})" in front.replace("\n", " ")
        assert first % 2 == 1
    for paper, placed in zip(pack.papers, pack.layout.papers, strict=True):
        opening = text[pack.labels.index(placed.first)]
        if paper.restricted:
            assert "Document is Restricted" in opening
        elif paper.version.source_kind == "pdf":
            assert "Budget table, sheet 1" in opening  # the uploaded file's own first page
        else:
            assert paper.document.title in opening
    for blank in pack.layout.blanks:
        if blank in pack.labels:
            assert "This page is intentionally left blank" in text[pack.labels.index(blank)]
    # The three-page uploaded PDF is followed by a blank page.
    budget = next(
        pl
        for p, pl in zip(pack.papers, pack.layout.papers, strict=True)
        if p.document.title == "Budget monitoring"
    )
    assert budget.last - budget.first == 2 and budget.last + 1 in pack.layout.blanks
    assert CANARY not in "".join(text)
    assert CANARY.encode() not in pack.pdf


def test_public_pack_hides_exempt_papers_but_keeps_their_ranges(meeting):
    public, members = build_pack(meeting), build_pack(meeting, members=True)
    # One agenda for both: the public pack prints the members' pack ranges.
    assert public.item_pages == members.item_pages
    exempt_item = meeting.items.get(number="5")
    first, last = public.item_pages[exempt_item.pk]
    assert last - first >= 1 and first % 2 == 1 and last % 2 == 0
    text = pages_text(public.pdf)
    # The exempt paper is one restricted page and one blank page, numbered first and last.
    at = public.labels.index(first)
    assert "Document is Restricted" in text[at] and f"Page {first}" in text[at]
    assert f"Page {last}" in text[at + 1] and "intentionally left blank" in text[at + 1]
    assert at % 2 == 0, "it starts on a physical odd page"
    assert len(text) == members.page_count - (last - first + 1) + 2
    front = " ".join(text[: public.layout.front_pages]).replace("\n", " ")
    assert "paragraph 3 of Part 1 of Schedule 12A" in front
    assert f"Company Governance (Pages {first} - {last})" in front


def test_members_pack_marks_every_exempt_page(meeting):
    pack = build_pack(meeting, members=True)
    text = pages_text(pack.pdf)
    exempt_pages = [pl for p, pl in zip(pack.papers, pack.layout.papers, strict=True) if p.marking]
    assert len(exempt_pages) == 2
    for placed in exempt_pages:
        for n in range(placed.first, placed.last + 1):
            assert "NOT FOR PUBLICATION" in text[n - 1]
            assert "paragraph 3" in text[n - 1]
    assert CANARY in "".join(text)
    public_pages = set(range(1, pack.page_count + 1)) - {
        n for pl in exempt_pages for n in range(pl.first, pl.last + 1)
    }
    assert all("NOT FOR PUBLICATION" not in text[n - 1] for n in public_pages)


def test_pack_is_tagged_titled_and_has_an_outline_entry_per_item(meeting):
    import pikepdf

    pack = build_pack(meeting)
    with pikepdf.open(io.BytesIO(pack.pdf)) as pdf:
        assert pdf.Root.MarkInfo.Marked
        assert "/StructTreeRoot" in pdf.Root
        assert str(pdf.Root.Lang) == "en-GB"
        assert "Policy Test Committee" in str(pdf.docinfo["/Title"])
        with pdf.open_outline() as outline:
            titles = []

            def walk(items):
                for item in items:
                    titles.append(item.title)
                    walk(item.children)

            walk(outline.root)
    for item in meeting.items.all():
        assert f"{item.number} {item.title}" in titles


def test_rebuild_renders_only_what_changed(meeting):
    first = build_pack(meeting)
    assert first.rendered == 4  # exempt papers are rendered too, only to count their pages
    again = build_pack(meeting)
    assert again.rendered == 0
    doc = Document.objects.get(title="Minutes")
    services.add_version(doc, html=long_html("Minutes revised", 3), actor=TEST_ACTOR)
    changed = build_pack(meeting)
    assert changed.rendered == 1


def test_paper_files_packs_and_the_render_cache_are_outside_the_public_media(meeting, settings):
    from pathlib import Path

    from papers.models import AgendaPack, DocumentVersion
    from papers.pack.render import CACHE
    from papers.packs import request_pack, run_pack

    media = Path(settings.PRIVATE_ROOT) / "public-media"
    settings.MEDIA_ROOT = str(media)
    pack = run_pack(
        request_pack(meeting, "members", enqueue=False, actor=TEST_ACTOR).pk, actor=TEST_ACTOR
    )
    files = [
        Path(v.source_file.path)
        for v in DocumentVersion.objects.filter(
            document__attachments__item__meeting=meeting
        ).exclude(source_file="")
    ]
    files.append(Path(pack.file.path))
    assert len(files) >= 2 and all(f.exists() for f in files)
    cache_dir = Path(settings.PRIVATE_ROOT) / CACHE
    assert cache_dir.exists() and list(cache_dir.glob("*.pdf"))
    assert not list(cache_dir.glob(".part-*"))  # each written whole, then moved into place
    for path in [*files, cache_dir]:
        assert not path.is_relative_to(media), path
        assert path.is_relative_to(Path(settings.PRIVATE_ROOT))
    assert AgendaPack._meta.get_field("file").storage.location == str(settings.PRIVATE_ROOT)
