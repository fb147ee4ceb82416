"""Annual appointments as a form: for each membership of the plan (``council.renewal``) whether
it is carried over, ended or changed (role, political group of the seat, person), and the
new appointments to add. ``apply_to`` marks the plan as the officer chose; nothing is saved
here."""

from __future__ import annotations

import hashlib

from django import forms
from django.db.models import Q

from council.date_fields import TypedDateField as DateField
from council.dates import current_authority
from council.models import Person, PoliticalGroup, Role
from council.renewal import Change, Plan

ADD_ROWS = 3  # blank rows for new appointments, beyond those already filled in
MOST_ADDITIONS = 40
VACANT = "vacant"
WHICH_ACTION = "Choose whether the membership is carried over, ended or changed."
CHOICES = [
    (Change.CARRY_OVER.value, "Carry over"),
    (Change.END.value, "End with the old year"),
    (Change.CHANGE.value, "Change the role, group or person"),
]


class YearStart(forms.Form):
    """The first day of the new municipal year (the annual meeting's day, usually)."""

    start = DateField(label="The new municipal year starts on")


def role_choices() -> list[tuple[str, str]]:
    authority = current_authority()
    named = (Role.CHAIRMAN, Role.VICE_CHAIRMAN)
    return [
        (role.value, authority.role_label(role) if authority and role in named else role.label)
        for role in Role
    ]


def people_for(plan: Plan) -> list[Person]:
    """Who may be appointed: councillors in office when the new year starts, and anyone
    holding a seat on the body now (co-opted members)."""
    start = plan.new_year_start
    in_office = Q(terms__start__lte=start) & (Q(terms__end__isnull=True) | Q(terms__end__gte=start))
    ids = [line.membership.person_id for line in plan.lines if line.membership.person_id]
    return list(Person.objects.filter(in_office | Q(pk__in=ids)).distinct().order_by("surname"))


def fingerprint(plan: Plan) -> str:
    """The memberships as shown, so that a plan overtaken by other changes is seen as such."""
    seen = sorted((line.membership.pk, line.seen) for line in plan.lines)
    return hashlib.sha256(repr(seen).encode()).hexdigest()[:20]


class RenewalForm(forms.Form):
    """One group of fields per line of the plan (``action-``, ``role-``, ``group-``,
    ``person-`` and the membership's id) and per new appointment (``add-N-person`` …)."""

    shown = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, plan: Plan, *args, people: list[Person], **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.people = {str(p.pk): p for p in people}
        self.groups = {str(g.pk): g for g in PoliticalGroup.objects.order_by("name")}
        roles = role_choices()
        self.role_names = dict(roles)
        named = [(pk, p.formal_name) for pk, p in self.people.items()]
        seat_people = [("", "A vacant seat"), *named]
        groups = [("", "No group")] + [(pk, str(g)) for pk, g in self.groups.items()]
        self.initial.setdefault("shown", fingerprint(plan))
        for line in plan.lines:
            m, key = line.membership, line.membership.pk
            self.fields[f"action-{key}"] = forms.ChoiceField(
                choices=CHOICES,
                initial=Change.CARRY_OVER.value,
                widget=forms.RadioSelect,
                error_messages={"required": WHICH_ACTION, "invalid_choice": WHICH_ACTION},
            )
            self.fields[f"role-{key}"] = _choice("Role", "a role", roles, m.role)
            self.fields[f"group-{key}"] = _choice(
                "Seat allocated to", "a political group", groups, m.group_id or ""
            )
            self.fields[f"person-{key}"] = _choice(
                "Held by", "a person", seat_people, m.person_id or ""
            )
        self.added = min(self._rows_posted() + ADD_ROWS, MOST_ADDITIONS)
        adding = [("", "No one"), (VACANT, "A vacant seat")] + seat_people[1:]
        for n in range(self.added):
            self.fields[f"add-{n}-person"] = _choice("Appoint", "a person", adding, "")
            self.fields[f"add-{n}-role"] = _choice("Role", "a role", roles, Role.MEMBER.value)
            self.fields[f"add-{n}-group"] = _choice(
                "Seat allocated to", "a political group", groups, ""
            )

    def _rows_posted(self) -> int:
        """The rows of new appointments up to the last one filled in (so that they all come
        back, with blank ones after them)."""
        if not self.is_bound:
            return 0
        filled = [n for n in range(MOST_ADDITIONS) if self.data.get(f"add-{n}-person")]
        return filled[-1] + 1 if filled else 0

    def lines(self):
        """Each line of the plan with its fields, for the template."""
        for line in self.plan.lines:
            key = line.membership.pk
            yield {
                "line": line,
                "action": self[f"action-{key}"],
                "role": self[f"role-{key}"],
                "group": self[f"group-{key}"],
                "person": self[f"person-{key}"],
                "role_name": self.role_names.get(line.membership.role, line.membership.role),
            }

    def additions(self):
        for n in range(self.added):
            yield {
                "number": n + 1,
                "person": self[f"add-{n}-person"],
                "role": self[f"add-{n}-role"],
                "group": self[f"add-{n}-group"],
            }

    def overtaken(self) -> bool:
        """The memberships changed since the form was shown (its ``shown`` fingerprint)."""
        return self.is_bound and self.data.get("shown") != fingerprint(self.plan)

    def apply_to(self, plan: Plan) -> None:
        """Mark ``plan`` as chosen. Call after ``is_valid``."""
        data = self.cleaned_data
        for line in plan.lines:
            key = line.membership.pk
            action = data[f"action-{key}"]
            if action == Change.END:
                plan.end(key)
            elif action == Change.CHANGE:
                person = self.people.get(data[f"person-{key}"])
                group = self.groups.get(data[f"group-{key}"])
                role = data[f"role-{key}"] or line.membership.role
                plan.change(key, role=role, group=group, person=person)
        for n in range(self.added):
            who = data[f"add-{n}-person"]
            if who:
                person = None if who == VACANT else self.people[who]
                group = self.groups.get(data[f"add-{n}-group"])
                plan.add(person, data[f"add-{n}-role"] or Role.MEMBER, group)

    def hidden_values(self) -> list[tuple[str, str]]:
        """Every value posted, to carry through the confirmation page."""
        return [(name, str(self.data.get(name, ""))) for name in self.fields if name in self.data]


def _choice(label: str, what: str, choices: list[tuple], initial) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        initial=str(initial),
        required=False,  # "" is a choice: a vacant seat, no group
        widget=forms.Select(attrs={"class": "govuk-select"}),
        error_messages={"invalid_choice": f"Choose {what} from the list."},
    )
