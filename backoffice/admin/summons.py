"""Back office: the consent ledger (paper forms), each publication's summons issue with its
dispatch list and printable summonses, and the email log. Posting and sending again go
through the summons services, as on the meeting's summons page in the workspace."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from backoffice.base import AuditedAdmin, AuditedInline
from council.models import Person
from publishing.deadlines import local_date
from summons import consent, printing, services
from summons.models import (
    ConsentMethod,
    DispatchEntry,
    EmailLog,
    EmailStatus,
    SummonsConsent,
    SummonsIssue,
)


@admin.register(SummonsConsent)
class SummonsConsentAdmin(AuditedAdmin):
    """Paper consent forms. The ledger is a history: a mistake is put right by a new entry,
    so entries are never changed or deleted here."""

    list_display = ["person", "decision", "email", "effective", "method", "recorded_by_name"]
    list_filter = ["decision", "method"]
    search_fields = ["person__surname", "person__forenames", "email"]
    autocomplete_fields = ["person"]
    fields = [
        "person",
        "decision",
        "email",
        "effective",
        "evidence",
        "method",
        "recorded_by_name",
        "recorded_at",
    ]
    readonly_fields = ["method", "recorded_by_name", "recorded_at"]
    date_hierarchy = "effective"

    def save_object(self, request, obj):
        """``summons.consent.record``, as a paper form (entries are never changed here)."""
        if not obj._state.adding:
            raise PermissionDenied("A consent entry is never changed: record a new one.")
        saved = consent.record(
            obj.person,
            obj.decision,
            obj.email,
            method=ConsentMethod.PAPER_FORM,
            effective=obj.effective,
            evidence=obj.evidence,
            actor=request.user,
        )
        for field in SummonsConsent._meta.concrete_fields:  # the admin goes on with ``obj``
            setattr(obj, field.attname, getattr(saved, field.attname))
        obj._state.adding, obj._state.db = False, saved._state.db
        return obj

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False


class DispatchInline(AuditedInline, admin.TabularInline):
    model = DispatchEntry
    save_service = staticmethod(services.save_dispatch_entry)
    fields = ["person", "reason", "posted_on", "notes"]
    readonly_fields = ["person", "reason"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(SummonsIssue)
class SummonsIssueAdmin(AuditedAdmin):
    """Made by publication, never by hand; the office records posting on the dispatch list."""

    list_display = ["meeting", "kind", "published_at", "emailed", "to_post", "print_link"]
    list_filter = ["kind"]
    search_fields = ["meeting__body__name"]
    readonly_fields = [
        "meeting",
        "kind",
        "published_at",
        "publication_key",
        "created_at",
        "print_link",
    ]
    inlines = [DispatchInline]
    actions = ["reissue"]

    @admin.action(description="Re-issue the summons to members not yet summoned")
    def reissue(self, request, queryset):
        """For each selected issue's meeting, once: ``services.reissue_summons``."""
        meetings = {
            issue.meeting_id: issue.meeting for issue in queryset.select_related("meeting__body")
        }
        for meeting in meetings.values():
            try:
                issue = services.reissue_summons(meeting, actor=request.user)
            except (ValidationError, PermissionDenied) as error:
                text = " ".join(getattr(error, "messages", [str(error)]))
                self.message_user(request, f"{meeting}: {text}", messages.ERROR)
            else:
                sent = EmailLog.objects.filter(key__startswith=f"summons:{issue.pk}:").count()
                self.message_user(
                    request,
                    f"{meeting}: summons re-issued ({sent} emailed, "
                    f"{issue.dispatch.count()} to post).",
                    messages.SUCCESS,
                )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="emailed")
    def emailed(self, obj: SummonsIssue) -> int:
        return printing.emailed(obj)

    @admin.display(description="to post")
    def to_post(self, obj: SummonsIssue) -> int:
        return obj.dispatch.count()

    @admin.display(description="print")
    def print_link(self, obj: SummonsIssue) -> str:
        if not obj.pk:
            return ""
        url = reverse("admin:summons_summonsissue_print", args=[obj.pk])
        return format_html('<a href="{}">Dispatch list and summonses to print</a>', url)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/print/", view(self.print_view), name="summons_summonsissue_print"),
            path(
                "<int:pk>/print/<int:person>/",
                view(self.print_view),
                name="summons_summonsissue_print_one",
            ),
        ] + super().get_urls()

    def print_view(self, request, pk: int, person: int | None = None):
        """The dispatch list and a summons per member to post, one page each when printed."""
        issue = get_object_or_404(SummonsIssue.objects.select_related("meeting__body"), pk=pk)
        if not self.has_view_permission(request, issue):
            raise PermissionDenied
        one = get_object_or_404(Person, pk=person) if person is not None else None
        return TemplateResponse(
            request, "summons/print/dispatch.html", printing.print_context(issue, one)
        )


@admin.register(DispatchEntry)
class DispatchEntryAdmin(AuditedAdmin):
    list_display = ["person", "issue", "reason", "posted_on", "notes"]
    list_editable = ["posted_on", "notes"]
    list_filter = ["reason", ("posted_on", admin.EmptyFieldListFilter), "issue__kind"]
    search_fields = ["person__surname", "issue__meeting__body__name"]
    readonly_fields = ["issue", "person", "reason"]
    actions = ["mark_posted_today"]
    save_service = staticmethod(services.save_dispatch_entry)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Mark as left or posted today")
    def mark_posted_today(self, request, queryset):
        """``services.record_posted`` for the entries not yet posted, one issue at a time."""
        today = local_date(timezone.now())  # a moment of record: the real calendar
        by_issue: dict[int, list[DispatchEntry]] = {}
        for entry in queryset.filter(posted_on__isnull=True).select_related("issue"):
            by_issue.setdefault(entry.issue_id, []).append(entry)
        for entries in by_issue.values():
            try:
                services.record_posted(entries, today, actor=request.user)
            except (ValidationError, PermissionDenied) as error:
                text = " ".join(getattr(error, "messages", [str(error)]))
                self.message_user(request, f"{entries[0].issue}: {text}", messages.ERROR)
            else:
                n = len(entries)
                self.message_user(
                    request,
                    f"{entries[0].issue}: {n} marked as left or posted today.",
                    messages.SUCCESS,
                )


@admin.register(EmailLog)
class EmailLogAdmin(admin.ModelAdmin):
    """The log is written by the mail queue only; the office reads it and retries failures."""

    list_display = [
        "created_at",
        "to",
        "subject",
        "kind",
        "status",
        "problem",
        "attempts",
        "sent_at",
    ]
    list_filter = ["status", "kind"]
    search_fields = ["to", "subject", "meeting__body__name", "person__surname"]
    date_hierarchy = "created_at"
    exclude = ["html"]
    actions = ["try_again"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields if f.name != "html"]

    @admin.action(description="Try the failed emails again")
    def try_again(self, request, queryset):
        """``services.send_again`` for each failed email selected."""
        sent = 0
        for log in queryset.filter(status=EmailStatus.FAILED):
            try:
                services.send_again(log, actor=request.user)
            except (ValidationError, PermissionDenied) as error:
                text = " ".join(getattr(error, "messages", [str(error)]))
                self.message_user(request, f"{log.to}: {text}", messages.ERROR)
            else:
                sent += 1
        self.message_user(request, f"{sent} email(s) queued again.", messages.SUCCESS)
