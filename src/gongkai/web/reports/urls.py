from django.urls import path

from gongkai.web.reports import views

__all__ = ["urlpatterns"]

urlpatterns = [
    path("", views.report_index, name="report-index"),
    path("import/", views.import_report, name="report-import"),
    path("rollup/", views.rollup, name="report-rollup"),
    path("rollup/<int:year>/", views.rollup, name="report-rollup-year"),
    path("versions/<int:pk>/", views.version_detail, name="report-version"),
    path("versions/<int:pk>/<str:to>/", views.download_version, name="report-version-download"),
    path("<int:year>/", views.builder, name="report-builder"),
    path("<int:year>/records/", views.cell_records, name="report-cell"),
    path("<int:year>/export/<str:to>/", views.download_draft, name="report-export"),
]
