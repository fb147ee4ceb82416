"""Screenshots of the pages the browser tests visit, to look at as their users will.

Taken only when ``MOOT_SHOTS`` names a folder (``MOOT_SHOTS=/tmp/shots make test``): a run
that nobody looks at (CI) does not spend its time drawing and encoding full-page PNGs.
"""

from __future__ import annotations

import os
from pathlib import Path


def screenshot(page, name: str, *, full_page: bool = True) -> None:
    folder = os.environ.get("MOOT_SHOTS", "")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=full_page)
