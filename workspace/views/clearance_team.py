"""Who is in a clearance step's team, changed in the workspace: people added to it and taken
out of it, or a team created for a step that has none, each through
``publishing.clearance_teams`` (the actor checked, the change audited). For democratic
services and the officers allowed to change clearance steps, as the steps' own pages."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from publishing import clearance_teams as teams
from publishing.clearance_steps import may_manage_steps, signer_choices
from publishing.models import ClearanceStep

from ..agenda_forms import add_errors, problems
from ..gate import staff
from .clearance_steps import CLASH, REFUSAL


class TeamForm(forms.Form):
    def __init__(self, step: ClearanceStep, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.step = step


class OfficerChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return teams.name_of(obj)


class AddForm(TeamForm):
    user = OfficerChoice(
        signer_choices(),
        label="Officer to add",
        empty_label="Choose an officer",
        error_messages={
            "required": "Choose the officer to add to the team.",
            "invalid_choice": "Choose an officer from the list.",
        },
    )

    def __init__(self, step: ClearanceStep, *args, **kwargs):
        super().__init__(step, *args, **kwargs)
        field = self.fields["user"]
        assert isinstance(field, OfficerChoice)
        if step.group is not None:  # those in the team already are not offered
            field.queryset = signer_choices().exclude(groups=step.group)


class RemoveForm(TeamForm):
    user = forms.ModelChoiceField(
        User.objects.all(),
        error_messages={
            "required": "Say who to take out of the team.",
            "invalid_choice": "That account is no longer recorded: look again.",
        },
    )


class CreateForm(TeamForm):
    name = forms.CharField(
        label="Name of the team",
        max_length=150,
        help_text="As the report's page shows who signs the step off, e.g. Legal Services.",
        error_messages={"required": "Enter the team's name, e.g. Legal Services."},
    )


FORMS = {"add": AddForm, "remove": RemoveForm, "create": CreateForm}


def _page(request, step, *, form=None, status=200) -> HttpResponse:
    group = step.group
    context = {
        "step": step,
        "group": group,
        "members": teams.members(group) if group else [],
        "locked": teams.locked(group) if group else "",
        "add": form if isinstance(form, AddForm) else AddForm(step),
        "create": form if isinstance(form, CreateForm) else CreateForm(step),
        "problems": problems(form) if form is not None else [],
        "nav_section": "home",
    }
    return render(request, "workspace/clearance_team.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@staff
def team(request: HttpRequest, pk: int) -> HttpResponse:
    if not may_manage_steps(request.user):
        return render(request, REFUSAL, status=403)
    step = get_object_or_404(ClearanceStep.objects.select_related("group"), pk=pk)
    if request.method != "POST":
        return _page(request, step)
    op = request.POST.get("op", "")
    if op not in FORMS:
        refused = forms.Form(request.POST)
        refused.add_error(None, "That is not a change this page makes.")
        return _page(request, step, form=refused, status=400)
    form = FORMS[op](step, request.POST)
    if not form.is_valid():
        return _page(request, step, form=form, status=400)
    try:
        if op == "create":
            teams.create_team(step, form.cleaned_data["name"], actor=request.user)
            done = f"The team {step.group} is created for {step}."
        else:
            change = teams.add_to_team if op == "add" else teams.remove_from_team
            user = form.cleaned_data["user"]
            group = change(step, user, actor=request.user)
            where = "added to" if op == "add" else "taken out of"
            done = f"{teams.name_of(user)} is {where} {group.name}."
    except PermissionDenied as refusal:
        form.add_error(None, str(refusal))
        return _page(request, step, form=form, status=403)
    except ValidationError as refusal:
        add_errors(form, refusal)
        return _page(request, step, form=form, status=400)
    except IntegrityError:
        form.add_error(None, CLASH)
        return _page(request, step, form=form, status=409)
    messages.success(request, done)
    url = reverse("workspace:clearance_team", args=[step.pk])
    return HttpResponseRedirect(url, status=303)
