"""Proceedings in the back office: attendance, declarations, motions and votes, minutes and
resolutions, and actions (the minutes' states and versions: ``backoffice.admin.minutes_record``).

Every save goes through ``audit.trail`` (the rules run in the models' ``clean``); removals go
through ``proceedings.removal``, which refuses them once the minutes are approved, so a locked
record shows the rule's message instead of changing. Votes and their results are recorded by
the clerk's services and only shown here (the result is computed, never typed).
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.http import HttpResponseRedirect
from django.urls import reverse

from backoffice.base import AuditedAdmin, AuditedInline, ReadOnlyAdmin, ReadOnlyInline
from backoffice.saving import Refused, audited_delete
from meetings.models import Meeting
from proceedings.actions import save_action
from proceedings.models import (
    Action,
    Attendance,
    Declaration,
    Minute,
    MinutesRecord,
    MinutesStatus,
    Motion,
    NilDeclarations,
    Procedure,
    RecordedVote,
    Resolution,
    Vote,
)
from proceedings.removal import remove_from_record
from proceedings.rules import motions_for_minute

from .minutes_record import publish_each


class RecordAdmin(AuditedAdmin):
    """A part of a meeting's record: removal is checked like any change."""

    delete_service = staticmethod(remove_from_record)

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
            return HttpResponseRedirect(
                reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[object_id]
                )
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
    delete_service = staticmethod(remove_from_record)


def _status(meeting: Meeting) -> str:
    """The minutes' state; reads the record the list page selected with the meeting."""
    try:
        record = meeting.minutes_record
    except MinutesRecord.DoesNotExist:
        return MinutesStatus.DRAFT.label
    return record.get_status_display()


@admin.register(Procedure)
class ProcedureAdmin(AuditedAdmin):
    list_display = [
        "body",
        "quorum_kind",
        "quorum_numerator",
        "quorum_denominator",
        "quorum_number",
        "notes",
    ]
    autocomplete_fields = ["body"]
    search_fields = ["body__name"]


@admin.register(Attendance)
class AttendanceAdmin(RecordAdmin):
    list_display = ["person", "meeting", "body", "status", "in_chair", "substitute_for", "capacity"]
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

    list_display = [
        "motion",
        "meeting",
        "method",
        "votes_for",
        "votes_against",
        "abstentions",
        "result",
        "warnings",
    ]
    list_filter = ["method", "result", "motion__meeting__body"]
    list_select_related = ["motion__meeting__body"]
    search_fields = ["motion__text", "motion__meeting__body__name"]
    readonly_fields = [
        "motion",
        "method",
        "majority",
        "votes_for",
        "votes_against",
        "abstentions",
        "members",
        "casting_vote",
        "result",
        "warnings",
    ]
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
        text = (
            f"For {vote.votes_for}, Against {vote.votes_against}, Abstain "
            f"{vote.abstentions}: {vote.get_result_display()}"
        )
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
    save_service = staticmethod(save_action)
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

    @admin.action(
        description="Publish minutes as draft (the selected minutes' meetings)",
        permissions=["change"],
    )
    def publish_meetings(self, request, queryset):
        meetings = Meeting.objects.filter(pk__in=queryset.values("meeting_id"))
        publish_each(self, request, meetings)


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

    save_service = staticmethod(save_action)  # added, progressed or changed as the clerk does

    def delete_object(self, request, obj):
        # An action's progress is updated after the minutes are approved: it is not the record.
        audited_delete(obj, actor=request.user)
