from django.apps import AppConfig


class SummonsConfig(AppConfig):
    name = "summons"
    verbose_name = "Summons: electronic consent, dispatch and notifications"
