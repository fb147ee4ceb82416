"""The public site respects publication: a meeting's notice is public from the start, its
agenda, papers and packs only once published, a paper attached later only once a supplement
publishes it, and a newer draft never replaces the version published."""

import datetime as dt

import pytest
from django.utils import timezone

from audit.testing import TEST_ACTOR
from council.dates import authority_today
from papers import services as papers
from papers import testing as files
from publishing import deadlines
from publishing.services import publish_agenda, replace_paper
from publishing.supplements import publish_supplement

from .helpers import meeting, publish, text, unpublish
from .papers_setup import PR, SEPT_15, make_papers, pack, paper_url
from .publication_setup import cancel, future_meeting, on_time, paper

pytestmark = pytest.mark.django_db

NOT_PUBLISHED = "No agenda was published for this meeting."


@pytest.fixture
def private(settings, tmp_path):
    settings.PRIVATE_ROOT = settings.MEDIA_ROOT = tmp_path


def pack_url(m, supplement=0) -> str:
    name = f"supplementary-agenda-{supplement}.pdf" if supplement else "agenda-reports-pack.pdf"
    return f"/meetings/{m.pk}/{m.slug}/{name}"


# --- before publication ----------------------------------------------------------------------


def test_unpublished_meeting_shows_its_notice_but_no_agenda_papers_or_packs(client, private):
    found = make_papers(published=False)
    m = unpublish(found.meeting)
    pack(m, pages=4)
    response = client.get(m.get_absolute_url())
    page, content = text(response), response.content.decode()
    # The notice of time and place.
    for expected in (
        "Friday 15 September 2017",
        "10.00 am",
        "Council Chamber, Sessions House",
        "Ask for: Ann Hunter",
        "Webcasting notice",
    ):
        assert expected in page, expected
    assert NOT_PUBLISHED in page
    # Not the agenda.
    for hidden in (
        "Unrestricted items",
        "Contract Management",
        "Motion to Exclude",
        "Company Governance",
        "Agenda reports pack",
        "Document history",
    ):
        assert hidden not in page, hidden
    assert "/papers/" not in content and ".pdf" not in content


def test_unpublished_papers_and_packs_are_404s_and_listed_nowhere(client, private):
    found = make_papers(published=False)
    m = unpublish(found.meeting)
    pack(m)
    urls = [paper_url(m, d) for d in found.public] + [
        paper_url(m, found.pdf, "pdf/"),
        f"/meetings/{m.pk}/papers/{found.report.pk}/",
        pack_url(m),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    sitemap = client.get("/sitemap.xml").content.decode()
    home = client.get("/").content.decode()
    for doc in found.public:
        assert f"/papers/{doc.pk}/" not in sitemap
        assert f"/papers/{doc.pk}/" not in home
    assert m.get_absolute_url() in sitemap  # the meeting's notice is public


def test_meeting_to_come_gives_the_publication_deadline(client):
    m = future_meeting()
    due = deadlines.deadline(m)
    assert due == dt.date(2030, 1, 7)
    page = text(client.get(m.get_absolute_url()))
    assert "The agenda will be published by Monday 7 January 2030." in page
    assert "Budget Monitoring" not in page and "Apologies" not in page


def test_meeting_to_come_past_its_deadline_says_the_agenda_is_late(client):
    m = future_meeting(authority_today() + dt.timedelta(days=2))
    due = deadlines.deadline(m)
    page = text(client.get(m.get_absolute_url()))
    assert (
        f"The agenda was due to be published by {due:%A} {due.day} {due:%B %Y}. "
        "It has not been published yet."
    ) in page


def test_cancelled_meeting_to_come_will_have_no_agenda(client):
    m = cancel(future_meeting())
    page = text(client.get(m.get_absolute_url()))
    assert "This meeting has been cancelled." in page
    assert "No agenda will be published for this meeting." in page
    assert "will be published by" not in page


# --- publication -----------------------------------------------------------------------------


def test_historical_record_publishes_the_agenda_and_papers(client, private):
    found = make_papers(published=False)
    m = publish(found.meeting)
    pack(m)
    response = client.get(m.get_absolute_url())
    page = text(response)
    assert NOT_PUBLISHED not in page
    assert "8 Contract Management" in page and "Contract Management Report" in page
    assert "Agenda reports pack" in page
    assert f'href="/meetings/{m.pk}/history/"' in response.content.decode()
    for doc in found.public:
        assert client.get(paper_url(m, doc)).status_code == 200
    assert client.get(pack_url(m)).status_code == 200


def test_publishing_the_agenda_shows_it(client, private):
    m = future_meeting()
    link = paper(m, "Budget monitoring report")
    url = paper_url(m, link.document)
    assert client.get(url).status_code == 404
    publish_agenda(m, now=on_time(m), actor=TEST_ACTOR)
    page = text(client.get(m.get_absolute_url()))
    assert "will be published by" not in page
    assert "2 Budget Monitoring" in page and "Budget monitoring report" in page
    assert client.get(url).status_code == 200
    assert f"/papers/{link.document.pk}/" in client.get("/sitemap.xml").content.decode()


def test_a_paper_attached_after_publication_waits_for_the_supplement(client, private):
    m = future_meeting()
    paper(m, "Budget monitoring report")
    publish_agenda(m, now=on_time(m), actor=TEST_ACTOR)
    late = paper(m, "Late budget annex", number="1", pdf=True).document
    urls = [paper_url(m, late), paper_url(m, late, "pdf/")]

    page = text(client.get(m.get_absolute_url()))
    assert "Budget monitoring report" in page and "Late budget annex" not in page
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert f"/papers/{late.pk}/" not in client.get("/sitemap.xml").content.decode()
    assert f"/papers/{late.pk}/" not in client.get("/").content.decode()

    publish_supplement(m, now=timezone.now(), actor=TEST_ACTOR)
    assert "Late budget annex" in text(client.get(m.get_absolute_url()))
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert f"/papers/{late.pk}/" in client.get("/sitemap.xml").content.decode()
    assert f"/papers/{late.pk}/" in client.get("/").content.decode()


def test_a_newer_draft_does_not_replace_the_published_version(client, private):
    m = future_meeting()
    doc = paper(m, "Budget monitoring report").document
    upload = paper(m, "Budget figures", pdf=True).document
    publish_agenda(m, now=on_time(m), actor=TEST_ACTOR)
    published_pdf = upload.current_version()
    papers.add_version(
        doc, html="<p>Budget monitoring report: DRAFT version 2.</p>", actor=TEST_ACTOR
    )
    papers.add_version(
        upload, upload=files.pdf(2, "DRAFT figures"), filename="draft.pdf", actor=TEST_ACTOR
    )

    page = text(client.get(paper_url(m, doc)))
    assert "Budget monitoring report: version 1." in page and "DRAFT" not in page
    assert "Version 1, published" in page
    response = client.get(paper_url(m, upload, "pdf/"))
    assert response["ETag"] == f'"{published_pdf.content_hash}"'
    assert "(PDF, " in text(client.get(m.get_absolute_url()))
    assert "2 pages" not in text(client.get(m.get_absolute_url()))

    # A replacement is published at once, and replaces it.
    replace_paper(
        doc, html="<p>Budget monitoring report: corrected.</p>", reason="A typo", actor=TEST_ACTOR
    )
    page = text(client.get(paper_url(m, doc)))
    assert "corrected" in page and "Version 3, published" in page


def test_historical_record_of_unknown_moment_keeps_the_version_it_recorded(client, private):
    found = make_papers(published=False)
    m = publish(found.meeting)  # published_at not known: the versions carry no date
    url = paper_url(m, found.appendix)
    page = text(client.get(url))
    assert "Version 1" in page and "Version 1, published" not in page
    papers.add_version(found.appendix, html="<p>DRAFT register</p>", actor=TEST_ACTOR)
    page = text(client.get(url))
    assert "Version 1" in page and "DRAFT register" not in page and "Acme" in page


# --- links -----------------------------------------------------------------------------------


def test_document_history_is_linked_and_in_the_committees_section(client):
    m = publish(meeting(PR, SEPT_15))
    history = f"/meetings/{m.pk}/history/"
    assert f'href="{history}"' in client.get(m.get_absolute_url()).content.decode()
    content = client.get(history).content.decode()
    active = content[content.index("govuk-service-navigation__item--active") :]
    assert active[: active.index("</li>")].count('href="/committees/"') == 1
