"""Accounts, access grants, the exempt access log and sign-in enrolment in the back office."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied, ValidationError

from access.enrolment import issue_link
from access.models import AccessGrant, Account, EnrolmentLink, ExemptAccess
from backoffice.base import AuditedAdmin, ReadOnlyAdmin
from backoffice.exempt import ExemptAdminMixin


@admin.register(Account)
class AccountAdmin(AuditedAdmin):
    list_display = ["user", "person", "democratic_services"]
    list_filter = ["democratic_services"]
    search_fields = ["user__username", "person__surname", "person__forenames"]
    autocomplete_fields = ["user", "person"]


@admin.register(AccessGrant)
class AccessGrantAdmin(AuditedAdmin):
    """The Monitoring Officer's grants of access to exempt information, for a stated period."""

    list_display = ["person", "body", "meeting", "document", "start", "end", "granted_by"]
    list_filter = ["start"]
    search_fields = ["person__surname", "reason"]
    autocomplete_fields = ["person", "body", "meeting", "document"]
    readonly_fields = ["granted_by", "granted_at"]
    fields = [
        "person",
        "body",
        "meeting",
        "document",
        "reason",
        "start",
        "end",
        "granted_by",
        "granted_at",
    ]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.granted_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(ExemptAccess)
class ExemptAccessAdmin(ReadOnlyAdmin, ExemptAdminMixin, admin.ModelAdmin):
    """Every view or download of exempt information; nobody may change it. A row names what
    was seen, so it is shown only to those who may see that meeting's exempt business."""

    log_exempt_views = False
    list_display = ["at", "username", "surface", "action", "description", "meeting", "ip_address"]
    list_filter = ["surface", "action"]
    list_select_related = ["meeting__body"]
    search_fields = ["username", "description"]
    date_hierarchy = "at"


# --- Enrolment links for a second factor (access/enrolment.py) -----------------------------


def _send_links(modeladmin, request, users) -> None:
    sent = []
    for user in users:
        try:
            issue_link(user, actor=request.user)
        except (PermissionDenied, ValidationError) as error:
            text = error.messages if isinstance(error, ValidationError) else [str(error)]
            modeladmin.message_user(request, " ".join(text), messages.ERROR)
        else:
            sent.append(user.get_username())
    if sent:
        modeladmin.message_user(
            request, "Sent an enrolment link to " + ", ".join(sent) + ".", messages.SUCCESS
        )


@admin.action(description="Send an enrolment link for an authenticator app")
def send_enrolment_link(modeladmin, request, queryset):
    """Emails each selected account a one-time link to set up (or replace) their app."""
    model = queryset.model
    users = [a.user for a in queryset.select_related("user")] if model is Account else queryset
    _send_links(modeladmin, request, users)


AccountAdmin.actions = [send_enrolment_link]

User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class MootUserAdmin(UserAdmin):
    actions = [send_enrolment_link]


@admin.register(EnrolmentLink)
class EnrolmentLinkAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """Links issued to set up an authenticator app: who, by whom, until when, whether used.
    Issued only through the "Send an enrolment link" action (access/enrolment.py)."""

    list_display = ["user", "created_at", "expires_at", "used_at", "issued_by_name"]
    search_fields = ["user__username", "issued_by_name"]
    exclude = ["token_hash"]
