"""Moot's own public page cache turned on for a test (website/cache.py): in memory, with a
public generation folder of the test's own (audit/generation.py)."""

from __future__ import annotations

from pathlib import Path


def page_cache_on(settings, folder: Path) -> None:
    settings.MOOT_PAGE_CACHE = True
    settings.MOOT_PUBLIC_GENERATION_DIR = folder / "generation"
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"pages-{folder.name}",
            "OPTIONS": {"MAX_ENTRIES": 100_000},  # a whole crawl's pages
        },
    }
