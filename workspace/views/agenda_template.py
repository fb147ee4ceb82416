"""An agenda template in the workspace — a body's own, or the default for a kind of body that
every body of the kind without one of its own uses: its standard items (their order, place on
the agenda, part and kind) and the wording of its exempt part, saved in one step through
``meetings.template_changes.change_template``. A body without a template of its own starts
from the default for its kind of body, when there is one."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from council.models import Body, BodyKind
from meetings.models import PLACEHOLDERS, AgendaTemplate
from meetings.template_changes import (
    TemplateRefused,
    change_template,
    default_template_of,
    template_of,
)

from ..gate import officer
from ..template_forms import TemplateScreen

CHANGED_MEANWHILE = (
    "The agenda template was changed by someone else while you were editing it. Look at it "
    "again, then make your changes."
)


@dataclass(frozen=True)
class Subject:
    """Whose template the page edits: a body's, or every body's of a kind without its own."""

    name: str  # "Planning Committee", "every committee"
    url: str
    body: Body | None = None
    kind: str = ""  # the kind's label, for a default

    @property
    def kind_url(self) -> str:
        """The default template of the body's kind."""
        kind = self.body.kind if self.body is not None else ""
        return reverse("workspace:kind_template", args=[kind]) if kind else ""


@require_http_methods(["GET", "HEAD", "POST"])
@officer
def agenda_template(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    template = template_of(body)
    default = None
    if template.pk is None:
        default = AgendaTemplate.objects.filter(body=None, body_kind=body.kind).first()
    url = reverse("workspace:agenda_template", args=[body.slug])
    return _edit(request, template, Subject(str(body), url, body=body), default)


@require_http_methods(["GET", "HEAD", "POST"])
@officer
def kind_template(request: HttpRequest, kind: str) -> HttpResponse:
    labels = dict(BodyKind.choices)
    if kind not in labels:
        raise Http404("No such kind of body.")
    url = reverse("workspace:kind_template", args=[kind])
    subject = Subject(f"every {labels[kind].lower()}", url, kind=labels[kind])
    return _edit(request, default_template_of(kind), subject, None)


@require_safe
@officer
def kind_templates(request: HttpRequest) -> HttpResponse:
    """Each kind of body with its default template, if it has one, and the bodies using it."""
    saved = {
        t.body_kind: t for t in AgendaTemplate.objects.filter(body=None).prefetch_related("items")
    }
    own = set(AgendaTemplate.objects.filter(body__isnull=False).values_list("body_id", flat=True))
    using: dict[str, int] = {}
    for body in Body.objects.only("pk", "kind"):
        if body.pk not in own:
            using[body.kind] = using.get(body.kind, 0) + 1
    rows = [(kind, label, saved.get(kind), using.get(kind, 0)) for kind, label in BodyKind.choices]
    context = {"rows": rows, "nav_section": "programme"}
    return render(request, "workspace/kind_templates.html", context)


def _edit(
    request: HttpRequest,
    template: AgendaTemplate,
    subject: Subject,
    default: AgendaTemplate | None,
) -> HttpResponse:
    own = template.pk is not None
    page = (request, subject, own, default)
    if request.method != "POST":
        return _page(*page, TemplateScreen(template, start=default))
    screen = TemplateScreen(template, request.POST, start=default)
    if not screen.is_valid():
        return _page(*page, screen, status=400)
    screen.form.apply()
    try:
        change_template(template, screen.rows(), actor=request.user)
    except PermissionDenied as refusal:
        return _page(*page, screen, [(str(refusal), "")], status=403)
    except TemplateRefused as refusal:
        screen.refused(refusal.rows)
        return _page(*page, screen, status=400)
    except ValidationError as refusal:
        errors = [(message, "") for message in refusal.messages]
        return _page(*page, screen, errors, status=400)
    except IntegrityError:  # a template made or an item removed meanwhile
        return _page(*page, screen, [(CHANGED_MEANWHILE, "")], status=409)
    messages.success(request, f"The agenda template of {subject.name} is saved.")
    return HttpResponseRedirect(subject.url, status=303)


def _page(request, subject, own, default, screen, errors=None, status=200) -> HttpResponse:
    context = {
        "subject": subject,
        "body": subject.body,
        "screen": screen,
        "own": own,
        "default": default,
        "placeholders": sorted(PLACEHOLDERS.items()),
        "errors": list(errors or []) + screen.problems(),
        "nav_section": "programme",
    }
    return render(request, "workspace/agenda_template.html", context, status=status)
