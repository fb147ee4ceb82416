"""Changes the clerk's screen makes that the proceedings services do not already offer."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from access import audit
from proceedings.models import Minute
from proceedings.rules import check_record_open


def update_minute(minute: Minute, *, title: str, text: str, actor=None, actor_name="") -> Minute:
    """Save the heading and paragraphs of a minute as the clerk writes them. Refused once the
    minutes are approved (``check_minute`` applies the record's rules)."""
    if not (title or "").strip():
        raise ValidationError({"title": "Give the minute a heading."})
    with transaction.atomic():
        current = Minute.objects.select_for_update().get(pk=minute.pk)
        check_record_open(current.meeting_id)
        current.title, current.text = title.strip(), (text or "").strip()
        return audit.save(current, actor, actor_name)
