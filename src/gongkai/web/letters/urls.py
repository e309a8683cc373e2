from django.urls import path

from gongkai.web.letters import views

__all__ = ["urlpatterns"]

urlpatterns = [
    path("applications/<int:pk>/letters/", views.letters, name="application-letters"),
    path("applications/<int:pk>/letters/draft/<int:event_pk>/", views.draft, name="letter-draft"),
    path("applications/<int:pk>/letters/<int:letter_pk>/approve/", views.approve, name="letter-approve"),
    path("applications/<int:pk>/letters/<int:letter_pk>/send/", views.send, name="letter-send"),
    path("applications/<int:pk>/letters/<int:letter_pk>/download/", views.download, name="letter-download"),
    path("letters/templates/", views.templates, name="letter-templates"),
    path("letters/templates/<str:kind>.docx", views.template_download, name="letter-template-download"),
]
