"""The autosave slot of a report being written: what the form held when it was last
autosaved, kept apart from the record.

Autosaving every few seconds must not make a version of the paper each time (a version is
the record, shown in the document history and compared on approval); so the form is kept
here, one slot per report, overwritten by each autosave, and becomes a version and the
report's header only when the author saves (``papers.report_form``), which empties it.
Change it only through ``papers.drafts``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ReportDraft(models.Model):
    # The slot is part of its report and goes with it.
    document = models.OneToOneField(
        "papers.Document", on_delete=models.CASCADE, related_name="draft"
    )
    fields = models.JSONField(
        default=dict, help_text="The form's header fields as typed: {name: [values]}."
    )
    html = models.TextField(blank=True, help_text="The body as written, sanitised.")
    base_version = models.PositiveIntegerField(
        null=True, blank=True, help_text="The version the draft was started from."
    )
    saved_at = models.DateTimeField()
    # The slot stays if the account goes; the name says who autosaved it.
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    saved_by_name = models.CharField(max_length=150, blank=True)

    class Meta:
        verbose_name = "report draft (autosaved)"

    def __str__(self) -> str:
        return f"Autosaved draft of document {self.document_id}"
