"""Forms of the library's public pages: the comment form and the list filters."""

from django import forms

from shop.security.names import single_line

from .models import BodyRegion, Comment, Muscle, Series, Tag


class CommentForm(forms.ModelForm):
    # A field people never see (hidden by the stylesheet, skipped by keyboard and screen
    # readers); bots that fill every input give themselves away.
    website = forms.CharField(required=False, label="Leave this empty")

    class Meta:
        model = Comment
        fields = ["name", "email", "body"]
        labels = {"body": "Your comment", "email": "Email (never shown)"}
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}
        error_messages = {
            "body": {
                "max_length": "Please keep your comment to %(limit_value)s characters or fewer "
                "(it has %(show_value)s now).",
            }
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_name(self) -> str:
        # Shown on the page and to moderators: one plain line (shop.security.names).
        name = single_line(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError("Please give your name.")
        return name

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if len(body) < 2:
            raise forms.ValidationError("Please write a comment.")
        return body

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class ArticleFilterForm(forms.Form):
    """The list's filters; an unknown slug is a bad URL (404), not an empty list."""

    region = forms.ModelChoiceField(
        BodyRegion.objects.filter(referred_pain__isnull=False).distinct(),
        to_field_name="slug",
        required=False,
        empty_label="Any body region",
        label="Where it hurts",
    )
    muscle = forms.ModelChoiceField(
        Muscle.objects.all(), to_field_name="slug", required=False, empty_label="Any muscle"
    )
    tag = forms.ModelChoiceField(
        Tag.objects.all(), to_field_name="slug", required=False, empty_label="Any tag"
    )
    series = forms.ModelChoiceField(
        Series.objects.all(), to_field_name="slug", required=False, empty_label="Any series"
    )

    def slugs(self) -> dict[str, str | None]:
        return {name: (value.slug if value else None) for name, value in self.cleaned_data.items()}
