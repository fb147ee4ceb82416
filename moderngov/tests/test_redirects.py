"""modern.gov's page addresses redirect to Moot's pages; unknown ids are the 404 page."""

import pytest

from council.models import Body, Person
from summons.testing import pr_meeting

pytestmark = pytest.mark.django_db


def location(client, path):
    response = client.get(path)
    assert response.status_code == 301, (path, response.status_code)
    return response["Location"]


def test_meeting_committee_member_and_index_pages(client):
    pr = pr_meeting()
    body = pr.body
    person = Person.objects.filter(terms__isnull=False).first()
    assert location(client, f"/ieListDocuments.aspx?CId={body.pk}&MId={pr.pk}") == (
        pr.get_absolute_url()
    )
    assert location(client, f"/ieListMeetings.aspx?CommitteeId={body.pk}") == (
        body.get_absolute_url()
    )
    assert location(client, f"/mgCommitteeDetails.aspx?ID={body.pk}") == body.get_absolute_url()
    assert location(client, f"/mgUserInfo.aspx?UID={person.pk}") == person.get_absolute_url()
    assert location(client, "/mgMemberIndex.aspx") == "/members/"
    assert location(client, "/mgListCommittees.aspx") == "/committees/"
    assert location(client, "/mgCalendarMonthView.aspx") == "/calendar/"
    assert location(client, "/mgCalendarMonthView.aspx?M=9&Y=2017") == "/calendar/2017/09/"
    # The pages redirected to exist.
    for path in [
        pr.get_absolute_url(),
        body.get_absolute_url(),
        person.get_absolute_url(),
        "/calendar/2017/09/",
    ]:
        assert client.get(path).status_code == 200


def test_paths_and_parameter_names_in_any_case(client):
    pr = pr_meeting()
    assert location(client, f"/ielistdocuments.aspx?cid=1&mid={pr.pk}") == pr.get_absolute_url()
    assert location(client, f"/IELISTDOCUMENTS.ASPX?MID={pr.pk}") == pr.get_absolute_url()
    assert location(client, "/MGCALENDARMONTHVIEW.ASPX?m=1&y=2016") == "/calendar/2016/01/"


def test_an_outside_body_goes_to_its_own_page(client):
    outside = Body.objects.filter(kind="outside_body").first()
    assert location(client, f"/mgCommitteeDetails.aspx?ID={outside.pk}") == (
        outside.get_absolute_url()
    )


@pytest.mark.parametrize(
    "path",
    [
        "/ieListDocuments.aspx?CId=3&MId=999999",
        "/ieListDocuments.aspx?MId=abc",
        "/ieListDocuments.aspx",
        "/ieListDocuments.aspx?MId=%FF",
        "/ieListMeetings.aspx?CommitteeId=999999",
        "/mgCommitteeDetails.aspx?ID=-1",
        "/mgCommitteeDetails.aspx?ID=99999999999999999999",
        "/mgUserInfo.aspx?UID=999999",
        "/mgUserInfo.aspx?UID=",
        "/mgCalendarMonthView.aspx?M=13&Y=2017",
        "/mgCalendarMonthView.aspx?M=9",
        "/mgCalendarMonthView.aspx?M=x&Y=2017",
    ],
)
def test_unknown_or_malformed_ids_are_the_404_page(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert b"<html" in response.content  # the site's page, not a bare error
