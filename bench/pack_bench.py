"""Agenda pack build against its floor (docs/benchmarks.md, "Agenda pack build").

A synthetic meeting shaped like the Policy and Resources Cabinet Committee of 15 September
2017: 14 items, about 170 pages, HTML reports and uploaded PDFs of 2 to 34 pages, one exempt.

- a: cold build of the public pack;  a0: render each HTML paper once with WeasyPrint, one
  after another, plus concatenating all the PDFs with pikepdf.
- b: rebuild after one 10-page report changed;  b0: render that report alone plus the
  concatenation.
- peak memory (RSS) of the process doing the cold build, and of its rendering workers.
"""

from __future__ import annotations

import io
import os
import resource
import statistics
import sys
import tempfile
import time
from multiprocessing import get_context
from pathlib import Path

from audit.actors import SystemActor

BENCH = SystemActor("moot bench")
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
# (title, kind, pages-ish) in the shape of the 15 September 2017 pack.
SHAPE = [
    ("Introduction/Webcast announcement", None, 0),
    ("Apologies and Substitutes", None, 0),
    ("Declarations of Interest", None, 0),
    ("Minutes of the meeting held on 16 June 2017", "html", 6),
    ("Minutes of the Property Sub-Committee", "html", 4),
    ("Directorate Dashboard", "pdf", 14),
    ("Financial Monitoring 2017-18", "html", 6),
    ("Contract Management", "pdf", 34),
    ("Corporate Assurance Analysis", "pdf", 34),
    ("Policy Framework", "html", 10),
    ("Customer Feedback Policy", "pdf", 32),
    ("Senior Information Risk Owner - Update", "html", 4),
    ("Work Programme 2017/18", "pdf", 2),
    ("Company Governance", "exempt", 18),
]


def setup_django(data_dir: str) -> None:
    os.environ["MOOT_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "moot.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def paragraphs() -> list[str]:
    """Real committee prose from the seed packs where available, else plain filler."""
    texts = []
    for path in sorted(SEEDS.glob("*.txt")):
        for para in path.read_text(encoding="utf-8").split("\n\n"):
            para = " ".join(para.split())
            if len(para) > 200 and "<" not in para and "|" not in para:
                texts.append(para)
    return texts or [
        "The Committee considered the report and the officers answered questions. " * 6
    ]


def html_of_pages(title: str, pages: int, paras: list[str], offset: int) -> str:
    """About ``pages`` A4 pages of headings, prose and a table."""
    chunks, n = ["<h2>1. Introduction</h2>"], offset
    for section in range(pages * 5):  # about five blocks fill an A4 page with the print CSS
        chunks.append(f"<p>{paras[n % len(paras)]}</p>")
        n += 1
        if section % 6 == 5:
            rows = "".join(
                f"<tr><td>Line {r}</td><td>{r * 1234:,}</td><td>{r * 7 % 100}%</td></tr>"
                for r in range(1, 9)
            )
            chunks.append(
                f"<table><caption>{title}: table {section}</caption><thead><tr>"
                f"<th scope='col'>Line</th><th scope='col'>£000</th><th scope='col'>Share</th>"
                f"</tr></thead><tbody>{rows}</tbody></table><h2>{section + 2}. Analysis</h2>"
            )
    return "".join(chunks)


def make_meeting():
    import datetime as dt

    from meetings.models import Part
    from moot import testing as t
    from papers import services
    from papers import testing as files
    from papers.models import Classification, Document, Report

    paras = paragraphs()
    m = t.meeting(t.body("Benchmark Cabinet Committee", seats=15), date=dt.date(2030, 9, 13))
    ten_page_doc = None
    for n, (title, kind, pages) in enumerate(SHAPE, start=1):
        exempt = kind == "exempt"
        item = t.item(
            m,
            str(n),
            title,
            part=Part.EXEMPT if exempt else Part.PUBLIC,
            exempt_paragraph=3 if exempt else None,
        )
        if kind is None:
            continue
        doc = services.save_document(
            Document(
                title=title,
                classification=Classification.EXEMPT if exempt else Classification.UNRESTRICTED,
                exempt_paragraph=3 if exempt else None,
            ),
            actor=BENCH,
        )
        if kind == "pdf":
            services.add_version(
                doc, upload=files.pdf(pages, title), filename=f"{title}.pdf", actor=BENCH
            )
        else:
            services.add_version(doc, html=html_of_pages(title, pages, paras, n * 17), actor=BENCH)
        Report.objects.create(document=doc, no_background_documents=True)
        services.attach(item, doc, actor=BENCH)
        if kind == "html" and pages == 10:
            ten_page_doc = doc
    return m, ten_page_doc


def floor(meeting, only=None) -> float:
    """Render the HTML papers (all, or only ``only``) one after another, then concatenate all."""
    import pikepdf

    from papers.pack.build import collect, paper_html
    from papers.pack.render import render_html

    start = time.perf_counter()
    pdfs = []
    for paper in collect(meeting, members=True):
        if paper.version.source_kind == "pdf":
            pdfs.append(paper.version.source_file.open("rb").read())
        elif only is None or paper.document.pk == only.pk:
            pdfs.append(render_html(paper_html(paper, meeting)))
    out = pikepdf.new()
    opened = [pikepdf.open(io.BytesIO(b)) for b in pdfs]
    for src in opened:
        out.pages.extend(src.pages)
    out.save(io.BytesIO())
    return time.perf_counter() - start


def clear_cache() -> None:
    from papers.pack.render import clear_cache as clear

    clear()


def timed_build(meeting) -> tuple[float, object]:
    from papers.pack.build import build_pack

    start = time.perf_counter()
    pack = build_pack(meeting)
    return time.perf_counter() - start, pack


def _cold_build_child(data_dir: str, meeting_id: int, queue) -> None:
    setup_django(data_dir)
    from meetings.models import Meeting

    clear_cache()
    seconds, pack = timed_build(Meeting.objects.get(pk=meeting_id))
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    queue.put((seconds, pack.page_count, self_kb, children_kb))


def main(repeats: int = 3) -> None:
    data_dir = tempfile.mkdtemp(prefix="moot-bench-")
    setup_django(data_dir)
    from papers import services

    meeting, ten = make_meeting()
    a, a0, b, b0 = [], [], [], []
    for r in range(repeats):
        clear_cache()
        a0.append(floor(meeting))
        clear_cache()
        seconds, pack = timed_build(meeting)
        a.append(seconds)
        b0.append(floor(meeting, only=ten))
        services.add_version(
            ten, html=ten.current_version().html + f"<p>Revision {r}.</p>", actor=BENCH
        )
        seconds, rebuilt = timed_build(meeting)
        b.append(seconds)
        assert rebuilt.rendered == 1, rebuilt.rendered
    ctx = get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_cold_build_child, args=(data_dir, meeting.pk, queue))
    child.start()
    seconds, pages, self_kb, children_kb = queue.get()
    child.join()
    from papers.pack.build import build_pack

    shape = ", ".join(f"{p.document.title[:18]}={p.pages}" for p in build_pack(meeting).papers)
    med = statistics.median
    print(
        f"pack benchmark: {pages} pages, {len(SHAPE)} items, {os.cpu_count()} cores, "
        f"{repeats} runs (medians)"
    )
    print(f"  papers (pages): {shape}")
    print(f"  a  cold build of the public pack      {med(a):7.2f} s")
    print(
        f"  a0 floor: render HTML papers + concat {med(a0):7.2f} s   a/a0 = {med(a) / med(a0):.2f}"
        "  (goal <= 1.2)"
    )
    print(f"  b  rebuild after one 10-page change   {med(b):7.2f} s")
    print(
        f"  b0 floor: render it alone + concat    {med(b0):7.2f} s   b/b0 = {med(b) / med(b0):.2f}"
        "  (goal <= 1.5)"
    )
    print(
        f"  peak memory: build process {self_kb / 1024:.0f} MB, largest render worker "
        f"{children_kb / 1024:.0f} MB  (goal <= 500 MB)"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
