"""The minutes' states in the back office: published with the "Publish minutes as draft"
action, approved ("Approve as a correct record…", with a correction) and signed through the
services (``proceedings.minutes``, ``proceedings.approval``), with the forms every screen
doing it shares (``proceedings.approval_forms``); their versions only shown.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from backoffice.base import AuditedAdmin, ReadOnlyAdmin, ReadOnlyInline
from meetings.models import Meeting
from proceedings import approval
from proceedings.approval_forms import ApproveForm, SignForm
from proceedings.minutes import publish_minutes
from proceedings.models import MinutesRecord, MinutesVersion


def publish_each(admin_obj, request, meetings) -> None:
    """Publish each meeting's minutes as a draft, saying for each what happened."""
    for meeting in meetings.select_related("body"):
        try:
            publish_minutes(meeting, actor=request.user)
        except ValidationError as error:
            admin_obj.message_user(
                request, f"{meeting}: {' '.join(error.messages)}", messages.ERROR
            )
        else:
            admin_obj.message_user(
                request, f"{meeting}: minutes published as a draft.", messages.SUCCESS
            )


class VersionInline(ReadOnlyInline, admin.TabularInline):
    model = MinutesVersion
    fields = ["number", "status", "created_at", "created_by", "note", "approving_minute"]
    readonly_fields = fields


@admin.register(MinutesRecord)
class MinutesRecordAdmin(AuditedAdmin):
    """The minutes' state changes only through the services (publish, approve, sign)."""

    list_display = [
        "meeting",
        "body",
        "status",
        "published_at",
        "approved_on",
        "signed_on",
        "version_count",
    ]
    list_filter = ["status", "meeting__body"]
    list_select_related = ["meeting__body"]
    search_fields = ["meeting__body__name"]
    fields = [
        "meeting",
        "status",
        "published_at",
        "approved_by_minute",
        "approved_on",
        "signed_by",
        "signed_on",
        "versions_list",
        "public_page",
    ]
    readonly_fields = fields
    inlines = [VersionInline]
    actions = ["publish", "approve", "sign"]

    @admin.display(description="Body", ordering="meeting__body__name")
    def body(self, obj):
        return obj.meeting.body

    @admin.display(description="Versions")
    def version_count(self, obj):
        return obj.versions.count()

    @admin.display(description="Versions")
    def versions_list(self, obj):
        rows = obj.versions.order_by("number")
        if not rows:
            return "None"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>Version {} – {} {}</li>",
                ((v.number, v.get_status_display(), v.note) for v in rows),
            ),
        )

    @admin.display(description="Public page")
    def public_page(self, obj):
        if not obj.is_public:
            return "Not public until published"
        url = reverse("proceedings:minutes", args=[obj.meeting.pk, obj.meeting.slug])
        return format_html('<a href="{}">{}</a>', url, url)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        # The change list offers the publish action; the form itself is read-only.
        return super().has_change_permission(request, obj) if obj is None else False

    @admin.action(description="Publish minutes as draft", permissions=["change"])
    def publish(self, request, queryset):
        meetings = Meeting.objects.filter(pk__in=queryset.values("meeting_id"))
        publish_each(self, request, meetings)

    def _one(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(
                request, "Choose the minutes of one meeting at a time.", messages.ERROR
            )
            return None
        return queryset.select_related("meeting__body").get()

    def _ask(self, request, record, form, action: str, title: str):
        return TemplateResponse(
            request,
            "admin/proceedings/minutes_action.html",
            {
                **self.admin_site.each_context(request),
                "title": title,
                "opts": self.model._meta,
                "record": record,
                "form": form,
                "action": action,
                "checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )

    @admin.action(description="Approve as a correct record…", permissions=["change"])
    def approve(self, request, queryset):
        record = self._one(request, queryset)
        if record is None:
            return None
        form = ApproveForm(record.meeting, request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            try:
                approval.approve_minutes(
                    record.meeting,
                    form.cleaned_data["approving_minute"],
                    form.corrections(),
                    actor=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(request, f"{record.meeting}: minutes approved.", messages.SUCCESS)
                return None
        return self._ask(request, record, form, "approve", "Approve as a correct record")

    @admin.action(description="Record the chair's signature…", permissions=["change"])
    def sign(self, request, queryset):
        record = self._one(request, queryset)
        if record is None:
            return None
        form = SignForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            signer = approval.signer(record)
            try:
                approval.sign_minutes(
                    record.meeting, signer, form.cleaned_data["signed_on"], actor=request.user
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(
                    request, f"{record.meeting}: signed by {signer}.", messages.SUCCESS
                )
                return None
        return self._ask(request, record, form, "sign", "Record the chair's signature")


@admin.register(MinutesVersion)
class MinutesVersionAdmin(ReadOnlyAdmin, AuditedAdmin):
    """Versions are immutable snapshots."""

    list_display = ["record", "number", "status", "created_at", "created_by", "note"]
    list_filter = ["status"]
    list_select_related = ["record__meeting__body"]
    fields = [
        "record",
        "number",
        "status",
        "created_at",
        "created_by",
        "note",
        "approving_minute",
        "public_html",
        "exempt_html",
        "withheld_public_html",
    ]
    readonly_fields = fields
