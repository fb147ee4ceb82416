from django.conf import settings
from django.db import models


class Account(models.Model):
    """Links a sign-in account to the person it belongs to (a councillor or an officer)."""

    # The link exists only while the account does.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account"
    )
    # Removing a person from the record unlinks their account rather than deleting it.
    person = models.OneToOneField(
        "council.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="account"
    )
    democratic_services = models.BooleanField(
        default=False, help_text="A democratic services officer: sees and manages everything."
    )

    def __str__(self) -> str:
        return f"{self.user.get_username()} ({self.person or 'no person linked'})"


class AccessGrant(models.Model):
    """Access to exempt information granted by the Monitoring Officer for a reason and a period."""

    # A grant is void without its grantee.
    person = models.ForeignKey("council.Person", on_delete=models.CASCADE, related_name="grants")
    # What it covers: a whole body's exempt business, one meeting's, or one document.
    body = models.ForeignKey("council.Body", on_delete=models.CASCADE, null=True, blank=True)
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, null=True, blank=True)
    document = models.ForeignKey("papers.Document", on_delete=models.CASCADE, null=True, blank=True)
    reason = models.TextField(
        help_text="Why access is needed (recorded for the Monitoring Officer)."
    )
    start = models.DateField()
    end = models.DateField(help_text="Access ends at the end of this day.")
    # The grantor is kept by name too, in case the account is later removed.
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start"]

    def __str__(self) -> str:
        what = self.document or self.meeting or self.body
        return f"{self.person}: {what} ({self.start:%-d %b %Y} – {self.end:%-d %b %Y})"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if sum(x is not None for x in (self.body_id, self.meeting_id, self.document_id)) != 1:
            raise ValidationError("Grant access to exactly one body, meeting or document.")
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "The grant cannot end before it starts."})


class Surface(models.TextChoices):
    """Where exempt information was seen (``access.exempt_log``)."""

    RESTRICTED = "restricted", "Restricted page"
    SEARCH = "search", "Search"
    CLERK = "clerk", "Clerk's screen"
    BACK_OFFICE = "back_office", "Back office"


class ExemptAccess(models.Model):
    """Every view or download of exempt information: who, when, what, where."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    # The log must outlive the account; the username is kept.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    username = models.CharField(max_length=150)
    # A log row keeps its meaning by description even if the document or meeting is removed.
    document = models.ForeignKey("papers.Document", on_delete=models.SET_NULL, null=True)
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    surface = models.CharField(max_length=12, choices=Surface.choices, default=Surface.RESTRICTED)
    description = models.CharField(max_length=300)
    action = models.CharField(max_length=20, help_text='"view" or "download"')
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name_plural = "exempt access log"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.description}"


class SignInFailure(models.Model):
    """A failed sign-in, kept briefly to throttle guessing by username and by address."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    stage = models.CharField(max_length=10, default="password", help_text='"password" or "code"')

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} from {self.ip_address} ({self.stage})"


class SignInCounter(models.Model):
    """Attempts to sign in, per account or per address, counted atomically (access.throttle)."""

    key = models.CharField(max_length=200, unique=True, help_text='"account:NAME" or "address:IP"')
    attempts = models.PositiveIntegerField(default=0)
    since = models.DateTimeField(help_text="The start of the address's window.")
    last_at = models.DateTimeField(null=True, blank=True, db_index=True)
    blocked_until = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.key}: {self.attempts}"


class EnrolmentLink(models.Model):
    """A one-time link, issued by democratic services, to add an authenticator app.

    Only a hash of the token is kept; the link works once, until ``expires_at``, and only with
    the account's password (access/enrolment.py).
    """

    # A link is void without its account.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolment_links"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    # The issuer is kept by name too, in case the account is later removed.
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    issued_by_name = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        state = "used" if self.used_at else f"until {self.expires_at:%Y-%m-%d %H:%M}"
        return f"Enrolment link for {self.user.get_username()} ({state})"
