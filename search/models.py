"""The search index: one row per searchable thing as the public (or, for exempt rows, the
entitled) may see it.

Rows are derived data, rebuilt from the record by ``search.indexing``; nothing here is the
record itself, so rows are written without the audit trail. The full-text part lives beside
the table and is created by the migration for the database in use:

- PostgreSQL: a stored ``search_vector`` tsvector column (title weighted A, text B) with a
  GIN index;
- SQLite: an FTS5 table ``search_entry_fts`` (external content, porter stemmer) kept in step
  by triggers.
"""

from django.db import models


class Kind(models.TextChoices):
    MEETING = "meeting", "Meeting"
    ITEM = "item", "Agenda item"
    REPORT = "report", "Report"
    APPENDIX = "appendix", "Appendix"
    MINUTES = "minutes", "Minutes"
    DECISION = "decision", "Decision"
    PAPER = "paper", "Other paper"
    MEMBER = "member", "Councillor"


# The marks the backends put around matched words in snippets; removed from indexed text so
# that only the backends' marks can become <mark> elements.
MARK_START = "\ue000"
MARK_END = "\ue001"
PAGE_BREAK = "\f"


class Entry(models.Model):
    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveIntegerField(
        help_text="The meeting, item, document, minute, resolution or person."
    )
    # Rows go with what they describe. No database constraint: the index must never stop
    # another app deleting its rows, and a rebuild repairs anything left behind.
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        db_constraint=False,
        related_name="+",
    )
    person = models.ForeignKey(
        "council.Person",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        db_constraint=False,
        related_name="+",
    )
    document_id = models.PositiveIntegerField(null=True, blank=True)
    body_id = models.PositiveIntegerField(null=True, blank=True)
    date = models.DateField(null=True, blank=True)
    title = models.CharField(max_length=500)
    text = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    pdf_url = models.CharField(
        max_length=500,
        blank=True,
        help_text="Set when the paper is an uploaded PDF; its text then "
        "has a form feed between pages.",
    )
    # Exempt rows are searched only by those entitled (access.rules.may_see_exempt).
    exempt = models.BooleanField(default=False)
    exempt_paragraph = models.PositiveSmallIntegerField(null=True, blank=True)
    # The public stand-in of an exempt item (its title only): hidden from those who see the
    # exempt row itself.
    redacted = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["kind", "object_id"]),
            models.Index(fields=["body_id", "date"]),
            models.Index(fields=["date"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"
