from django.apps import AppConfig


class ModerngovConfig(AppConfig):
    name = "moderngov"
