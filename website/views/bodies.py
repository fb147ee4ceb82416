from django.http import Http404
from django.shortcuts import redirect, render

from council.models import BodyKind
from decisions.queries import minutes_url

from ..queries import bodies, work_programme


def committees(request):
    sections, former = bodies.committee_sections()
    return render(request, "website/committees.html", {"sections": sections, "former": former})


def committee(request, slug):
    body = bodies.body_for_page(slug)
    if body is None:
        raise Http404("No such committee")
    if body.kind == BodyKind.OUTSIDE_BODY:
        return redirect(body.get_absolute_url(), permanent=True)
    actions = work_programme.actions(body)
    links = {}
    for a in actions.open + actions.completed:
        if a.meeting_id not in links:
            links[a.meeting_id] = minutes_url(a.meeting)
        a.minute_link = (
            f"{links[a.meeting_id]}#minute-{a.minute.number}"
            if (a.minute_id and links[a.meeting_id])
            else ""
        )
    return render(
        request,
        "website/committee.html",
        {
            "page": bodies.committee_page(body),
            "actions": actions,
        },
    )


def outside_bodies(request):
    return render(request, "website/outside_bodies.html", {"bodies": bodies.outside_bodies()})


def outside_body(request, slug):
    found = bodies.outside_body(slug)
    if found is None:
        body = bodies.body_for_page(slug)
        if body is not None:  # a committee reached by the outside-bodies address
            return redirect(body.get_absolute_url(), permanent=True)
        raise Http404("No such outside body")
    body, representation, memberships = found
    return render(
        request,
        "website/outside_body.html",
        {
            "body": body,
            "representation": representation,
            "memberships": memberships,
        },
    )
