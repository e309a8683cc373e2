from django.urls import path

from gongkai.web.ledger import transfer_views

__all__ = ["urlpatterns"]

urlpatterns = [
    path("export.<str:fmt>", transfer_views.ledger_export, name="ledger-export"),
    path("import/", transfer_views.import_upload, name="ledger-import"),
    path("import/mapping/", transfer_views.import_mapping, name="ledger-import-mapping"),
    path("audit/<int:pk>.csv", transfer_views.audit_export, name="application-audit-export"),
]
