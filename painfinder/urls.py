"""URLs of the pain finder, mounted at /pain-finder/.

One region: ``/pain-finder/low-back/``. Several: their slugs joined by ``+`` in head-to-toe
order, ``/pain-finder/low-back+buttock/`` (other orders and repeats redirect there). The form on
the index sends ``?region=low-back&region=buttock``, which redirects to the same address.
"""

from django.urls import path, register_converter

from . import views


class RegionSlugsConverter:
    regex = r"[-a-z0-9]+(?:\+[-a-z0-9]+)*"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(RegionSlugsConverter, "region_slugs")

app_name = "painfinder"

urlpatterns = [
    path("", views.PainFinderView.as_view(), name="index"),
    path("maps/<slug:slug>.png", views.muscle_map_image, name="muscle-map-image"),
    path("<region_slugs:slugs>/", views.RegionResultsView.as_view(), name="regions"),
]
