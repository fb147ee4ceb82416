"""The back office obeys the same entitlement rule as every other surface.

``ExemptAdminMixin`` is a base of every ModelAdmin over a model that can hold exempt
information (``backoffice.exempt_rows.SCOPES``; ``AuditedAdmin`` has it, and the read-only
admins of logs and packs add it). For a user who is neither democratic services nor
entitled to a row (``access.rules.may_see_exempt``): the row is missing from lists,
searches, autocompletes and pop-ups, its change, history and delete pages answer as for a
row that does not exist, and a row whose exemption is only in some fields is shown without
them. A staff user entitled for one body sees that body's exempt rows only. Each view of
an exempt row's page or history by someone entitled is logged (``access.exempt_log``).
See docs/statutory-rules.md (access to exempt information).
"""

from __future__ import annotations

from django.contrib.admin.utils import NestedObjects, unquote
from django.db import router
from django.utils.text import capfirst

from access import exempt_log
from backoffice import exempt_rows


def hides_row(user, obj) -> bool:
    scope = exempt_rows.scope_of(type(obj))
    return bool(scope) and not scope.fields and not exempt_rows.may_see(user, obj)


def only_visible_choices(field, user):
    """A form field choosing rows of another model (a foreign key, many-to-many) offers only
    the rows ``user`` may see: the choices of a select would otherwise list the titles of
    exempt papers and items."""
    queryset = getattr(field, "queryset", None)
    if queryset is not None and exempt_rows.scope_of(queryset.model) is not None:
        field.queryset = exempt_rows.visible(queryset, user)
    return field


class ExemptAdminMixin:
    """Put it first among a ModelAdmin's bases."""

    #: Log each view of an exempt row's page (the exempt access log itself is not logged).
    log_exempt_views = True

    def get_queryset(self, request):
        return exempt_rows.visible(super().get_queryset(request), request.user)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and (
            obj is None or not hides_row(request.user, obj)
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or not hides_row(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or not hides_row(request.user, obj)
        )

    def get_deleted_objects(self, objs, request):
        """What a removal would take with it, with the rows the user may not see named only
        by their kind (Django's list names every row); removing them is refused."""
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        if exempt_rows.sees_everything(request.user) or not objs:
            return to_delete, model_count, perms_needed, protected
        collector = NestedObjects(using=router.db_for_write(self.model), origin=objs)
        collector.collect(objs)

        def name(row):
            label = capfirst(row._meta.verbose_name)
            if hides_row(request.user, row):
                perms_needed.add(row._meta.verbose_name)
                return f"{label}: (exempt information, withheld)"
            return f"{label}: {row}"

        return (
            collector.nested(name),
            model_count,
            perms_needed,
            [name(row) for row in collector.protected],
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return only_visible_choices(field, request.user) if field is not None else None

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        return only_visible_choices(field, request.user) if field is not None else None

    def get_fields(self, request, obj=None):
        withheld = exempt_rows.withheld_fields(request.user, obj)
        return [f for f in super().get_fields(request, obj) if f not in withheld]

    def get_fieldsets(self, request, obj=None):
        withheld = exempt_rows.withheld_fields(request.user, obj)
        fieldsets = super().get_fieldsets(request, obj)
        if not withheld:
            return fieldsets
        return [
            (name, {**opts, "fields": [f for f in opts["fields"] if f not in withheld]})
            for name, opts in fieldsets
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        self._log_view(request, object_id, response, "")
        return response

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        self._log_view(request, object_id, response, " (history)")
        return response

    def exempt_object(self, request, object_id):
        """The exempt row a page shows, or None."""
        obj = self.get_object(request, unquote(object_id))
        return obj if obj is not None and exempt_rows.is_exempt(obj) else None

    def _log_view(self, request, object_id, response, what: str) -> None:
        if not self.log_exempt_views or request.method not in ("GET", "HEAD"):
            return
        if response.status_code != 200:
            return
        obj = self.exempt_object(request, object_id)
        if obj is None or not exempt_rows.may_see(request.user, obj):
            return
        meeting, document = exempt_rows.meeting_and_document(obj)
        exempt_log.record(
            request,
            exempt_log.Surface.BACK_OFFICE,
            f"{self.opts.verbose_name.capitalize()}{what}: {obj}",
            meeting=meeting,
            document=document,
        )
