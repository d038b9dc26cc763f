"""Views of the trigger-point library."""

from django.views.generic import TemplateView


class ArticleIndexView(TemplateView):
    template_name = "articles/index.html"
