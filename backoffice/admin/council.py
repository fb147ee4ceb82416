"""The council's record in the back office: authority, people, groups, bodies and memberships.

Every save and delete goes through ``council.services`` or ``audit.trail`` (see
``backoffice.base``); the membership rules show on the form as plain sentences.
"""

import datetime as dt

from django.contrib import admin
from django.db.models import F, Q

from backoffice.base import AuditedAdmin, AuditedInline
from council import services
from council.dates import authority_today
from council.models import (
    Authority,
    Body,
    Division,
    GroupMembership,
    Membership,
    Person,
    PersonNameForm,
    PoliticalGroup,
    Post,
    PostHolding,
    StatutoryDesignation,
    TermOfOffice,
)

SLUG_HELP = "The last part of its web address. Leave blank to make one from the name."


class InForceFilter(admin.SimpleListFilter):
    """For anything with a start and an end (blank while it continues)."""

    title = "in force"
    parameter_name = "in_force"

    def lookups(self, request, model_admin):
        return [("now", "In force today"), ("ended", "Ended"), ("future", "Starts later")]

    def queryset(self, request, queryset):
        today = authority_today()
        if self.value() == "now":
            return queryset.filter(Q(start__lte=today), Q(end__isnull=True) | Q(end__gte=today))
        if self.value() == "ended":
            return queryset.filter(end__lt=today)
        if self.value() == "future":
            return queryset.filter(start__gt=today)
        return queryset


class SlugOptional:
    """The slug may be left blank: the service, or else ``slug_from``, makes one from the name."""

    slug_from: str | None = None  # for models whose service does not make the slug

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "slug":
            kwargs.update(required=False, help_text=SLUG_HELP)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_object(self, request, obj):
        if self.slug_from and not obj.slug:
            obj.slug = services.unique_slug(type(obj), getattr(obj, self.slug_from), obj)
        return super().save_object(request, obj)


# --- The authority ---


@admin.register(Authority)
class AuthorityAdmin(AuditedAdmin):
    list_display = ["name", "short_name", "contact_email", "chair_form"]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "address", "website"]}),
        (
            "Democratic services contact",
            {"fields": ["contact_name", "contact_telephone", "contact_email"]},
        ),
        (
            "Style and calendar",
            {"fields": ["chair_form", "municipal_year_start_month", "municipal_year_start_day"]},
        ),
    ]

    # A demonstration's date is set by ``moot demo --as-at`` only (council/dates.py): shown
    # read-only, and only on a demonstration, so a council's own record never gets one.
    readonly_fields = ["as_at"]

    def get_fieldsets(self, request, obj=None):
        if obj is not None and obj.as_at:
            return [
                *self.fieldsets,
                (
                    "Demonstration",
                    {
                        "fields": ["as_at"],
                        "description": "The site shows this demonstration as at this date. "
                        "Change it with 'moot demo --as-at YYYY-MM-DD' ('off' for the real date).",
                    },
                ),
            ]
        return self.fieldsets

    # One installation serves one council: a second row would never be read.
    def has_add_permission(self, request):
        return super().has_add_permission(request) and not Authority.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


# --- People ---


class NameFormInline(AuditedInline, admin.TabularInline):
    model = PersonNameForm
    fields = ["text", "kind", "source"]
    verbose_name = "other form of the name"
    verbose_name_plural = "other forms of the name (as documents write it)"


class TermInline(AuditedInline, admin.TabularInline):
    model = TermOfOffice
    fields = ["division", "start", "end", "how_elected"]
    autocomplete_fields = ["division"]
    extra = 0


class GroupMembershipInline(AuditedInline, admin.TabularInline):
    model = GroupMembership
    fields = ["group", "start", "end"]
    autocomplete_fields = ["group"]
    extra = 0
    verbose_name_plural = "political group memberships"


class PostHeldInline(AuditedInline, admin.TabularInline):
    model = PostHolding
    fields = ["post", "start", "end"]
    autocomplete_fields = ["post"]
    extra = 0
    verbose_name_plural = "posts and portfolios held"


class DesignationInline(AuditedInline, admin.TabularInline):
    model = StatutoryDesignation
    fields = ["role", "start", "end"]
    extra = 0


class CouncillorFilter(admin.SimpleListFilter):
    title = "councillor"
    parameter_name = "councillor"

    def lookups(self, request, model_admin):
        return [
            ("now", "Councillor now"),
            ("former", "Former councillor"),
            ("never", "Not a councillor"),
        ]

    def queryset(self, request, queryset):
        today = authority_today()
        current = Q(terms__start__lte=today) & (
            Q(terms__end__isnull=True) | Q(terms__end__gte=today)
        )
        now = queryset.filter(current).values("pk")
        if self.value() == "now":
            return queryset.filter(pk__in=now)
        if self.value() == "former":
            return queryset.filter(terms__isnull=False).exclude(pk__in=now).distinct()
        if self.value() == "never":
            return queryset.filter(terms__isnull=True)
        return queryset


@admin.register(Person)
class PersonAdmin(SlugOptional, AuditedAdmin):
    save_service = staticmethod(services.save_person)
    list_display = ["formal_name", "forenames", "email", "telephone"]
    list_filter = [CouncillorFilter]
    search_fields = ["surname", "forenames", "initials", "title", "name_forms__text", "email"]
    search_help_text = (
        'Search by surname, forenames, initials or any recorded form of the name ("Mr A Marsh").'
    )
    ordering = ["surname", "initials", "forenames"]
    fieldsets = [
        (
            "Name",
            {
                "fields": ["title", "forenames", "initials", "surname", "honours"],
                "description": 'Keep the parts apart: the record builds "Mrs A D Allen, MBE" '
                "and the other forms from them.",
            },
        ),
        ("Contact", {"fields": ["email", "telephone"]}),
        ("Photo", {"fields": ["photo", "photo_alt"]}),
        ("Web address", {"fields": ["slug"]}),
    ]
    inlines = [NameFormInline, TermInline, GroupMembershipInline, PostHeldInline, DesignationInline]

    @admin.display(description="name", ordering="surname")
    def formal_name(self, person):
        return person.formal_name


@admin.register(Division)
class DivisionAdmin(SlugOptional, AuditedAdmin):
    list_display = ["name", "seats"]
    search_fields = ["name"]
    slug_from = "name"
    prepopulated_fields = {"slug": ["name"]}


@admin.register(TermOfOffice)
class TermOfOfficeAdmin(AuditedAdmin):
    list_display = ["person", "division", "start", "end", "how_elected"]
    list_filter = [InForceFilter, "how_elected"]
    list_select_related = ["person", "division"]
    search_fields = ["person__surname", "person__forenames", "division__name"]
    autocomplete_fields = ["person", "division"]
    date_hierarchy = "start"


# --- Political groups ---


@admin.register(PoliticalGroup)
class PoliticalGroupAdmin(SlugOptional, AuditedAdmin):
    list_display = ["name", "kind", "leader", "deputy_leader"]
    list_filter = ["kind"]
    list_select_related = ["leader", "deputy_leader"]
    search_fields = ["name", "group_name", "party_name"]
    autocomplete_fields = ["leader", "deputy_leader"]
    slug_from = "name"
    prepopulated_fields = {"slug": ["name"]}


@admin.register(GroupMembership)
class GroupMembershipAdmin(AuditedAdmin):
    list_display = ["person", "group", "start", "end"]
    list_filter = [InForceFilter, "group"]
    list_select_related = ["person", "group"]
    search_fields = ["person__surname", "person__forenames", "group__name"]
    autocomplete_fields = ["person", "group"]


# --- Posts ---


class PostHolderInline(AuditedInline, admin.TabularInline):
    model = PostHolding
    fields = ["person", "start", "end"]
    autocomplete_fields = ["person"]
    extra = 0
    verbose_name_plural = "holders"


@admin.register(Post)
class PostAdmin(AuditedAdmin):
    list_display = ["title", "kind", "department"]
    list_filter = ["kind"]
    search_fields = ["title", "department"]
    inlines = [PostHolderInline]


@admin.register(StatutoryDesignation)
class StatutoryDesignationAdmin(AuditedAdmin):
    list_display = ["role", "person", "start", "end"]
    list_filter = [InForceFilter, "role"]
    list_select_related = ["person"]
    search_fields = ["person__surname", "person__forenames"]
    autocomplete_fields = ["person"]


# --- Bodies and memberships ---


class MembershipInline(AuditedInline, admin.TabularInline):
    model = Membership
    fields = ["person", "role", "group", "start", "end", "notes"]
    autocomplete_fields = ["person", "group"]
    save_service = staticmethod(services.save_membership)
    extra = 1
    verbose_name_plural = "memberships (in force, to come, or ended within the last year)"

    def get_queryset(self, request):
        # A body's history grows every year; older memberships are in the Memberships list.
        since = authority_today() - dt.timedelta(days=365)
        return (
            super()
            .get_queryset(request)
            .filter(Q(end__isnull=True) | Q(end__gte=since))
            .select_related("person", "group")
            .order_by(F("end").desc(nulls_first=True), "person__surname", "start")
        )


@admin.register(Body)
class BodyAdmin(SlugOptional, AuditedAdmin):
    save_service = staticmethod(services.save_body)
    list_display = ["name", "kind", "category", "parent", "seats", "active"]
    list_filter = ["kind", ("category", admin.AllValuesFieldListFilter), "active"]
    list_select_related = ["parent"]
    search_fields = ["name", "category"]
    autocomplete_fields = ["parent", "default_venue", "contact_officer"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "parent", "category", "active", "expired_on"]}),
        ("Seats and meetings", {"fields": ["seats", "default_venue"]}),
        (
            "Contact (\u201cAsk for\u201d on agendas)",
            {"fields": ["contact_officer", "contact_telephone", "contact_email"]},
        ),
        ("Terms of reference", {"fields": ["terms_of_reference"], "classes": ["collapse"]}),
        ("Web address", {"fields": ["slug"]}),
    ]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    save_service = staticmethod(services.save_membership)
    list_display = ["who", "body", "role", "group", "start", "end"]
    list_filter = [InForceFilter, "role", ("body", admin.RelatedOnlyFieldListFilter), "group"]
    list_select_related = ["person", "body", "group"]
    search_fields = ["person__surname", "person__forenames", "person__initials", "body__name"]
    search_help_text = "Search by the member's surname or forenames, or the body's name."
    autocomplete_fields = ["body", "person", "group"]
    ordering = ["body__name", "-start"]
    fields = ["body", "person", "role", "group", "start", "end", "notes"]

    @admin.display(description="member", ordering="person__surname")
    def who(self, membership):
        return membership.person or "Vacant seat"
