"""The meeting page: the seeds' front sheet, with the agenda in its public and exempt parts."""

import datetime as dt

import pytest

from meetings.models import AgendaItem

from .helpers import PR, SMS, meeting, publish, text

pytestmark = pytest.mark.django_db

PR_ITEMS = [
    "Introduction/Webcast announcement",
    "Apologies and Substitutes",
    "Declarations of Interest by Members in items on the Agenda",
    "Minutes of the meeting held on 16 June 2017",
    "Minutes of the meeting of the Property Sub-Committee held on 21 March 2017",
    "Strategic and Corporate Service Directorate Dashboard",
    "Financial Monitoring 2017 - 18",
    "Contract Management",
    "Corporate Assurance Analysis Bi-annual Review",
    "Policy Framework - Strategies and Policies for Close Down",
    "Customer Feedback Policy",
    "Senior Information Risk Owner - Update",
    "Work Programme 2017/18",
]
EXCLUSION = (
    "Motion to Exclude the Press and Public That under Section 100A of the Local Government Act "
    "1972 the press and public be excluded from the meeting for the following business on the "
    "grounds that it involves the likely disclosure of exempt information as defined in "
    "paragraph 3 of Part 1 of Schedule 12A of the Act."
)


@pytest.fixture
def pr_page(client):
    return text(client.get(publish(meeting(PR, dt.date(2017, 9, 15))).get_absolute_url()))


def test_front_sheet_details(pr_page):
    assert "Friday 15 September 2017" in pr_page
    assert "10.00 am" in pr_page
    assert "Council Chamber, Sessions House, County Hall, Maidstone" in pr_page
    assert "Ask for: Ann Hunter" in pr_page
    assert "Telephone: 03000 416287" in pr_page
    assert "Tea/Coffee will be available 15 minutes before the start of the meeting" in pr_page
    assert (
        "Please note: this meeting may be filmed for the live or subsequent broadcast via the "
        "Council’s internet site or by any member of the public or press present."
    ) in pr_page


def test_items_1_to_13_are_unrestricted_and_14_follows_the_exclusion(pr_page):
    unrestricted = pr_page.index("Unrestricted items")
    assert "(During these items the meeting is likely to be open to the public)" in pr_page
    exclusion = pr_page.index(EXCLUSION)
    position = unrestricted
    for number, title in enumerate(PR_ITEMS, start=1):
        found = pr_page.index(f"{number} {title}", position)
        assert found < exclusion, title
        position = found
    assert pr_page.index("14 Company Governance") > exclusion
    # The public see an exempt item's number, title and paragraph only, not its purpose.
    assert "To receive an exempt report concerning company governance at KCC." not in pr_page
    assert (
        "Exempt: information about the financial or business affairs of a person "
        "(including the council) – paragraph 3 of Part 1 of Schedule 12A"
    ) in pr_page


def test_exclusion_cites_every_distinct_paragraph(client):
    m = publish(meeting(PR, dt.date(2017, 9, 15)))
    AgendaItem.objects.create(
        meeting=m, number="15", title="Staffing", order=9999, part="exempt", exempt_paragraph=1
    )
    page = text(client.get(m.get_absolute_url()))
    assert "as defined in paragraphs 1 and 3 of Part 1 of Schedule 12A" in page


def test_meeting_without_exempt_items_says_so(client):
    page = text(client.get(publish(meeting(SMS, dt.date(2017, 3, 1))).get_absolute_url()))
    assert "2.30 pm" in page
    assert "Ask for: Andrew Tait" in page
    assert "At the time of preparing the agenda there were no exempt items" in page
    assert "Motion to Exclude" not in page


def test_motion_names_its_mover_and_seconder(client):
    item = AgendaItem.objects.filter(mover__isnull=False, seconder__isnull=False).first()
    assert item is not None, "the demo's motion for time-limited debate (10 December 2015)"
    page = text(client.get(publish(item.meeting).get_absolute_url()))
    mover, seconder = item.mover.short_name, item.seconder.short_name
    assert f"{mover} will propose and {seconder} will second." in page


def test_cancelled_meeting_and_notes_are_prominent(client):
    m = meeting(PR, dt.date(2017, 9, 15))
    m.status = "cancelled"
    m.notes = "Please note the earlier start time for this meeting"
    m.end_time = dt.time(16, 30)
    m.save()
    response = client.get(m.get_absolute_url())
    content = response.content.decode()
    assert "This meeting has been cancelled." in text(response)
    assert 'class="govuk-notification-banner"' in content
    notice = "Please note the earlier start time for this meeting"
    assert f'<div class="moot-notice">{notice}</div>' in content
    assert "The meeting is scheduled to end by 4.30 pm." in text(response)


def test_previous_and_next_meetings_of_the_body(client):
    m = meeting(PR, dt.date(2017, 9, 15))
    content = client.get(m.get_absolute_url()).content.decode()
    before = meeting(PR, dt.date(2017, 6, 16))
    assert f'href="{before.get_absolute_url()}" rel="prev"' in content


def test_each_agenda_item_has_a_stable_anchor(client):
    page = client.get(meeting(PR, "2017-09-15").get_absolute_url()).content.decode()
    assert '<li class="moot-agenda__item" id="item-8">' in page
    assert '<li class="moot-agenda__item" id="item-14">' in page  # exempt items too
    item = AgendaItem.objects.get(meeting=meeting(PR, "2017-09-15"), number="8")
    assert item.get_absolute_url().endswith("#item-8")
    assert AgendaItem(number="14(a)").anchor == "item-14a"
