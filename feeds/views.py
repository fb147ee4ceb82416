"""The public's email subscriptions: subscribe, confirm (double opt-in) and unsubscribe.

Every problem with a link is a page saying what went wrong (400 or 404), never an error 500.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from council.models import Body

from . import subscriptions
from .forms import SubscribeForm
from .subscriptions import TokenProblem


def _body(slug: str | None) -> Body | None:
    if not slug:
        return None
    body = Body.objects.filter(slug=slug).first()
    if body is None:
        raise Http404("No such committee")
    return body


def _message(request, title: str, paragraphs: list[str], status: int = 200, **extra):
    return render(
        request,
        "feeds/message.html",
        {"heading": title, "paragraphs": paragraphs, **extra},
        status=status,
    )


def _problem(request, problem: TokenProblem) -> HttpResponse:
    return _message(request, problem.title, [problem.message], problem.status, subscribe_again=True)


@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    body = _body(request.POST.get("body") or request.GET.get("body"))
    # Bound on every POST, even an empty one, so a missing address is reported.
    form = SubscribeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            subscriptions.subscribe(form.cleaned_data["email"], body)
            query = f"?{urlencode({'body': body.slug})}" if body else ""
            return redirect(reverse("feeds:sent") + query)
        return render(request, "feeds/subscribe.html", {"form": form, "body": body}, status=400)
    return render(request, "feeds/subscribe.html", {"form": form, "body": body})


def sent(request: HttpRequest) -> HttpResponse:
    body = Body.objects.filter(slug=request.GET.get("body") or "").first()
    scope = f"the {body.name}" if body else "all committees and meetings"
    # The same words whether or not the address was subscribed already: the page must not
    # tell anyone which addresses are on the list.
    return _message(
        request,
        "Check your email",
        [
            f"If the address you gave is not already receiving alerts about {scope}, we have sent "
            "it an email with a link to confirm your subscription.",
            f"The link works for {subscriptions.CONFIRM_DAYS} days. You will not get any alerts "
            "until you confirm.",
        ],
    )


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        sub = subscriptions.for_confirmation(token)
        if request.method == "POST":
            subscriptions.confirm(sub)
            return _message(
                request,
                "Subscription confirmed",
                [
                    f"You will get an email when an agenda or minutes are published for "
                    f"{_scope(sub)}.",
                    "Every email has a link to unsubscribe.",
                ],
            )
    except TokenProblem as problem:
        return _problem(request, problem)
    # Confirm on a button, not on the GET: mail scanners follow links in emails.
    return render(
        request,
        "feeds/action.html",
        {
            "heading": "Confirm your subscription",
            "text": f"Send alerts about {_scope(sub)} to {sub.email}.",
            "button": "Confirm subscription",
            "csrf": True,
        },
    )


@csrf_exempt  # RFC 8058: mail providers POST the one-click request without a CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        sub = subscriptions.for_unsubscribe(token)
    except TokenProblem as problem:
        return _problem(request, problem)
    if request.method == "POST" or sub.unsubscribed_at is not None:
        subscriptions.unsubscribe(sub)  # a second time changes nothing
        return _message(
            request,
            "You have unsubscribed",
            [
                f"{sub.email} will not get any more alerts about {_scope(sub)}.",
            ],
        )
    return render(
        request,
        "feeds/action.html",
        {
            "heading": "Unsubscribe",
            "text": f"Stop sending alerts about {_scope(sub)} to {sub.email}.",
            "button": "Unsubscribe",
            "csrf": False,
        },
    )


def _scope(sub) -> str:
    return f"the {sub.body.name}" if sub.body_id else "all committees and meetings"
