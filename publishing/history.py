"""A meeting's document history as the public may see it.

A restricted paper (exempt or confidential, or an appendix of a restricted report) is shown
only as "Restricted document (paragraph N)": never its title, and never the reason given for
withdrawing or replacing it, which could describe the withheld information.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from meetings.models import Meeting
from papers.models import AgendaPack, Document, PackKind, PackStatus

from .models import PublicationEvent
from .state import is_published


@dataclass
class PublicEvent:
    at: dt.datetime | None
    what: str  # the kind of event, in words
    document: str  # the paper's title, its restriction notice, or "" for the agenda itself
    note: str
    restricted: bool = False
    date_only: bool = False  # a historical record: the printed date is known, not the hour


def restriction_of(doc: Document) -> Document | None:
    """The document whose restriction withholds ``doc`` (itself or its report), if any."""
    if doc.is_restricted:
        return doc
    if doc.parent_id and doc.parent.is_restricted:
        return doc.parent
    return None


def notice(doc: Document) -> str:
    if doc.withheld_paragraph:
        return f"Restricted document (paragraph {doc.withheld_paragraph})"
    return "Restricted document (confidential information)"


def public_events(meeting: Meeting) -> list[PublicEvent]:
    """The meeting's publication history, oldest first, with restricted papers masked."""
    events = (
        PublicationEvent.objects.filter(meeting=meeting)
        .select_related("document__parent", "version", "publication")
        .order_by("at", "pk")
    )
    rows = []
    for event in events:
        row = _row(event)
        row.date_only = bool(event.publication_id and event.publication.historical)
        rows.append(row)
    return rows


def _row(event: PublicationEvent) -> PublicEvent:
    doc = event.document
    if doc is None:
        return PublicEvent(event.at, event.get_kind_display(), "", event.note)
    withheld = restriction_of(doc)
    if withheld is not None:
        version = f"Version {event.version.number}" if event.version else ""
        return PublicEvent(
            event.at, event.get_kind_display(), notice(withheld), version, restricted=True
        )
    title = f"{doc.label}: {doc.title}" if doc.label else doc.title
    return PublicEvent(event.at, event.get_kind_display(), title, event.note)


@dataclass
class PackVersion:
    """One built public pack of the meeting, as the document history lists it."""

    pack: object
    what: str  # "Agenda reports pack" or "Supplementary agenda N"
    reason: str  # why it was rebuilt ("" for the first version)
    withdrawn: bool  # no longer open to the public: it held a paper since withheld

    @property
    def built_at(self):
        return self.pack.built_at


def public_pack_versions(meeting: Meeting) -> list[PackVersion]:
    """Every public pack built for the meeting once it is published, in the order built:
    the version open to inspection at publication and each rebuild, with its reason. A
    withdrawn version is listed (when and why) but not offered: ``public_pack_file`` refuses it."""
    if not is_published(meeting):
        return []
    rows = AgendaPack.objects.filter(
        meeting=meeting, kind=PackKind.PUBLIC, status=PackStatus.BUILT
    ).order_by("supplement", "built_at", "pk")
    return [
        PackVersion(
            p,
            f"Supplementary agenda {p.supplement}" if p.supplement else "Agenda reports pack",
            p.reason,
            p.withdrawn_at is not None,
        )
        for p in rows
        if p.file
    ]


def public_pack_file(meeting: Meeting, pack_id: int):
    """A built public pack version the public may download, or None."""
    for version in public_pack_versions(meeting):
        if version.pack.pk == pack_id and not version.withdrawn:
            return version.pack
    return None
