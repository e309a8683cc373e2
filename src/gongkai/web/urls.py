"""Every URL of the workbench."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from gongkai.web.ledger import views as ledger_views

__all__ = ["urlpatterns"]

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", ledger_views.dashboard, name="dashboard"),
    path("applications/", include("gongkai.web.ledger.urls")),
    path("supervision/", include("gongkai.web.supervision.urls")),
    path("register/", include("gongkai.web.register.urls")),
    path("cases/", include("gongkai.web.cases.urls")),
    path("reports/", include("gongkai.web.reports.urls")),
    path("", include("gongkai.web.letters.urls")),
    path("ledger/", include("gongkai.web.ledger.transfer_urls")),
    path("agency/users/", include("gongkai.web.agencies.urls")),
]
