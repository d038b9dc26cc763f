"""Pages of the pain finder: the body map, the muscles behind the chosen regions, map images."""

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from . import selectors
from .exceptions import UnknownRegion
from .maps import render_png
from .outline import silhouette_paths

# Maps are redrawn from the data, so browsers may keep a PNG only briefly; the server-side copy
# is keyed by the map's fingerprint and so never goes stale.
MAP_IMAGE_MAX_AGE = 60 * 60
MAP_IMAGE_CACHE_TIMEOUT = 60 * 60 * 24 * 7


def _finder_url(regions) -> str:
    return reverse("painfinder:regions", kwargs={"slugs": selectors.regions_path_segment(regions)})


class BodyMapMixin:
    """Context for the clickable body map: the outline and every region's shape and link."""

    def body_map_context(self, selected=()) -> dict:
        regions = list(selectors.body_regions())
        selected_slugs = {region.slug for region in selected}
        return {
            "outline_paths": silhouette_paths(),
            "all_regions": regions,
            "map_views": [
                (view, label, [r for r in regions if r.view == view and r.svg_path])
                for view, label in (("front", "Front"), ("back", "Back"))
            ],
            "selected_slugs": selected_slugs,
        }


class PainFinderView(BodyMapMixin, TemplateView):
    """The body map and the list of regions; ``?region=a&region=b`` goes to their results."""

    template_name = "painfinder/index.html"

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        slugs = request.GET.getlist("region")
        if "region" in request.GET:
            try:
                regions = selectors.regions_from_slugs(slugs)
            except UnknownRegion as error:
                if error.slugs:
                    raise Http404(str(error)) from error
                context = self.get_context_data(
                    form_error="Tick at least one place where it hurts."
                )
                return self.render_to_response(context, status=400)
            return HttpResponseRedirect(_finder_url(regions))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        return {**super().get_context_data(**kwargs), **self.body_map_context()}


class RegionResultsView(BodyMapMixin, TemplateView):
    """The muscles that may cause pain in one or several regions, most likely first."""

    template_name = "painfinder/results.html"

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        slugs = kwargs["slugs"].split(selectors.SLUG_SEPARATOR)
        try:
            self.regions = selectors.regions_from_slugs(slugs)
        except UnknownRegion as error:
            raise Http404(str(error)) from error
        canonical = selectors.regions_path_segment(self.regions)
        if canonical != kwargs["slugs"]:
            return HttpResponseRedirect(_finder_url(self.regions), status=301)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context.update(self.body_map_context(selected=self.regions))
        chosen = {region.pk for region in self.regions}
        context["chosen_regions"] = self.regions
        context["matches"] = selectors.rank_muscles(self.regions)
        context["more_regions"] = [
            (region, _finder_url([*self.regions, region]))
            for region in context["all_regions"]
            if region.pk not in chosen
        ]
        context["fewer_regions"] = [
            (region, _finder_url([r for r in self.regions if r.pk != region.pk]))
            for region in self.regions
            if len(self.regions) > 1
        ]
        return context


@require_GET
def muscle_map_image(request: HttpRequest, slug: str) -> HttpResponse:
    """A muscle's referred-pain map as a 1200x630 PNG (its Open Graph image)."""
    muscle = get_object_or_404(selectors.muscles_with_maps(), slug=slug)
    pain_map = selectors.map_for_muscle(muscle)
    key = f"painfinder:map-png:{pain_map.fingerprint()}"
    image = cache.get(key)
    if image is None:
        image = render_png(pain_map, site_name=settings.OSCAR_SHOP_NAME)
        cache.set(key, image, MAP_IMAGE_CACHE_TIMEOUT)
    response = HttpResponse(image, content_type="image/png")
    response["ETag"] = f'"{pain_map.fingerprint()}"'
    patch_cache_control(response, public=True, max_age=MAP_IMAGE_MAX_AGE)
    return response
