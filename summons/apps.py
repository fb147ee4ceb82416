from django.apps import AppConfig


class SummonsConfig(AppConfig):
    name = "summons"
    verbose_name = "Summons: electronic consent, dispatch and notifications"

    def ready(self) -> None:
        from publishing.signals import agenda_published, supplement_published

        from .models import IssueKind
        from .services import on_publication

        # weak=False: the receivers are closures made here, with no other reference to them.
        agenda_published.connect(
            on_publication(IssueKind.AGENDA), weak=False, dispatch_uid="summons.agenda"
        )
        supplement_published.connect(
            on_publication(IssueKind.SUPPLEMENT), weak=False, dispatch_uid="summons.supplement"
        )
