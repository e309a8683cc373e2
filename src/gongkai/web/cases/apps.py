from django.apps import AppConfig

__all__ = ["CasesConfig"]


class CasesConfig(AppConfig):
    name = "gongkai.web.cases"
    label = "cases"
    verbose_name = "复议诉讼"
    default_auto_field = "django.db.models.BigAutoField"
