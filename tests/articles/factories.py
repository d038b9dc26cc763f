"""Factories of the library's models."""

import io
from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from articles import services
from articles.models import (
    Article,
    BodyRegion,
    Comment,
    Figure,
    Muscle,
    Reference,
    ReferredPain,
    Series,
    Tag,
)


def png_bytes(
    width: int = 64, height: int = 48, colour: str = "teal", fmt: str = "PNG", **save
) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, fmt, **save)
    return out.getvalue()


class BodyRegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BodyRegion
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")
    view = BodyRegion.View.BACK
    svg_path = "M0 0 L10 0 L10 10 Z"


class MuscleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Muscle

    name = factory.Sequence(lambda n: f"Muscle {n}")
    slug = factory.Sequence(lambda n: f"muscle-{n}")
    body_area = "Hip"
    summary = "A muscle."
    actions = "Moves the hip."
    trigger_point_locations = "Upper part."
    aggravating_activities = "Walking\nSitting"


class ReferredPainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReferredPain

    muscle = factory.SubFactory(MuscleFactory)
    region = factory.SubFactory(BodyRegionFactory)
    kind = ReferredPain.Kind.PRIMARY


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    name = factory.Sequence(lambda n: f"Tag {n}")
    slug = factory.Sequence(lambda n: f"tag-{n}")


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Series

    title = factory.Sequence(lambda n: f"Series {n}")
    slug = factory.Sequence(lambda n: f"series-{n}")


class ReferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reference
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"ref{n}")
    authors = "Author A"
    title = factory.Sequence(lambda n: f"Book {n}")
    year = 2019


class FigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Figure

    key = factory.Sequence(lambda n: f"figure-{n}")
    image = factory.LazyFunction(lambda: ContentFile(png_bytes(), name="figure.png"))
    width = 64
    height = 48
    caption = "A diagram."
    alt_text = "A diagram of a muscle."


class ArticleFactory(factory.django.DjangoModelFactory):
    """A live article, rendered through the service like the dashboard does."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    summary = "What this muscle does."
    body = "## Function\n\nIt moves the hip.\n"
    status = Article.Status.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.save_article(article=model_class(*args, **kwargs))

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    article = factory.SubFactory(ArticleFactory)
    name = "Reader"
    email = "reader@example.com"
    body = "Helpful, thanks."
    status = Comment.Status.APPROVED
