"""People's names as the minutes print them in a recorded vote."""

from __future__ import annotations

from council.models import Person, PersonNameForm
from council.models.people import NameFormKind


def vote_name(person: Person, short_forms: dict[int, str] | None = None) -> str:
    """The vote-list form: a recorded short name form, else "Mrs A Allen" (title, first
    initial, surname; no honours)."""
    if short_forms is not None and person.pk in short_forms:
        return short_forms[person.pk]
    initial = person.initials.split()[0] if person.initials else ""
    if not initial and person.forenames:
        initial = person.forenames[0].upper()
    return " ".join(p for p in (person.title, initial, person.surname) if p)


def short_forms_of(people) -> dict[int, str]:
    """Each person's recorded short name form ("Mr A Marsh"), by person id."""
    forms: dict[int, str] = {}
    for nf in PersonNameForm.objects.filter(person__in=people, kind=NameFormKind.SHORT).order_by(
        "pk"
    ):
        forms.setdefault(nf.person_id, nf.text)
    return forms
