from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    """Democratic services' workspace: the officer's work by task (docs/architecture.md)."""

    name = "workspace"
    verbose_name = "Officers' workspace"
