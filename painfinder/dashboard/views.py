"""Back-office views of the pain finder, in Oscar's dashboard; permissions come from apps.py."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import ListView, TemplateView, UpdateView

from articles.models import BodyRegion, Muscle

from .. import selectors
from ..outline import silhouette_paths
from .forms import (
    ReferredPainFormSet,
    ReferredPainZoneFormSet,
    RegionShapeForm,
    TriggerPointMarkerFormSet,
)


class RegionShapeListView(ListView):
    template_name = "painfinder/dashboard/region_list.html"
    context_object_name = "regions"

    def get_queryset(self):
        return selectors.body_regions()

    def get_context_data(self, **kwargs) -> dict:
        return {**super().get_context_data(**kwargs), "outline_paths": silhouette_paths()}


class RegionShapeUpdateView(UpdateView):
    """Redraw a region; the path is validated, and every map uses it as soon as it is saved."""

    model = BodyRegion
    form_class = RegionShapeForm
    template_name = "painfinder/dashboard/region_form.html"
    context_object_name = "region"

    def get_success_url(self) -> str:
        messages.success(self.request, f"The shape of “{self.object}” was saved.")
        return reverse("painfinder_dashboard:region-list")

    def form_invalid(self, form) -> HttpResponse:
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def get_context_data(self, **kwargs) -> dict:
        return {**super().get_context_data(**kwargs), "outline_paths": silhouette_paths()}


class MuscleMapListView(ListView):
    template_name = "painfinder/dashboard/muscle_list.html"
    context_object_name = "muscles"

    def get_queryset(self):
        return selectors.muscles_with_maps().order_by("name")


class MuscleMapUpdateView(TemplateView):
    """A muscle's referred-pain regions, zone shapes and trigger points, with its map as drawn."""

    template_name = "painfinder/dashboard/muscle_form.html"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.muscle = get_object_or_404(Muscle, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def _formsets(self, data=None) -> tuple:
        return (
            ReferredPainFormSet(data, instance=self.muscle, prefix="zones"),
            TriggerPointMarkerFormSet(data, instance=self.muscle, prefix="markers"),
            ReferredPainZoneFormSet(data, instance=self.muscle, prefix="shapes"),
        )

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        zones, markers, shapes = kwargs.get("formsets") or self._formsets()
        muscle = get_object_or_404(selectors.muscles_with_maps(), pk=self.muscle.pk)
        context.update(
            muscle=self.muscle,
            zones=zones,
            markers=markers,
            shapes=shapes,
            pain_map=selectors.map_for_muscle(muscle),
        )
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        formsets = self._formsets(request.POST)
        if not all([formset.is_valid() for formset in formsets]):
            return self.render_to_response(self.get_context_data(formsets=formsets), status=400)
        with transaction.atomic():
            for formset in formsets:
                formset.save()
        messages.success(request, f"The referred-pain map of “{self.muscle}” was saved.")
        return HttpResponseRedirect(
            reverse("painfinder_dashboard:muscle-update", kwargs={"pk": self.muscle.pk})
        )
