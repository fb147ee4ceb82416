"""The form of one clearance step: its name and order, whether it is in use, who signs it off
and whether its author may sign off their own report. ``publishing.clearance_steps.save_step``
decides what is allowed."""

from __future__ import annotations

from django import forms
from django.contrib.auth.models import Group

from access.rules import ADMINISTRATORS
from publishing.clearance_steps import signer_choices
from publishing.models import ClearanceStep

from .agenda_forms import order_field


class SignerChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.get_username()


class StepForm(forms.Form):
    name = forms.CharField(
        max_length=100,
        help_text="As the report's page shows it, e.g. Legal or Finance.",
        error_messages={"required": "Enter the step's name, e.g. Legal."},
    )
    order = order_field(0, "Steps are listed from the lowest number.")
    group = forms.ModelChoiceField(
        label="Team that signs it off (optional)",
        queryset=Group.objects.none(),
        required=False,
        empty_label="No team",
        help_text="Any member of the team may sign it off.",
        error_messages={"invalid_choice": "Choose a team from the list."},
    )
    users = SignerChoice(
        label="Officers who sign it off (optional)",
        queryset=signer_choices(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Besides the team's members. With no team and no officer, any officer may "
        "sign it off.",
        error_messages={
            "invalid_choice": "Choose officers from the list.",
            "invalid_pk_value": "Choose officers from the list.",
        },
    )
    separate_from_author = forms.BooleanField(
        label="The report's author may not sign off this step on their own report", required=False
    )
    active = forms.BooleanField(label="In use: reports need this step signed off", required=False)

    FIELDS = ("name", "order", "separate_from_author", "active")

    def __init__(self, step: ClearanceStep, *args, **kwargs):
        if step.pk is not None:
            initial = {name: getattr(step, name) for name in self.FIELDS}
            initial |= {"group": step.group_id, "users": list(step.users.all())}
        else:
            initial = {"separate_from_author": True, "active": True}
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.step = step
        group = self.fields["group"]
        assert isinstance(group, forms.ModelChoiceField)
        # The administrators are not a team that clears reports.
        group.queryset = Group.objects.exclude(name=ADMINISTRATORS).order_by("name")

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if ClearanceStep.objects.exclude(pk=self.step.pk).filter(name__iexact=name).exists():
            raise forms.ValidationError(
                f"There is already a clearance step called {name}: choose another name."
            )
        return name

    def apply(self) -> ClearanceStep:
        for name in self.FIELDS:
            setattr(self.step, name, self.cleaned_data[name])
        if self.cleaned_data["order"] is None:
            self.step.order = 0
        return self.step
