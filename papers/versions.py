"""Which version of each paper goes into a pack, whether a meeting's agenda is published, and
the dispatch date a pack prints.

All three are publishing's to decide (``publishing/versions.py``), and
papers sit below publishing (shared/docs/architecture.md, "Layers"): so publishing registers
its rule here when the apps load, and the pack builder asks it. There is no fallback to the
current version: a pack built without the rule would put unapproved drafts in front of the
public.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

_rules: dict[str, Callable] = {}


def register(*, pack_versions: Callable, is_published: Callable, dispatch_date: Callable) -> None:
    """``pack_versions(meeting, doc_ids) -> {doc id: DocumentVersion}`` (content loaded);
    ``is_published(meeting) -> bool``; ``dispatch_date(meeting, supplement_papers=None) ->
    date`` (``publishing/state.py``)."""
    _rules.update(
        pack_versions=pack_versions, is_published=is_published, dispatch_date=dispatch_date
    )


def _rule(name: str) -> Callable:
    if name not in _rules:
        raise ImproperlyConfigured(
            "The publishing app decides what is published; it is not installed."
        )
    return _rules[name]


def pack_versions(meeting, doc_ids) -> dict:
    return _rule("pack_versions")(meeting, doc_ids)


def is_published(meeting) -> bool:
    return _rule("is_published")(meeting)


def dispatch_date(meeting, supplement_papers=None):
    """The date the pack (``supplement_papers``: a supplementary pack of those item papers)
    is dispatched: the publication's date, or today for a proof."""
    return _rule("dispatch_date")(meeting, supplement_papers)
