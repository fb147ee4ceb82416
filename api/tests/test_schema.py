"""The OpenAPI schema is valid OpenAPI 3 (checked by schemathesis's loader and the OpenAPI
project's validator), every response the API gives conforms to it, and schemathesis finds no
server error, no response outside the schema and no rejected valid request (its
``positive_data_acceptance`` check), for generated valid and invalid input alike."""

import json

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from api import openapi
from api.catalogue import RESOURCES

pytestmark = pytest.mark.django_db

SCHEMA = openapi.schema()
API = schemathesis.openapi.from_dict(SCHEMA)
API.app = get_wsgi_application()


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """As Django's test client does: a request ending must not close the connection the
    test's transaction lives in (it would on PostgreSQL)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_schema_endpoint_serves_the_schema(client):
    served = client.get("/api/schema").json()
    assert served["openapi"].startswith("3.")
    assert served["paths"] == json.loads(json.dumps(SCHEMA["paths"]))
    assert served["servers"] == [{"url": "http://testserver"}]


def test_schema_is_valid_openapi():
    # schemathesis validates the document against the OpenAPI 3.0 meta-schema when it
    # enumerates the operations; an invalid schema raises here.
    operations = [result.ok() for result in API.get_all_operations()]
    listed = {op.path for op in operations}
    assert {f"/api/{name}/" for name in RESOURCES} <= listed
    assert "/api/meetings/{id}/" in listed
    import jsonschema
    from openapi_spec_validator import validate
    from schemathesis.specs.openapi import definitions

    jsonschema.validate(SCHEMA, definitions.OPENAPI_30)
    validate(json.loads(json.dumps(SCHEMA)))  # the OpenAPI project's own validator


def test_every_field_is_described():
    for res in RESOURCES.values():
        schema = SCHEMA["components"]["schemas"][res.component]
        assert schema["required"] == [f.name for f in res.fields]
        for name, prop in schema["properties"].items():
            assert prop["description"], (res.name, name)


@API.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_api_conforms_to_its_schema(case):
    response = case.call()
    assert response.status_code < 500, (case.path, case.query, response.text[:500])
    # Every built-in check, ``positive_data_acceptance`` among them: a request valid by the
    # schema is answered 2xx or 3xx (a valid id of a record that does not exist, or is not
    # public, is the 404 its operation declares).
    case.validate_response(response)
    if case.meta.generation.mode.is_positive and "{id}" not in case.path:
        # Stricter than the check's defaults: a list or a file never answers valid
        # parameters with any 4xx, 404 included.
        assert response.status_code < 400, (case.path, case.query, response.text[:500])


def test_the_rejected_valid_request_check_is_on():
    assert API.config.checks.positive_data_acceptance.enabled


def _with_date_time_filters():
    for name, res in RESOURCES.items():
        for f in res.filters:
            if f.type == "date-time":
                yield f"/api/{name}/", f.name


@pytest.mark.parametrize(
    "value",
    [
        # RFC 3339 moments at the far ends of the calendar, which UTC cannot write.
        "0001-01-01T00:00:00+23:59",
        "9999-12-31T23:59:59-23:59",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999Z",
    ],
)
def test_valid_moments_at_the_ends_of_the_calendar_are_accepted(client, value):
    listed = list(_with_date_time_filters())
    assert listed
    for path, name in listed:
        response = client.get(path, {name: value})
        assert response.status_code == 200, (path, name, response.content[:300])
        if value.startswith("9999"):
            assert response.json()["count"] == 0
