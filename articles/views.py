"""Public pages of the trigger-point library: articles, muscles, tags, series and comments."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View
from django.views.generic import ListView, TemplateView

from . import selectors, seo, services
from .exceptions import CommentFlood, LibraryError
from .forms import ArticleFilterForm, CommentForm
from .models import Article, Muscle, Series, Tag

PENDING_SESSION_KEY = "library_pending_comments"


class ArticleIndexView(ListView):
    template_name = "articles/index.html"
    context_object_name = "articles"

    def get_paginate_by(self, queryset) -> int:
        return settings.LIBRARY_ARTICLES_PER_PAGE

    def get_queryset(self):
        self.filter_form = ArticleFilterForm(self.request.GET or None)
        if self.filter_form.is_bound and not self.filter_form.is_valid():
            raise Http404("Unknown filter value.")
        filters = self.filter_form.slugs() if self.filter_form.is_bound else {}
        return selectors.filtered_article_cards(**filters)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        query = self.request.GET.copy()
        query.pop("page", None)
        context["filter_query"] = query.urlencode()
        context["canonical_url"] = self.request.build_absolute_uri(self.request.get_full_path())
        return context


def article_page_context(request: HttpRequest, article: Article, comment_form: CommentForm) -> dict:
    """Everything the article template shows; shared by the public page and the staff preview."""
    pending_ids = request.session.get(PENDING_SESSION_KEY, [])
    return {
        "article": article,
        "muscle": article.muscle,
        "citations": list(article.citations.all()),
        "products": selectors.products_for_article(article),
        "related_articles": selectors.related_articles(article),
        "comments": list(selectors.approved_comments(article)),
        "pending_comments": selectors.own_pending_comments(article, pending_ids),
        "comment_form": comment_form,
        "canonical_url": request.build_absolute_uri(article.get_absolute_url()),
        "article_jsonld": seo.article_data(request, article),
        "breadcrumbs_jsonld": seo.breadcrumb_list(request, seo.article_trail(article)),
    }


class ArticleDetailView(View):
    template_name = "articles/detail.html"

    def get_article(self, slug: str) -> Article:
        try:
            return selectors.article_page(slug=slug)
        except Article.DoesNotExist as error:
            raise Http404("No such article.") from error

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        article = self.get_article(slug)
        return render(
            request, self.template_name, article_page_context(request, article, CommentForm())
        )

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        article = self.get_article(slug)
        form = CommentForm(request.POST)
        status = 400
        if form.is_valid():
            if form.is_bot:
                # Answer a bot as if it had worked, so it learns nothing; store nothing.
                return redirect(article.get_absolute_url() + "#comments")
            try:
                comment = services.post_comment(
                    article=article,
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    body=form.cleaned_data["body"],
                    request=request,
                )
            except CommentFlood as error:
                form.add_error(None, str(error))
                status = 429
            except LibraryError as error:
                form.add_error(None, str(error))
            else:
                pending = request.session.get(PENDING_SESSION_KEY, [])
                request.session[PENDING_SESSION_KEY] = [*pending[-19:], comment.pk]
                messages.success(
                    request,
                    "Thank you. Your comment is awaiting moderation and appears here once "
                    "approved.",
                )
                return redirect(article.get_absolute_url() + "#comments")
        response = render(request, self.template_name, article_page_context(request, article, form))
        response.status_code = status
        return response


class MuscleIndexView(ListView):
    template_name = "articles/muscle_index.html"
    context_object_name = "muscles"

    def get_queryset(self):
        return selectors.muscles_with_referred_pain()


class MuscleDetailView(TemplateView):
    template_name = "articles/muscle_detail.html"

    def get_context_data(self, **kwargs) -> dict:
        try:
            muscle = selectors.muscle_page(slug=kwargs["slug"])
        except Muscle.DoesNotExist as error:
            raise Http404("No such muscle.") from error
        return {
            **super().get_context_data(**kwargs),
            "muscle": muscle,
            "articles": selectors.article_cards().filter(muscle=muscle),
            "canonical_url": self.request.build_absolute_uri(muscle.get_absolute_url()),
        }


def _paginated(request: HttpRequest, queryset) -> Page:
    paginator = Paginator(queryset, settings.LIBRARY_ARTICLES_PER_PAGE)
    try:
        return paginator.page(request.GET.get("page", 1))
    except InvalidPage as error:
        raise Http404("No such page.") from error


class TagDetailView(TemplateView):
    template_name = "articles/tag_detail.html"

    def get_context_data(self, **kwargs) -> dict:
        tag = get_object_or_404(Tag, slug=kwargs["slug"])
        page = _paginated(self.request, selectors.article_cards().filter(tags=tag))
        return {
            **super().get_context_data(**kwargs),
            "tag": tag,
            "articles": page.object_list,
            "page_obj": page,
            "canonical_url": self.request.build_absolute_uri(tag.get_absolute_url()),
        }


class SeriesDetailView(TemplateView):
    template_name = "articles/series_detail.html"

    def get_context_data(self, **kwargs) -> dict:
        series = get_object_or_404(Series, slug=kwargs["slug"])
        articles = selectors.article_cards().filter(series=series).order_by("series_order", "pk")
        return {
            **super().get_context_data(**kwargs),
            "series": series,
            "articles": articles,
            "canonical_url": self.request.build_absolute_uri(series.get_absolute_url()),
        }
