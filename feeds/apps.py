from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "feeds"
    verbose_name = "Feeds and subscriptions"

    def ready(self) -> None:
        from publishing.signals import agenda_published, minutes_published

        from .models import NoticeKind
        from .notify import on_publication

        # weak=False: the receivers are closures made here, with no other reference to them.
        agenda_published.connect(
            on_publication(NoticeKind.AGENDA), weak=False, dispatch_uid="feeds.agenda"
        )
        minutes_published.connect(
            on_publication(NoticeKind.MINUTES), weak=False, dispatch_uid="feeds.minutes"
        )
