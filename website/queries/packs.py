"""The meeting's agenda packs as the public site offers them: the latest built public pack of
each kind (agenda, supplement 1, 2 …), once the meeting's agenda is published. Members' packs
include exempt papers and are never offered or served here."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from meetings.models import Meeting
from papers import packs
from papers.models import AgendaPack, PackKind, PackStatus
from publishing import inspection


@dataclass
class PackLink:
    pack: AgendaPack
    url: str

    @property
    def label(self) -> str:
        if self.pack.supplement:
            return f"Supplementary agenda {self.pack.supplement}"
        return "Agenda reports pack"


def pack_url(meeting: Meeting, supplement: int) -> str:
    if supplement:
        return reverse("website:supplementary_pack", args=[meeting.pk, meeting.slug, supplement])
    return reverse("website:agenda_pack", args=[meeting.pk, meeting.slug])


def public_packs(meeting: Meeting) -> list[PackLink]:
    """The latest built public pack of each supplement number, agenda pack first; none before
    the agenda is published. It picks the same row as ``papers.packs.latest``, which serves
    the file."""
    return pack_offer(meeting)[0]


def pack_offer(meeting: Meeting) -> tuple[list[PackLink], list[str]]:
    """What the meeting page offers: the public packs (``public_packs``), and what it says is
    being prepared: each public pack requested (queued or building) of a supplement number
    with no built pack yet, e.g. just after the agenda is published or ``moot demo`` has
    queued the packs. Nothing before the agenda is published. One query (with the
    publication check, unless it is known)."""
    if not inspection.is_published(meeting):
        return [], []
    rows = AgendaPack.objects.filter(
        meeting=meeting,
        kind=PackKind.PUBLIC,
        withdrawn_at__isnull=True,
        status__in=[PackStatus.BUILT, PackStatus.QUEUED, PackStatus.BUILDING],
    ).order_by("supplement", "-built_at")
    latest: dict[int, AgendaPack] = {}
    waiting: set[int] = set()
    for pack in rows:
        if pack.status == PackStatus.BUILT:
            latest.setdefault(pack.supplement, pack)
        else:
            waiting.add(pack.supplement)
    links = [PackLink(p, pack_url(meeting, n)) for n, p in latest.items() if p.file]
    offered = {link.pack.supplement for link in links}
    preparing = [
        f"The supplementary agenda {n} pack is being prepared"
        if n
        else "The agenda pack is being prepared"
        for n in sorted(waiting - offered)
    ]
    return links, preparing


def public_pack(meeting: Meeting, supplement: int) -> AgendaPack | None:
    if not inspection.is_published(meeting):
        return None
    pack = packs.latest(meeting, PackKind.PUBLIC, supplement)
    return pack if pack is not None and pack.file else None
