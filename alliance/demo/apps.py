from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "alliance.demo"
    label = "demo"
    verbose_name = "Demo data"
