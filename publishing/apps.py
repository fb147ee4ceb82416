from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = "Publishing: report clearance, agenda publication and document history"

    def ready(self) -> None:
        # The pack builder (papers) asks publishing which version of each paper is published,
        # and the date each pack is dispatched.
        from meetings import publication as meeting_publication
        from papers import versions as paper_versions

        from .state import dispatch_date, is_published
        from .versions import pack_versions

        paper_versions.register(
            pack_versions=pack_versions, is_published=is_published, dispatch_date=dispatch_date
        )
        # The agenda builder's services (meetings) refuse to change a published agenda.
        meeting_publication.register(is_published=is_published)
