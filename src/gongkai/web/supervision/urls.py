from django.urls import path

from gongkai.web.supervision import views

__all__ = ["urlpatterns"]

urlpatterns = [
    path("", views.overview, name="supervision"),
    path("<int:agency_pk>/<int:year>/", views.agency_table, name="supervision-table"),
]
