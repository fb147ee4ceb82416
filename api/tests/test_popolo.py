"""The Popolo export: every object valid against the Popolo JSON Schemas (draft 3, $refs
resolved from the local copies in /work/shared/reference/popolo/schemas — no network), and
its content the record's."""

import json
from pathlib import Path

import pytest
import referencing
import referencing.jsonschema
from jsonschema import Draft3Validator

from council.models import Body, Person
from proceedings.models import RecordedVote

from .planting import plant_proceedings

pytestmark = pytest.mark.django_db

SCHEMAS = Path("/work/shared/reference/popolo/schemas")
KINDS = {
    "persons": "person",
    "organizations": "organization",
    "memberships": "membership",
    "posts": "post",
    "areas": "area",
    "events": "event",
    "motions": "motion",
    "vote_events": "vote_event",
}


def validators() -> dict[str, Draft3Validator]:
    resources = []
    for path in SCHEMAS.glob("*.json"):
        contents = json.loads(path.read_text())
        resources.append(
            (
                contents["id"].rstrip("#"),
                referencing.Resource.from_contents(
                    contents, default_specification=referencing.jsonschema.DRAFT3
                ),
            )
        )
    registry = referencing.Registry().with_resources(resources)
    return {
        kind: Draft3Validator(
            registry.contents(f"http://www.popoloproject.com/schemas/{name}.json"),
            registry=registry,
            format_checker=Draft3Validator.FORMAT_CHECKER,
        )
        for kind, name in KINDS.items()
    }


def errors_in(data) -> list[str]:
    found = []
    for kind, validator in validators().items():
        for obj in data[kind]:
            found += [f"{kind} {obj.get('id')}: {e.message}" for e in validator.iter_errors(obj)]
    return found


def test_the_validators_really_check():
    v = validators()
    assert list(v["persons"].iter_errors({"name": 5}))
    # A $ref into another schema is followed: a membership's embedded person is checked.
    assert list(v["memberships"].iter_errors({"person": {"birth_date": "15 May"}}))
    assert list(v["vote_events"].iter_errors({"counts": [{"option": "yes"}]}))
    assert list(v["events"].iter_errors({"start_date": "2017-09-15 10:00"}))


@pytest.fixture
def popolo(client, settings, tmp_path):
    plant_proceedings()  # the County Council's minutes, motions and recorded votes public
    response = client.get("/api/popolo.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def test_every_object_is_valid_popolo(popolo):
    assert set(KINDS) <= set(popolo)
    for kind in KINDS:
        assert popolo[kind], kind
    assert errors_in(popolo) == []


def test_people_and_bodies_are_the_records(popolo):
    assert len(popolo["persons"]) == Person.objects.count()
    person = Person.objects.exclude(forenames="").first() or Person.objects.first()
    entry = next(p for p in popolo["persons"] if p["id"] == f"person/{person.pk}")
    assert entry["family_name"] == person.surname
    assert entry["given_name"] == (person.forenames or None)
    assert entry["honorific_prefix"] == (person.title or None)
    assert entry["name"] == person.full_name
    organization_ids = {o["id"] for o in popolo["organizations"]}
    assert {f"organization/body/{b.pk}" for b in Body.objects.all()} <= organization_ids
    for m in popolo["memberships"]:
        assert m["organization_id"] in organization_ids
        assert m["person_id"] in {p["id"] for p in popolo["persons"]}


def test_recorded_votes_are_vote_events_with_counts_and_votes(popolo):
    recorded = [v for v in popolo["vote_events"] if v["votes"]]
    assert recorded
    closure = next(v for v in recorded if v["counts"][0] == {"option": "yes", "value": 64})
    assert {c["option"]: c["value"] for c in closure["counts"]} == {
        "yes": 64,
        "no": 4,
        "abstain": 4,
    }
    assert closure["result"] == "pass"
    vote_pk = int(closure["id"].split("/")[1])
    assert len(closure["votes"]) == RecordedVote.objects.filter(vote_id=vote_pk).count()
    assert {v["option"] for v in closure["votes"]} <= {"yes", "no", "abstain", "not voting"}
    motion_ids = {m["id"] for m in popolo["motions"]}
    assert closure["motion_id"] in motion_ids
    event_ids = {e["id"] for e in popolo["events"]}
    assert closure["legislative_session_id"] in event_ids
