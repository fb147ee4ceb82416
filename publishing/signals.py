"""Signals other apps listen to (summons and subscriptions send on these).

- ``agenda_published(sender=Meeting, meeting, publication)``: the agenda and public papers of
  ``meeting`` became open to inspection at ``publication.published_at``.
- ``supplement_published(sender=Meeting, meeting, publication)``: a supplementary agenda.
- ``minutes_published(sender=Meeting, meeting, publication)``: the minutes
  (docs/statutory-rules.md §1.9).
- ``paper_withdrawn(sender=Meeting, meeting, document, event)``: a published paper was taken
  off the agenda (``event`` is the history's PublicationEvent).
- ``paper_replaced(sender=Document, document, version, meetings)``: a corrected version of a
  published paper was published on the agendas of ``meetings``.
Receivers run after the publishing transaction commits.
"""

from django.dispatch import Signal

agenda_published = Signal()
supplement_published = Signal()
minutes_published = Signal()
paper_withdrawn = Signal()
paper_replaced = Signal()
