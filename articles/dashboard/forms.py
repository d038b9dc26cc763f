"""Back-office forms of the library; Markdown keys and image uploads are checked here."""

from django import forms
from django.forms import inlineformset_factory
from django.utils import timezone

from articles.exceptions import InvalidImage, LibraryError
from articles.images import check_image
from articles.models import (
    RESERVED_ARTICLE_SLUGS,
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
from articles.services import render_body
from articles.svgpath import InvalidPathData, validate_path_data


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "title", "slug", "muscle", "summary", "hero", "body", "tags", "series",
            "series_order", "featured", "related_products", "status", "publish_at",
        ]  # fmt: skip
        widgets = {
            "body": forms.Textarea(attrs={"rows": 24}),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "publish_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
        }
        help_texts = {
            "status": "Draft: only staff see it. Scheduled: goes live by itself at the publish "
            "time. Published: live now (the publish time defaults to now)."
        }

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_ARTICLE_SLUGS:
            raise forms.ValidationError(f"“{slug}” is a reserved address; choose another slug.")
        return slug

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        try:
            render_body(body)
        except LibraryError as error:
            raise forms.ValidationError(str(error)) from error
        return body

    def clean(self) -> dict:
        data = super().clean()
        status, publish_at = data.get("status"), data.get("publish_at")
        now = timezone.now()
        if status == Article.Status.SCHEDULED:
            if publish_at is None:
                self.add_error("publish_at", "A scheduled article needs a publish time.")
            elif publish_at <= now and not (self.instance.pk and self.instance.is_live):
                self.add_error("publish_at", "Choose a time in the future, or publish it now.")
        if status == Article.Status.PUBLISHED and publish_at is None:
            data["publish_at"] = now
        return data


class ArticleSearchForm(forms.Form):
    status = forms.ChoiceField(
        choices=[("", "All statuses"), *Article.Status.choices], required=False
    )
    q = forms.CharField(required=False, label="Title contains")


class MuscleForm(forms.ModelForm):
    class Meta:
        model = Muscle
        fields = [
            "name", "slug", "other_names", "body_area", "summary", "actions",
            "trigger_point_locations", "aggravating_activities", "released_by",
        ]  # fmt: skip


ReferredPainFormSet = inlineformset_factory(
    Muscle, ReferredPain, fields=["region", "kind"], extra=3, can_delete=True
)


class RegionForm(forms.ModelForm):
    class Meta:
        model = BodyRegion
        fields = ["name", "slug", "view", "position", "svg_path"]
        widgets = {"svg_path": forms.Textarea(attrs={"rows": 4})}

    def clean_svg_path(self) -> str:
        """Refuse malformed path data here too, not only in the pain finder's shape editor."""
        data = self.cleaned_data["svg_path"]
        if not data.strip():
            return ""  # a region may wait for its shape; it is listed but not drawn
        try:
            validate_path_data(data)
        except InvalidPathData as error:
            raise forms.ValidationError(str(error)) from error
        return data


class ReferenceForm(forms.ModelForm):
    url = forms.URLField(required=False, assume_scheme="https", label="URL or DOI link")

    class Meta:
        model = Reference
        fields = ["key", "authors", "title", "edition", "publisher", "year", "pages", "url"]


class FigureForm(forms.ModelForm):
    # A plain file field: the library's own check gives clearer messages than ImageField's.
    upload = forms.FileField(
        required=False,
        label="Image",
        help_text="JPEG, PNG or WebP; at most 20 MB and 40 megapixels. Metadata is removed.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    class Meta:
        model = Figure
        fields = ["key", "caption", "alt_text", "credit", "reference"]

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            try:
                check_image(upload)
            except InvalidImage as error:
                raise forms.ValidationError(str(error)) from error
        elif not self.instance.pk:
            raise forms.ValidationError("Choose an image to upload.")
        return upload


class SeriesForm(forms.ModelForm):
    class Meta:
        model = Series
        fields = ["title", "slug", "description"]


class TagForm(forms.ModelForm):
    class Meta:
        model = Tag
        fields = ["name", "slug"]


class CommentModerationForm(forms.Form):
    ACTIONS = {"approve": Comment.Status.APPROVED, "spam": Comment.Status.SPAM}

    action = forms.ChoiceField(choices=[("approve", "Approve"), ("spam", "Reject as spam")])
    comments = forms.ModelMultipleChoiceField(
        Comment.objects.all(), error_messages={"required": "Select at least one comment."}
    )

    @property
    def status(self) -> str:
        return self.ACTIONS[self.cleaned_data["action"]]
