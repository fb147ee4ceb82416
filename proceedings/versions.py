"""A minute made exempt after the minutes were published leaves every public version.

Each ``MinutesVersion`` keeps the public minutes as rendered when it was made. When a minute
in them is later marked exempt (``edit_minute``), every version still showing it is changed
to show, in its place, what the public minutes show of an exempt minute (its number, the
Schedule 12A paragraph and the public summary: ``minutes_body.html``). The text as first
rendered moves to ``withheld_public_html``, kept for democratic services (the back office)
and never served publicly. The stored version, not a view-time filter, is changed, so every
reader of a version (page, feed, API, export) gets the withheld text.
"""

from __future__ import annotations

import re

from django.utils.html import format_html

from audit import trail

from .models import Minute, MinutesVersion


def _section(number: int) -> re.Pattern:
    # The public minutes print each minute as one <section> (minutes_body.html); sections do
    # not nest, and the minute's own text is escaped, so the first </section> closes it.
    return re.compile(
        rf'<section class="moot-minute" aria-labelledby="minute-{number}">.*?</section>',
        re.S)


def exempt_summary_html(minute: Minute) -> str:
    item = f" (Item {minute.item.number})" if minute.item_id else ""
    paragraph = (format_html("<p>Exempt information: paragraph {} of Part 1 of Schedule 12A.</p>",
                             minute.exempt_paragraph) if minute.exempt_paragraph else "")
    summary = format_html("<p>{}</p>", minute.public_summary) if minute.public_summary else ""
    return format_html(
        '<section class="moot-minute" aria-labelledby="minute-{0}">'
        '<h3 class="govuk-heading-s moot-minute__title" id="minute-{0}">{0}. Exempt business{1}'
        "</h3>{2}{3}</section>", minute.number, item, paragraph, summary)


def withhold_from_versions(minute: Minute, number: int, actor=None, actor_name: str = "") -> int:
    """Replace minute ``number`` (its number when the versions were made) in every public
    version of its meeting's minutes by its exempt summary. Returns how many changed."""
    pattern = _section(number)
    changed = 0
    for version in MinutesVersion.objects.filter(record__meeting_id=minute.meeting_id):
        replaced, count = pattern.subn(exempt_summary_html(minute), version.public_html, count=1)
        if not count:
            continue
        if not version.withheld_public_html:
            version.withheld_public_html = version.public_html
        version.public_html = replaced
        note = (f"Minute {minute.number} was later withheld as exempt information; the public "
                "text of this version no longer shows it.")
        version.note = f"{version.note} {note}".strip()
        trail.save(version, actor, actor_name, validate=False)
        changed += 1
    return changed
