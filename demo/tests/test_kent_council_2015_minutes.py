"""The minutes of the County Council of 22 October 2015 render from the record in the seeds'
form (002:73–293): as the public page (HTML) and as the PDF (its extracted text)."""

from __future__ import annotations

import html
import io
import re

import pytest
from pypdf import PdfReader

from council.models import Person
from demo.kent import council_2015 as kent
from demo.kent.council_2015 import load_22_october_2015
from proceedings.models import MinutesRecord

pytestmark = pytest.mark.django_db

TITLES = {
    35: "Apologies for Absence",
    36: "Declarations of Disclosable Pecuniary Interests or Other Significant Interests in "
    "items on the agenda",
    37: "Minutes of the meeting held on 17 September 2015 and, if in order, to be approved "
    "as a correct record",
    38: "Revised Proportionality Calculations and Committee Membership - Urgent Business",
    39: "Chairman's Announcements",
    40: "Questions",
    41: "Report by Leader of the Council (Oral)",
    42: "Kent's response to the Syrian refugee crisis",
    43: "Motion for Time Limited Debate",
}
APOLOGIES = (  # 002:95
    "The Director of Governance and Law reported apologies from Mr Baldock, Mrs Brivio, "
    "Mr Chittenden, Mrs Dagger, Mr King, Mr Koowaree, Mr Latchford, Mr MacDowall and "
    "Mr Truelove."
)


def words(text: str) -> str:
    return " ".join(text.split())


def page_text(content: bytes) -> str:
    text = re.sub(r"<[^>]+>", " ", content.decode())
    return words(html.unescape(text)).replace(" ,", ",")


def seed_list(text: str) -> str:
    return ", ".join(kent.vote_list(text))


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.test import Client, override_settings

    private = tmp_path_factory.mktemp("private")  # the PDF render cache
    with django_db_blocker.unblock(), override_settings(PRIVATE_ROOT=private):
        meeting = load_22_october_2015()
        client = Client()
        page = client.get(f"/meetings/{meeting.pk}/{meeting.slug}/minutes/")
        pdf = client.get(f"/meetings/{meeting.pk}/{meeting.slug}/minutes.pdf")
        present = [a.person.formal_name for a in meeting.attendances.filter(status="present")]
        return page, pdf, present


@pytest.fixture(params=["html", "pdf"])
def text(request, rendered):
    page, pdf, _ = rendered
    if request.param == "html":
        assert page.status_code == 200
        return page_text(page.content)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(pdf.content))
    # The running header "Draft – unconfirmed" and page numbers interrupt lists across pages.
    pages = [re.sub(r"Draft – unconfirmed\s*\d+\s*$", "", p.extract_text()) for p in reader.pages]
    return words(" ".join(pages))


def test_the_minutes_are_published_as_a_draft(rendered):
    record = MinutesRecord.objects.get(
        meeting__date="2015-10-22", meeting__body__name="County Council"
    )
    assert record.status == "published_draft"
    assert record.published_at.date().isoformat() == "2015-12-02"


def test_heading_and_attendance(text, rendered):
    assert (
        "MINUTES of a meeting of the Kent County Council held in the Council Chamber, Sessions "
        "House, County Hall, Maidstone on Thursday, 22 October 2015." in text
    )
    assert "Draft – unconfirmed" in text
    assert (
        "PRESENT: Mr M J Harrison (Chairman) Mr T Gates (Vice-Chairman) Mrs A D Allen, MBE, "
        "Mr M J Angell," in text
    )
    present = rendered[2]
    assert len(present) == 74
    for name in present:
        assert name in text
    assert "Mr M A Wickham and Mrs Z Wiltshire" in text
    assert (
        "IN ATTENDANCE: David Cockburn (Corporate Director Strategic & Corporate Services), "
        "Geoff Wild (Director of Governance and Law) and Peter Sass (Head of Democratic "
        "Services)" in text
    )
    assert APOLOGIES in text


def test_minutes_35_to_43_with_their_items(text):
    for number, title in TITLES.items():
        assert f"{number}. {title} (Item {number - 34})" in text
    assert text.index("35. Apologies") < text.index("UNRESTRICTED ITEMS") + 40


def test_paragraphs_and_resolutions(text):
    assert "37. " in text and (
        "RESOLVED that the minutes of the meeting held on 17 September 2015 be approved as a "
        "correct record subject to the word “Residents” being replaced by “Refugee” in the last "
        "sentence in minute 30, paragraph (17)." in text
    )
    # Minute 38: the motion among the paragraphs, then the resolution with its delegation.
    assert "(1) The Chairman stated that he had agreed to take this item as urgent business" in text
    assert (
        "(2) The Chairman moved and the Vice-Chairman seconded the following motion: "
        "“The County Council is invited to: (a) agree the revised proportionality" in text
    )
    assert "(3) The Leader updated the Council" in text
    assert (
        "(4) RESOLVED that: (a) the revised proportionality calculations be agreed; and "
        "(b) in accordance with the overall proportionality rules the two additional "
        "committee places remain vacant" in text
    )
    assert "(c) the decision on which two seats the UKIP Group has to give up" in text
    assert (
        "Decision delegated to the Head of Democratic Services, in consultation with the "
        "Leader of the UKIP Group." in text
    )
    # Minute 39: sub-headings with paragraph numbers running on.
    assert "(a) Mr William Whelan (1) The Chairman stated that it was with regret" in text
    assert "(e) Sandwich Flood Defence works" in text and "(12) The Chairman expressed" in text
    assert "(27) The County Council noted the Leader's oral report." in text
    # Minute 42: moved, seconded, agreed without a formal vote, resolved.
    assert "(1) Mr Oakford moved and Mrs Whittle seconded the following motion:" in text
    assert (
        "The motion was agreed without a formal vote. (2) RESOLVED that (a) the comments on "
        "the report be noted, and (b) the proposal to support" in text
    )
    assert (
        "(4) RESOLVED that (a) this Council supports the Universal Infant Free School Meals" in text
    )
    assert "(b) the Chairman write to the Prime Minister" in text


def test_recorded_votes_exactly_as_the_seeds_print_them(text):
    closure = (
        "(2) Mr Kite moved and Mr Parry seconded the procedural motion “that the question be "
        "put”, the Chairman put this to the vote and the votes cast were as follows: "
        f"For (64) {seed_list(kent.CLOSURE_FOR)} "
        f"Against (4) {seed_list(kent.CLOSURE_AGAINST)} "
        f"Abstain (4) {seed_list(kent.CLOSURE_ABSTAIN)} "
        "Procedural motion carried"
    )
    assert closure in text
    motion = (
        "(3) The Chairman then put the motion outlined in paragraph (1) above to the vote and "
        "the votes cast were as follows: "
        f"For (62) {seed_list(kent.MOTION_FOR)} "
        f"Against (3) {seed_list(kent.MOTION_AGAINST)} "
        f"Abstain (1) {seed_list(kent.MOTION_ABSTAIN)} "
        "Motion carried"
    )
    assert motion in text
    assert (
        "(1) Mr Vye moved and Mr Bird seconded the following motion: “That this Council "
        "supports the Universal Infant Free School Meals initiative" in text
    )


def test_vote_names_link_to_the_member_records(rendered):
    page = rendered[0].content.decode()
    marsh = Person.objects.get(surname="Marsh", initials="R A")
    assert f'href="{marsh.get_absolute_url()}">Mr A Marsh</a>' in page
    hill = Person.objects.get(surname="Hill", initials="P M")
    assert f'href="{hill.get_absolute_url()}">Mr M Hill</a>' in page
    # Every name in the two vote lists is a link to a member page: 72 + 66 names.
    votes = page[page.index("For (64)") : page.index("(4)", page.index("Abstain (1)"))]
    assert len(re.findall(r'<a class="govuk-link" href="/members/[^"]+/">', votes)) == 138
