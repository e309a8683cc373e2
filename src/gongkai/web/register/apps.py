from django.apps import AppConfig

__all__ = ["RegisterConfig"]


class RegisterConfig(AppConfig):
    name = "gongkai.web.register"
    label = "register"
    verbose_name = "主动公开登记"
    default_auto_field = "django.db.models.BigAutoField"
