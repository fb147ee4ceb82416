from django.apps import AppConfig


class PapersConfig(AppConfig):
    name = "papers"
    verbose_name = "Papers: reports, documents and agenda packs"

    def ready(self) -> None:
        from django_tasks.signals import task_finished

        from . import checks  # noqa: F401  (registers moot check --deploy's store checks)
        from .packs import build_task_failed

        task_finished.connect(build_task_failed, dispatch_uid="papers-build-task-failed")
