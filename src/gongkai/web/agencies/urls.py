from django.urls import path

from gongkai.web.agencies import views

__all__ = ["urlpatterns"]

urlpatterns = [
    path("", views.users, name="agency-users"),
    path("<int:pk>/", views.user_change, name="agency-user-change"),
]
