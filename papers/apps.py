from django.apps import AppConfig


class PapersConfig(AppConfig):
    name = "papers"
    verbose_name = "Papers: reports, documents and agenda packs"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers moot check --deploy's store checks)
