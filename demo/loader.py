"""Idempotent writes for the demo loaders: find a row by its natural key, else create it.

Every new row goes through the service functions (or ``audit.trail.save`` for models
without a service), so the demo is validated by the same rules as the back office and
appears in the audit trail under ``ACTOR``. Existing rows are never changed: running the
demo again must not undo an officer's edits, only fill in rows that are missing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models

from audit import trail
from audit.actors import Actor, SystemActor
from council import services as council_services
from council.models import (
    Authority,
    Body,
    Division,
    GroupMembership,
    Membership,
    Person,
    PersonNameForm,
    PoliticalGroup,
    Post,
    PostHolding,
    StatutoryDesignation,
    TermOfOffice,
)
from meetings import agenda_templates
from meetings import services as meeting_services
from meetings.models import AgendaItem, AgendaTemplate, AgendaTemplateItem, Meeting, Venue

ACTOR = SystemActor("moot demo")


@dataclass
class Loader:
    """Creates what is missing and counts what it did.

    ``strict`` (a fresh database) turns any refusal by the rules into an error: the demo's
    own data must satisfy them. On a database that already holds the demo, a refusal means
    an officer has changed the record since; the row is skipped and reported instead.
    """

    strict: bool = True
    created: int = 0
    skipped: list[str] = field(default_factory=list)
    # Natural key → row, read once per model: one query each instead of one per row.
    _cache: dict = field(default_factory=dict)

    def _rows(self, model: type[models.Model], key) -> dict:
        if model not in self._cache:
            self._cache[model] = {key(row): row for row in model._default_manager.all()}
        return self._cache[model]

    def _find_or_create(self, model, key, instance: models.Model, save) -> models.Model | None:
        rows = self._rows(model, key)
        found = rows.get(key(instance))
        if found is None:
            found = self._create(instance, save)
            if found is not None:
                rows[key(found)] = found
        return found

    def _create(self, instance: models.Model, save) -> models.Model | None:
        try:
            # The services save inside a savepoint, so a refused row leaves the load usable.
            result = save(instance, actor=ACTOR)
        except ValidationError as exc:
            if self.strict:
                raise
            self.skipped.append(f"{instance}: {'; '.join(exc.messages)}")
            return None
        self.created += 1
        return result

    # -- council ---------------------------------------------------------------------------

    def authority(self, **fields) -> Authority:
        found = Authority.current()
        return found or self._create(Authority(**fields), trail.save)

    def person(self, slug: str, **fields) -> Person:
        return self._find_or_create(
            Person, lambda p: p.slug, Person(slug=slug, **fields), council_services.save_person
        )

    def name_form(self, person: Person | None, text: str, kind: str, source: str = "") -> None:
        if person is None:
            return
        self._find_or_create(
            PersonNameForm,
            lambda f: (f.person_id, f.text),
            PersonNameForm(person=person, text=text, kind=kind, source=source),
            self._add_name_form,
        )

    @staticmethod
    def _add_name_form(form: PersonNameForm, *, actor: Actor) -> PersonNameForm:
        return council_services.add_name_form(
            form.person, form.text, form.kind, form.source, actor=actor
        )

    def group(self, name: str, **fields) -> PoliticalGroup:
        found = self._rows(PoliticalGroup, lambda g: g.name).get(name)
        if found:
            return found
        slug = council_services.unique_slug(PoliticalGroup, name)
        return self._find_or_create(
            PoliticalGroup,
            lambda g: g.name,
            PoliticalGroup(name=name, slug=slug, **fields),
            trail.save,
        )

    def group_membership(
        self,
        person: Person | None,
        group: PoliticalGroup | None,
        start: dt.date,
        end: dt.date | None,
    ) -> None:
        if person is None or group is None:
            return
        self._find_or_create(
            GroupMembership,
            lambda m: (m.person_id, m.group_id, m.start),
            GroupMembership(person=person, group=group, start=start, end=end),
            trail.save,
        )

    def division(self, name: str) -> Division:
        found = self._rows(Division, lambda d: d.name).get(name)
        if found:
            return found
        slug = council_services.unique_slug(Division, name)
        return self._find_or_create(
            Division, lambda d: d.name, Division(name=name, slug=slug), trail.save
        )

    def term(
        self,
        person: Person | None,
        start: dt.date,
        end: dt.date | None,
        division: Division | None = None,
    ) -> None:
        if person is None:
            return
        self._find_or_create(
            TermOfOffice,
            lambda t: (t.person_id, t.start),
            TermOfOffice(person=person, start=start, end=end, division=division),
            trail.save,
        )

    def body(self, name: str, **fields) -> Body:
        return self._find_or_create(
            Body, lambda b: b.name, Body(name=name, **fields), council_services.save_body
        )

    def membership(
        self,
        body: Body | None,
        person: Person | None,
        role: str,
        start: dt.date,
        end: dt.date | None = None,
        group: PoliticalGroup | None = None,
    ) -> None:
        # The demo records no vacant seats: a missing person means its row was refused.
        if body is None or person is None:
            return
        self._find_or_create(
            Membership,
            lambda m: (m.body_id, m.person_id, m.role, m.start),
            Membership(body=body, person=person, role=role, start=start, end=end, group=group),
            council_services.save_membership,
        )

    def post(self, title: str, **fields) -> Post:
        return self._find_or_create(
            Post, lambda p: p.title, Post(title=title, **fields), trail.save
        )

    def post_holding(
        self, person: Person | None, post: Post | None, start: dt.date, end: dt.date | None
    ) -> None:
        if person is None or post is None:
            return
        self._find_or_create(
            PostHolding,
            lambda h: (h.person_id, h.post_id, h.start),
            PostHolding(person=person, post=post, start=start, end=end),
            trail.save,
        )

    def designation(
        self, role: str, person: Person | None, start: dt.date, end: dt.date | None
    ) -> None:
        if person is None:
            return
        self._find_or_create(
            StatutoryDesignation,
            lambda d: (d.role, d.person_id, d.start),
            StatutoryDesignation(role=role, person=person, start=start, end=end),
            trail.save,
        )

    # -- meetings --------------------------------------------------------------------------

    def venue(self, room: str, building: str, **fields) -> Venue:
        return self._find_or_create(
            Venue,
            lambda v: (v.room, v.building),
            Venue(room=room, building=building, **fields),
            meeting_services.save_venue,
        )

    def meeting(self, body: Body | None, date: dt.date, **fields) -> Meeting | None:
        if body is None:
            return None
        # Historical meetings whose room the packs do not state keep "venue not known".
        return self._find_or_create(
            Meeting,
            lambda m: (m.body_id, m.date),
            Meeting(body=body, date=date, **fields),
            lambda m, **kw: meeting_services.save_meeting(m, default_venue=False, **kw),
        )

    def item(self, meeting: Meeting, number: str, title: str, order: int, **fields) -> None:
        self._find_or_create(
            AgendaItem,
            lambda i: (i.meeting_id, i.number),
            AgendaItem(meeting=meeting, number=number, title=title, order=order, **fields),
            meeting_services.save_agenda_item,
        )

    def agenda_template(
        self, body: Body | None, kind: str, numbering: str, items: list[tuple]
    ) -> None:
        """A body's template (or the default for ``kind``) with its standard items
        (position, title, kind, purpose), unless it has one already (an officer's own)."""
        created = self.created
        template = self._find_or_create(
            AgendaTemplate,
            lambda t: (t.body_id, t.body_kind),
            AgendaTemplate(body=body, body_kind=kind, numbering=numbering),
            agenda_templates.save_template,
        )
        if template is None or self.created == created:
            return
        for order, (position, title, item_kind, purpose) in enumerate(items, start=1):
            self._create(
                AgendaTemplateItem(
                    template=template,
                    position=position,
                    order=order * 10,
                    title=title,
                    kind=item_kind,
                    purpose=purpose,
                ),
                agenda_templates.save_template_item,
            )
