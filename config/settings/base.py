"""Base settings shared by every profile, with safe embedded defaults for a first run."""

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import environ
from oscar.defaults import *  # noqa: F403

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env")

DJANGO_ENV = env.str("DJANGO_ENV", default="development")

# The key once built into the development profile, public in the source: production refuses it
# (see production.py). Without DJANGO_SECRET_KEY, development uses a random key of this checkout
# (config/settings/secret_key.py); production refuses to start.
INSECURE_DEFAULT_SECRET_KEY = "django-insecure-dev-key-for-the-embedded-default-only"  # noqa: S105
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY and DJANGO_ENV != "production":
    from .secret_key import development_secret_key

    SECRET_KEY = development_secret_key(
        Path(env.str("DJANGO_DEV_SECRET_KEY_FILE", default=str(BASE_DIR / ".dev-secret-key")))
    )
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
    "axes",
    "django_guid",
    # The project's own apps.
    "shop.storefront",
    "shop.guarantee",
    "shop.guarantee.dashboard.apps.GuaranteeDashboardConfig",
    "articles",
    "shop.support.apps.SupportConfig",
    "shop.support.dashboard.apps.SupportDashboardConfig",
    "articles.dashboard.apps.LibraryDashboardConfig",
    "painfinder",
    "painfinder.dashboard.apps.PainFinderDashboardConfig",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django_guid.middleware.guid_middleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "shop.storefront.security.RateLimitedFormsMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
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
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="qlclaw"),
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
    # A Redis outage must not take the site down: cache reads miss, writes are dropped, and
    # each error is logged (docs/operations.md says what this means for rate limits).
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
    CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="memory://")
    CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
CELERY_TASK_EAGER_PROPAGATES = True
# A task whose worker died unacknowledged goes back to the queue after this many seconds.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
}
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
# Who hears of card disputes (and other order matters that cannot wait for the dashboard).
ORDER_STAFF_EMAILS = env.list("ORDER_STAFF_EMAILS", default=["orders@qlclaw.example"])
STRIPE_DEMO_MODE = not STRIPE_SECRET_KEY

# Static files (WhiteNoise) and media (local disk, or S3-compatible storage).
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Private files (support attachments, claim photos) never live under a public URL: they are
# served by the views that check who asks (or, on S3, by short-lived signed URLs).
PRIVATE_MEDIA_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private_media")))
MEDIA_STORAGE = env.str("MEDIA_STORAGE", default="filesystem")
if MEDIA_STORAGE == "s3":
    _s3 = {
        "bucket_name": env.str("AWS_STORAGE_BUCKET_NAME"),
        "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default=None),
        "region_name": env.str("AWS_S3_REGION_NAME", default=None),
        "access_key": env.str("AWS_ACCESS_KEY_ID", default=None),
        "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default=None),
        "file_overwrite": False,
        "signature_version": "s3v4",
    }
    MEDIA_BACKEND = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "location": "public",
            "default_acl": "public-read",
            "querystring_auth": False,
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default=None),
        },
    }
    PRIVATE_BACKEND = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "location": "private",
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": env.int("PRIVATE_URL_SECONDS", default=300),
        },
    }
elif MEDIA_STORAGE == "filesystem":
    MEDIA_BACKEND = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    # Rooted at PRIVATE_MEDIA_ROOT (read on every use), and refuses to build URLs.
    PRIVATE_BACKEND = {"BACKEND": "shop.storefront.storage.PrivateFileSystemStorage"}
else:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("MEDIA_STORAGE must be 'filesystem' or 's3'.")
STORAGES = {
    "default": MEDIA_BACKEND,
    "private": PRIVATE_BACKEND,
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
    "axes.backends.AxesStandaloneBackend",
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

# Logs: one line per record on stdout, JSON lines in production (LOG_FORMAT=json), each with
# the request id that django-guid takes from X-Request-ID (or makes) and returns to the client.
LOG_FORMAT = env.str("LOG_FORMAT", default="json" if DJANGO_ENV == "production" else "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "django_guid.log_filters.CorrelationId"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s [%(correlation_id)s] %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(correlation_id)s",
            "rename_fields": {
                "asctime": "time",
                "levelname": "level",
                "correlation_id": "request_id",
            },
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_guid": {"level": "WARNING"},
    },
}
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",
    "VALIDATE_GUID": False,  # proxies send ids in several formats; the length cap below holds
    "RETURN_HEADER": True,
    "EXPOSE_HEADER": False,
}

# Errors go to Sentry when SENTRY_DSN is set, and nowhere else is configured for them.
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=DJANGO_ENV,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
        send_default_pii=False,
    )

# Login lockout (django-axes): 10 failures for one username from one address lock that pair for
# 15 minutes, so an attacker elsewhere cannot lock a real customer out. Staff unlock in the
# Django admin (Access attempts) or with `manage.py axes_reset_username <email>`.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
# Behind a load balancer the client address is in X-Forwarded-For: TRUSTED_PROXY_COUNT says how
# many proxies append to it (0: use REMOTE_ADDR only, as when nothing sits in front).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
if TRUSTED_PROXY_COUNT:
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT
    AXES_IPWARE_PROXY_ORDER = "right-most"
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

# Rate limits (django-ratelimit) count per client address in the cache and fail open when
# the cache is down (docs/operations.md). RATE_LIMITED_FORMS covers Oscar's own public forms.
RATELIMIT_IP_META_KEY = "shop.storefront.security.client_ip"
RATELIMIT_FAIL_OPEN = True
RATE_LIMITED_FORMS = {
    "password-reset": env.str("PASSWORD_RESET_RATE", default="5/h"),
}

# Browser features the site does not use are denied to every page (and any frame).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "xr-spatial-tracking",
    )
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Request size limits: form fields in memory, uploads streamed to disk past this size.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 500
# Pillow backstop (its default is ~89 MP): warns above this, refuses above twice this. The
# site's own checks refuse more than 40 MP with a precise message first.
MAX_IMAGE_PIXELS = 64_000_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# The Django admin is for developers only; staff work in Oscar's dashboard.
ADMIN_URL = env.str("DJANGO_ADMIN_URL", default="django-admin/")

# Support contact workflow (shop/support, docs/support.md): private attachments, spam defences,
# the first-response promise, auto-close and the dashboard menu.
SUPPORT_FIRST_RESPONSE_TARGET_HOURS = env.int("SUPPORT_FIRST_RESPONSE_TARGET_HOURS", default=4)
SUPPORT_AUTO_CLOSE_DAYS = env.int("SUPPORT_AUTO_CLOSE_DAYS", default=7)
SUPPORT_STAFF_EMAILS = env.list("SUPPORT_STAFF_EMAILS", default=["support@qlclaw.example"])
SUPPORT_MIN_FILL_SECONDS = env.int("SUPPORT_MIN_FILL_SECONDS", default=3)
SUPPORT_RATE_LIMIT_PER_IP = env.str("SUPPORT_RATE_LIMIT_PER_IP", default="10/h")
SUPPORT_RATE_LIMIT_PER_EMAIL = env.str("SUPPORT_RATE_LIMIT_PER_EMAIL", default="5/h")
SUPPORT_MESSAGE_MAX_LENGTH = 5000
SUPPORT_ATTACHMENT_MAX_COUNT = 3
SUPPORT_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
SUPPORT_ATTACHMENT_MAX_PIXELS = 40_000_000
CELERY_BEAT_SCHEDULE = {
    **vars().get("CELERY_BEAT_SCHEDULE", {}),
    "support-close-resolved-requests": {
        "task": "shop.support.tasks.close_resolved_requests",
        "schedule": 3600.0,
    },
}
OSCAR_DASHBOARD_NAVIGATION = [
    *OSCAR_DASHBOARD_NAVIGATION,  # noqa: F405
    {
        "label": "Support",
        "icon": "fas fa-life-ring",
        "children": [
            {"label": "Requests", "url_name": "support_dashboard:request-list"},
            {"label": "Canned replies", "url_name": "support_dashboard:canned-reply-list"},
        ],
    },
]

# The trigger-point library (articles app): images, comments and its back-office menu.
LIBRARY_ARTICLES_PER_PAGE = 12
LIBRARY_IMAGE_MAX_BYTES = 20 * 1000 * 1000
LIBRARY_IMAGE_MAX_PIXELS = 40 * 1000 * 1000
LIBRARY_COMMENT_RATE_LIMIT = 5  # comments per address ...
LIBRARY_COMMENT_RATE_WINDOW = 10 * 60  # ... in this many seconds
LIBRARY_HOME_SERIES_SLUG = "five-muscles-behind-low-back-pain"  # the series on the home page
OSCAR_DASHBOARD_NAVIGATION = [
    *OSCAR_DASHBOARD_NAVIGATION,
    {
        "label": "Library",
        "icon": "fas fa-book-medical",
        "children": [
            {"label": "Articles", "url_name": "library_dashboard:library-article-list"},
            {"label": "Muscles", "url_name": "library_dashboard:library-muscle-list"},
            {"label": "Body regions", "url_name": "library_dashboard:library-region-list"},
            {"label": "References", "url_name": "library_dashboard:library-reference-list"},
            {"label": "Figures", "url_name": "library_dashboard:library-figure-list"},
            {"label": "Series and tags", "url_name": "library_dashboard:library-series-list"},
            {"label": "Comments", "url_name": "library_dashboard:library-comment-list"},
        ],
    },
]

# The pain finder (painfinder app): its back-office menu.
OSCAR_DASHBOARD_NAVIGATION = [
    *OSCAR_DASHBOARD_NAVIGATION,
    {
        "label": "Pain finder",
        "icon": "fas fa-child",
        "children": [
            {"label": "Region shapes", "url_name": "painfinder_dashboard:region-list"},
            {"label": "Referred-pain maps", "url_name": "painfinder_dashboard:muscle-list"},
        ],
    },
]
# Storefront (issue 4): catalogue, product pages, reviews, site search, theme and static budget.
INSTALLED_APPS.append("shop.sitesearch")
# Wishlists, stock alerts and notifications are switched off (shop/storefront/oscar_apps.py).
INSTALLED_APPS[INSTALLED_APPS.index("oscar.apps.customer.apps.CustomerConfig")] = (
    "shop.storefront.oscar_apps.CustomerConfig"
)
INSTALLED_APPS[INSTALLED_APPS.index("oscar.apps.wishlists.apps.WishlistsConfig")] = (
    "shop.storefront.oscar_apps.WishlistsConfig"
)
OSCAR_EAGER_ALERTS = False  # no stock-alert emails, and no query on every stock record save
TEMPLATES[0]["OPTIONS"]["context_processors"].remove(
    "oscar.apps.communication.notifications.context_processors.notifications"
)
OSCAR_MODERATE_REVIEWS = True  # reviews appear once staff approve them in the dashboard
OSCAR_ALLOW_ANON_REVIEWS = False  # only signed-in customers review, once per product
SHOP_LOW_STOCK_THRESHOLD = env.int("SHOP_LOW_STOCK_THRESHOLD", default=5)  # "Only 3 left"
THUMBNAIL_FORMAT = "JPEG"
THUMBNAIL_PRESERVE_FORMAT = False
# sorl, each process remembering the thumbnails it looked up (shop/catalogue/thumbnails.py).
OSCAR_THUMBNAILER = "shop.catalogue.thumbnails.RememberingSorlThumbnail"
# Budget of CSS + JS per customer page, compressed (enforced by tests/shop/storefront).
STATIC_BUDGET_BYTES = 40 * 1024
# Celery beat: the outbox sweep re-enqueues emails the broker lost.
CELERY_BEAT_SCHEDULE = {
    **vars().get("CELERY_BEAT_SCHEDULE", {}),
    "resend-unsent-emails": {
        "task": "shop.storefront.tasks.resend_unsent_emails",
        "schedule": 300.0,
    },
}

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
ORDER_LOOKUP_RATE = env.str("ORDER_LOOKUP_RATE", default="10/15m")  # per client address
CELERY_BEAT_SCHEDULE = {
    **vars().get("CELERY_BEAT_SCHEDULE", {}),
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
GUARANTEE_CLAIM_RATE = env.str("GUARANTEE_CLAIM_RATE", default="10/15m")  # per client address
CELERY_BEAT_SCHEDULE = {
    **CELERY_BEAT_SCHEDULE,
    "guarantee-resume-stalled-refunds": {
        "task": "shop.guarantee.tasks.resume_stalled_refunds_task",
        "schedule": 10 * 60,
    },
}
OSCAR_DASHBOARD_NAVIGATION = [
    *OSCAR_DASHBOARD_NAVIGATION,
    {
        "label": "Guarantee",
        "icon": "fas fa-undo",
        "children": [
            {"label": "Guarantee claims", "url_name": "guarantee_dashboard:claim-list"},
            {"label": "Guarantee terms", "url_name": "guarantee_dashboard:terms-list"},
        ],
    },
]

# Page cache (issue 9, shop/pagecache): anonymous pages served from the cache until the content
# they show changes. PAGE_CACHE_KINDS maps an app label to the kind of content its models are;
# PAGE_CACHE_RULES maps a path (regular expression, first match wins) to the kinds its pages
# show; a path no rule matches is never cached.
INSTALLED_APPS.append("shop.pagecache")
MIDDLEWARE.insert(
    MIDDLEWARE.index("oscar.apps.basket.middleware.BasketMiddleware") + 1,
    "shop.pagecache.middleware.PageCacheMiddleware",
)
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
# Scheduled articles appear by themselves (no save marks the moment), so entries live this long.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
PAGE_CACHE_KINDS = {
    "articles": "library",
    "painfinder": "painfinder",
    "catalogue": "catalogue",
    "partner": "catalogue",
    "reviews": "catalogue",
    "offer": "catalogue",
}
PAGE_CACHE_RULES = [
    # Home: featured products, latest articles.
    (r"^/$", ("library", "catalogue")),
    # Article lists, tags, series and the feed show articles only; an article page also shows
    # the products that release its muscle.
    (r"^/articles/((feed|tags/[\w-]+|series/[\w-]+)/)?$", ("library",)),
    (r"^/articles/[\w-]+/$", ("library", "catalogue")),
    # Muscle pages: referred pain, trigger-point markers, the products that release them.
    (r"^/muscles/", ("library", "catalogue", "painfinder")),
    (r"^/pain-finder/", ("library", "catalogue", "painfinder")),
    # Catalogue and category lists show products; a product page also lists muscles.
    (r"^/catalogue/(category/.*)?$", ("catalogue",)),
    (r"^/catalogue/[\w-]+_\d+/$", ("catalogue", "library")),
    # Site search: one entry per query string (a repeated search is served from the cache).
    (r"^/search/$", ("library", "catalogue", "painfinder")),
]
# Security testing (issue 9): a NUL byte in a URL is a 400, never a database error.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.common.CommonMiddleware") + 1,
    "shop.storefront.security.RefuseNulBytesMiddleware",
)

# Security fixes of issue 22 (docs/security.md). A form declaring a charset other than UTF-8 is
# a 400 before anything reads its body (shop/storefront/security.py); sign-in failures count
# under the lower-cased email (shop/storefront/accounts.py); registration is limited per client
# address on every page that offers it (shop/storefront/oscar_apps.py).
AXES_USERNAME_CALLABLE = "shop.storefront.accounts.lockout_username"
# Django's admin lets superusers in, nobody else (shop/storefront/admin_site.py).
INSTALLED_APPS[INSTALLED_APPS.index("django.contrib.admin")] = (
    "shop.storefront.admin_apps.SuperuserAdminConfig"
)
REGISTRATION_RATE = env.str("REGISTRATION_RATE", default="10/h")
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.csrf.CsrfViewMiddleware"),
    "shop.storefront.security.RefuseNonUtf8FormsMiddleware",
)
