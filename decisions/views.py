"""The decisions register, a decision, a recorded vote and a member's voting record.

Thin views: the filters are read by ``filters.parse`` (problems become a GOV.UK error summary
and a 400), the rows come from ``queries`` (through ``proceedings.public`` only).
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from council.models import Person

from . import filters, queries

PER_PAGE = 20
VOTES_PER_PAGE = 50


def _paginate(context, f, rows, per_page) -> int:
    """Put the page of ``rows`` the filters ask for into ``context``; the status to answer:
    400 when the filters have problems (the form shows them), 404 with a message for a page
    beyond the last."""
    context["filters"] = f
    if not f.valid:
        return 400
    paginator = Paginator(rows, per_page, allow_empty_first_page=True)
    context["paginator"] = paginator
    if f.page > paginator.num_pages:
        context["page_missing"] = True
        return 404
    context["page"] = paginator.page(f.page)
    return 200


def register(request):
    choices = filters.bodies()
    f = filters.parse(
        request.GET,
        choices=choices,
        allowed={"body", "from", "to", "text", "status", "delegated", "page"},
    )
    context = {"bodies": choices, "statuses": filters.STATUSES}
    status = _paginate(context, f, queries.register(f) if f.valid else None, PER_PAGE)
    if status == 200:
        context["entries"] = queries.entries(list(context["page"].object_list))
    return render(request, "decisions/register.html", context, status=status)


def decision(request, pk):
    found = queries.decision(pk)
    if found is None:
        raise Http404("No such decision")
    return render(request, "decisions/decision.html", {"d": found, "e": found.entry})


def vote(request, pk):
    found = queries.vote_page(pk)
    if found is None:
        raise Http404("No such vote")
    return render(request, "decisions/vote.html", {"v": found})


def voting_record(request, slug):
    person = Person.objects.filter(slug=slug).first()
    if person is None:
        raise Http404("No such person")
    choices = filters.bodies()
    f = filters.parse(request.GET, choices=choices, allowed={"body", "from", "to", "page"})
    context = {"person": person, "bodies": choices}
    status = _paginate(
        context, f, queries.voting_record(person, f) if f.valid else None, VOTES_PER_PAGE
    )
    return render(request, "decisions/voting_record.html", context, status=status)
