"""Back-office views of the library, in Oscar's dashboard; permissions come from apps.py."""

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View
from django.views.generic import CreateView, ListView, UpdateView

from articles import selectors, services
from articles.exceptions import LibraryError
from articles.forms import CommentForm
from articles.models import Article, BodyRegion, Comment, Figure, Muscle, Reference, Series, Tag
from articles.views import article_page_context

from .forms import (
    ArticleForm,
    ArticleSearchForm,
    CommentModerationForm,
    FigureForm,
    MuscleForm,
    ReferenceForm,
    ReferredPainFormSet,
    RegionForm,
    SeriesForm,
    TagForm,
)

PAGE_SIZE = settings.OSCAR_DASHBOARD_ITEMS_PER_PAGE


class FormPageMixin:
    """The shared form template, with a title and the list to go back to."""

    template_name = "articles/dashboard/form.html"
    list_url_name: str = ""
    list_label: str = ""
    noun: str = ""

    def get_success_url(self) -> str:
        messages.success(self.request, f"{self.noun.capitalize()} “{self.object}” saved.")
        return reverse(f"library_dashboard:{self.list_url_name}")

    def form_invalid(self, form) -> HttpResponse:
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        obj = getattr(self, "object", None)
        context["title"] = f"Edit {self.noun} “{obj}”" if obj else f"New {self.noun}"
        context["list_url"] = reverse(f"library_dashboard:{self.list_url_name}")
        context["list_label"] = self.list_label or self.noun.capitalize() + "s"
        return context


# Articles ------------------------------------------------------------------------------------


class ArticleListView(ListView):
    template_name = "articles/dashboard/article_list.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.form = ArticleSearchForm(self.request.GET or None)
        articles = Article.objects.select_related("muscle", "series").order_by("-pk")
        if self.form.is_valid():
            if self.form.cleaned_data["status"]:
                articles = articles.filter(status=self.form.cleaned_data["status"])
            if self.form.cleaned_data["q"]:
                articles = articles.filter(title__icontains=self.form.cleaned_data["q"])
        return articles

    def get_context_data(self, **kwargs) -> dict:
        return {**super().get_context_data(**kwargs), "form": self.form}


class ArticleFormMixin(FormPageMixin):
    model = Article
    form_class = ArticleForm
    list_url_name = "library-article-list"
    noun = "article"

    @transaction.atomic
    def form_valid(self, form: ArticleForm) -> HttpResponse:
        article = form.save(commit=False)
        if not article.author_id:
            article.author = self.request.user
        self.object = services.save_article(article=article)
        form.save_m2m()
        messages.success(
            self.request, f"Article “{article}” saved ({article.get_status_display()})."
        )
        if "preview" in self.request.POST:
            return redirect("library_dashboard:library-article-preview", pk=article.pk)
        return redirect("library_dashboard:library-article-update", pk=article.pk)


class ArticleCreateView(ArticleFormMixin, CreateView):
    pass


class ArticleUpdateView(ArticleFormMixin, UpdateView):
    pass


class ArticlePreviewView(View):
    """The article exactly as the public page will show it, drafts and scheduled ones included."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        article = get_object_or_404(Article.objects.only("slug"), pk=pk)
        article = selectors.article_page(slug=article.slug, include_unpublished=True)
        context = article_page_context(request, article, CommentForm())
        context["preview"] = True
        return render(request, "articles/detail.html", context)


class ArticlePublishView(View):
    """POST: publish now, or schedule when a future ``publish_at`` is given."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        article = get_object_or_404(Article, pk=pk)
        form = ArticleForm(instance=article)
        publish_at = form.fields["publish_at"].to_python(request.POST.get("publish_at") or None)
        try:
            if publish_at:
                services.schedule_article(article=article, at=publish_at)
                messages.success(
                    request, f"“{article}” is scheduled for {publish_at:%Y-%m-%d %H:%M}."
                )
            else:
                services.publish_article(article=article)
                messages.success(request, f"“{article}” is published.")
        except LibraryError as error:
            messages.error(request, str(error))
        return HttpResponseRedirect(reverse("library_dashboard:library-article-list"))


# Muscles and regions -------------------------------------------------------------------------


class MuscleListView(ListView):
    template_name = "articles/dashboard/muscle_list.html"
    context_object_name = "muscles"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return selectors.muscles_with_referred_pain()


class MuscleFormMixin(FormPageMixin):
    model = Muscle
    form_class = MuscleForm
    list_url_name = "library-muscle-list"
    noun = "muscle"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        if "formset" not in context:
            context["formset"] = ReferredPainFormSet(instance=self.object)
        context["formset_title"] = "Referred pain: where its trigger points send pain"
        return context

    @transaction.atomic
    def form_valid(self, form: MuscleForm) -> HttpResponse:
        formset = ReferredPainFormSet(self.request.POST, instance=form.instance)
        if not formset.is_valid():
            response = self.render_to_response(self.get_context_data(form=form, formset=formset))
            response.status_code = 400
            return response
        self.object = form.save()
        formset.save()
        return HttpResponseRedirect(self.get_success_url())


class MuscleCreateView(MuscleFormMixin, CreateView):
    pass


class MuscleUpdateView(MuscleFormMixin, UpdateView):
    pass


class RegionListView(ListView):
    template_name = "articles/dashboard/region_list.html"
    context_object_name = "regions"
    paginate_by = PAGE_SIZE
    model = BodyRegion


class RegionFormMixin(FormPageMixin):
    model = BodyRegion
    form_class = RegionForm
    list_url_name = "library-region-list"
    noun = "body region"


class RegionCreateView(RegionFormMixin, CreateView):
    pass


class RegionUpdateView(RegionFormMixin, UpdateView):
    pass


# References and figures ----------------------------------------------------------------------


class ReferenceListView(ListView):
    template_name = "articles/dashboard/reference_list.html"
    context_object_name = "references"
    paginate_by = PAGE_SIZE
    model = Reference


class ReferenceFormMixin(FormPageMixin):
    model = Reference
    form_class = ReferenceForm
    list_url_name = "library-reference-list"
    noun = "reference"


class ReferenceCreateView(ReferenceFormMixin, CreateView):
    pass


class ReferenceUpdateView(ReferenceFormMixin, UpdateView):
    pass


class FigureListView(ListView):
    template_name = "articles/dashboard/figure_list.html"
    context_object_name = "figures"
    paginate_by = PAGE_SIZE
    queryset = Figure.objects.select_related("reference")


class FigureFormMixin(FormPageMixin):
    model = Figure
    form_class = FigureForm
    list_url_name = "library-figure-list"
    noun = "figure"

    def form_valid(self, form: FigureForm) -> HttpResponse:
        self.object = services.save_figure(
            figure=form.save(commit=False), upload=form.cleaned_data.get("upload")
        )
        return HttpResponseRedirect(self.get_success_url())


class FigureCreateView(FigureFormMixin, CreateView):
    pass


class FigureUpdateView(FigureFormMixin, UpdateView):
    pass


# Series and tags -----------------------------------------------------------------------------


class SeriesListView(ListView):
    """Series and tags on one page: both are short lists."""

    template_name = "articles/dashboard/series_list.html"
    context_object_name = "series_list"
    model = Series

    def get_context_data(self, **kwargs) -> dict:
        return {**super().get_context_data(**kwargs), "tags": Tag.objects.all()}


class SeriesFormMixin(FormPageMixin):
    model = Series
    form_class = SeriesForm
    list_url_name = "library-series-list"
    list_label = "Series and tags"
    noun = "series"


class SeriesCreateView(SeriesFormMixin, CreateView):
    pass


class SeriesUpdateView(SeriesFormMixin, UpdateView):
    pass


class TagFormMixin(FormPageMixin):
    model = Tag
    form_class = TagForm
    list_url_name = "library-series-list"
    list_label = "Series and tags"
    noun = "tag"


class TagCreateView(TagFormMixin, CreateView):
    pass


class TagUpdateView(TagFormMixin, UpdateView):
    pass


# Comment moderation --------------------------------------------------------------------------


class CommentModerationView(ListView):
    """The moderation queue (pending first by default) with bulk approve / reject."""

    template_name = "articles/dashboard/comment_list.html"
    context_object_name = "comments"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.status = self.request.GET.get("status", Comment.Status.PENDING)
        comments = Comment.objects.select_related("article").order_by("-created")
        if self.status in Comment.Status.values:
            comments = comments.filter(status=self.status)
        return comments

    def get_context_data(self, **kwargs) -> dict:
        return {
            **super().get_context_data(**kwargs),
            "status": self.status,
            "statuses": Comment.Status.choices,
        }

    def post(self, request: HttpRequest) -> HttpResponse:
        form = CommentModerationForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            self.object_list = self.get_queryset()
            response = self.render_to_response(self.get_context_data())
            response.status_code = 400
            return response
        changed = services.moderate_comments(
            comment_ids=[comment.pk for comment in form.cleaned_data["comments"]],
            status=form.status,
        )
        messages.success(request, f"{changed} comment(s) marked {form.status}.")
        return redirect(request.get_full_path())
