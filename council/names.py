"""Reading people's names as documents write them, and finding the person they mean.

Documents write the same person several ways: "Mr R A Marsh", "Mr A Marsh" (vote lists),
"Mr Nick Chard", "Mr Chard". ``resolve`` finds the person from a recorded name form first,
then by title, surname and any initial that agrees with the record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Q

from .models import Person, PersonNameForm

TITLES = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Rev", "Prof", "Cllr")
HONOURS = frozenset(
    {
        "MBE",
        "CBE",
        "OBE",
        "KBE",
        "DBE",
        "TD",
        "JP",
        "DL",
        "MP",
        "QC",
        "KC",
        "BEM",
        "CB",
        "CMG",
        "KCB",
        "FRS",
        "VC",
        "GC",
    }
)


@dataclass(frozen=True)
class ParsedName:
    title: str = ""
    forenames: str = ""
    initials: str = ""
    surname: str = ""
    honours: str = ""


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(".", " ")).strip().lower()


def parse(text: str) -> ParsedName:
    """Split "Mrs A D Allen, MBE" or "Mr Charlie Simkin" into its parts."""
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().strip(",")
    honours: list[str] = []
    parts = [p.strip() for p in text.split(",")]
    while len(parts) > 1 and all(t in HONOURS for t in parts[-1].split()):
        honours[:0] = parts.pop().split()
    words = " ".join(parts).split()
    title = ""
    if words and words[0].rstrip(".") in TITLES:
        title = words.pop(0).rstrip(".")
    while words and words[-1] in HONOURS:
        honours.insert(0, words.pop())
    if not words:
        return ParsedName(title=title, honours=", ".join(honours))
    surname = words.pop()
    # Double-barrelled and prefixed surnames: "Barrington-King" is one word; "Mac Dowall" rare.
    initials = [w.rstrip(".") for w in words if len(w.rstrip(".")) == 1 and w[0].isupper()]
    forenames = [w for w in words if len(w.rstrip(".")) > 1]
    return ParsedName(title, " ".join(forenames), " ".join(initials), surname, ", ".join(honours))


def _agrees(p: ParsedName, person: Person) -> bool:
    if (
        p.title
        and person.title
        and p.title != person.title
        and {p.title, person.title} != {"Ms", "Mrs"}
    ):
        return False
    known = person.initials.split()
    if p.initials and known and not set(p.initials.split()) <= set(known):
        return False
    if p.forenames and person.forenames:
        first = person.forenames.split()[0].lower()
        if not first.startswith(p.forenames.split()[0].lower()[:3]):
            return False
    if p.forenames and not person.forenames and known:
        if p.forenames[0].upper() not in known:
            return False
    return True


def resolve(text: str, candidates=None) -> Person | None:
    """The one person ``text`` names, or None when nobody or more than one person fits.

    ``candidates`` (a queryset or list of people) narrows the search, e.g. to those present.
    """
    form = normalise(text)
    pool = Person.objects.all() if candidates is None else candidates
    ids = None if candidates is None else {p.pk for p in candidates}
    recorded = [
        nf.person
        for nf in PersonNameForm.objects.select_related("person")
        if normalise(nf.text) == form and (ids is None or nf.person_id in ids)
    ]
    if len({p.pk for p in recorded}) == 1:
        return recorded[0]
    parsed = parse(text)
    if not parsed.surname:
        return None
    if isinstance(pool, list):
        same = [p for p in pool if p.surname.lower() == parsed.surname.lower()]
    else:
        same = list(pool.filter(Q(surname__iexact=parsed.surname)))
    fits = [p for p in same if _agrees(parsed, p)]
    return fits[0] if len(fits) == 1 else None
