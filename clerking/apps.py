from django.apps import AppConfig


class ClerkingConfig(AppConfig):
    name = "clerking"
