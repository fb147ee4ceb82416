from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = "Publishing: report clearance, agenda publication and document history"

    def ready(self) -> None:
        # The pack builder (papers) asks publishing which version of each paper is published.
        from papers import versions as paper_versions

        from .state import is_published
        from .versions import pack_versions

        paper_versions.register(pack_versions=pack_versions, is_published=is_published)
