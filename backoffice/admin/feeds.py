"""Back office: who subscribed (read only; a subscriber's data is theirs, so the office may
delete it on request) and which publications were notified."""

from django.contrib import admin

from feeds.models import PublicationNotice, Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "body", "created_at", "confirmed_at", "unsubscribed_at"]
    list_filter = [
        ("confirmed_at", admin.EmptyFieldListFilter),
        ("unsubscribed_at", admin.EmptyFieldListFilter),
    ]
    search_fields = ["email", "body__name"]
    exclude = ["secret"]  # it would let anyone reading the screen forge unsubscribe links

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(PublicationNotice)
class PublicationNoticeAdmin(admin.ModelAdmin):
    list_display = ["meeting", "kind", "published_at", "created_at"]
    list_filter = ["kind"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
