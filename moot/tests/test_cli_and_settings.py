"""The installed ``moot`` command and the settings' refusal of development defaults in
production."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MOOT = Path(sys.executable).with_name("moot")


def run(args, **env):
    return subprocess.run(
        args,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "moot.settings", **env},
    )


def test_moot_command_lists_the_products_commands(tmp_path):
    result = run([str(MOOT), "help"], MOOT_DATA_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    for command in ("migrate", "demo", "createsuperuser", "db_worker", "serve", "runserver"):
        assert command in result.stdout
    assert "Type 'moot help <subcommand>'" in result.stdout


def test_moot_migrate_creates_the_sqlite_database(tmp_path):
    result = run(
        [str(MOOT), "migrate", "--noinput", "-v", "0"], MOOT_DATA_DIR=str(tmp_path), DATABASE_URL=""
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "moot.sqlite3").stat().st_size > 0


@pytest.mark.parametrize(
    "env, message",
    [
        ({"MOOT_ENV": "production", "SECRET_KEY": ""}, "needs SECRET_KEY"),
        ({"MOOT_ENV": "production", "SECRET_KEY": "x" * 50, "DEBUG": "1"}, "refuses DEBUG=1"),
    ],
)
def test_production_refuses_development_defaults(tmp_path, env, message):
    env = {**env, "MOOT_DATA_DIR": str(tmp_path)}
    if not env.get("SECRET_KEY"):
        env.pop("SECRET_KEY")
    clean = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    result = subprocess.run(
        [str(MOOT), "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**clean, "DJANGO_SETTINGS_MODULE": "moot.settings", **env},
    )
    assert result.returncode != 0
    assert message in result.stderr


def test_production_starts_with_a_secret_key(tmp_path):
    result = run(
        [str(MOOT), "check", "--deploy", "--fail-level", "CRITICAL"],
        MOOT_ENV="production",
        SECRET_KEY="s" * 60,
        DEBUG="0",
        MOOT_SITE_URL="https://democracy.example.gov.uk",
        MOOT_DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr


def test_production_needs_the_site_address(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "moot.settings",
        "MOOT_ENV": "production",
        "SECRET_KEY": "s" * 60,
        "DEBUG": "0",
        "MOOT_DATA_DIR": str(tmp_path),
    }
    env.pop("MOOT_SITE_URL", None)
    result = subprocess.run(
        [str(MOOT), "check"], cwd=ROOT, capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode != 0 and "MOOT_SITE_URL" in result.stderr


def test_production_settings_pass_the_deployment_checks_with_no_warnings(tmp_path, monkeypatch):
    """HSTS, the SSL redirect, the proxy's SSL header, CSRF_TRUSTED_ORIGINS from the site address
    and the Content-Security-Policy: ``check --deploy`` has nothing to warn about."""
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)  # set for the test process
    result = run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        MOOT_ENV="production",
        SECRET_KEY="k7Qf-2xLp9_Vt3mZr8Wc1yHb6NdJ4sGe0aTuKoPiXq5vBnYhRw",
        DEBUG="0",
        ALLOWED_HOSTS="democracy.example.gov.uk",
        MOOT_SITE_URL="https://democracy.example.gov.uk",
        MOOT_DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_settings_trust_the_proxy_and_the_site_origin(tmp_path):
    code = (
        "from django.conf import settings as s; print(s.SECURE_PROXY_SSL_HEADER, "
        "s.CSRF_TRUSTED_ORIGINS, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.MOOT_CSP)"
    )
    result = run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        MOOT_ENV="production",
        SECRET_KEY="k7Qf-2xLp9_Vt3mZr8Wc1yHb6NdJ4sGe0aTuKoPiXq5vBnYhRw",
        DEBUG="0",
        MOOT_SITE_URL="https://democracy.example.gov.uk",
        CSRF_TRUSTED_ORIGINS="https://a.example.gov.uk,https://b.example.gov.uk",
        MOOT_DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert "('HTTP_X_FORWARDED_PROTO', 'https')" in result.stdout
    assert "['https://a.example.gov.uk', 'https://b.example.gov.uk'] True 31536000" in result.stdout
    assert "script-src 'self';" in result.stdout and "unsafe-inline" not in result.stdout


@pytest.mark.django_db
def test_every_response_carries_the_content_security_policy(client):
    policy = client.get("/sign-in/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "unsafe" not in policy


def _setting(name: str, tmp_path, **env) -> str:
    # The settings module alone (no django.setup(): loading every app would add seconds a run).
    script = f"from django.conf import settings; print(settings.{name})"
    clean = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "PORT", "MOOT_SITE_URL")}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "moot.settings",
            "MOOT_DATA_DIR": str(tmp_path),
            **env,
        },
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_debug_is_off_unless_asked_for(tmp_path):
    assert _setting("DEBUG", tmp_path) == "False"
    assert _setting("DEBUG", tmp_path, DEBUG="1") == "True"


def test_the_port_sets_the_site_address_unless_it_is_given(tmp_path):
    assert _setting("MOOT_SITE_URL", tmp_path) == "http://127.0.0.1:8000"
    assert _setting("MOOT_SITE_URL", tmp_path, PORT="8123") == "http://127.0.0.1:8123"
    assert (
        _setting(
            "MOOT_SITE_URL", tmp_path, PORT="8123", MOOT_SITE_URL="https://democracy.example.gov.uk"
        )
        == "https://democracy.example.gov.uk"
    )


def test_serving_settings_come_from_the_environment(tmp_path):
    assert _setting("MOOT_WORKERS", tmp_path, MOOT_WORKERS="3") == "3"
    assert _setting("MOOT_PORT", tmp_path, PORT="8123") == "8123"
    assert _setting("MOOT_X_ACCEL_REDIRECT", tmp_path) == ""
    assert _setting("MOOT_X_ACCEL_REDIRECT", tmp_path, MOOT_X_ACCEL_REDIRECT="/_private/") == (
        "/_private/"
    )


def test_a_malformed_offload_location_is_refused_at_start(tmp_path):
    result = run(
        [str(MOOT), "check"], MOOT_DATA_DIR=str(tmp_path), MOOT_X_ACCEL_REDIRECT="_private"
    )
    assert result.returncode != 0
    assert "MOOT_X_ACCEL_REDIRECT must be a location starting and ending with '/'" in result.stderr


def test_moot_serve_refuses_no_workers(tmp_path):
    result = run([str(MOOT), "serve", "--workers", "0"], MOOT_DATA_DIR=str(tmp_path))
    assert result.returncode != 0 and "--workers must be at least 1" in result.stderr
