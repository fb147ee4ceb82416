from django.http import Http404
from django.shortcuts import redirect, render

from council.models import BodyKind

from ..queries import bodies


def committees(request):
    sections, former = bodies.committee_sections()
    return render(request, "website/committees.html", {"sections": sections, "former": former})


def committee(request, slug):
    body = bodies.body_for_page(slug)
    if body is None:
        raise Http404("No such committee")
    if body.kind == BodyKind.OUTSIDE_BODY:
        return redirect(body.get_absolute_url(), permanent=True)
    return render(request, "website/committee.html", {"page": bodies.committee_page(body)})


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
    return render(request, "website/outside_body.html", {
        "body": body, "representation": representation, "memberships": memberships,
    })
