"""Back-office forms: a region's shape, and a muscle's referred-pain zones and trigger points."""

from django import forms
from django.forms import inlineformset_factory

from articles.models import BodyRegion, Muscle, ReferredPain
from articles.svgpath import InvalidPathData, validate_path_data

from ..models import ReferredPainZone, TriggerPointMarker


class RegionShapeForm(forms.ModelForm):
    class Meta:
        model = BodyRegion
        fields = ["view", "svg_path"]
        widgets = {"svg_path": forms.Textarea(attrs={"rows": 6, "spellcheck": "false"})}
        labels = {"svg_path": "Shape (SVG path data)"}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["svg_path"].required = True

    def clean_svg_path(self) -> str:
        data = self.cleaned_data["svg_path"].strip()
        try:
            validate_path_data(data)
        except InvalidPathData as error:
            raise forms.ValidationError(f"This is not valid SVG path data. {error}") from error
        return data


ReferredPainFormSet = inlineformset_factory(
    Muscle, ReferredPain, fields=["region", "kind"], extra=2, can_delete=True
)

TriggerPointMarkerFormSet = inlineformset_factory(
    Muscle, TriggerPointMarker, fields=["view", "x", "y", "label"], extra=2, can_delete=True
)

# The zones' shapes: validated by the model field (path grammar, inside the view, on the body).
ReferredPainZoneFormSet = inlineformset_factory(
    Muscle,
    ReferredPainZone,
    fields=["kind", "view", "svg_path"],
    extra=1,
    can_delete=True,
    widgets={"svg_path": forms.Textarea(attrs={"rows": 3, "spellcheck": "false"})},
)
