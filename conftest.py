"""Shared test fixtures.

- Every test database gets the demo council once per session (``django_db_setup``; built
  once per run and copied to its other workers, ``moot/db_template.py``), so
  ``db`` tests read the real Kent County Council record, shown as the demo is: as at
  16 September 2017 (``Authority.as_at``, council/dates.py), so "today" in tests is that day.
  ``real_date`` shows it at the real date instead, as a council's own installation is.
  Tests that flush the database (``transactional_db``/``live_server``, e.g. browser tests)
  have it put back when they end (``pytest_runtest_teardown``): the rows the session's load
  wrote, copied back in SQL (``moot/db_snapshot.py``), not loaded again; so every test starts
  with the demo, in whatever order the tests run (``make test`` splits them between workers).
- ``page`` drives Debian's Chromium (``/usr/bin/chromium``) through Playwright; ``axe`` runs
  axe-core in it. Under ``CI=true`` a missing Chromium fails the run instead of skipping.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, settings

from moot.needs import unavailable

# The machines are shared and noisy: Hypothesis's timing checks (a deadline per example, "too
# slow" to generate) would make the suite's result depend on the load, as a timing assertion
# would. Its other health checks stay on.
settings.register_profile("moot", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("moot")

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# in such a thread unless told that the tests know what they are doing.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_configure(config):
    """Tests make accounts with passwords by the hundred: a fast hash (MD5) for them instead of
    the production's deliberately slow PBKDF2, which stays in the list so a stored PBKDF2
    hash still verifies. How passwords are stored in production is not under test here."""
    from django.conf import settings as django_settings

    django_settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    # The hashed, compressed static files of production (WhiteNoise's manifest storage) are
    # made by `moot collectstatic`; tests serve the sources as they are, uncollected
    # (moot/tests/test_static.py collects them itself).
    django_settings.STORAGES = {
        **django_settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # A test database is thrown away: a commit need not wait for the disk (PostgreSQL's
    # synchronous_commit, per connection). Commits stay atomic and visible at once; only
    # their durability after a crash of the server is given up.
    # Each of the suite's parallel workers (pytest-xdist, scripts/test.sh) keeps its files
    # apart, so one worker's clean-up never removes another's. (Its test database is its own
    # already: pytest-django names it after the worker.)
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker:
        for name in ("MEDIA_ROOT", "PRIVATE_ROOT", "STATIC_ROOT"):
            setattr(django_settings, name, Path(getattr(django_settings, name)) / worker)
    database = django_settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.postgresql":
        options = database.setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c synchronous_commit=off".strip()


CHROMIUM = Path(os.environ.get("MOOT_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """The test database, migrated, with the demo loaded and its snapshot taken; made once
    per run and copied to the run's other workers (``moot/db_template.py``). As
    pytest-django's own fixture otherwise (its options ``--reuse-db``, ``--no-migrations``
    build in each process)."""
    from django.db import connections
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _disable_migrations, _get_databases_for_setup

    from moot import db_snapshot, db_template

    if not django_db_use_migrations:
        _disable_migrations()
    keepdb = django_db_keepdb and not django_db_createdb
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    verbosity = request.config.option.verbose
    config: list = []

    def build() -> None:
        config[:] = setup_databases(
            verbosity=verbosity,
            interactive=False,
            aliases=aliases,
            serialized_aliases=serialized_aliases,
            keepdb=keepdb,
        )
        call_command("demo", no_packs=True, verbosity=0)
        db_snapshot.take()

    def adopt() -> None:
        old_name = connections["default"].settings_dict["NAME"]
        db_template.test_database_name()
        config[:] = [(connections["default"], old_name, True)]

    run = getattr(request.config, "workerinput", {}).get("testrunuid")
    shared = run and not keepdb and django_db_use_migrations and not serialized_aliases
    shared = shared and aliases <= {"default"}
    template = db_template.Template(Path(tempfile.gettempdir()), run) if shared else None
    with django_db_blocker.unblock():
        if template is None:
            build()
        else:
            template.setup(build, adopt)
    yield
    if not keepdb:
        with django_db_blocker.unblock():
            _end_other_sessions()
            teardown_databases(config, verbosity=verbosity)
            if template is not None:
                template.teardown()


def _end_other_sessions() -> None:
    """PostgreSQL drops a database only when nobody is connected to it: a session a test's
    thread or subprocess left open (their connections are not the test's to close) would make
    the worker's test database impossible to drop at the end of the run."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture
def real_date(db):
    """The record at the real date: no demonstration date (a council's own installation)."""
    from council.models import Authority

    Authority.objects.update(as_at=None)


def _flushes_the_database(item) -> bool:
    """Does this test run on a real, committed database (emptied at its end)?"""
    marker = item.get_closest_marker("django_db")
    transaction = marker is not None and (
        marker.kwargs.get("transaction") or (marker.args and marker.args[0])
    )
    names = set(getattr(item, "fixturenames", ()))
    return bool(transaction) or bool(names & {"transactional_db", "live_server"})


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """The demo council is in the database at the start of every test, whatever ran before
    it (the order differs between runs and workers): a test that flushes the database
    (``transactional_db``, ``live_server``) has the demo put back once it is torn down —
    the rows the session's load wrote, copied back in SQL (``moot/db_snapshot.py``)."""
    yield
    if nextitem is not None and _flushes_the_database(item):
        from pytest_django.plugin import blocking_manager_key

        from moot import db_snapshot

        with item.config.stash[blocking_manager_key].unblock():
            db_snapshot.restore()


@pytest.fixture
def demo_council(transactional_db):
    """The demo council, for a test on a real, committed database (``live_server``): it is
    there when the test starts (``pytest_runtest_teardown``) and put back after it."""


@pytest.fixture
def admin_client(client, admin_user):
    """A superuser signed in with both factors (the back office requires the second)."""
    from moot.testing import verified_login

    return verified_login(client, admin_user)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        unavailable(f"Chromium at {CHROMIUM}", "apt-get install chromium; .ci/run installs it")
    if not AXE.exists():
        unavailable("axe-core", "npm ci; make install runs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    # axe-core is injected as an inline script, which the site's Content-Security-Policy refuses;
    # moot/tests/test_browser_csp.py checks the pages with the policy enforced.
    context = browser.new_context(locale="en-GB", java_script_enabled=True, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def axe():
    """``axe(page)`` returns the WCAG 2.2 A/AA violations axe-core finds on the page."""

    def run(page) -> list[dict]:
        # Measure the page as drawn: with its web fonts, not a fallback's sizes (target sizes).
        page.evaluate("document.fonts.ready.then(() => true)")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            """() => axe.run(document, {runOnly: {type: 'tag', values:
                 ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"""
        )
        return [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]][:5],
            }
            for v in result["violations"]
        ]

    return run
