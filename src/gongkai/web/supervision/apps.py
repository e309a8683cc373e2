from django.apps import AppConfig

__all__ = ["SupervisionConfig"]


class SupervisionConfig(AppConfig):
    name = "gongkai.web.supervision"
    label = "supervision"
    verbose_name = "上级监督"
    default_auto_field = "django.db.models.BigAutoField"
