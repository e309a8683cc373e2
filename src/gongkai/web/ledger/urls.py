from django.urls import path

from gongkai.web.ledger import views

__all__ = ["urlpatterns"]

urlpatterns = [
    path("", views.application_list, name="application-list"),
    path("new/", views.register, name="application-register"),
    path("<int:pk>/", views.application_detail, name="application-detail"),
    path("<int:pk>/decide/", views.decide, name="application-decide"),
    path("<int:pk>/events/<str:kind>/", views.record, name="application-event"),
    path("<int:pk>/void/<int:event_pk>/", views.void, name="application-void"),
]
