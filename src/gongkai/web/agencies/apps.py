from django.apps import AppConfig

__all__ = ["AgenciesConfig"]


class AgenciesConfig(AppConfig):
    name = "gongkai.web.agencies"
    label = "agencies"
    verbose_name = "机关与人员"
    default_auto_field = "django.db.models.BigAutoField"
