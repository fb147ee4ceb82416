"""Meetings: the meeting page (with its agenda in the seeds' two parts, once published) and
the home-page lists. The calendar is in ``calendar``."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from meetings.agenda_templates import ExemptPart, exempt_part
from meetings.models import AgendaItem, Meeting
from publishing import inspection, public

from . import today


@dataclass
class Agenda:
    public: list[AgendaItem] = field(default_factory=list)
    exempt: list[AgendaItem] = field(default_factory=list)
    # The heading and words of the exempt part, in the body's template's wording.
    exempt_part: ExemptPart | None = None

    @property
    def exempt_paragraphs(self) -> list[int]:
        """The distinct Schedule 12A paragraphs the exempt items rely on, sub-items included."""
        paras = {i.exemption_paragraph for i in self.exempt if i.exemption_paragraph}
        paras |= {
            s.exemption_paragraph
            for i in self.exempt + self.public
            for s in i.children
            if s.exemption_paragraph
        }
        return sorted(paras)


def agenda(meeting: Meeting) -> Agenda | None:
    """The meeting's items split into public and exempt parts, sub-items under their item;
    None until the agenda is published (the notice of the meeting is public, its agenda is not
    yet open to inspection).

    Up to seven queries: publication, the items, and their published papers
    (``item.listed_papers``). Sub-items are attached as ``item.children`` in agenda order.
    """
    if not inspection.is_published(meeting):
        return None
    items = list(meeting.items.select_related("mover", "seconder").order_by("order", "pk"))
    by_pk = {i.pk: i for i in items}
    for i in items:
        i.children = []
    result = Agenda()
    for i in items:
        parent = by_pk.get(i.parent_id)
        if parent is not None:
            i.parent = parent  # loaded once: ``is_exempt`` follows the parents
            parent.children.append(i)
        elif i.is_exempt:
            result.exempt.append(i)
        else:
            result.public.append(i)
    public.attach_papers(meeting, items)
    result.exempt_part = exempt_part(meeting, result.exempt_paragraphs if result.exempt else [])
    return result


def meeting_for_page(pk: int) -> Meeting | None:
    return (
        Meeting.objects.select_related(
            "body", "body__contact_officer", "body__parent", "venue", "contact"
        )
        .filter(pk=pk)
        .first()
    )


def neighbours(meeting: Meeting) -> tuple[Meeting | None, Meeting | None]:
    """The body's previous and next meetings (by date, then by id on the same day)."""
    same_body = Meeting.objects.filter(body_id=meeting.body_id).select_related("body")
    earlier = same_body.filter(
        Q(date__lt=meeting.date) | Q(date=meeting.date, pk__lt=meeting.pk)
    ).order_by("-date", "-pk")
    later = same_body.filter(
        Q(date__gt=meeting.date) | Q(date=meeting.date, pk__gt=meeting.pk)
    ).order_by("date", "pk")
    return earlier.first(), later.first()


def upcoming(limit: int = 10) -> list[Meeting]:
    return list(
        Meeting.objects.filter(date__gte=today())
        .select_related("body", "venue")
        .order_by("date", "start_time", "pk")[:limit]
    )


def recent(limit: int = 10) -> list[Meeting]:
    return list(
        Meeting.objects.filter(date__lt=today())
        .select_related("body", "venue")
        .order_by("-date", "-start_time", "-pk")[:limit]
    )
