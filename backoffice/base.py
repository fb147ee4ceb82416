"""The back office's base classes: every admin save and delete goes through a service.

``AuditedAdmin`` and ``AuditedInline`` route ``save_model``, ``delete_model``,
``save_formset`` and the bulk delete action through ``save_service`` / ``delete_service``
(``audit.trail.save`` / ``audit.trail.delete`` unless a model has its own service), with
the signed-in user as the actor.

A change the services refuse at save time (a rule that depends on other rows of the same
submission, or on a change made meanwhile by someone else) rolls the whole request back and
shows the same form again with the reasons on the rows concerned: nothing is half saved.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import IntegrityError, router, transaction
from django.db.models import ProtectedError, RestrictedError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

from audit.models import AuditEntry
from audit.reading import (
    audit_list_url,
    readable_changes,
)
from backoffice import exempt_rows
from backoffice.exempt import ExemptAdminMixin, only_visible_choices
from backoffice.saving import (
    CLASH,
    IN_USE,
    NOTHING_SAVED,
    DeferredRulesForm,
    FormFields,
    Refused,
    ServiceHooks,
    _as_validation_error,
    add_errors,
)

NEW_ROWS = 100  # rows one submission of an inline may add


class AuditedInline(FormFields, ServiceHooks):
    """Mixin for inlines of an ``AuditedAdmin`` (put it before TabularInline/StackedInline)."""

    form = DeferredRulesForm
    extra = 1

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None:
            field = only_visible_choices(field, request.user)  # as the parent admin's own
        if field is not None and isinstance(field.widget, RelatedFieldWidgetWrapper):
            # Four icons under every select of every row bury the rows; "add" is the useful one.
            widget = field.widget
            widget.can_change_related = widget.can_delete_related = False
            widget.can_view_related = False
        return field

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        refused = getattr(request, "moot_refused", None)
        inline = self

        class AuditedFormSet(formset):
            moot_inline = inline
            # At most the rows there are and NEW_ROWS more: a submission claiming 100,000 rows
            # is refused ("Please submit at most … forms") without building and drawing a
            # thousand forms, as Django's default limit would.
            max_num = absolute_max = _rows_of(formset, obj) + NEW_ROWS

            def clean(self):
                super().clean()
                for row, error in refused.for_formset(self.prefix) if refused else ():
                    if row < len(self.forms):
                        add_errors(self.forms[row], error)

        AuditedFormSet.__name__ = formset.__name__
        return AuditedFormSet


def _rows_of(formset, obj) -> int:
    if obj is None or obj.pk is None:
        return 0
    return formset.model._default_manager.filter(**{formset.fk.name: obj}).count()


# --- The admin -------------------------------------------------------------------------------


class AuditedAdmin(ExemptAdminMixin, FormFields, ServiceHooks, admin.ModelAdmin):
    """A ModelAdmin whose every change goes through the model's service and the audit trail,
    and which shows exempt rows only to those entitled to them (``backoffice.exempt``)."""

    object_history_template = "admin/audit_history.html"

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        refused = getattr(request, "moot_refused", None)
        if refused is None:
            return form

        class RefusedForm(form):
            def clean(self):
                data = super().clean()
                self.add_error(None, NOTHING_SAVED)
                for prefix, row, error in refused.errors:
                    if prefix is None or row is None:  # the record itself, or a row not found
                        add_errors(self, error)
                return data

        RefusedForm.__name__ = form.__name__
        return RefusedForm

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except Refused as refused:
            # super() has rolled the whole request back; show the form again with the reasons.
            request.moot_refused = refused
            for upload in request.FILES.values():
                upload.seek(0)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        try:
            with transaction.atomic(using=router.db_for_write(self.model)):
                self.save_object(request, obj)
        except (ValidationError, IntegrityError, ObjectDoesNotExist) as e:
            raise Refused([(None, None, self.explain(obj, _as_validation_error(e)))]) from e

    def save_related(self, request, form, formsets, change):
        form.save_m2m()
        errors = []
        for formset in formsets:
            errors += self.save_formset(request, form, formset, change) or []
        if errors:
            raise Refused(errors)

    def save_formset(self, request, form, formset, change):
        """Save the rows through the inline's service; return the refusals as (prefix, row, error).

        A row refused because of another row's old value (the chairman being replaced, the
        number being freed) is tried again once the others are saved.
        """
        hooks = getattr(formset, "moot_inline", None) or ServiceHooks()
        formset.save(commit=False)  # fills new/changed/deleted_objects for the change message
        failures: dict[int, ValidationError] = {}
        for obj in formset.deleted_objects:
            try:
                with transaction.atomic(using=router.db_for_write(type(obj))):
                    hooks.delete_object(request, obj)
            except (IntegrityError, ObjectDoesNotExist) as e:
                failures[id(obj)] = ValidationError(
                    IN_USE if isinstance(e, ProtectedError | RestrictedError) else CLASH
                )
        refused = [obj for obj in formset.deleted_objects if id(obj) in failures]
        pending = [obj for obj, _ in formset.changed_objects] + list(formset.new_objects)
        while pending:
            failed = [obj for obj in pending if not self._try_save(request, hooks, obj, failures)]
            if len(failed) == len(pending):
                refused += failed
                break
            pending = failed
        formset.save_m2m()
        rows = {id(f.instance): i for i, f in enumerate(formset.forms)}
        return [
            (formset.prefix, rows.get(id(obj)), hooks.explain(obj, failures[id(obj)]))
            for obj in refused
        ]

    @staticmethod
    def _try_save(request, hooks, obj, failures: dict) -> bool:
        adding = obj._state.adding
        try:
            with transaction.atomic(using=router.db_for_write(type(obj))):
                hooks.save_object(request, obj)
        except (ValidationError, IntegrityError, ObjectDoesNotExist) as e:
            failures[id(obj)] = _as_validation_error(e)
            if adding:  # the insert was rolled back: try it again as new
                obj.pk, obj._state.adding = None, True
            return False
        failures.pop(id(obj), None)
        return True

    def delete_model(self, request, obj):
        self.delete_object(request, obj)

    def delete_queryset(self, request, queryset):
        # The bulk action is not wrapped in a transaction by Django: all or nothing here.
        with transaction.atomic(using=router.db_for_write(self.model)):
            for obj in queryset:
                # An earlier object's deletion may have taken this one with it (sub-items).
                if type(obj)._default_manager.filter(pk=obj.pk).exists():
                    self.delete_object(request, obj)

    def changelist_view(self, request, extra_context=None):
        try:
            return super().changelist_view(request, extra_context)
        except Refused as refused:
            self.message_user(request, refused.summary, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    # --- History: the audit trail of one object ---

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        ct = ContentType.objects.get_for_model(self.model, for_concrete_model=True)
        entries = AuditEntry.objects.filter(content_type=ct, object_id=str(obj.pk))
        page = self.get_paginator(request, entries.select_related("actor"), 50).get_page(
            request.GET.get("p")
        )
        names: dict = {}
        withheld = exempt_rows.withheld_fields(request.user, obj)
        context = {
            **self.admin_site.each_context(request),
            "title": f"History: {obj}",
            "subtitle": None,
            "object": obj,
            "opts": self.opts,
            "module_name": str(self.opts.verbose_name_plural).capitalize(),
            "page": page,
            "rows": [(e, readable_changes(e, names, withheld)) for e in page],
            "trail_url": audit_list_url(ct, [obj.pk]),
            "related_trails": self._related_trails(request, obj),
            "preserved_filters": self.get_preserved_filters(request),
            IS_POPUP_VAR: False,
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        response = TemplateResponse(request, self.object_history_template, context)
        self._log_view(request, object_id, response, " (history)")  # backoffice.exempt
        return response

    def _related_trails(self, request, obj) -> list[tuple[str, str]]:
        """Links to the trail of the rows shown inline (agenda items, memberships …)."""
        trails = []
        for inline in self.get_inline_instances(request, obj):
            fk = next(
                (
                    f
                    for f in inline.model._meta.fields
                    if f.is_relation
                    and f.related_model is self.model
                    and (inline.fk_name is None or f.name == inline.fk_name)
                ),
                None,
            )
            if fk is None:
                continue
            ids = list(
                inline.model._default_manager.filter(**{fk.name: obj}).values_list("pk", flat=True)[
                    :200
                ]
            )
            if ids:
                ct = ContentType.objects.get_for_model(inline.model, for_concrete_model=True)
                label = str(inline.model._meta.verbose_name_plural)
                trails.append((label, audit_list_url(ct, ids)))
        return trails


class ReadOnlyAdmin:
    """Mixin for a ModelAdmin over a record written only by services (a trail, a log, a
    computed result): listed and viewable, never added, changed or deleted here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(ReadOnlyAdmin):
    """Mixin for an inline shown for information only (versions, recorded votes)."""

    extra = 0
    can_delete = False
