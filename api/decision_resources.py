"""Votes and decisions (resolutions) in the open-data API: read ONLY through
``proceedings.public``, the one gate deciding what of the proceedings is public. Minutes and
motions are in ``api.proceedings_resources``."""

from __future__ import annotations

from proceedings import public
from proceedings.models import (
    Choice,
    MajorityRule,
    Resolution,
    Side,
    Vote,
    VoteMethod,
    VoteResult,
)

from . import queries
from .declare import Field, Resource, attr, blank_none
from .fields import UPDATED, id_field, meeting_filters, ref, ref_field, since
from .proceedings_resources import FILTERS, motion_ref

# --- votes ----------------------------------------------------------------------------------


def _votes():
    return (
        public.public_votes()
        .select_related("motion")
        .annotate(modified=queries.modified(Vote))
        .order_by("motion__meeting__date", "motion__meeting_id", "motion__order", "pk")
    )


def _votes_apply(rows, v):
    return meeting_filters(since(rows, v), v, "motion__meeting__")


def _votes_prepare(records, ctx):
    recorded: dict[int, list] = {}
    for rv in (
        public.public_recorded_votes()
        .filter(vote_id__in=[v.pk for v in records])
        .select_related("person")
        .order_by("choice", "person__surname", "pk")
    ):
        recorded.setdefault(rv.vote_id, []).append(rv)
    return {"recorded": recorded}


RECORDED = {
    "type": "object",
    "additionalProperties": False,
    "required": ["person", "name", "choice"],
    "properties": {
        "person": {"$ref": "#/components/schemas/Ref"},
        "name": {"type": "string", "description": "The member's formal name."},
        "choice": {"type": "string", "enum": Choice.values},
    },
}

VOTES = Resource(
    name="votes",
    title="Votes",
    singular="vote",
    description="Votes on public motions: the counts, the computed result and, for a "
    "recorded vote, how each member voted.",
    fields=[
        *id_field("votes"),
        ref_field("motion", "motions", "The motion voted on.", nullable=False),
        Field(
            "meeting", "ref", "The meeting.", lambda o, c: ref(c, "meetings", o.motion.meeting_id)
        ),
        Field(
            "method", "string", "Show of hands or recorded.", attr("method"), enum=VoteMethod.values
        ),
        Field(
            "majority",
            "string",
            "The majority required.",
            attr("majority"),
            enum=MajorityRule.values,
        ),
        Field("for", "integer", "Votes for.", attr("votes_for")),
        Field("against", "integer", "Votes against.", attr("votes_against")),
        Field("abstentions", "integer", "Abstentions.", attr("abstentions")),
        Field(
            "members",
            "integer",
            "Whole number of members (two-thirds-of-members rule).",
            attr("members"),
            nullable=True,
        ),
        Field(
            "casting_vote",
            "string",
            "The chair's casting vote.",
            blank_none("casting_vote"),
            nullable=True,
            enum=Side.values,
        ),
        Field("result", "string", "Carried or lost.", attr("result"), enum=VoteResult.values),
        Field(
            "recorded_votes",
            "array",
            "For a recorded vote: each member's vote.",
            lambda o, c: [
                {
                    "person": ref(c, "people", rv.person_id),
                    "name": rv.person.formal_name,
                    "choice": rv.choice,
                }
                for rv in c.data["recorded"].get(o.pk, [])
            ],
            items=RECORDED,
        ),
        UPDATED,
    ],
    rows=_votes,
    filters=FILTERS,
    apply=_votes_apply,
    prepare=_votes_prepare,
    example_filter="meeting=1",
)


# --- decisions ------------------------------------------------------------------------------


def _decisions():
    return (
        public.public_resolutions()
        .select_related("minute")
        .annotate(modified=queries.modified(Resolution))
        .order_by("minute__meeting__date", "minute__meeting_id", "minute__number", "pk")
    )


def _decisions_apply(rows, v):
    return meeting_filters(since(rows, v), v, "minute__meeting__")


def _decisions_prepare(records, ctx):
    ids = {r.motion_id for r in records if r.motion_id}
    return {
        "public_motions": set(
            public.public_motions().filter(pk__in=ids).values_list("pk", flat=True)
        )
        if ids
        else set()
    }


PART = {
    "type": "object",
    "additionalProperties": False,
    "required": ["letter", "text"],
    "properties": {"letter": {"type": "string"}, "text": {"type": "string"}},
}

DECISIONS = Resource(
    name="decisions",
    title="Decisions",
    singular="decision",
    description="What was RESOLVED, minute by minute, with its lettered parts and any delegation.",
    fields=[
        *id_field("decisions"),
        ref_field("minute", "minutes", "The minute recording it.", nullable=False),
        Field(
            "meeting", "ref", "The meeting.", lambda o, c: ref(c, "meetings", o.minute.meeting_id)
        ),
        Field("motion", "ref", "The motion it came from.", motion_ref("motion"), nullable=True),
        Field("text", "string", 'The lead-in, e.g. "RESOLVED that:-".', attr("text")),
        Field(
            "parts",
            "array",
            "The lettered parts (a), (b) …",
            lambda o, c: [{"letter": letter, "text": text} for letter, text in o.lettered_parts],
            items=PART,
        ),
        Field(
            "delegated_to",
            "string",
            "A decision delegated: to whom.",
            blank_none("delegated_to"),
            nullable=True,
        ),
        Field(
            "in_consultation_with",
            "string",
            "Consultee of a delegated decision.",
            blank_none("in_consultation_with"),
            nullable=True,
        ),
        UPDATED,
    ],
    rows=_decisions,
    filters=FILTERS,
    apply=_decisions_apply,
    prepare=_decisions_prepare,
    example_filter="meeting=1",
)
