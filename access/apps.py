from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "access"
    verbose_name = "Access and audit"

    def ready(self) -> None:
        # Democratic services manage everything (access/models.py, Account): every service's
        # permission check accepts them (audit/actors.py; docs/architecture.md, "Layers").
        from audit.actors import register_manager_rule

        from .rules import is_democratic_services

        register_manager_rule(is_democratic_services)
