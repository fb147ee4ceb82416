"""deploy/moot.env documents every setting Moot reads from the environment, and the nginx
site and the systemd units name only what exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
# Read outside the settings: the server's shared metrics folder (moot/management/commands/
# serve.py, moot/metrics.py). MOOT_SHOTS (test screenshots) is for developers only.
READ_ELSEWHERE = {"PROMETHEUS_MULTIPROC_DIR"}


def settings_read() -> set[str]:
    text = (ROOT / "moot" / "settings.py").read_text()
    names = set(re.findall(r"""os\.environ(?:\.get\(|\[)\s*["']([A-Z][A-Z0-9_]*)["']""", text))
    names |= set(re.findall(r"""_statement_date\(\s*["']([A-Z][A-Z0-9_]*)["']""", text))
    # The storage settings are read from the environment settings.py passes to them.
    storage = (ROOT / "papers" / "storage_config.py").read_text()
    names |= set(re.findall(r"""env(?:\.get\(|\[)\s*["']([A-Z][A-Z0-9_]*)["']""", storage))
    names |= set(re.findall(r"""_number\(env,\s*["']([A-Z][A-Z0-9_]*)["']""", storage))
    return names | READ_ELSEWHERE


def documented() -> set[str]:
    text = (DEPLOY / "moot.env").read_text()
    return set(re.findall(r"^#?([A-Z][A-Z0-9_]*)=", text, re.MULTILINE))


def test_every_setting_is_in_the_environment_file():
    read = settings_read()
    assert {"DATABASE_URL", "SECRET_KEY", "MOOT_X_ACCEL_REDIRECT", "MOOT_WORKERS"} <= read
    assert {"MOOT_S3_BUCKET", "MOOT_S3_ENDPOINT_URL", "MOOT_S3_TIMEOUT"} <= read
    assert read - documented() == set(), "add these to deploy/moot.env, with what they mean"
    assert documented() - read == set(), "deploy/moot.env names settings Moot does not read"


def test_every_setting_in_the_file_says_what_it_means():
    """Each setting, or each group of settings on consecutive lines, has a comment above."""
    lines = (DEPLOY / "moot.env").read_text().splitlines()
    setting = re.compile(r"^#?[A-Z][A-Z0-9_]*=")
    for n, line in enumerate(lines):
        if setting.match(line):
            above = n - 1
            while above >= 0 and setting.match(lines[above]):
                above -= 1
            assert above >= 0 and lines[above].startswith("# "), f"{line}: no comment above it"


def test_the_units_run_moot_with_the_environment_file():
    server = (DEPLOY / "systemd" / "moot.service").read_text()
    worker = (DEPLOY / "systemd" / "moot-worker@.service").read_text()
    for unit in (server, worker):
        assert "EnvironmentFile=/etc/moot/moot.env" in unit
        assert "User=moot" in unit and "ProtectSystem=strict" in unit
    assert "ExecStart=/srv/moot/.venv/bin/moot serve\n" in server
    assert "ExecStart=/srv/moot/.venv/bin/moot worker --worker-id %H-%i\n" in worker
