"""Root URLs: the project's own pages first, then Oscar's storefront and dashboard."""

from django.apps import apps
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from shop.storefront.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("", include("shop.storefront.urls")),
    path("articles/", include("articles.urls")),
    path("", include("shop.payment.urls")),
    path("orders/", include("shop.order.urls")),
    path("guarantee/", include("shop.guarantee.urls")),
    path("dashboard/guarantee/", include(apps.get_app_config("guarantee_dashboard").urls[:2])),
    path("i18n/", include("django.conf.urls.i18n")),
    path(settings.ADMIN_URL, admin.site.urls),
    # Oscar last: its "" pattern is a redirect that the storefront's home page shadows.
    path("", include(apps.get_app_config("oscar").urls[0])),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
