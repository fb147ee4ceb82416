"""The API's resources on the demo council: shapes, links, filters, paging, errors, caching
and CORS."""

import datetime as dt
import json

import pytest
from django.utils import timezone

from audit.testing import TEST_ACTOR
from council.models import Body, Membership, Person
from meetings.models import Meeting

pytestmark = pytest.mark.django_db


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response["Content-Type"].startswith("application/json"), url
    return response


def test_people_have_structured_names_from_the_person_fields(client):
    person = Person.objects.exclude(honours="").first() or Person.objects.first()
    data = get(client, f"/api/people/{person.pk}/").json()
    assert data["id"] == person.pk
    assert data["surname"] == person.surname
    assert data["title"] == (person.title or None)
    assert data["initials"] == (person.initials or None)
    assert data["forenames"] == (person.forenames or None)
    assert data["honours"] == (person.honours or None)
    assert data["display_name"] == person.formal_name
    assert data["full_name"] == person.full_name


def test_meeting_links_to_its_body_and_agenda_items(client):
    meeting = Meeting.objects.get(
        body__name="Policy and Resources Cabinet Committee", date=dt.date(2017, 9, 15)
    )
    data = get(client, f"/api/meetings/{meeting.pk}/").json()
    assert data["date"] == "2017-09-15"
    assert data["agenda_published"] is True
    assert data["body"] == {
        "id": meeting.body_id,
        "url": f"http://testserver/api/bodies/{meeting.body_id}/",
    }
    numbers = [get(client, ref["url"]).json()["number"] for ref in data["agenda_items"]]
    assert numbers[:2] == ["1", "2"] and "14" in numbers
    assert data["html_url"] == f"http://testserver{meeting.get_absolute_url()}"
    body = get(client, data["body"]["url"]).json()
    assert body["name"] == "Policy and Resources Cabinet Committee"


def test_unpublished_agenda_items_are_not_served(client):
    from moot import testing as t

    meeting = t.meeting()
    item = t.item(meeting, "1", "Secret until published")
    assert get(client, f"/api/meetings/{meeting.pk}/").json()["agenda_items"] == []
    assert get(client, f"/api/agenda_items/{item.pk}/").status_code == 404
    listed = get(client, f"/api/agenda_items/?meeting={meeting.pk}").json()
    assert listed["count"] == 0


def test_documents_link_to_the_websites_paper_pages(client):
    data = get(client, "/api/documents/?page_size=200").json()
    assert data["count"] > 0
    for doc in data["results"]:
        for place in doc["meetings"]:
            assert client.get(place["html_url"]).status_code == 200
            assert get(client, place["agenda_item"]["url"]).status_code == 200


def test_memberships_filter_by_body_person_and_dates(client):
    body = Body.objects.get(name="Policy and Resources Cabinet Committee")
    data = get(client, f"/api/memberships/?body={body.pk}&page_size=200").json()
    assert data["count"] == Membership.objects.filter(body=body).count() > 0
    assert {m["body"]["id"] for m in data["results"]} == {body.pk}
    member = Membership.objects.filter(body=body, person__isnull=False).first()
    mine = get(client, f"/api/memberships/?person={member.person_id}").json()
    assert {m["person"]["id"] for m in mine["results"]} == {member.person_id}
    later = get(client, "/api/memberships/?from=2100-01-01").json()
    assert later["count"] == Membership.objects.filter(end__isnull=True).count()


def test_meetings_filter_by_body_and_date_range(client):
    body = Body.objects.get(name="County Council")
    data = get(client, f"/api/meetings/?body={body.pk}&from=2015-10-01&to=2015-10-31").json()
    assert [m["date"] for m in data["results"]] == ["2015-10-22"]
    assert get(client, "/api/meetings/?from=2100-01-01").json()["count"] == 0


def test_updated_since_uses_the_audit_trail(client):
    from council import services

    everything = get(client, "/api/bodies/").json()["count"]
    assert (
        get(client, "/api/bodies/?updated_since=2000-01-01T00:00:00Z").json()["count"] == everything
    )
    moment = timezone.now() + dt.timedelta(seconds=1)
    since = moment.isoformat().replace("+00:00", "Z")
    assert get(client, f"/api/bodies/?updated_since={since}").json()["count"] == 0
    body = Body.objects.get(name="County Council")
    mark = timezone.now()
    body.category = "Full council"
    services.save_body(body, actor=TEST_ACTOR)
    changed = get(client, "/api/bodies/?updated_since=" + mark.isoformat().replace("+", "%2B"))
    assert [b["id"] for b in changed.json()["results"]] == [body.pk]


def test_paging_walks_every_record_once(client):
    total = Person.objects.count()
    ids, url = [], "/api/people/?page_size=7"
    while url:
        data = get(client, url).json()
        assert data["count"] == total
        ids += [p["id"] for p in data["results"]]
        url = data["next"]
    assert sorted(ids) == sorted(Person.objects.values_list("pk", flat=True))
    assert len(ids) == len(set(ids))
    beyond = get(client, "/api/people/?page=999999999").json()
    assert beyond["results"] == [] and beyond["count"] == total


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("colour=red", "colour"),
        ("bodyy=1", "bodyy"),
        ("from=2026-02-31", "from"),
        ("to=31/01/2026", "to"),
        ("updated_since=yesterday", "updated_since"),
        ("updated_since=2026-01-01T25:00:00Z", "updated_since"),
        ("page_size=100000", "page_size"),
        ("page_size=0", "page_size"),
        ("page=-1", "page"),
        ("page=1&page=2", "page"),
        ("body=1%27%20OR%20%271%27=%271", "body"),
        ("body=1;DROP%20TABLE%20council_body", "body"),
        ("body=99999999999999999999999", "body"),
        ("body=", "body"),
        ("from=2026-01-01%00", "from"),
    ],
)
def test_bad_parameters_are_a_400_naming_them(client, query, parameter):
    response = get(client, f"/api/meetings/?{query}")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400 and error["message"]
    assert parameter in error["parameters"]


def test_any_valid_offset_is_accepted(client):
    # PostgreSQL refuses offsets beyond ±15:59 in a query; ISO 8601 allows up to 23:59.
    for since in ("0649-03-26T13:13:18%2B23:01", "2020-01-01T00:00:00-23:59"):
        response = get(client, f"/api/agenda_items/?updated_since={since}")
        assert response.status_code == 200, since


def test_from_after_to_is_an_empty_page(client):
    # The schema allows any two dates; an empty range is an empty answer, not an error.
    assert get(client, "/api/meetings/?from=2015-01-01&to=2017-12-31").json()["count"] > 0
    response = get(client, "/api/meetings/?from=2017-12-31&to=2015-01-01")
    assert response.status_code == 200
    data = response.json()
    assert (data["count"], data["results"], data["pages"]) == (0, [], 1)


def test_invalid_utf8_in_the_query_string_is_a_400(client):
    for query in ("body=%ff", "%c3%28=1", "from=%e2%82"):
        response = get(client, f"/api/meetings/?{query}")
        assert response.status_code == 400, query
        assert "UTF-8" in response.json()["error"]["message"]


def test_unknown_ids_and_addresses_are_json_404s(client):
    for url in (
        "/api/meetings/999999/",
        "/api/meetings/abc/",
        "/api/meetings/99999999999999999999999999/",
        "/api/nothing-here/",
        "/api/people/0/",
    ):
        response = get(client, url)
        assert response.status_code == 404, url
        assert response.json()["error"]["status"] == 404


def test_detail_refuses_parameters(client):
    response = get(client, "/api/bodies/1/?expand=all")
    assert response.status_code == 400
    assert response.json()["error"]["parameters"] == ["expand"]


def test_writes_are_refused(client):
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)("/api/meetings/")
        assert response.status_code == 405, method
        assert response.json()["error"]["status"] == 405
        assert response["Allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize(
    "url",
    [
        "/api/meetings/",
        "/api/meetings/?page=2&page_size=3",
        "/api/bodies/1/",
        "/api/schema",
        "/api/popolo.json",
    ],
)
def test_etag_and_last_modified_with_conditional_get(client, url):
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"].startswith('"') and first["Last-Modified"].endswith("GMT")
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    assert again.content == b""
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    stale = client.get(url, HTTP_IF_NONE_MATCH='"something-else"')
    assert stale.status_code == 200 and stale.content == first.content


def test_etag_changes_when_the_record_does(client):
    from council import services

    body = Body.objects.get(name="County Council")
    first = client.get(f"/api/bodies/{body.pk}/")
    body.category = "Changed"
    services.save_body(body, actor=TEST_ACTOR)
    second = client.get(f"/api/bodies/{body.pk}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert second.json()["category"] == "Changed"
    assert second["ETag"] != first["ETag"]


def test_cors_is_open_and_preflight_answered(client):
    response = client.get("/api/meetings/", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/meetings/",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    error = client.get("/api/meetings/?nope=1")
    assert error["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("agent", ["curl/8.5.0", "python-requests/2.32", "Wget/1.21", ""])
def test_non_browser_clients_are_answered(client, agent):
    response = client.get("/api/meetings/", HTTP_USER_AGENT=agent)
    assert response.status_code == 200
    assert json.loads(response.content)["count"] == Meeting.objects.count()


def test_services_list_meetings_as_dicts():
    from api import services

    page = services.list_meetings({"page_size": 5})
    assert page["count"] == Meeting.objects.count()
    assert len(page["results"]) == 5
    assert set(page["results"][0]) >= {"id", "date", "body", "agenda_items", "updated_at"}


def test_a_meeting_changes_when_its_minutes_are_published(client):
    from .planting import plant_proceedings

    mark = timezone.now()
    planted = plant_proceedings()
    url = "/api/meetings/?updated_since=" + mark.isoformat().replace("+", "%2B")
    changed = [m["id"] for m in get(client, url).json()["results"]]
    assert changed == [planted.meeting.pk]
    data = get(client, f"/api/meetings/{planted.meeting.pk}/").json()
    assert data["updated_at"] >= mark.isoformat().replace("+00:00", "Z")
    assert data["minutes_status"] == "published_draft"
    assert data["minutes"] and data["attendance"]


def test_a_meeting_changes_with_its_published_items_only(client):
    from meetings import services as meeting_services
    from moot import testing as t

    published = Meeting.objects.get(
        body__name="Policy and Resources Cabinet Committee", date=dt.date(2017, 9, 15)
    )
    unpublished = t.meeting()
    hidden = t.item(unpublished, "1", "Not yet public")
    mark = timezone.now()
    item = published.items.get(number="1")
    item.title = "Apologies and Substitutes"
    meeting_services.save_agenda_item(item, actor=TEST_ACTOR)
    hidden.title = "Still not public"
    meeting_services.save_agenda_item(hidden, actor=TEST_ACTOR)
    url = "/api/meetings/?updated_since=" + mark.isoformat().replace("+", "%2B")
    changed = get(client, url).json()["results"]
    assert [m["id"] for m in changed] == [published.pk]
    assert changed[0]["updated_at"] >= mark.isoformat().replace("+00:00", "Z")
