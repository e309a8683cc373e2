from django.apps import AppConfig

__all__ = ["ReportsConfig"]


class ReportsConfig(AppConfig):
    name = "gongkai.web.reports"
    label = "reports"
    verbose_name = "年度报告"
    default_auto_field = "django.db.models.BigAutoField"
