"""Root URLs: the project's own pages first, then Oscar's storefront and dashboard."""

from django.apps import apps
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView

from articles.sitemaps import ArticleSitemap, MuscleSitemap
from articles.urls import muscle_urlpatterns
from shop.storefront.sitemaps import PolicyPageSitemap, ProductSitemap, StaticPageSitemap
from shop.storefront.views import healthz

SITEMAPS = {
    "pages": StaticPageSitemap,
    "policies": PolicyPageSitemap,
    "articles": ArticleSitemap,
    "muscles": MuscleSitemap,
    "products": ProductSitemap,
}

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("", include("shop.storefront.urls")),
    path("articles/", include("articles.urls")),
    path("contact/", include("shop.support.urls")),
    path("dashboard/support/", include(apps.get_app_config("support_dashboard").urls[:2])),
    path("muscles/", include(muscle_urlpatterns)),
    path("dashboard/library/", include(apps.get_app_config("library_dashboard").urls[:2])),
    path("pain-finder/", include("painfinder.urls")),
    path("dashboard/pain-finder/", include(apps.get_app_config("painfinder_dashboard").urls[:2])),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("search/", include("shop.sitesearch.urls")),
    path("", include("shop.payment.urls")),
    path("orders/", include("shop.order.urls")),
    path("policies/shipping/", include("shop.shipping.urls")),
    path("guarantee/", include("shop.guarantee.urls")),
    path("dashboard/guarantee/", include(apps.get_app_config("guarantee_dashboard").urls[:2])),
    path("dashboard/fulfilment/", include(apps.get_app_config("fulfilment_dashboard").urls[:2])),
    path("i18n/", include("django.conf.urls.i18n")),
    path(settings.ADMIN_URL, admin.site.urls),
    # Oscar last: its "" pattern is a redirect that the storefront's home page shadows.
    path("", include(apps.get_app_config("oscar").urls[0])),
]

handler400 = "shop.storefront.views.bad_request"
handler500 = "shop.storefront.views.server_error"

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
