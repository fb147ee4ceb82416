from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the request so no context processor runs: the database may be the
    # very thing that failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
