"""The audit trail in the back office: read only, for everyone, superusers included."""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join

from audit.models import AuditEntry
from audit.reading import BLANK, changed_fields, readable_changes
from backoffice import exempt_rows
from backoffice.base import ReadOnlyAdmin
from backoffice.exempt import ExemptAdminMixin


class RecordTypeFilter(admin.SimpleListFilter):
    """By the model's own name ("Membership"), not "app verbose name | model"."""

    title = "type of record"
    parameter_name = "content_type__id__exact"  # the same as the History page's links

    def lookups(self, request, model_admin):
        used = AuditEntry.objects.values("content_type").distinct()
        types = ContentType.objects.filter(pk__in=used)
        return sorted(((str(ct.pk), ct.name.capitalize()) for ct in types), key=lambda c: c[1])

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        if not value.isdigit():
            raise IncorrectLookupParameters(f"No such type of record: {value}")
        return queryset.filter(content_type_id=int(value))


#: What an entry says, in the list and on its page.
SUMMARY = ["when", "who", "action", "event", "record_type", "object_link"]


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin, ExemptAdminMixin, admin.ModelAdmin):
    list_display = [*SUMMARY, "fields_changed"]
    list_display_links = ["when"]
    # Not the event: a filter listing every event would cost the list a query more; the list
    # filters by ?event=… (a field of the entry) and its search finds an event by name.
    list_filter = ["action", RecordTypeFilter, ("actor_name", admin.AllValuesFieldListFilter)]
    list_select_related = ["content_type"]
    date_hierarchy = "at"
    search_fields = ["object_repr", "actor_name", "=object_id", "=event"]
    search_help_text = (
        "Search by the record's name, who made the change, the record's number, or the event "
        "(e.g. proceedings.vote_recorded)."
    )
    fieldsets = [(None, {"fields": SUMMARY}), ("Changes", {"fields": ["changes_table"]})]
    readonly_fields = [*SUMMARY, "changes_table"]
    list_per_page = 50

    class Media:
        css = {"all": ["backoffice/admin.css"]}

    show_full_result_count = False  # counting a long trail on every page load is slow

    # The trail is written by audit.trail only; nobody edits or removes it here.

    def get_queryset(self, request):
        # An entry about an exempt row is shown only to those who may see the row.
        queryset = super().get_queryset(request)
        return exempt_rows.visible_audit_entries(queryset, request.user)

    def get_object(self, request, object_id, from_field=None):
        """One entry, if the user may see it: the rule asked of that entry alone
        (``exempt_rows.audit_entry_visible``), remembered for the request (its page and the
        exempt access log both ask)."""
        found = request.__dict__.setdefault("_moot_audit_entries", {})
        if (object_id, from_field) not in found:
            trail = super().get_queryset(request).select_related("content_type")
            field = self.opts.pk if from_field is None else self.opts.get_field(from_field)
            try:  # as ModelAdmin.get_object, from the whole trail
                entry = trail.get(**{field.name: field.to_python(object_id)})
            except (AuditEntry.DoesNotExist, ValidationError, ValueError):
                entry = None
            visible = entry is not None and exempt_rows.audit_entry_visible(entry, request.user)
            found[object_id, from_field] = entry if visible else None
        return found[object_id, from_field]

    def exempt_object(self, request, object_id):
        entry = self.get_object(request, unquote(object_id))
        model = entry.content_type.model_class() if entry else None
        if model is None or exempt_rows.scope_of(model) is None:
            return None
        row = model._default_manager.filter(pk=entry.object_id).first()
        return row if row is not None and exempt_rows.is_exempt(row) else None

    @admin.display(description="when", ordering="at")
    def when(self, entry):
        return formats.localize(timezone.localtime(entry.at))

    @admin.display(description="who", ordering="actor_name")
    def who(self, entry):
        return entry.actor_name or "system"

    @admin.display(description="type of record", ordering="content_type")
    def record_type(self, entry):
        return entry.content_type.name.capitalize()

    @admin.display(description="record", ordering="object_repr")
    def object_link(self, entry):
        url = self._object_url(entry)
        if not url:
            return entry.object_repr
        return format_html('<a href="{}">{}</a>', url, entry.object_repr)

    @admin.display(description="fields changed")
    def fields_changed(self, entry):
        if entry.action != AuditEntry.Action.UPDATE:
            return BLANK
        return ", ".join(changed_fields(entry)) or BLANK

    @admin.display(description="changes")
    def changes_table(self, entry):
        rows = readable_changes(entry, {})
        if not rows:
            return "No field changed."
        return format_html(
            '<table><thead><tr><th scope="col">Field</th><th scope="col">Before</th>'
            '<th scope="col">After</th></tr></thead><tbody>{}</tbody></table>',
            format_html_join(
                "",
                '<tr><th scope="row">{}</th><td class="moot-pre-wrap">{}</td>'
                '<td class="moot-pre-wrap">{}</td></tr>',
                ((label.capitalize(), before, after) for label, before, after in rows),
            ),
        )

    def _object_url(self, entry) -> str:
        """The record's page in the back office, while it still exists there."""
        model = entry.content_type.model_class()
        if entry.action == AuditEntry.Action.DELETE or model is None:
            return ""
        if not self.admin_site.is_registered(model):
            return ""
        try:
            return reverse(
                f"admin:{model._meta.app_label}_{model._meta.model_name}_change",
                args=[entry.object_id],
                current_app=self.admin_site.name,
            )
        except NoReverseMatch:
            return ""
