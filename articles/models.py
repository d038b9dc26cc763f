"""The library's content: muscles, body regions, referred pain, articles, figures and comments.

Article bodies are written in Markdown and rendered to sanitized HTML by ``services`` when they
are saved, so a page view only reads stored HTML.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone

RESERVED_ARTICLE_SLUGS = frozenset({"feed", "tags", "series"})


class BodyRegion(models.Model):
    """A named area of the body where pain is felt, with its shape on a body outline."""

    class View(models.TextChoices):
        FRONT = "front", "Front"
        BACK = "back", "Back"

    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, unique=True)
    view = models.CharField(
        max_length=5, choices=View.choices, help_text="The side of the body it is drawn on."
    )
    svg_path = models.TextField(
        blank=True,
        help_text="SVG path data on the 200 by 440 body outline of its view (both sides).",
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Head to toe order.")

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Muscle(models.Model):
    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, unique=True)
    other_names = models.CharField(max_length=200, blank=True, help_text="Comma-separated.")
    body_area = models.CharField(max_length=80, help_text="Where it lies, e.g. 'Hip and buttock'.")
    summary = models.TextField()
    actions = models.TextField(help_text="What it does in daily life and sport.")
    trigger_point_locations = models.TextField(help_text="Where its trigger points lie.")
    aggravating_activities = models.TextField(
        help_text="One activity per line: what sets its trigger points off."
    )
    referred_pain_regions = models.ManyToManyField(
        BodyRegion, through="ReferredPain", related_name="muscles", blank=True
    )
    released_by = models.ManyToManyField(
        "catalogue.Product", related_name="released_muscles", blank=True
    )
    # The site search's stored vector (articles/search.py), kept by a PostgreSQL trigger.
    search_document = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("muscles:detail", kwargs={"slug": self.slug})

    @property
    def aggravating_activity_list(self) -> list[str]:
        return [line.strip() for line in self.aggravating_activities.splitlines() if line.strip()]


class ReferredPain(models.Model):
    """Where a muscle's trigger points send pain: its primary zone or the spillover around it."""

    class Kind(models.TextChoices):
        PRIMARY = "primary", "Primary zone"
        SPILLOVER = "spillover", "Spillover zone"

    muscle = models.ForeignKey(Muscle, on_delete=models.CASCADE, related_name="referred_pain")
    region = models.ForeignKey(BodyRegion, on_delete=models.CASCADE, related_name="referred_pain")
    kind = models.CharField(max_length=10, choices=Kind.choices)

    class Meta:
        ordering = ["kind", "region__position"]
        constraints = [
            models.UniqueConstraint(fields=["muscle", "region"], name="one_kind_per_muscle_region")
        ]

    def __str__(self) -> str:
        return f"{self.muscle} → {self.region} ({self.get_kind_display()})"


class Tag(models.Model):
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:tag", kwargs={"slug": self.slug})


class Series(models.Model):
    title = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "series"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("articles:series", kwargs={"slug": self.slug})


class Reference(models.Model):
    """A bibliographic source that articles cite as ``[@key]``."""

    key = models.SlugField(max_length=60, unique=True, help_text="What articles cite: [@key].")
    authors = models.CharField(max_length=300)
    title = models.CharField(max_length=300)
    edition = models.CharField(max_length=40, blank=True)
    publisher = models.CharField(max_length=120, blank=True)
    year = models.PositiveSmallIntegerField()
    pages = models.CharField(max_length=40, blank=True)
    url = models.URLField(blank=True, help_text="A link to the work, or its DOI as a URL.")

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.authors} ({self.year}). {self.title}"


class Figure(models.Model):
    """An image placed in articles as ``[[figure:key]]``, with responsive WebP renditions."""

    key = models.SlugField(max_length=80, unique=True, help_text="What articles use.")
    image = models.ImageField(upload_to="library/figures/")
    # Set by services from the stored image, for width/height attributes (no layout shift).
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    caption = models.CharField(max_length=300)
    alt_text = models.CharField(
        max_length=300, help_text="What the image shows, for screen readers."
    )
    credit = models.CharField(max_length=200, blank=True)
    reference = models.ForeignKey(
        Reference, on_delete=models.PROTECT, null=True, blank=True, related_name="figures"
    )
    # [{"width": 480, "height": 320, "name": "library/figures/renditions/x-480.webp"}, ...]
    renditions = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key


class ArticleQuerySet(models.QuerySet):
    def live(self) -> "ArticleQuerySet":
        """Articles the public may read: published or scheduled, with a publish time passed."""
        return self.filter(
            status__in=[Article.Status.PUBLISHED, Article.Status.SCHEDULED],
            publish_at__lte=timezone.now(),
        )


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    muscle = models.ForeignKey(
        Muscle, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    summary = models.TextField(max_length=400)
    hero = models.ForeignKey(
        Figure, on_delete=models.SET_NULL, null=True, blank=True, related_name="hero_of"
    )
    body = models.TextField(
        help_text="Markdown. Cite with [@key]; place a figure with [[figure:key]]."
    )
    tags = models.ManyToManyField(Tag, related_name="articles", blank=True)
    series = models.ForeignKey(
        Series, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    series_order = models.PositiveSmallIntegerField(default=0)
    featured = models.BooleanField(default=False, help_text="Shown on the home page.")
    related_products = models.ManyToManyField(
        "catalogue.Product", related_name="library_articles", blank=True
    )

    # Derived from ``body`` by services.render_article on every save.
    body_html = models.TextField(blank=True, editable=False)
    toc = models.JSONField(default=list, blank=True, editable=False)
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)
    cited_references = models.ManyToManyField(
        Reference, through="Citation", related_name="cited_by", blank=True
    )
    figures = models.ManyToManyField(Figure, related_name="placed_in", blank=True)
    # The site search's stored vector (articles/search.py), kept by a PostgreSQL trigger.
    search_document = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-pk"]
        indexes = [models.Index(fields=["status", "publish_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", kwargs={"slug": self.slug})

    @property
    def is_live(self) -> bool:
        return (
            self.status in (self.Status.PUBLISHED, self.Status.SCHEDULED)
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    @property
    def author_name(self) -> str:
        if self.author_id and self.author.get_full_name():
            return self.author.get_full_name()
        return "The QL Claw editors"


class Citation(models.Model):
    """A reference cited by an article, numbered in order of first use in its body."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="citations")
    reference = models.ForeignKey(Reference, on_delete=models.PROTECT, related_name="citations")
    number = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "reference"], name="cite_a_work_once"),
            models.UniqueConstraint(fields=["article", "number"], name="one_work_per_number"),
        ]

    def __str__(self) -> str:
        return f"[{self.number}] {self.reference.key}"


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting moderation"
        APPROVED = "approved", "Approved"
        SPAM = "spam", "Spam / rejected"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
    name = models.CharField(max_length=80)
    email = models.EmailField(help_text="Never shown.")
    body = models.TextField(max_length=3000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    ip_hash = models.CharField(max_length=64, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created", "pk"]
        indexes = [models.Index(fields=["article", "status", "created"])]

    def __str__(self) -> str:
        return f"{self.name} on {self.article}"
