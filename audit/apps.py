from django.apps import AppConfig


class AuditConfig(AppConfig):
    """The audit trail: every change to the record, who made it and when. The lowest layer:
    every app records here, and this app imports none of them (docs/architecture.md)."""

    name = "audit"
    verbose_name = "Audit trail"
