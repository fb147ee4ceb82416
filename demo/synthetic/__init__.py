"""A deterministic synthetic council for benchmarks: ``moot demo --synthetic``.

Rows are bulk-created and the audit trail gets one summary entry instead of one entry per
row: a benchmark council has tens of thousands of rows, and auditing each would make the
generator slower than the benchmarks it feeds while recording nothing an officer did. The
generator keeps the membership and agenda rules by construction (see the tests, which
validate every generated row against them).
"""

from __future__ import annotations

from audit import trail
from audit.actors import SystemActor
from audit.models import AuditEntry
from council.models import (
    Authority,
    Body,
    Division,
    GroupMembership,
    Membership,
    Person,
    PoliticalGroup,
    Post,
    PostHolding,
    StatutoryDesignation,
    TermOfOffice,
)
from meetings.models import AgendaItem, Meeting, Venue
from search import indexing

from . import bodies as bodies_mod
from . import meetings as meetings_mod
from . import papers as papers_mod
from . import people as people_mod
from .body_specs import AUTHORITY_NAME
from .options import Options

ACTOR = SystemActor("moot demo --synthetic")
BATCH = 2000


def _save(model, rows: list) -> None:
    model.objects.bulk_create(rows, batch_size=BATCH)


def generate(opts: Options) -> dict[str, int]:
    """Create the synthetic council in an empty database. Call inside a transaction."""
    people = people_mod.generate(opts)
    bodies = bodies_mod.generate(opts, people)
    meetings = meetings_mod.generate(opts, bodies.plans, people)

    authority = Authority(
        name=AUTHORITY_NAME,
        short_name="WCC",
        address="County Hall, Wessex",
        chair_form="Chairman",
        contact_name=people.officers["democracy"].full_name,
        contact_telephone=people.officers["democracy"].telephone,
    )
    authority.save()
    _save(Venue, meetings.venues)
    _save(Division, people.divisions)
    _save(Person, [*people.councillors, *people.officers.values()])
    _save(PoliticalGroup, people.groups)
    _save(TermOfOffice, people.terms)
    _save(GroupMembership, people.group_memberships)
    all_bodies = [p.body for p in bodies.plans]
    # Parents before their sub-committees: a child's parent must have its key first.
    _save(Body, [b for b in all_bodies if b.parent is None])
    _save(Body, [b for b in all_bodies if b.parent is not None])
    _save(Membership, bodies.memberships)
    _save(Post, bodies.posts)
    _save(PostHolding, bodies.holdings)
    _save(StatutoryDesignation, bodies.designations)
    _save(Meeting, meetings.meetings)
    _save(AgendaItem, meetings.items)
    written = papers_mod.Written()
    if opts.paper_words:
        written = papers_mod.generate(
            opts,
            meetings.meetings,
            meetings.items,
            [d.name for d in people.divisions],
            [p.councillor_name for p in people.councillors],
        )
    # Bulk rows send no signals: build the search index from the record.

    indexing.rebuild()

    counts = {
        "people": len(people.councillors) + len(people.officers),
        "councillors": len(people.councillors),
        "divisions": len(people.divisions),
        "political groups": len(people.groups),
        "bodies": len(all_bodies),
        "memberships": len(bodies.memberships),
        "meetings": len(meetings.meetings),
        "agenda items": len(meetings.items),
        "papers": written.documents,
        "words of papers": written.words,
        "agenda publications": written.publications,
    }
    trail.record(
        AuditEntry.Action.CREATE,
        authority,
        {
            "synthetic council": [
                None,
                {
                    "members": opts.members,
                    "years": opts.years,
                    "seed": opts.seed,
                    "first_year": opts.first_year,
                    **counts,
                },
            ]
        },
        actor=ACTOR,
        event="demo.synthetic_council_generated",
    )
    return counts
