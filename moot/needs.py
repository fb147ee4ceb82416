"""What a test needs from the machine (Chromium, axe-core, nginx, SeaweedFS …). Under
``CI=true`` a missing one fails the run: ``.ci/run`` installs each, so nothing is skipped for
lack of it there. On a developer's machine the test is skipped, saying what to install."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"


def unavailable(what: str, install: str) -> NoReturn:
    """Stop the test for lack of ``what``: a failure under CI, a skip elsewhere."""
    if IN_CI:
        pytest.fail(f"{what}: required under CI=true ({install}).")
    pytest.skip(f"{what} ({install})")
