"""A body's agenda template in the workspace: its standard items (their order, place on the
agenda, part and kind) and the wording of its exempt part, saved in one step through
``meetings.template_changes.change_template``. A body without a template of its own starts
from the default for its kind of body, when there is one."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from council.models import Body
from meetings.models import PLACEHOLDERS, AgendaTemplate
from meetings.template_changes import TemplateRefused, change_template, template_of

from ..gate import officer
from ..template_forms import TemplateScreen

CHANGED_MEANWHILE = (
    "The agenda template was changed by someone else while you were editing it. Look at it "
    "again, then make your changes."
)


@require_http_methods(["GET", "HEAD", "POST"])
@officer
def agenda_template(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    template = template_of(body)
    own = template.pk is not None
    default = None if own else AgendaTemplate.objects.filter(body=None, body_kind=body.kind).first()
    if request.method != "POST":
        return _page(request, body, TemplateScreen(template, start=default), own, default)
    screen = TemplateScreen(template, request.POST, start=default)
    if not screen.is_valid():
        return _page(request, body, screen, own, default, status=400)
    screen.form.apply()
    try:
        change_template(template, screen.rows(), actor=request.user)
    except PermissionDenied as refusal:
        return _page(request, body, screen, own, default, [(str(refusal), "")], status=403)
    except TemplateRefused as refusal:
        screen.refused(refusal.rows)
        return _page(request, body, screen, own, default, status=400)
    except ValidationError as refusal:
        errors = [(message, "") for message in refusal.messages]
        return _page(request, body, screen, own, default, errors, status=400)
    except IntegrityError:  # a template made or an item removed meanwhile
        return _page(request, body, screen, own, default, [(CHANGED_MEANWHILE, "")], status=409)
    messages.success(request, f"The agenda template of {body} is saved.")
    url = reverse("workspace:agenda_template", args=[body.slug])
    return HttpResponseRedirect(url, status=303)


def _page(request, body, screen, own, default, errors=None, status=200) -> HttpResponse:
    context = {
        "body": body,
        "screen": screen,
        "own": own,
        "default": default,
        "placeholders": sorted(PLACEHOLDERS.items()),
        "errors": list(errors or []) + screen.problems(),
        "nav_section": "programme",
    }
    return render(request, "workspace/agenda_template.html", context, status=status)
