from django.apps import AppConfig

__all__ = ["AuditConfig"]


class AuditConfig(AppConfig):
    name = "gongkai.web.audit"
    label = "audit"
    verbose_name = "审计记录"
    default_auto_field = "django.db.models.BigAutoField"
