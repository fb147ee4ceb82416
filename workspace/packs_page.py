"""The meeting's agenda packs as democratic services see them: each pack (public, members',
each supplement) with its versions, newest first, and how far a build has gone. Packs are
requested and built by ``papers.packs``: this only reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from meetings.models import Meeting
from papers.models import AgendaPack, PackKind, PackStatus

RUNNING = (PackStatus.QUEUED, PackStatus.BUILDING)
NAMES = {PackKind.PUBLIC: "public reports pack", PackKind.MEMBERS: "members' pack"}


def holds_exempt(pack: AgendaPack) -> bool:
    """The members' pack, or a public pack withdrawn because a paper in it was since withheld
    (``papers.packs.withdraw_packs_with``): seeing it is logged (``access.exempt_log``)."""
    return pack.kind == PackKind.MEMBERS or pack.withdrawn_at is not None


@dataclass
class Version:
    number: int  # 1 for the first build of the pack
    pack: AgendaPack

    @property
    def running(self) -> bool:
        return self.pack.status in RUNNING

    @property
    def exempt(self) -> bool:
        return holds_exempt(self.pack)

    @property
    def tag(self) -> str:
        return {
            PackStatus.QUEUED: "govuk-tag--grey",
            PackStatus.BUILDING: "govuk-tag--blue",
            PackStatus.BUILT: "govuk-tag--green",
            PackStatus.FAILED: "govuk-tag--red",
        }[self.pack.status]


@dataclass
class Pack:
    title: str
    kind: str
    supplement: int
    versions: list[Version] = field(default_factory=list)  # newest first


@dataclass
class PacksPage:
    meeting: Meeting
    packs: list[Pack]

    @property
    def versions(self) -> list[Version]:
        return [v for p in self.packs for v in p.versions]

    @property
    def running(self) -> bool:
        return any(v.running for v in self.versions)

    @property
    def summary(self) -> str:
        """One sentence that changes only when a build starts, ends or fails (it is read out
        by screen readers as the page updates)."""
        versions = self.versions
        if not versions:
            return "No pack has been built for this meeting."
        running = sum(1 for v in versions if v.running)
        if running:
            return f"{running} pack build{'s are' if running > 1 else ' is'} in progress."
        latest_failed = [p for p in self.packs if p.versions[0].pack.status == PackStatus.FAILED]
        if latest_failed:
            return f"The latest build of the {latest_failed[0].title.lower()} failed."
        return "Every pack is built."


def _title(kind: str, supplement: int) -> str:
    name = NAMES[kind].capitalize()
    return f"{name}, supplementary agenda {supplement}" if supplement else name


def packs_page(meeting: Meeting) -> PacksPage:
    packs: dict[tuple[int, str], Pack] = {}
    # The public pack before the members', each supplement after the agenda's packs.
    rows = AgendaPack.objects.filter(meeting=meeting).order_by(
        "supplement", "-kind", "requested_at", "pk"
    )
    for row in rows:
        key = (row.supplement, row.kind)
        if key not in packs:
            packs[key] = Pack(_title(row.kind, row.supplement), row.kind, row.supplement)
        pack = packs[key]
        pack.versions.insert(0, Version(len(pack.versions) + 1, row))
    return PacksPage(meeting, list(packs.values()))
