"""What the minutes draw on from the record: the people's name forms, and which minutes,
motions, resolutions and declarations a rendering of the minutes shows (``proceedings.render``
lays them out). What is public is ``proceedings.public``'s answer alone.
"""

from __future__ import annotations

from council.models import Person, PersonNameForm
from council.models.people import NameFormKind
from meetings.models import Meeting

from . import public
from .models import Declaration, Minute, Motion, Resolution

# --- Names -----------------------------------------------------------------------------------


def vote_name(person: Person, short_forms: dict[int, str] | None = None) -> str:
    """The vote-list form: a recorded short name form, else "Mrs A Allen" (title, first
    initial, surname; no honours)."""
    if short_forms is not None and person.pk in short_forms:
        return short_forms[person.pk]
    initial = person.initials.split()[0] if person.initials else ""
    if not initial and person.forenames:
        initial = person.forenames[0].upper()
    return " ".join(p for p in (person.title, initial, person.surname) if p)


def short_forms_of(people) -> dict[int, str]:

    forms: dict[int, str] = {}
    for nf in PersonNameForm.objects.filter(
        person__in=people, kind=NameFormKind.SHORT
    ).order_by("pk"):
        forms.setdefault(nf.person_id, nf.text)
    return forms



# --- What is shown ---------------------------------------------------------------------------


def selection(meeting: Meeting, exempt: bool):
    """(minutes, motions, resolutions, declarations) of the exempt minutes, or of the public
    minutes as ``proceedings.public`` decides (whether or not they are published yet: the
    public form of draft minutes follows the same rule)."""
    closed = public.closed_motion_ids(meeting)
    minutes = Minute.objects.filter(meeting=meeting).select_related("item").order_by("number")
    motions = Motion.objects.filter(meeting=meeting)
    resolutions = Resolution.objects.filter(minute__meeting=meeting)
    declarations = Declaration.objects.filter(meeting=meeting)
    if exempt:
        minutes = minutes.filter(public.closed_minute_q())
        motions = motions.filter(pk__in=closed)
    else:
        minutes = minutes.exclude(public.closed_minute_q())
        # Never a motion (or its vote) minuted in closed session, whatever its item.
        motions = motions.exclude(pk__in=closed)
        declarations = declarations.filter(pk__in=public.open_declarations().values("pk"))
    motions = list(
        motions.select_related("mover", "seconder", "nominee", "vote").order_by("order", "pk"))
    return (list(minutes), motions, list(resolutions.order_by("pk")), declarations)


def motion_minutes(meeting: Meeting, resolutions) -> dict[tuple[str, int], int]:
    """Where a motion is minuted: the minute whose resolution records it (``("motion", id)``),
    else the first minute taken on its item (``("item", id)``), as declarations are."""
    targets: dict[tuple[str, int], int] = {}
    for r in resolutions:
        if r.motion_id:
            targets.setdefault(("motion", r.motion_id), r.minute_id)
    for pk, item_id in (Minute.objects.filter(meeting=meeting, item__isnull=False)
                        .order_by("number").values_list("pk", "item_id")):
        targets.setdefault(("item", item_id), pk)
    return targets


