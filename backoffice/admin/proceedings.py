"""Proceedings in the back office: attendance, declarations, motions and votes, minutes and
resolutions, actions, and the minutes' states with their versions.

Every save goes through ``audit.trail`` (the rules run in the models' ``clean``); removals go
through services that refuse them once the minutes are approved, so a locked record shows the
rules' message instead of changing. Votes and their results are recorded by the clerk's
services and only shown here (the result is computed, never typed). Minutes are published
with the "Publish minutes as draft" action, approved ("Approve as a correct record…", with a
correction) and signed through the same services.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from audit import trail
from backoffice.base import AuditedAdmin, AuditedInline, ReadOnlyAdmin, ReadOnlyInline, Refused
from meetings.models import Meeting
from proceedings import minutes as services
from proceedings.models import (
    Action,
    Attendance,
    Declaration,
    Minute,
    MinutesRecord,
    MinutesStatus,
    MinutesVersion,
    Motion,
    NilDeclarations,
    Procedure,
    RecordedVote,
    Resolution,
    Vote,
)
from proceedings.rules import check_record_open, motions_for_minute


def _meeting_id(obj) -> int | None:
    for path in ("meeting_id", "minute.meeting_id", "motion.meeting_id", "vote.motion.meeting_id"):
        value = obj
        try:
            for part in path.split("."):
                value = getattr(value, part)
        except AttributeError:
            continue
        if value:
            return value
    return None


def delete_checked(obj, actor=None, actor_name: str = "") -> None:
    """Remove a row of a meeting's record; refused once the meeting's minutes are approved."""
    with transaction.atomic():
        check_record_open(_meeting_id(obj))
        if isinstance(obj, Minute):
            services.delete_minute(obj, actor, actor_name)
        elif isinstance(obj, Resolution):
            services.delete_resolution(obj, actor, actor_name)
        else:
            trail.delete(obj, actor, actor_name)


class RecordAdmin(AuditedAdmin):
    """A part of a meeting's record: removal is checked like any change."""

    delete_service = staticmethod(delete_checked)

    def delete_model(self, request, obj):
        try:
            super().delete_model(request, obj)
        except ValidationError as e:
            raise Refused([(None, None, e)]) from e

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except Refused as refused:
            self.message_user(request, refused.summary, messages.ERROR)
            from django.http import HttpResponseRedirect

            return HttpResponseRedirect(
                reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                        args=[object_id])
            )

    def delete_queryset(self, request, queryset):
        try:
            with transaction.atomic(using=router.db_for_write(self.model)):
                for obj in queryset:
                    if type(obj)._default_manager.filter(pk=obj.pk).exists():
                        self.delete_object(request, obj)
        except ValidationError as e:
            raise Refused([(None, None, e)]) from e


class RecordInline(AuditedInline):
    delete_service = staticmethod(delete_checked)


def _status(meeting: Meeting) -> str:
    """The minutes' state; reads the record the list page selected with the meeting."""
    try:
        record = meeting.minutes_record
    except MinutesRecord.DoesNotExist:
        return MinutesStatus.DRAFT.label
    return record.get_status_display()


@admin.register(Procedure)
class ProcedureAdmin(AuditedAdmin):
    list_display = ["body", "quorum_kind", "quorum_numerator", "quorum_denominator",
                    "quorum_number", "notes"]
    autocomplete_fields = ["body"]
    search_fields = ["body__name"]


@admin.register(Attendance)
class AttendanceAdmin(RecordAdmin):
    list_display = ["person", "meeting", "body", "status", "in_chair", "substitute_for",
                    "capacity"]
    list_filter = ["status", "in_chair", "meeting__body"]
    list_select_related = ["person", "meeting__body", "substitute_for"]
    search_fields = ["person__surname", "meeting__body__name"]
    autocomplete_fields = ["meeting", "person", "substitute_for"]
    filter_horizontal = ["items"]
    date_hierarchy = "meeting__date"

    @admin.display(description="Body", ordering="meeting__body__name")
    def body(self, obj):
        return obj.meeting.body


@admin.register(Declaration)
class DeclarationAdmin(RecordAdmin):
    list_display = ["person", "meeting", "item", "nature", "participation"]
    list_filter = ["nature", "participation", "meeting__body"]
    list_select_related = ["person", "meeting__body", "item"]
    search_fields = ["person__surname", "text", "meeting__body__name"]
    autocomplete_fields = ["meeting", "person"]
    raw_id_fields = ["item"]


@admin.register(NilDeclarations)
class NilDeclarationsAdmin(RecordAdmin):
    list_display = ["meeting"]
    list_select_related = ["meeting__body"]
    autocomplete_fields = ["meeting"]


class RecordedVoteInline(ReadOnlyInline, admin.TabularInline):
    model = RecordedVote
    fields = ["person", "choice"]
    readonly_fields = fields


@admin.register(Vote)
class VoteAdmin(ReadOnlyAdmin, AuditedAdmin):
    """Votes are recorded by the clerk's services, which compute the result; shown here."""

    list_display = ["motion", "meeting", "method", "votes_for", "votes_against", "abstentions",
                    "result", "warnings"]
    list_filter = ["method", "result", "motion__meeting__body"]
    list_select_related = ["motion__meeting__body"]
    search_fields = ["motion__text", "motion__meeting__body__name"]
    readonly_fields = ["motion", "method", "majority", "votes_for", "votes_against",
                       "abstentions", "members", "casting_vote", "result", "warnings"]
    fields = readonly_fields
    inlines = [RecordedVoteInline]

    @admin.display(description="Meeting")
    def meeting(self, obj):
        return obj.motion.meeting


@admin.register(RecordedVote)
class RecordedVoteAdmin(ReadOnlyAdmin, AuditedAdmin):
    """How each member voted in a recorded vote: recorded with the vote, shown here."""

    list_display = ["person", "choice", "vote", "meeting"]
    list_filter = ["choice", "vote__motion__meeting__body"]
    list_select_related = ["person", "vote__motion__meeting__body"]
    search_fields = ["person__surname", "vote__motion__text"]
    fields = ["vote", "person", "choice"]
    readonly_fields = fields

    @admin.display(description="Meeting")
    def meeting(self, obj):
        return obj.vote.motion.meeting


@admin.register(Motion)
class MotionAdmin(RecordAdmin):
    list_display = ["__str__", "meeting", "kind", "mover", "seconder", "outcome", "vote_result"]
    list_filter = ["kind", "outcome", "meeting__body"]
    list_select_related = ["meeting__body", "mover", "seconder", "vote"]
    search_fields = ["text", "meeting__body__name", "mover__surname"]
    autocomplete_fields = ["meeting", "mover", "seconder", "nominee"]
    raw_id_fields = ["item", "amends", "arose_from"]
    readonly_fields = ["vote_result"]

    @admin.display(description="Vote")
    def vote_result(self, obj):
        vote = getattr(obj, "vote", None)
        if vote is None:
            return "No vote"
        text = (f"For {vote.votes_for}, Against {vote.votes_against}, Abstain "
                f"{vote.abstentions}: {vote.get_result_display()}")
        return f"{text} ({vote.warnings})" if vote.warnings else text


class ResolutionInline(RecordInline, admin.StackedInline):
    model = Resolution
    extra = 0
    fields = ["text", "parts", "delegated_to", "in_consultation_with", "motion"]

    def get_formset(self, request, obj=None, **kwargs):
        # Only the motions on the minute's own item can be chosen (rules.motions_for_minute).
        formset = super().get_formset(request, obj, **kwargs)
        field = formset.form.base_fields.get("motion")
        if field is not None:
            field.queryset = motions_for_minute(obj) if obj else Motion.objects.none()
        return formset


class ActionInline(RecordInline, admin.TabularInline):
    model = Action
    extra = 0
    fields = ["meeting", "kind", "text", "owner", "owner_text", "due", "status", "completed_on"]
    autocomplete_fields = ["owner"]
    raw_id_fields = ["meeting"]


@admin.register(Minute)
class MinuteAdmin(RecordAdmin):
    list_display = ["number", "title", "meeting", "body", "exempt", "minutes_status"]
    list_display_links = ["number", "title"]
    list_filter = ["exempt", "body", "municipal_year"]
    list_select_related = ["meeting__body", "meeting__minutes_record", "body"]
    search_fields = ["title", "text", "body__name"]
    autocomplete_fields = ["meeting"]
    raw_id_fields = ["item"]
    readonly_fields = ["minutes_status"]
    inlines = [ResolutionInline, ActionInline]
    actions = ["publish_meetings"]

    @admin.display(description="Minutes")
    def minutes_status(self, obj):
        return _status(obj.meeting)

    @admin.action(description="Publish minutes as draft (the selected minutes' meetings)",
                  permissions=["change"])
    def publish_meetings(self, request, queryset):
        meetings = Meeting.objects.filter(pk__in=queryset.values("meeting_id"))
        _publish_each(self, request, meetings)


@admin.register(Resolution)
class ResolutionAdmin(RecordAdmin):
    list_display = ["__str__", "minute", "meeting", "delegated_to"]
    list_select_related = ["minute__meeting__body"]
    search_fields = ["text", "minute__title", "minute__body__name"]
    raw_id_fields = ["minute", "motion"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        field = form.base_fields.get("motion")
        if obj is not None and field is not None:
            # The minute's own item's motions only (rules.motions_for_minute); a new row is
            # checked by the rule when saved.
            field.widget = forms.Select()
            field.queryset = motions_for_minute(obj.minute)
        return form

    @admin.display(description="Meeting")
    def meeting(self, obj):
        return obj.minute.meeting


@admin.register(Action)
class ActionAdmin(RecordAdmin):
    list_display = ["__str__", "meeting", "owner_name", "due", "status"]
    list_filter = ["kind", "status", "meeting__body"]
    list_select_related = ["meeting__body", "owner"]
    search_fields = ["text", "owner__surname", "owner_text"]
    autocomplete_fields = ["meeting", "owner"]
    raw_id_fields = ["minute"]

    def delete_object(self, request, obj):
        # An action's progress is updated after the minutes are approved: it is not the record.
        trail.delete(obj, actor=request.user)


def _publish_each(admin_obj, request, meetings) -> None:
    for meeting in meetings.select_related("body"):
        try:
            services.publish_minutes(meeting, actor=request.user)
        except ValidationError as error:
            admin_obj.message_user(request, f"{meeting}: {' '.join(error.messages)}",
                                   messages.ERROR)
        else:
            admin_obj.message_user(request, f"{meeting}: minutes published as a draft.",
                                   messages.SUCCESS)


class ApproveForm(forms.Form):
    """The approving minute of a later meeting of the same body, and up to one correction."""

    approving_minute = forms.ModelChoiceField(
        Minute.objects.none(), help_text="The minute of the later meeting that approved them."
    )
    corrected_minute = forms.ModelChoiceField(
        Minute.objects.none(), required=False, label="Correction: minute",
        help_text="Leave blank when the minutes were approved without correction.",
    )
    field = forms.ChoiceField(choices=[("text", "Text"), ("title", "Title")], required=False,
                              label="Correction: in the")
    old = forms.CharField(required=False, label="Correction: words replaced", max_length=500)
    new = forms.CharField(required=False, label="Correction: replaced by", max_length=500)

    def __init__(self, record: MinutesRecord, *args, **kwargs):
        super().__init__(*args, **kwargs)
        meeting = record.meeting
        self.fields["approving_minute"].queryset = Minute.objects.filter(
            meeting__body_id=meeting.body_id, meeting__date__gt=meeting.date
        ).select_related("meeting").order_by("meeting__date", "number")
        self.fields["approving_minute"].label_from_instance = (
            lambda m: f"{m.meeting.date:%-d %B %Y}, minute {m.number}: {m.title}"
        )
        self.fields["corrected_minute"].queryset = Minute.objects.filter(meeting=meeting)

    def clean(self):
        data = super().clean()
        given = [bool(data.get(k)) for k in ("corrected_minute", "old", "new")]
        if any(given) and not all(given):
            raise ValidationError(
                "A correction needs the minute, the words replaced and the words replacing them."
            )
        return data

    def corrections(self) -> list[services.Correction]:
        d = self.cleaned_data
        if not d.get("corrected_minute"):
            return []
        return [services.Correction(d["corrected_minute"], d["field"] or "text", d["old"],
                                    d["new"])]


class SignForm(forms.Form):
    signed_on = forms.DateField(label="Signed on", help_text="e.g. 10/12/2015")


class VersionInline(ReadOnlyInline, admin.TabularInline):
    model = MinutesVersion
    fields = ["number", "status", "created_at", "created_by", "note", "approving_minute"]
    readonly_fields = fields


@admin.register(MinutesRecord)
class MinutesRecordAdmin(AuditedAdmin):
    """The minutes' state changes only through the services (publish, approve, sign)."""

    list_display = ["meeting", "body", "status", "published_at", "approved_on", "signed_on",
                    "version_count"]
    list_filter = ["status", "meeting__body"]
    list_select_related = ["meeting__body"]
    search_fields = ["meeting__body__name"]
    fields = ["meeting", "status", "published_at", "approved_by_minute", "approved_on",
              "signed_by", "signed_on", "versions_list", "public_page"]
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
        return format_html("<ul>{}</ul>", format_html_join(
            "", "<li>Version {} – {} {}</li>",
            ((v.number, v.get_status_display(), v.note) for v in rows)))

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
        _publish_each(self, request, meetings)

    def _one(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, "Choose the minutes of one meeting at a time.",
                              messages.ERROR)
            return None
        return queryset.select_related("meeting__body").get()

    def _ask(self, request, record, form, action: str, title: str):
        return TemplateResponse(request, "admin/proceedings/minutes_action.html", {
            **self.admin_site.each_context(request),
            "title": title, "opts": self.model._meta, "record": record, "form": form,
            "action": action, "checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        })

    @admin.action(description="Approve as a correct record…", permissions=["change"])
    def approve(self, request, queryset):
        record = self._one(request, queryset)
        if record is None:
            return None
        form = ApproveForm(record, request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            try:
                services.approve_minutes(record.meeting, form.cleaned_data["approving_minute"],
                                         form.corrections(), actor=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(request, f"{record.meeting}: minutes approved.",
                                  messages.SUCCESS)
                return None
        return self._ask(request, record, form, "approve", "Approve as a correct record")

    @admin.action(description="Record the chair's signature…", permissions=["change"])
    def sign(self, request, queryset):
        record = self._one(request, queryset)
        if record is None:
            return None
        form = SignForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            approving = record.approved_by_minute.meeting if record.approved_by_minute else None
            signer = services.chair_of_meeting(approving) if approving else None
            try:
                services.sign_minutes(record.meeting, signer, form.cleaned_data["signed_on"],
                                      actor=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(request, f"{record.meeting}: signed by {signer}.",
                                  messages.SUCCESS)
                return None
        return self._ask(request, record, form, "sign", "Record the chair's signature")


@admin.register(MinutesVersion)
class MinutesVersionAdmin(ReadOnlyAdmin, AuditedAdmin):
    """Versions are immutable snapshots."""

    list_display = ["record", "number", "status", "created_at", "created_by", "note"]
    list_filter = ["status"]
    list_select_related = ["record__meeting__body"]
    fields = ["record", "number", "status", "created_at", "created_by", "note",
              "approving_minute", "public_html", "exempt_html", "withheld_public_html"]
    readonly_fields = fields
