from django.urls import path

from gongkai.web.register import views

__all__ = ["urlpatterns"]

urlpatterns = [
    path("", views.document_list, name="register-list"),
    path("new/", views.document_new, name="register-new"),
    path("index-code/", views.index_code, name="register-index-code"),
    path("import/", views.import_documents, name="register-import"),
    path("figures/import/", views.import_figures, name="register-figures-import"),
    path("figures/<int:year>/", views.figures, name="register-figures"),
    path("<int:pk>/", views.document_detail, name="register-detail"),
]
