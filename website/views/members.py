from django.http import Http404
from django.shortcuts import render

from ..queries import members
from ..queries.attendance import attendance_stats


def index(request):
    return render(request, "website/members.html", {"index": members.members_index()})


def former(request):
    day, people = members.former_councillors()
    return render(request, "website/members_former.html", {"day": day, "people": people})


def member(request, slug):
    page = members.member_page(slug)
    if page is None:
        raise Http404("No such person")
    attendance = attendance_stats(page.person, page.current_memberships + page.past_memberships)
    return render(
        request,
        "website/member.html",
        {
            "page": page,
            "attendance": attendance,
            "has_votes": attendance.has_votes,
        },
    )
