from django.apps import AppConfig

__all__ = ["LettersConfig"]


class LettersConfig(AppConfig):
    name = "gongkai.web.letters"
    label = "letters"
    verbose_name = "答复文书"
    default_auto_field = "django.db.models.BigAutoField"
