"""Which version of each paper goes into a pack, whether a meeting's agenda is published, and
the dispatch date a pack prints.

All three are publishing's to decide (``publishing/versions.py``), and
papers sit below publishing (shared/docs/architecture.md, "Layers"): so publishing registers
its rule here when the apps load, and the pack builder asks it. There is no fallback to the
current version: a pack built without the rule would put unapproved drafts in front of the
public.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    from meetings.models import Meeting

    from .models import DocumentVersion

PackVersions = Callable[["Meeting", Iterable[int]], dict[int, "DocumentVersion"]]
IsPublished = Callable[["Meeting"], bool]
DispatchDate = Callable[["Meeting", Iterable[int] | None], dt.date]


@dataclass(frozen=True)
class _Rules:
    pack_versions: PackVersions
    is_published: IsPublished
    dispatch_date: DispatchDate


_registered: list[_Rules] = []


def register(
    *, pack_versions: PackVersions, is_published: IsPublished, dispatch_date: DispatchDate
) -> None:
    """``pack_versions(meeting, doc_ids) -> {doc id: DocumentVersion}`` (content loaded);
    ``is_published(meeting) -> bool``; ``dispatch_date(meeting, supplement_papers=None) ->
    date`` (``publishing/state.py``)."""
    _registered[:] = [_Rules(pack_versions, is_published, dispatch_date)]


def _rules() -> _Rules:
    if not _registered:
        raise ImproperlyConfigured(
            "The publishing app decides what is published; it is not installed."
        )
    return _registered[0]


def pack_versions(meeting: Meeting, doc_ids: Iterable[int]) -> dict[int, DocumentVersion]:
    return _rules().pack_versions(meeting, doc_ids)


def is_published(meeting: Meeting) -> bool:
    return _rules().is_published(meeting)


def dispatch_date(meeting: Meeting, supplement_papers: Iterable[int] | None = None) -> dt.date:
    """The date the pack (``supplement_papers``: a supplementary pack of those item papers)
    is dispatched: the publication's date, or today for a proof."""
    return _rules().dispatch_date(meeting, supplement_papers)
