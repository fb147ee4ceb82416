"""Further plantings for the canary crawl, one module per case.

Each module here defines ``plant(meeting, exempt_item, canary)``, called by the crawl's
``planted`` fixture after the base record is planted and before the packs are built and the
minutes published, and may define ``check(meeting, canary)``, the positive control that the
canary really is in the record. A module that needs to act after publication defines
``after_publication(meeting, exempt_item, canary)`` too.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def modules() -> list[ModuleType]:
    return [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    ]


def run(stage: str, *args) -> None:
    for module in modules():
        step = getattr(module, stage, None)
        if step is not None:
            step(*args)
