from django.apps import AppConfig


class BackofficeConfig(AppConfig):
    """The Django admin, for administrators: one ``ModelAdmin`` module per app of the record
    (``backoffice/admin/``), each saving through that app's services. A reader of the record
    like the public site, it sits on top of the layers (docs/architecture.md) and may import any
    of them; no app of the record imports it."""

    name = "backoffice"
    verbose_name = "Back office"
