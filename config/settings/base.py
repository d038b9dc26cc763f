"""Base settings shared by every profile, with safe embedded defaults for a first run."""

from decimal import Decimal
from pathlib import Path

import environ
from oscar.defaults import *  # noqa: F403

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env")

DJANGO_ENV = env.str("DJANGO_ENV", default="development")

# A development-only key; the production profile refuses it (see production.py).
INSECURE_DEFAULT_SECRET_KEY = "django-insecure-dev-key-for-the-embedded-default-only"  # noqa: S105
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default=INSECURE_DEFAULT_SECRET_KEY)
DEBUG = env.bool("DJANGO_DEBUG", default=DJANGO_ENV != "production")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    # Oscar, with the apps this project changes forked into shop/.
    "oscar.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "shop.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "shop.shipping.apps.ShippingConfig",
    "shop.catalogue.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "shop.partner.apps.PartnerConfig",
    "oscar.apps.basket.apps.BasketConfig",
    "shop.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "shop.order.apps.OrderConfig",
    "oscar.apps.customer.apps.CustomerConfig",
    "oscar.apps.search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "oscar.apps.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "oscar.apps.dashboard.orders.apps.OrdersDashboardConfig",
    "oscar.apps.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    # Third-party apps Oscar depends on.
    "widget_tweaks",
    "haystack",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
    # The project's own apps.
    "shop.storefront",
    "shop.guarantee",
    "shop.guarantee.dashboard.apps.GuaranteeDashboardConfig",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "shop.storefront.context_processors.site",
            ],
        },
    },
]

# Database: SQLite file by default; DATABASE_URL (e.g. postgres://...) in production and CI.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True  # Oscar's checkout relies on it.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions and WAL keep concurrent writers from failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

# Cache and Celery: Redis when REDIS_URL is set, in-process equivalents otherwise.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="qlclaw"),
        }
    }
    CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
    CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="memory://")
    CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = "UTC"

# Email: console by default; EMAIL_URL such as smtp+tls://user:pass@host:587 in production.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="QL Claw <hello@qlclaw.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL

# Stripe. Without a secret key the embedded default runs in demo-payment mode.
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env.str("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env.str("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_API_BASE = env.str("STRIPE_API_BASE", default="")
STRIPE_DEMO_MODE = not STRIPE_SECRET_KEY

# Static files (WhiteNoise) and media (local disk, or S3-compatible storage).
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
MEDIA_STORAGE = env.str("MEDIA_STORAGE", default="filesystem")
if MEDIA_STORAGE == "s3":
    AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME")
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default=None)
    AWS_S3_CUSTOM_DOMAIN = env.str("AWS_S3_CUSTOM_DOMAIN", default=None)
    AWS_ACCESS_KEY_ID = env.str("AWS_ACCESS_KEY_ID", default=None)
    AWS_SECRET_ACCESS_KEY = env.str("AWS_SECRET_ACCESS_KEY", default=None)
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False
    MEDIA_BACKEND = {"BACKEND": "storages.backends.s3.S3Storage"}
elif MEDIA_STORAGE == "filesystem":
    MEDIA_BACKEND = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
else:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("MEDIA_STORAGE must be 'filesystem' or 's3'.")
STORAGES = {
    "default": MEDIA_BACKEND,
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_BACKEND",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage"
            if DJANGO_ENV == "production"
            else "django.contrib.staticfiles.storage.StaticFilesStorage",
        )
    },
}
WHITENOISE_MAX_AGE = 31536000 if DJANGO_ENV == "production" else 0

AUTHENTICATION_BACKENDS = (
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "/accounts/"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Haystack is required by Oscar's search app. The catalogue browse view does not use it (see
# shop/catalogue/views.py), so the simple engine and no index updates are enough.
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"

# Oscar.
OSCAR_SHOP_NAME = "QL Claw"
OSCAR_SHOP_TAGLINE = "Find the muscle behind your back pain, and release it"
OSCAR_DEFAULT_CURRENCY = "USD"
OSCAR_HOMEPAGE = "/"
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_INITIAL_ORDER_STATUS = "Pending payment"
OSCAR_INITIAL_LINE_STATUS = "Pending payment"
OSCAR_ORDER_STATUS_PIPELINE = {
    "Pending payment": ("Paid", "Cancelled"),
    "Paid": ("Being processed", "Cancelled"),
    "Being processed": ("Shipped", "Cancelled"),
    "Shipped": ("Delivered",),
    "Delivered": (),
    "Cancelled": (),
}
OSCAR_LINE_STATUS_PIPELINE = OSCAR_ORDER_STATUS_PIPELINE
OSCAR_ORDER_STATUS_CASCADE = {
    "Paid": "Paid",
    "Being processed": "Being processed",
    "Shipped": "Shipped",
    "Delivered": "Delivered",
    "Cancelled": "Cancelled",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# The Django admin is for developers only; staff work in Oscar's dashboard.
ADMIN_URL = env.str("DJANGO_ADMIN_URL", default="django-admin/")

# Checkout, shipping and payment (Stripe Checkout, order first; see docs/checkout.md).
STRIPE_MAX_NETWORK_RETRIES = env.int("STRIPE_MAX_NETWORK_RETRIES", default=2)
# Stripe accepts 30 minutes to 24 hours; the order (and its stock) is held that long.
STRIPE_CHECKOUT_EXPIRY_SECONDS = env.int("STRIPE_CHECKOUT_EXPIRY_SECONDS", default=60 * 60)
STRIPE_WEBHOOK_TOLERANCE = 300  # seconds; older signatures are refused as replays
SHIPPING_FREE_STANDARD_THRESHOLD = Decimal(
    env.str("SHIPPING_FREE_STANDARD_THRESHOLD", default="75.00")
)
SHIPPING_DEFAULT_ITEM_WEIGHT_KG = "0.40"  # for products without a weight attribute
SHIPPING_ESTIMATE_COUNTRY = "US"  # priced on the basket page before an address is known
ORDER_LOOKUP_RATE_LIMIT = 10  # lookups per client address per window
ORDER_LOOKUP_RATE_WINDOW_SECONDS = 15 * 60
CELERY_BEAT_SCHEDULE = {
    "reconcile-payments": {
        "task": "shop.payment.tasks.reconcile_payments_task",
        "schedule": 15 * 60,
    },
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The race tests run requests in threads: an in-memory test database (shared cache) fails
    # them with "table is locked" where a file waits for the lock like production does.
    DATABASES["default"].setdefault("TEST", {"NAME": str(BASE_DIR / "test-db.sqlite3")})

# The money-back guarantee (shop/guarantee, docs/guarantee.md): claims and their back-office menu.
GUARANTEE_TIME_ZONE = env.str("GUARANTEE_TIME_ZONE", default="UTC")  # where a window's day ends
GUARANTEE_MAX_PHOTOS = 5
GUARANTEE_PHOTO_MAX_BYTES = 5 * 1000 * 1000
GUARANTEE_PHOTO_MAX_PIXELS = 40 * 1000 * 1000
GUARANTEE_CLAIM_RATE_LIMIT = 10  # claim submissions per client address ...
GUARANTEE_CLAIM_RATE_WINDOW_SECONDS = 15 * 60  # ... in this many seconds
CELERY_BEAT_SCHEDULE = {
    **CELERY_BEAT_SCHEDULE,
    "guarantee-resume-stalled-refunds": {
        "task": "shop.guarantee.tasks.resume_stalled_refunds_task",
        "schedule": 10 * 60,
    },
}
OSCAR_DASHBOARD_NAVIGATION = [
    *OSCAR_DASHBOARD_NAVIGATION,  # noqa: F405
    {
        "label": "Guarantee",
        "icon": "fas fa-undo",
        "children": [
            {"label": "Guarantee claims", "url_name": "guarantee_dashboard:claim-list"},
            {"label": "Guarantee terms", "url_name": "guarantee_dashboard:terms-list"},
        ],
    },
]
