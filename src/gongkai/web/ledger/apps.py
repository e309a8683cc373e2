from django.apps import AppConfig

__all__ = ["LedgerConfig"]


class LedgerConfig(AppConfig):
    name = "gongkai.web.ledger"
    label = "ledger"
    verbose_name = "依申请公开台账"
    default_auto_field = "django.db.models.BigAutoField"
