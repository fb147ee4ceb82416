from django.http import Http404
from django.shortcuts import redirect, render

from proceedings.models import MinutesRecord
from proceedings.public import minutes_are_public
from proceedings.render.build import status_label
from publishing import inspection

from ..queries import meetings, packs, today


def meeting(request, pk, slug=None):
    found = meetings.meeting_for_page(pk)
    if found is None:
        raise Http404("No such meeting")
    if slug != found.slug:
        # The slug is decoration (it follows the body's name and the date): keep one address.
        return redirect(found.get_absolute_url(), permanent=True)
    previous, following = meetings.neighbours(found)
    offered, preparing = packs.pack_offer(found)
    return render(request, "website/meeting.html", {
        "meeting": found,
        "published": inspection.is_published(found),
        "agenda": meetings.agenda(found),
        "packs": offered,
        "packs_preparing": preparing,
        "due": inspection.due_by(found),
        "previous": previous,
        "next": following,
        "today": today(),
        "minutes": _minutes(found),
    })


def _minutes(meeting):
    """The published minutes' record (for the link and status), or None: the one gate is
    ``proceedings.public``."""

    if not minutes_are_public(meeting):
        return None
    record = MinutesRecord.objects.select_related("approved_by_minute__meeting__body",
                                                  "signed_by").get(meeting=meeting)
    return {"record": record, "status": status_label(record)}


def calendar(request, year=None, month=None):
    if year is None:
        first = today().replace(day=1)
    else:
        first = meetings.month_start(int(year), int(month))
        if first is None:
            raise Http404("No such month")
    return render(request, "website/calendar.html", {"month": meetings.month(first)})
