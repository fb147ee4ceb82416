"""Back office for publishing: clearance steps, reports' way to publication (with actions),
the publication log with democratic services' dashboard and "Publish" page, and the history.

Every change goes through the services in ``publishing.workflow``, ``publishing.services`` and
``publishing.supplements``; the log and the history are read-only here because they are the
evidence of what was done.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, OuterRef, Subquery
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from backoffice import publishing_views as admin_views
from backoffice.base import AuditedAdmin, ReadOnlyAdmin
from backoffice.exempt import ExemptAdminMixin
from backoffice.saving import Refused, _as_validation_error
from publishing import workflow
from publishing.clearance_steps import save_step
from publishing.models import (
    AgendaPublication,
    ClearanceSignoff,
    ClearanceStep,
    PublicationEvent,
    ReportState,
    ReportWorkflow,
)


@admin.register(ClearanceStep)
class ClearanceStepAdmin(AuditedAdmin):
    """Saved by ``publishing.clearance_steps.save_step``, signers and all (as the workspace's
    clearance steps screen saves it)."""

    list_display = ["name", "order", "active", "group", "separate_from_author"]
    list_filter = ["active", "separate_from_author"]
    filter_horizontal = ["users"]
    search_fields = ["name"]

    def save_model(self, request, obj, form, change):
        users = form.cleaned_data.get("users") or []
        try:
            with transaction.atomic():
                save_step(obj, group=obj.group, users=users, actor=request.user)
        except (ValidationError, IntegrityError) as e:
            raise Refused([(None, None, _as_validation_error(e))]) from e

    def save_related(self, request, form, formsets, change):
        """The service has set the signers (``form.save_m2m`` would set them unaudited)."""


class StepForm(forms.Form):
    step = forms.ModelChoiceField(ClearanceStep.objects.filter(active=True), label="Step")
    comment = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ReasonForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), help_text="The author sees this."
    )


@admin.register(ReportWorkflow)
class ReportWorkflowAdmin(AuditedAdmin):
    list_filter = ["state"]
    list_select_related = ["document"]
    search_fields = ["document__title"]
    autocomplete_fields = ["document"]
    readonly_fields = [
        "state",
        "submission",
        "submitted_at",
        "approved_at",
        "approved_by_name",
        "approved_version",
        "returned_reason",
        "missing",
        "steps",
        "signoffs",
    ]
    actions = ["submit", "sign_off", "return_to_draft", "approve"]

    def get_fields(self, request, obj=None):
        if obj is None:  # a new row is a draft: only the report is chosen
            return ["document"]
        return [
            "document",
            "missing",
            "state",
            "returned_reason",
            "steps",
            "signoffs",
            "submission",
            "submitted_at",
            "approved_at",
            "approved_by_name",
            "approved_version",
        ]

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "document"] if obj else self.readonly_fields

    @admin.display(description="sign-offs (all submissions)")
    def signoffs(self, obj):
        rows = ClearanceSignoff.objects.filter(document_id=obj.document_id).select_related("step")
        if not rows:
            return "None yet."

        def line(r: ClearanceSignoff) -> str:
            when = f"{timezone.localtime(r.at):%-d %b %Y %H:%M}"
            comment = f" – “{r.comment}”" if r.comment else ""
            who = r.by_name or "unknown"
            return f"Submission {r.submission}: {r.step} – {who}, {when}{comment}"

        items = format_html_join("", "<li>{}</li>", ((line(r),) for r in rows))
        return format_html("<ul>{}</ul>", items)

    @admin.display(description="what is missing before submission")
    def missing(self, obj):
        found = workflow.missing_for_submission(obj.document)
        if not found:
            return "Nothing: the report can be submitted."
        items = format_html_join("", "<li>{}</li>", ((m,) for m in found))
        return format_html("<ul>{}</ul>", items)

    @admin.display(description="clearance")
    def steps(self, obj):
        if obj.state == ReportState.DRAFT:
            return "Not submitted."
        unsigned = workflow.unsigned_steps(obj)
        if not unsigned:
            return "Every active step has signed off this submission."
        return "Waiting for: " + ", ".join(str(s) for s in unsigned)

    def get_queryset(self, request):
        # The list shows "2 of 3" for every row from one query, not a query a row.
        signed = (
            ClearanceSignoff.objects.filter(
                document=OuterRef("document"), submission=OuterRef("submission"), step__active=True
            )
            .values("document")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return super().get_queryset(request).annotate(signed=Subquery(signed))

    def get_list_display(self, request):
        total = ClearanceStep.objects.filter(active=True).count()  # once a page, not a row

        @admin.display(description="signed off")
        def steps_signed(obj):
            return "–" if obj.state == ReportState.DRAFT else f"{obj.signed or 0} of {total}"

        return ["document", "state", "submission", steps_signed, "approved_at"]

    # --- actions: each calls the service for every selected report and says what happened ---

    def _each(self, request, queryset, service, done: str) -> None:
        for row in queryset.select_related("document"):
            try:
                service(row.document)
            except (ValidationError, PermissionDenied) as error:
                text = " ".join(getattr(error, "messages", [str(error)]))
                self.message_user(request, f"{row.document.title}: {text}", messages.ERROR)
            else:
                self.message_user(request, f"{row.document.title}: {done}", messages.SUCCESS)

    @admin.action(description="Submit for clearance", permissions=["change"])
    def submit(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda doc: workflow.submit_report(doc, actor=request.user),
            "submitted.",
        )

    @admin.action(description="Approve for publication", permissions=["change"])
    def approve(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda doc: workflow.approve_for_publication(doc, actor=request.user),
            "approved for publication.",
        )

    @admin.action(description="Sign off a clearance step…", permissions=["change"])
    def sign_off(self, request, queryset):
        form = StepForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            step, comment = form.cleaned_data["step"], form.cleaned_data["comment"]
            self._each(
                request,
                queryset,
                lambda doc: workflow.sign_off(doc, step, comment, actor=request.user),
                f"signed off for {step}.",
            )
            return None
        return self._ask(request, queryset, form, "sign_off", "Sign off a clearance step")

    @admin.action(description="Return to draft…", permissions=["change"])
    def return_to_draft(self, request, queryset):
        form = ReasonForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            reason = form.cleaned_data["reason"]
            self._each(
                request,
                queryset,
                lambda doc: workflow.return_to_draft(doc, reason, actor=request.user),
                "returned to draft.",
            )
            return None
        return self._ask(request, queryset, form, "return_to_draft", "Return to draft")

    def _ask(self, request, queryset, form, action: str, title: str):
        """The intermediate page that asks for the step, comment or reason."""
        return TemplateResponse(
            request,
            "admin/publishing/workflow_action.html",
            {
                **self.admin_site.each_context(request),
                "title": title,
                "opts": self.model._meta,
                "rows": queryset.select_related("document"),
                "form": form,
                "action": action,
                "checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )


@admin.register(AgendaPublication)
class AgendaPublicationAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """The publication log: the evidence of when documents were open to inspection."""

    list_display = [
        "meeting",
        "kind",
        "number",
        "published_at",
        "deadline",
        "on_time",
        "late_reason",
        "published_by_name",
        "historical",
    ]
    list_filter = ["kind", "on_time", "historical"]
    list_select_related = ["meeting__body"]
    search_fields = ["meeting__body__name"]
    date_hierarchy = "published_at"

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("dashboard/", wrap(admin_views.dashboard(self)), name="publishing_dashboard"),
            path(
                "publish/<int:meeting_id>/",
                wrap(admin_views.publish(self)),
                name="publishing_publish",
            ),
            *super().get_urls(),
        ]


@admin.register(PublicationEvent)
class PublicationEventAdmin(ReadOnlyAdmin, ExemptAdminMixin, admin.ModelAdmin):
    list_display = ["meeting", "kind", "document", "at", "by_name", "note"]
    list_filter = ["kind"]
    list_select_related = ["meeting__body", "document"]
    search_fields = ["meeting__body__name", "document__title", "note"]
