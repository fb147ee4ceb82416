"""Which version of each paper goes into a pack.

Whether a version is published is publishing's to decide (``publishing/versions.py``), and
papers sit below publishing (shared/docs/architecture.md, "Layers"): so publishing registers
its rule here when the apps load, and the pack builder asks it. There is no fallback to the
current version: a pack built without the rule would put unapproved drafts in front of the
public.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

_rule: Callable | None = None


def register(rule: Callable) -> None:
    """``rule(meeting, doc_ids) -> {doc id: DocumentVersion}`` (content loaded)."""
    global _rule
    _rule = rule


def pack_versions(meeting, doc_ids) -> dict:
    if _rule is None:
        raise ImproperlyConfigured("The publishing app decides which versions go into a pack; "
                                   "it is not installed.")
    return _rule(meeting, doc_ids)
