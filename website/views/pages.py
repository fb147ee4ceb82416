from django.shortcuts import render

from ..queries import meetings, papers


def home(request):
    return render(request, "website/home.html", {
        "upcoming": meetings.upcoming(),
        "recent": meetings.recent(),
        "papers": papers.recent(),
    })


def accessibility(request):
    return render(request, "website/accessibility.html")
