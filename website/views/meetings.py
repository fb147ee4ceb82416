from django.http import Http404
from django.shortcuts import redirect, render

from ..queries import meetings, outcomes, packs, publication, today


def meeting(request, pk, slug=None):
    found = meetings.meeting_for_page(pk)
    if found is None:
        raise Http404("No such meeting")
    if slug != found.slug:
        # The slug is decoration (it follows the body's name and the date): keep one address.
        return redirect(found.get_absolute_url(), permanent=True)
    previous, following = meetings.neighbours(found)
    offered, preparing = packs.pack_offer(found)
    happened = outcomes.outcomes(found)
    return render(request, "website/meeting.html", {
        "meeting": found,
        "published": publication.is_published(found),
        "agenda": meetings.agenda(found),
        "packs": offered,
        "packs_preparing": preparing,
        "due": publication.due_by(found),
        "previous": previous,
        "next": following,
        "today": today(),
        # A held meeting's page leads with what happened; an upcoming one with its agenda.
        "held": outcomes.is_held(found, happened),
        "outcomes": happened,
    })


def calendar(request, year=None, month=None):
    if year is None:
        first = today().replace(day=1)
    else:
        first = meetings.month_start(int(year), int(month))
        if first is None:
            raise Http404("No such month")
    return render(request, "website/calendar.html", {"month": meetings.month(first)})
