from django.urls import path

from gongkai.web.cases import views

__all__ = ["urlpatterns"]

urlpatterns = [
    path("", views.case_list, name="case-list"),
    path("new/", views.case_new, name="case-new"),
    path("<int:pk>/", views.case_detail, name="case-detail"),
]
