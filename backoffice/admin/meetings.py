"""Venues, meetings and agendas in the back office.

Every save goes through ``meetings.services``; an agenda is edited inline on its meeting and
saved or refused as a whole (see ``backoffice.base``).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse

from backoffice.base import AuditedAdmin, AuditedInline
from backoffice.exempt_rows import visible
from meetings import agenda_templates, services
from meetings.models import AgendaItem, AgendaTemplate, AgendaTemplateItem, Meeting, Venue
from papers.models import AgendaPack
from publishing import changes

ORDER_HELP = (
    "Position on the agenda. To move an item, give it a number between two others "
    "(15 goes between 10 and 20) and save; \u201cRenumber in order\u201d then tidies "
    "the positions to 10, 20, 30 \u2026"
)


def duplicate_number(number: str) -> str:
    return f"Item number {number} is already used on this agenda. Give each item its own number."


def _is_duplicate_number(error: ValidationError) -> bool:
    if hasattr(error, "error_dict"):
        errors = error.error_dict.get(NON_FIELD_ERRORS, [])
    else:
        errors = error.error_list
    return any(e.code == "unique_together" for e in errors)


@admin.register(Venue)
class VenueAdmin(AuditedAdmin):
    save_service = staticmethod(services.save_venue)
    list_display = ["room", "building", "postcode"]
    search_fields = ["room", "building", "address", "postcode"]
    fieldsets = [
        (None, {"fields": ["room", "building", "address", "postcode"]}),
        ("For visitors", {"fields": ["accessibility"]}),
    ]


# --- Agenda items ---


class AgendaFormSet(BaseInlineFormSet):
    """A meeting's agenda: sub-items choose their parent among this meeting's items only."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "parent" in form.fields:
            form.fields["parent"].queryset = self._parents
            form.fields["parent"].choices = self._parent_choices

    @property
    def _parents(self):
        if self.instance.pk is None:
            return AgendaItem.objects.none()
        return AgendaItem.objects.filter(meeting=self.instance)

    @property
    def _parent_choices(self):
        # Worked out once per agenda, not once per row.
        if not hasattr(self, "_choices_cache"):
            self._choices_cache = [("", "---------")] + [(i.pk, str(i)) for i in self._parents]
        return self._choices_cache

    def get_unique_error_message(self, unique_check):
        return (
            "Two or more items have the same number. Give each item on the agenda its own number."
        )


class AgendaItemInline(AuditedInline, admin.TabularInline):
    model = AgendaItem
    formset = AgendaFormSet
    fields = ["order", "number", "title", "kind", "part", "exempt_paragraph", "parent"]
    show_change_link = True  # purpose, motion, mover and seconder are on the item's own page
    save_service = staticmethod(changes.save_item)
    extra = 1
    verbose_name_plural = "agenda"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "order":
            kwargs.update(
                help_text=ORDER_HELP, widget=forms.NumberInput(attrs={"class": "moot-order"})
            )
        if db_field.name == "number":
            kwargs["widget"] = forms.TextInput(attrs={"size": 6})
        if db_field.name in ("kind", "part", "exempt_paragraph", "parent"):
            # Their labels are long; the agenda table must still fit the page.
            kwargs["widget"] = forms.Select(attrs={"class": "moot-narrow"})  # backoffice/admin.css
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def explain(self, item, error):
        # Only a swap of two numbers gets here: the rows are otherwise saved in a working order.
        if _is_duplicate_number(error):
            return ValidationError(
                {
                    "number": (
                        f"Item number {item.number} is still used by another item while this "
                        "one is saved. To swap two numbers, give one a temporary number (say "
                        "99), save, then set the final numbers."
                    )
                }
            )
        return error


class AgendaItemForm(forms.ModelForm):
    def clean(self):
        data = super().clean()
        meeting, number = data.get("meeting"), data.get("number")
        if meeting and number:
            clash = AgendaItem.objects.filter(meeting=meeting, number=number)
            if clash.exclude(pk=self.instance.pk).exists():
                # Said here so the constraint's "Agenda item with this Meeting and Number …"
                # never shows (a field with an error is left out of the constraint checks).
                self.add_error("number", duplicate_number(number))
        return data


@admin.register(AgendaItem)
class AgendaItemAdmin(AuditedAdmin):
    form = AgendaItemForm
    save_service = staticmethod(changes.save_item)
    list_display = ["number", "title", "meeting", "part", "exempt_paragraph", "kind"]
    list_display_links = ["number", "title"]
    list_filter = ["part", "kind", ("meeting__body", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["meeting__body"]
    search_fields = ["title", "number", "meeting__body__name"]
    search_help_text = "Search by the item's title or number, or the body's name."
    date_hierarchy = "meeting__date"
    ordering = ["-meeting__date", "order"]
    autocomplete_fields = ["meeting", "parent", "mover", "seconder", "urgency_chair"]
    fieldsets = [
        (None, {"fields": ["meeting", "number", "order", "parent", "title", "purpose", "kind"]}),
        (
            "Part",
            {
                "fields": ["part", "exempt_paragraph"],
                "description": "An exempt item must cite the paragraph of Schedule 12A to the "
                "Local Government Act 1972 that makes it exempt.",
            },
        ),
        ("Motion", {"fields": ["motion_text", "mover", "seconder"], "classes": ["collapse"]}),
        (
            "Urgent business",
            {
                "fields": ["urgent", "urgency_chair", "urgency_reasons"],
                "description": "Only an urgent item, agreed by the chair for stated special "
                "circumstances, can be added once the agenda is published (section 100B(4)(b)).",
            },
        ),
    ]


# --- Meetings ---


@admin.register(Meeting)
class MeetingAdmin(AuditedAdmin):
    save_service = staticmethod(services.save_meeting)
    list_display = ["body", "date", "start_time", "room", "status", "kind", "items"]
    list_display_links = ["body", "date"]
    list_filter = [("body", admin.RelatedOnlyFieldListFilter), "status", "kind"]
    list_select_related = ["body", "venue"]
    date_hierarchy = "date"
    search_fields = ["body__name", "venue__room", "venue__building"]
    search_help_text = "Search by the body's name or the venue."
    ordering = ["-date", "-start_time"]
    autocomplete_fields = ["body", "venue", "contact"]
    fieldsets = [
        (
            None,
            {
                "fields": ["body", "date", "start_time", "end_time", "venue", "status", "kind"],
                "description": "For a new meeting, leave the venue blank to use the body's usual "
                "venue.",
            },
        ),
        ("Notices", {"fields": ["notes", "refreshments", "webcast_url"]}),
        ("Contact", {"fields": ["contact", "contact_telephone"]}),
    ]
    inlines = [AgendaItemInline]
    actions = ["renumber_in_order"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_count=Count("items"))

    def change_view(self, request, object_id, form_url="", extra_context=None):

        packs = visible(AgendaPack.objects.filter(meeting_id=object_id), request.user)
        packs = packs.order_by("-requested_at")[:5]
        extra_context = {**(extra_context or {}), "recent_packs": list(packs)}
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description="venue", ordering="venue__room")
    def room(self, meeting):
        venue = meeting.venue
        return ", ".join(p for p in (venue.room, venue.building) if p) if venue else "-"

    @admin.display(description="items", ordering="item_count")
    def items(self, meeting):
        return meeting.item_count

    @admin.action(
        permissions=["change"],
        description="Renumber the selected meetings' agendas in order (10, 20, 30 \u2026)",
    )
    def renumber_in_order(self, request, queryset):
        done = sum(self._renumber(request, meeting) for meeting in queryset)
        self.message_user(request, f"Renumbered the agenda of {done} meeting(s).", messages.SUCCESS)

    def _renumber(self, request, meeting) -> bool:
        ids = list(meeting.items.order_by("order", "pk").values_list("pk", flat=True))
        try:
            services.reorder_agenda(meeting, ids, actor=request.user)
        except ValidationError as e:  # an item was added or removed meanwhile
            self.message_user(request, f"{meeting}: {' '.join(e.messages)}", messages.ERROR)
            return False
        return True

    def get_urls(self):
        return [
            path(
                "<path:object_id>/renumber/",
                self.admin_site.admin_view(self.renumber_view),
                name="meetings_meeting_renumber",
            ),
            *super().get_urls(),
        ]

    def renumber_view(self, request, object_id):
        """The "Renumber in order" button on a meeting's page."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        meeting = self.get_object(request, object_id)
        if meeting is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, meeting):
            raise PermissionDenied
        if self._renumber(request, meeting):
            self.message_user(request, "The agenda has been renumbered in order.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:meetings_meeting_change", args=[meeting.pk]))


# --- Agenda templates ---


class AgendaTemplateItemInline(AuditedInline, admin.TabularInline):
    model = AgendaTemplateItem
    fields = ["position", "order", "title", "purpose", "kind", "part", "exempt_paragraph"]
    save_service = staticmethod(agenda_templates.save_template_item)
    delete_service = staticmethod(agenda_templates.remove_template_item)
    verbose_name_plural = "standard items"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "purpose":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "cols": 40})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(AgendaTemplate)
class AgendaTemplateAdmin(AuditedAdmin):
    """A body's standard agenda items (the officers add them to a meeting from the agenda
    builder, ``/office/meetings/<id>/agenda/``). Titles may hold placeholders:
    {previous_meeting_date}, {meeting_date}, {body}, {chair}; the motion to exclude the press
    and public, {paragraphs}."""

    save_service = staticmethod(agenda_templates.save_template)
    list_display = ["__str__", "numbering"]
    list_select_related = ["body"]
    autocomplete_fields = ["body"]
    fieldsets = [
        (None, {"fields": ["body", "body_kind", "numbering"]}),
        (
            "The exempt part",
            {
                "fields": [
                    "exclusion_heading",
                    "exclusion_motion",
                    "no_exempt_heading",
                    "no_exempt_note",
                ]
            },
        ),
    ]
    inlines = [AgendaTemplateItemInline]
