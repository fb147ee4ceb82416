"""Back office for papers: documents and their versions, report headers, agenda packs.

Content changes only by adding a version (an upload or written text), validated on the form
so a refused file shows its reason and nothing is saved. Packs are built in the background;
the pack page of a meeting shows progress and refreshes itself while a build runs.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from access import exempt_log
from backoffice import exempt_rows
from backoffice.base import AuditedAdmin, AuditedInline, ReadOnlyInline
from backoffice.exempt import ExemptAdminMixin
from meetings.models import Meeting
from papers import convert, packs, services
from papers.delivery import private_file_response
from papers.files import PDF
from papers.models import (
    AgendaPack,
    Document,
    DocumentVersion,
    ItemPaper,
    PackKind,
    PackStatus,
    PathwayStep,
    Recommendation,
    Report,
    ReportSigner,
)


class DocumentForm(forms.ModelForm):
    new_file = forms.FileField(
        required=False,
        label="Upload a new version",
        help_text="A Word (.docx) file is converted to HTML; a PDF is kept as it is.",
    )
    new_text = forms.CharField(
        required=False,
        label="…or write the new version",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="HTML: headings (h2–h6), paragraphs, lists and tables. No scripts or "
        "external images.",
    )

    class Meta:
        model = Document
        fields = ["kind", "title", "label", "parent", "order", "classification", "exempt_paragraph"]

    def clean(self):
        data = super().clean()
        upload, text = data.get("new_file"), (data.get("new_text") or "").strip()
        if upload and text:
            raise ValidationError("Upload a file or write the text, not both.")
        self.new_version = None
        try:
            if upload:
                content = upload.read()
                convert.read_upload(content, upload.name)
                self.new_version = {"upload": content, "filename": upload.name}
            elif text:
                convert.written_html(text)
                self.new_version = {"html": text}
        except ValidationError as error:
            self.add_error("new_file" if upload else "new_text", error)
        return data


class VersionInline(ReadOnlyInline, admin.TabularInline):
    model = DocumentVersion
    fields = [
        "number",
        "source_kind",
        "original_filename",
        "page_count",
        "created_at",
        "created_by_name",
        "published_at",
    ]
    readonly_fields = fields
    verbose_name_plural = "versions (kept for ever; a published version never changes)"


class AttachmentInline(AuditedInline, admin.TabularInline):
    model = ItemPaper
    extra = 0
    autocomplete_fields = ["item"]
    fields = ["item", "order"]
    verbose_name_plural = "on the agenda of"


@admin.register(Document)
class DocumentAdmin(AuditedAdmin):
    form = DocumentForm
    save_service = staticmethod(services.save_document)
    list_display = [
        "title",
        "kind",
        "classification",
        "exempt_paragraph",
        "parent",
        "versions_count",
    ]
    list_filter = ["kind", "classification"]
    search_fields = ["title", "label", "attachments__item__title"]
    autocomplete_fields = ["parent"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "label", "parent", "order"]}),
        (
            "Who may see it",
            {
                "fields": ["classification", "exempt_paragraph"],
                "description": "An exempt paper must cite its Schedule 12A paragraph.",
            },
        ),
        ("Content", {"fields": ["new_file", "new_text"]}),
    ]
    inlines = [VersionInline, AttachmentInline]

    list_select_related = ["parent"]

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).annotate(version_count=Count("versions"))

    @admin.display(description="versions", ordering="version_count")
    def versions_count(self, doc):
        return doc.version_count

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        response = super().changeform_view(request, object_id, form_url, extra_context)
        context = getattr(response, "context_data", None) or {}
        if request.method == "POST" and response.status_code == 200 and context.get("errors"):
            response.status_code = 400  # refused (a bad file, say): the form again, nothing saved
        return response

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if form.new_version:
            services.add_version(obj, actor=request.user, **form.new_version)
            messages.success(request, f"A new version of “{obj.title}” was added.")


class SignerInline(AuditedInline, admin.TabularInline):
    model = ReportSigner
    autocomplete_fields = ["person"]
    fields = ["order", "person", "capacity"]
    verbose_name_plural = "By / From"


class RecommendationInline(AuditedInline, admin.TabularInline):
    model = Recommendation
    fields = ["order", "verb", "text"]


class PathwayInline(AuditedInline, admin.TabularInline):
    model = PathwayStep
    autocomplete_fields = ["body"]
    fields = ["direction", "order", "body", "description", "date", "note"]
    verbose_name_plural = "pathway (earlier and later bodies)"


@admin.register(Report)
class ReportAdmin(AuditedAdmin):
    save_service = staticmethod(services.save_report)
    list_display = ["document", "to_body", "date", "key_decision", "background"]
    list_select_related = ["document", "to_body"]
    list_filter = ["key_decision", "no_background_documents"]
    search_fields = ["document__title", "summary"]
    autocomplete_fields = ["document", "to_body", "author", "director", "divisions"]
    fieldsets = [
        (None, {"fields": ["document", "to_body", "date", "decision_flag"]}),
        (
            "Scope",
            {"fields": ["all_divisions", "divisions", "key_decision", "key_decision_reference"]},
        ),
        ("Summary", {"fields": ["summary"]}),
        (
            "Background documents",
            {
                "fields": ["background_documents", "no_background_documents"],
                "description": "Every report must state them, or state None.",
            },
        ),
        (
            "Contacts",
            {
                "fields": [
                    "author",
                    "author_job_title",
                    "author_telephone",
                    "author_email",
                    "director",
                    "director_job_title",
                    "director_telephone",
                    "director_email",
                ]
            },
        ),
    ]
    inlines = [SignerInline, RecommendationInline, PathwayInline]

    @admin.display(description="background documents")
    def background(self, report):
        return report.background_statement or "NOT STATED"


@admin.register(AgendaPack)
class AgendaPackAdmin(ExemptAdminMixin, admin.ModelAdmin):
    """Packs are records of what was built: read-only here, built from the meeting's pack page.
    A members' pack holds the exempt papers: listed and downloaded only by those entitled."""

    list_display = [
        "meeting",
        "kind",
        "supplement",
        "status",
        "progress",
        "page_count",
        "size",
        "built_at",
        "download",
    ]
    list_filter = ["status", "kind"]
    list_select_related = ["meeting__body"]
    search_fields = ["meeting__body__name"]
    date_hierarchy = "requested_at"
    # The file has no public address (papers.storage): its page links to the download view.
    exclude = ["file"]
    readonly_fields = ["download"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="file")
    def download(self, pack):
        if not pack.file:
            return "-"
        url = reverse("admin:papers_pack_download", args=[pack.pk])
        return format_html('<a href="{}">PDF</a>', url)

    def get_urls(self):
        view = self.admin_site.admin_view(self.meeting_packs_view)
        download = self.admin_site.admin_view(self.download_view)
        return [
            path("meeting/<int:meeting_id>/", view, name="papers_meeting_packs"),
            path("<int:pack_id>/download/", download, name="papers_pack_download"),
            *super().get_urls(),
        ]

    def download_view(self, request, pack_id: int):
        """The built PDF, for staff; a members' pack only for those entitled, and logged."""
        from django.http import Http404

        if not request.user.has_perm("papers.view_agendapack"):
            raise PermissionDenied
        packs_seen = self.get_queryset(request).select_related("meeting__body")
        pack = get_object_or_404(packs_seen, pk=pack_id)
        if not pack.file:
            raise Http404("This pack has not been built.")
        if exempt_rows.is_exempt(pack):
            exempt_log.record(
                request,
                exempt_log.Surface.BACK_OFFICE,
                str(pack),
                action="download",
                meeting=pack.meeting,
            )
        return private_file_response(
            request,
            pack.file.name,
            storage=pack.file.storage,
            content_type=PDF,
            filename=pack.file.name.rsplit("/", 1)[-1],
        )

    def meeting_packs_view(self, request, meeting_id: int):
        """A meeting's packs: build buttons, progress (the page refreshes while building)."""
        if not request.user.has_perm("papers.view_agendapack"):
            raise PermissionDenied
        meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=meeting_id)
        if request.method == "POST":
            if not request.user.has_perm("papers.add_agendapack"):
                messages.error(request, "You may not build packs.")
                return redirect(request.path)
            kind = PackKind.MEMBERS if request.POST.get("kind") == "members" else PackKind.PUBLIC
            try:
                packs.request_pack(
                    meeting,
                    kind,
                    supplementary=bool(request.POST.get("supplementary")),
                    reason=request.POST.get("reason", ""),
                    actor=request.user,
                )
                messages.success(request, "The pack is being built; this page shows its progress.")
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            return redirect(request.path)
        rows = list(
            self.get_queryset(request).filter(meeting=meeting).order_by("-requested_at")[:20]
        )
        running = any(p.status in (PackStatus.QUEUED, PackStatus.BUILDING) for p in rows)
        return TemplateResponse(
            request,
            "admin/papers/meeting_packs.html",
            {
                **self.admin_site.each_context(request),
                "title": f"Agenda packs: {meeting}",
                "meeting": meeting,
                "packs": rows,
                "running": running,
                "problems": packs.problems(meeting),
                "opts": self.model._meta,
                "meeting_url": reverse("admin:meetings_meeting_change", args=[meeting.pk]),
            },
        )
