"""Papers: documents (reports, appendices, minutes) with immutable versions, and report headers.

A document's content lives in its versions; re-uploading or editing makes a new version and a
published version is never changed. Documents are attached to agenda items in order.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q

from meetings.models import AgendaItem, ExemptParagraph, exempt_item_q

from .storage import private_storage


class Classification(models.TextChoices):
    UNRESTRICTED = "unrestricted", "Unrestricted"
    EXEMPT = "exempt", "Exempt (Schedule 12A)"
    CONFIDENTIAL = "confidential", "Confidential"


class DocumentKind(models.TextChoices):
    REPORT = "report", "Report"
    APPENDIX = "appendix", "Appendix"
    MINUTES = "minutes", "Minutes"
    OTHER = "other", "Other paper"


class Document(models.Model):
    """A paper with its own classification: a public report can have an exempt appendix."""

    kind = models.CharField(
        max_length=10, choices=DocumentKind.choices, default=DocumentKind.REPORT
    )
    title = models.CharField(max_length=300)
    label = models.CharField(max_length=50, blank=True, help_text='e.g. "Appendix A"')
    # An appendix is part of its report and goes with it.
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="appendices",
        help_text="The report this appendix belongs to.",
    )
    order = models.PositiveIntegerField(
        default=0, help_text="Position among the report's appendices."
    )
    classification = models.CharField(
        max_length=12, choices=Classification.choices, default=Classification.UNRESTRICTED
    )
    exempt_paragraph = models.PositiveSmallIntegerField(
        "Schedule 12A paragraph", choices=ExemptParagraph.choices, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Who wrote the paper (its author: ``papers.authors``); the paper outlives the account.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["parent_id", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.label}: {self.title}" if self.label else self.title

    @property
    def is_restricted(self) -> bool:
        """Not for the public: classified exempt or confidential, or attached (itself or, for an
        appendix, its report) to exempt business, whatever its own classification says: the
        papers of an item the public are excluded from are exempt with it (LGA 1972 s100B(2),
        docs/statutory-rules.md). ``on_exempt_item_q`` is the attachment half in SQL."""
        return self.classification != Classification.UNRESTRICTED or self.exempt_item is not None

    @property
    def exempt_item(self) -> AgendaItem | None:
        """The exempt agenda item (or exempt parent of a sub-item) this paper, or its report,
        is attached to; None when there is none. ``remember_exempt_items`` loads it in bulk."""
        if "_exempt_item" in self.__dict__:
            remembered: AgendaItem | None = self.__dict__["_exempt_item"]
            return remembered
        if self.pk is None:
            return None
        link = (
            ItemPaper.objects.filter(document_id__in=[self.pk, self.parent_id or self.pk])
            .filter(exempt_item_q("item__"))
            .select_related("item__parent__parent")
            .order_by("pk")
            .first()
        )
        return link.item.exempting_item if link else None

    @property
    def withheld_paragraph(self) -> int | None:
        """The Schedule 12A paragraph that withholds the paper: its own, or its exempt item's."""
        if self.classification == Classification.EXEMPT and self.exempt_paragraph:
            return self.exempt_paragraph
        if self.classification == Classification.UNRESTRICTED:
            item = self.exempt_item
            return item.exempt_paragraph if item is not None else None
        return None

    def current_version(self) -> DocumentVersion | None:
        return self.versions.order_by("-number").first()

    @property
    def report_or_none(self) -> Report | None:
        try:
            return self.report
        except Report.DoesNotExist:
            return None

    @property
    def restriction_text(self) -> str:
        """ "Exempt – paragraph 3 of Part 1 of Schedule 12A" or "Unrestricted"."""
        paragraph = self.withheld_paragraph
        if paragraph:
            return (
                f"Exempt – paragraph {paragraph} of Part 1 of Schedule 12A "
                "to the Local Government Act 1972"
            )
        return self.get_classification_display()


class SourceKind(models.TextChoices):
    HTML = "html", "Written in the browser"
    DOCX = "docx", "Word document (converted to HTML)"
    PDF = "pdf", "PDF (kept as uploaded)"


class DocumentVersion(models.Model):
    """One immutable state of a document's content."""

    # Versions are the document's content; they go with it.
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    source_kind = models.CharField(max_length=4, choices=SourceKind.choices)
    source_file = models.FileField(upload_to="papers/%Y/", blank=True, storage=private_storage)
    original_filename = models.CharField(max_length=255, blank=True)
    html = models.TextField(blank=True, help_text="Sanitised body HTML (written or converted).")
    text = models.TextField(blank=True, help_text="Plain text for search.")
    content_hash = models.CharField(max_length=64, db_index=True)
    page_count = models.PositiveIntegerField(null=True, blank=True, help_text="Known for PDFs.")
    created_at = models.DateTimeField(auto_now_add=True)
    # The version stays in the record if the account is removed; the name is kept.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by_name = models.CharField(max_length=150, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="unique_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.document} (version {self.number})"


class ItemPaper(models.Model):
    """A document attached to an agenda item, in order. A report consulted on by several
    bodies is attached to an item of each meeting."""

    # The attachment belongs to the item's agenda.
    item = models.ForeignKey("meetings.AgendaItem", on_delete=models.CASCADE, related_name="papers")
    # A document attached to an agenda cannot be deleted; detach it first.
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="attachments")
    order = models.PositiveIntegerField(default=0)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["item", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "document"], name="unique_paper_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.document}"


class Report(models.Model):
    """The fixed header of a report (requirements-from-seeds §1.9, §3.6)."""

    # The header is part of its document.
    document = models.OneToOneField(Document, on_delete=models.CASCADE, related_name="report")
    # "To": the body (and meeting, through the agenda item) the report goes to.
    to_body = models.ForeignKey(
        "council.Body",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The body the report is addressed to.",
    )
    date = models.DateField(null=True, blank=True, help_text="The report's own date as printed.")
    all_divisions = models.BooleanField("electoral division: All", default=False)
    divisions = models.ManyToManyField("council.Division", blank=True, related_name="reports")
    key_decision = models.BooleanField(default=False)
    key_decision_reference = models.CharField(max_length=50, blank=True)
    decision_flag = models.CharField(
        max_length=30, blank=True, help_text='e.g. "FOR DECISION" or "FOR INFORMATION"'
    )
    summary = models.TextField(blank=True)
    background_documents = models.TextField(
        blank=True, help_text='List the background documents, or tick "None" below.'
    )
    no_background_documents = models.BooleanField(
        "background documents: None",
        default=False,
        help_text="The statement must be made: either list them or state None.",
    )
    # Contacts stay as printed if the person later leaves the record.
    author = models.ForeignKey(
        "council.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    author_job_title = models.CharField(max_length=200, blank=True)
    author_telephone = models.CharField(max_length=50, blank=True)
    author_email = models.EmailField(blank=True)
    director = models.ForeignKey(
        "council.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="relevant director",
    )
    director_job_title = models.CharField(max_length=200, blank=True)
    director_telephone = models.CharField(max_length=50, blank=True)
    director_email = models.EmailField(blank=True)

    def __str__(self) -> str:
        return f"Report: {self.document.title}"

    @property
    def past_steps(self) -> list[str]:
        return [str(s) for s in self.pathway.all() if s.direction == PathwayStep.Direction.PAST]

    @property
    def future_steps(self) -> list[str]:
        return [str(s) for s in self.pathway.all() if s.direction == PathwayStep.Direction.FUTURE]

    @property
    def division_names(self) -> str:
        return ", ".join(d.name for d in self.divisions.all())

    @property
    def background_statement(self) -> str:
        if self.no_background_documents:
            return "None"
        return self.background_documents.strip()


class ReportSigner(models.Model):
    """A "By:"/"From:" line: a person and the capacity they sign in."""

    # Signers are part of the header.
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="signers")
    # A signer leaving the record leaves the printed capacity.
    person = models.ForeignKey("council.Person", on_delete=models.PROTECT, related_name="+")
    capacity = models.CharField(
        max_length=200, help_text='e.g. "Cabinet Member for Corporate and Democratic Services"'
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["report", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.person.full_name}, {self.capacity}"


class Recommendation(models.Model):
    """One recommendation, its verb kept as the author wrote it (NOTE, ENDORSE, AGREE …)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="recommendations")
    order = models.PositiveSmallIntegerField(default=0)
    verb = models.CharField(max_length=30, blank=True, help_text="e.g. NOTE, ENDORSE, AGREE")
    text = models.TextField()

    class Meta:
        ordering = ["report", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.verb} {self.text}".strip()


class PathwayStep(models.Model):
    """A body the report passed through before (past) or will go to after (future) this one."""

    class Direction(models.TextChoices):
        PAST = "past", "Past pathway"
        FUTURE = "future", "Future pathway"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="pathway")
    direction = models.CharField(max_length=6, choices=Direction.choices)
    # A body in the record, or a free description such as "Corporate Management Team".
    body = models.ForeignKey(
        "council.Body", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    description = models.CharField(max_length=200, blank=True)
    date = models.DateField(null=True, blank=True)
    note = models.CharField(max_length=200, blank=True, help_text='e.g. "regular updates TBC"')
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["report", "direction", "order", "pk"]

    def __str__(self) -> str:
        where = self.body.name if self.body_id else self.description
        when = f" – {self.date:%-d %B %Y}" if self.date else ""
        return f"{where}{when}" + (f" ({self.note})" if self.note else "")


def on_exempt_item_q(prefix: str = "") -> Q:
    """Documents attached to exempt business, themselves or (an appendix) by their report:
    the SQL form of the attachment half of ``Document.is_restricted``. ``prefix`` reaches the
    document from another model, e.g. ``"document__"``."""
    exempt_links = ItemPaper.objects.filter(exempt_item_q("item__"))
    return Exists(exempt_links.filter(document_id=OuterRef(f"{prefix}pk"))) | Exists(
        exempt_links.filter(document_id=OuterRef(f"{prefix}parent_id"))
    )


def remember_exempt_items(docs) -> None:
    """Load ``Document.exempt_item`` for many documents in one query (a page listing papers)."""
    docs = [d for d in docs if d.pk is not None]
    if not docs:
        return
    wanted = {d.pk for d in docs} | {d.parent_id for d in docs if d.parent_id}
    found: dict[int, AgendaItem | None] = {}
    for link in (
        ItemPaper.objects.filter(document_id__in=wanted)
        .filter(exempt_item_q("item__"))
        .select_related("item__parent__parent")
        .order_by("pk")
    ):
        found.setdefault(link.document_id, link.item.exempting_item)
    for d in docs:
        d.__dict__["_exempt_item"] = found.get(d.pk) or found.get(d.parent_id)


# In modules of their own (this one would pass the size a module should keep to).
from .pack_models import AgendaPack, PackKind, PackStatus  # noqa: E402
from .report_drafts import ReportDraft  # noqa: E402

__all__ = [
    "AgendaPack",
    "Classification",
    "Document",
    "DocumentKind",
    "DocumentVersion",
    "ItemPaper",
    "PackKind",
    "PackStatus",
    "PathwayStep",
    "Recommendation",
    "Report",
    "ReportDraft",
    "ReportSigner",
    "SourceKind",
    "on_exempt_item_q",
    "remember_exempt_items",
]
