"""Signals other apps listen to (summons and subscriptions send on these).

- ``agenda_published(sender=Meeting, meeting, publication)``: the agenda and public papers of
  ``meeting`` became open to inspection at ``publication.published_at``.
- ``supplement_published(sender=Meeting, meeting, publication)``: a supplementary agenda.
- ``minutes_published(sender=Meeting, meeting, publication)``: the minutes (issue 5).
Receivers run after the publishing transaction commits.
"""

from django.dispatch import Signal

agenda_published = Signal()
supplement_published = Signal()
minutes_published = Signal()
