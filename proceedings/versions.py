"""The versions of a meeting's minutes: one kept at each change of state, and a minute made
exempt after the minutes were published leaving every public version.

Each ``MinutesVersion`` keeps the public minutes as rendered when it was made (``keep_version``).
When a minute in them is later marked exempt (``edit_minute``), every version still showing it
is changed to show, in its place, what the public minutes show of an exempt minute (its number,
the Schedule 12A paragraph and the public summary: ``minutes_body.html``). The text as first
rendered moves to ``withheld_public_html``, kept for democratic services (the back office)
and never served publicly. The stored version, not a view-time filter, is changed, so every
reader of a version (page, feed, API, export) gets the withheld text.
"""

from __future__ import annotations

import re

from django.db.models import Max
from django.utils.html import format_html

from audit import trail
from audit.actors import Actor, name_of, require_model_permission

from .models import Minute, MinutesRecord, MinutesVersion
from .render.html import exempt_html, public_html


def _section(number: int) -> re.Pattern:
    # The public minutes print each minute as one <section> (minutes_body.html); sections do
    # not nest, and the minute's own text is escaped, so the first </section> closes it.
    return re.compile(
        rf'<section class="moot-minute" aria-labelledby="minute-{number}">.*?</section>', re.S
    )


def exempt_summary_html(minute: Minute) -> str:
    item = f" (Item {minute.item.number})" if minute.item is not None else ""
    paragraph = (
        format_html(
            "<p>Exempt information: paragraph {} of Part 1 of Schedule 12A.</p>",
            minute.exempt_paragraph,
        )
        if minute.exempt_paragraph
        else ""
    )
    summary = format_html("<p>{}</p>", minute.public_summary) if minute.public_summary else ""
    return format_html(
        '<section class="moot-minute" aria-labelledby="minute-{0}">'
        '<h3 class="govuk-heading-s moot-minute__title" id="minute-{0}">{0}. Exempt business{1}'
        "</h3>{2}{3}</section>",
        minute.number,
        item,
        paragraph,
        summary,
    )


def withhold_from_versions(minute: Minute, number: int, *, actor: Actor) -> int:
    """Replace minute ``number`` (its number when the versions were made) in every public
    version of its meeting's minutes by its exempt summary. Returns how many changed.
    Refuses an actor without permission to change minutes (``edit_minute`` leads here)."""
    require_model_permission(actor, Minute, "change")
    pattern = _section(number)
    changed = 0
    for version in MinutesVersion.objects.filter(record__meeting_id=minute.meeting_id):
        replaced, count = pattern.subn(exempt_summary_html(minute), version.public_html, count=1)
        if not count:
            continue
        if not version.withheld_public_html:
            version.withheld_public_html = version.public_html
        version.public_html = replaced
        note = (
            f"Minute {minute.number} was later withheld as exempt information; the public "
            "text of this version no longer shows it."
        )
        version.note = f"{version.note} {note}".strip()
        trail.save(
            version, actor=actor, event="proceedings.minute_withheld_from_versions", validate=False
        )
        changed += 1
    return changed


def keep_version(
    record: MinutesRecord,
    status: str,
    *,
    actor: Actor,
    event: str,
    note: str = "",
    approving_minute: Minute | None = None,
) -> MinutesVersion:
    """Keep the minutes as they now render (public and exempt) as the record's next version.
    Part of a change of state (``publish_minutes``, ``approve_minutes``, ``sign_minutes``),
    whose permission check covers it; audited as that change's ``event``."""
    last = record.versions.aggregate(m=Max("number"))["m"] or 0
    return trail.save(
        MinutesVersion(
            record=record,
            number=last + 1,
            status=status,
            created_by=name_of(actor),
            public_html=public_html(record.meeting),
            exempt_html=exempt_html(record.meeting),
            note=note,
            approving_minute=approving_minute,
        ),
        actor=actor,
        event=event,
    )
