"""Base settings shared by every profile, with safe embedded defaults for a first run.

Read top to bottom by topic: paths and core, applications, middleware, templates, database,
cache and background tasks, files, email, accounts, security, logging, Oscar and the back
office, then each part of the site (payments, checkout and shipping, guarantee, support,
library and pain finder, storefront, page cache). Every deploy-specific value is read from the
environment (README, "Configuration").
"""

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from oscar.defaults import *  # noqa: F403

# ---------------------------------------------------------------------------------------------
# Paths and core
# ---------------------------------------------------------------------------------------------

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
# The public address, used in emails and for the Site. `make run` passes the address it serves
# as MAKE_RUN_SITE_URL, so links reach the running site on any port; SITE_URL still wins.
SITE_URL = env.str(
    "SITE_URL", default=env.str("MAKE_RUN_SITE_URL", default="http://127.0.0.1:8000")
).rstrip("/")
SITE_ID = 1

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
# The Django admin is for developers only; staff work in Oscar's dashboard.
ADMIN_URL = env.str("DJANGO_ADMIN_URL", default="django-admin/")

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# The project's own message catalogue: it gives Oscar's "basket" back where en_US says "cart".
LOCALE_PATHS = [BASE_DIR / "locale"]

# ---------------------------------------------------------------------------------------------
# Applications, in load order (templates, static files and signals follow it)
# ---------------------------------------------------------------------------------------------

INSTALLED_APPS = [
    # Django
    # Django's admin at ADMIN_URL, for superusers only (lockouts, raw data)
    "shop.security.admin_apps.SuperuserAdminConfig",
    "django.contrib.auth",  # customers and staff
    "django.contrib.contenttypes",  # permissions and Oscar's generic relations
    "django.contrib.sessions",  # baskets, sign-in, the orders a visitor placed
    "django.contrib.messages",  # the notices shown after a form
    "whitenoise.runserver_nostatic",  # runserver serves static files the way production does
    "django.contrib.staticfiles",  # collectstatic for WhiteNoise
    "django.contrib.sites",  # Oscar and the sitemap need a Site
    "django.contrib.flatpages",  # the policy pages
    # Oscar, with the apps this project changes forked into shop/ (get_class finds them first)
    "oscar.config.Shop",  # Oscar's URLs and dashboard menu
    "oscar.apps.analytics.apps.AnalyticsConfig",  # product view counts
    "shop.checkout.apps.CheckoutConfig",  # fork: order first, then Stripe Checkout
    "oscar.apps.address.apps.AddressConfig",  # countries and customer addresses
    "shop.shipping.apps.ShippingConfig",  # fork: zones and weight-based rates
    "shop.catalogue.apps.CatalogueConfig",  # fork: database browsing, thumbnails, search kind
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",  # moderated product reviews
    "oscar.apps.communication.apps.CommunicationConfig",  # Oscar's email templates
    "shop.partner.apps.PartnerConfig",  # fork: stock and the "only 3 left" message
    "oscar.apps.basket.apps.BasketConfig",  # the basket
    "shop.payment.apps.PaymentConfig",  # fork: Stripe sessions, refunds and webhooks
    "oscar.apps.offer.apps.OfferConfig",  # offers (Oscar's models need them)
    "shop.order.apps.OrderConfig",  # fork: status pipeline, order emails, order lookup
    # Account pages without wishlists, stock alerts and notifications
    "shop.storefront.oscar_apps.CustomerConfig",
    "oscar.apps.search.apps.SearchConfig",  # Oscar's search form (the site search replaces it)
    "oscar.apps.voucher.apps.VoucherConfig",  # vouchers (Oscar's models need them)
    "shop.storefront.oscar_apps.WishlistsConfig",  # installed for its models, pages not mounted
    # Oscar's dashboard (the back office) and its sections
    "oscar.apps.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "oscar.apps.dashboard.orders.apps.OrdersDashboardConfig",
    # Oscar's catalogue and pages dashboards, answering bad ids and page sizes with a 404 or a
    # default instead of a server error (shop/dashboard/apps.py).
    "shop.dashboard.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "shop.dashboard.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    # Third-party apps
    "widget_tweaks",  # Oscar's form templates
    "haystack",  # imported by Oscar's search app (see the Oscar section)
    "treebeard",  # Oscar's category tree
    "sorl.thumbnail",  # product and article thumbnails
    "django_tables2",  # Oscar's dashboard tables
    "axes",  # login lockout (see Accounts)
    "django_guid",  # the request id in every log line (see Logging)
    # The project's own apps
    "shop.security.apps.SecurityConfig",  # the Pillow image-size backstop (MAX_IMAGE_PIXELS)
    "shop.outbox.apps.OutboxConfig",  # the email outbox and its delivery tasks
    "shop.guarantee",  # the money-back guarantee: terms, claims, refunds
    "shop.guarantee.dashboard.apps.GuaranteeDashboardConfig",  # claims in the back office
    "shop.fulfilment.apps.FulfilmentDashboardConfig",  # shipments, shipping refunds
    "articles",  # the trigger-point library
    "shop.support.apps.SupportConfig",  # the contact page and tracked support requests
    "shop.support.dashboard.apps.SupportDashboardConfig",  # support requests in the back office
    "articles.dashboard.apps.LibraryDashboardConfig",  # the library in the back office
    "painfinder",  # the body map and referred-pain maps
    "painfinder.dashboard.apps.PainFinderDashboardConfig",  # region shapes in the back office
    "django.contrib.sitemaps",  # /sitemap.xml (config/urls.py)
    "shop.sitesearch",  # one search over products, articles and muscles
    "shop.pagecache",  # anonymous pages served from the cache (see Page cache)
    "shop.demo.apps.DemoConfig",  # manage.py load_demo
]

# ---------------------------------------------------------------------------------------------
# Middleware, in the order a request meets it
# ---------------------------------------------------------------------------------------------

MIDDLEWARE = [
    # First, so every later log line (and the response) carries the request id.
    "django_guid.middleware.guid_middleware",
    # Security headers, HTTPS redirect; the production profile adds the CSP right after it.
    "django.middleware.security.SecurityMiddleware",
    # Denies the browser features listed in PERMISSIONS_POLICY.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Static files, before anything that reads the session or the database.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A NUL byte in the path or query is a 400 before any view looks it up.
    "shop.security.middleware.RefuseNulBytesMiddleware",
    # A form declaring a charset other than UTF-8 is a 400 before anything reads its body.
    "shop.security.middleware.RefuseNonUtf8FormsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Oscar's basket on every request (needs the session and the user).
    "oscar.apps.basket.middleware.BasketMiddleware",
    # Serves anonymous pages from the cache; after the basket, whose cookie it looks at.
    "shop.pagecache.middleware.PageCacheMiddleware",
    # The policy pages, when no URL pattern matched.
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    # Per-address limits on Oscar's public forms (RATE_LIMITED_FORMS).
    "shop.security.middleware.RateLimitedFormsMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# ---------------------------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------------------------

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
                "oscar.core.context_processors.metadata",
                # Site URL, header navigation, demo-payment banner.
                "shop.storefront.context_processors.site",
            ],
            # Tag libraries of packages that are not apps (the storefront and the back office).
            "libraries": {
                "staff_roles_tags": "shop.backoffice.templatetags",
                "storefront_html": "shop.storefront.templatetags.storefront_html",
            },
        },
    },
]

# ---------------------------------------------------------------------------------------------
# Database
# ---------------------------------------------------------------------------------------------

# SQLite file by default; DATABASE_URL (e.g. postgres://...) in production and CI.
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
    # The race tests run requests in threads: an in-memory test database (shared cache) fails
    # them with "table is locked" where a file waits for the lock like production does.
    DATABASES["default"].setdefault("TEST", {"NAME": str(BASE_DIR / "test-db.sqlite3")})
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

# ---------------------------------------------------------------------------------------------
# Cache and background tasks (Celery)
# ---------------------------------------------------------------------------------------------

# Redis when REDIS_URL is set, in-process equivalents otherwise.
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
# Celery beat: every scheduled task of the site.
CELERY_BEAT_SCHEDULE = {
    # The outbox sweep re-enqueues emails the broker lost.
    "resend-unsent-emails": {
        "task": "shop.storefront.tasks.resend_unsent_emails",
        "schedule": 300.0,
    },
    # Orders still pending payment are settled from what Stripe says (a lost webhook).
    "reconcile-payments": {
        "task": "shop.payment.tasks.reconcile_payments_task",
        "schedule": 15 * 60,
    },
    # Claims stuck in "refund in progress" (a lost worker) get their refund task again.
    "guarantee-resume-stalled-refunds": {
        "task": "shop.guarantee.tasks.resume_stalled_refunds_task",
        "schedule": 10 * 60,
    },
    # Resolved support requests close after SUPPORT_AUTO_CLOSE_DAYS without a reply.
    "support-close-resolved-requests": {
        "task": "shop.support.tasks.close_resolved_requests",
        "schedule": 3600.0,
    },
}

# ---------------------------------------------------------------------------------------------
# Static files and media
# ---------------------------------------------------------------------------------------------

# Static files are served by WhiteNoise; media from local disk or S3-compatible storage.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_MAX_AGE = 31536000 if DJANGO_ENV == "production" else 0
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
    PRIVATE_BACKEND = {"BACKEND": "shop.privatefiles.storage.PrivateFileSystemStorage"}
else:
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
THUMBNAIL_FORMAT = "JPEG"
THUMBNAIL_PRESERVE_FORMAT = False

# ---------------------------------------------------------------------------------------------
# Email
# ---------------------------------------------------------------------------------------------

# Console by default; EMAIL_URL such as smtp+tls://user:pass@host:587 in production. Every
# message goes through the outbox (docs/architecture.md, "Email and background work").
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="QL Claw <hello@qlclaw.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL

# ---------------------------------------------------------------------------------------------
# Accounts and sign-in
# ---------------------------------------------------------------------------------------------

AUTHENTICATION_BACKENDS = (
    "axes.backends.AxesStandaloneBackend",  # counts failures and refuses locked-out pairs
    "oscar.apps.customer.auth_backends.EmailBackend",  # customers sign in with their email
    "django.contrib.auth.backends.ModelBackend",  # the staff username, Django's admin
)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "/accounts/"

# Login lockout (django-axes): 10 failures for one username from one address lock that pair for
# 15 minutes, so an attacker elsewhere cannot lock a real customer out. Staff unlock in the
# Django admin (Access attempts) or with `manage.py axes_reset_username <email>`.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
# Failures count under the lower-cased email, so letter case gives no fresh attempts.
AXES_USERNAME_CALLABLE = "shop.security.accounts.lockout_username"

# ---------------------------------------------------------------------------------------------
# Security: client address, rate limits, headers, cookies, request and image size
# ---------------------------------------------------------------------------------------------

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
RATELIMIT_IP_META_KEY = "shop.security.addresses.client_ip"
RATELIMIT_FAIL_OPEN = True
RATE_LIMITED_FORMS = {
    "password-reset": env.str("PASSWORD_RESET_RATE", default="5/h"),
}
# Registration is limited as an action, on every page that offers it (the sign-in page's second
# form too: shop/storefront/oscar_apps.py), not by URL.
REGISTRATION_RATE = env.str("REGISTRATION_RATE", default="10/h")

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
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Pillow backstop (its default is ~89 MP): warns above this, refuses above twice this. The
# site's own checks refuse more than 40 MP with a precise message first.
MAX_IMAGE_PIXELS = 64_000_000

# ---------------------------------------------------------------------------------------------
# Logging and errors
# ---------------------------------------------------------------------------------------------

# One line per record on stdout, JSON lines in production (LOG_FORMAT=json), each with the
# request id that django-guid takes from X-Request-ID (or makes) and returns to the client.
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

# ---------------------------------------------------------------------------------------------
# Oscar and the back office
# ---------------------------------------------------------------------------------------------

OSCAR_SHOP_NAME = "QL Claw"
OSCAR_SHOP_TAGLINE = "Find the muscle behind your back pain, and release it"
OSCAR_DEFAULT_CURRENCY = "USD"
OSCAR_HOMEPAGE = "/"
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_EAGER_ALERTS = False  # no stock-alert emails, and no query on every stock record save
OSCAR_MODERATE_REVIEWS = True  # reviews appear once staff approve them in the dashboard
OSCAR_ALLOW_ANON_REVIEWS = False  # only signed-in customers review, once per product
# sorl, each process remembering the thumbnails it looked up (shop/catalogue/thumbnails.py).
OSCAR_THUMBNAILER = "shop.catalogue.thumbnails.RememberingSorlThumbnail"

# Order status pipeline (docs/architecture.md): payment first, cancellable until shipped.
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

# Haystack is required by Oscar's search app. The catalogue browse view does not use it (see
# shop/catalogue/views.py), so the simple engine and no index updates are enough.
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"

# The dashboard menu: Oscar's own sections, then one per project app that works in it.
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
    {
        "label": "Pain finder",
        "icon": "fas fa-child",
        "children": [
            {"label": "Region shapes", "url_name": "painfinder_dashboard:region-list"},
            {"label": "Referred-pain maps", "url_name": "painfinder_dashboard:muscle-list"},
        ],
    },
    {
        "label": "Guarantee",
        "icon": "fas fa-undo",
        "children": [
            {"label": "Guarantee claims", "url_name": "guarantee_dashboard:claim-list"},
            {"label": "Guarantee terms", "url_name": "guarantee_dashboard:terms-list"},
        ],
    },
]

# ---------------------------------------------------------------------------------------------
# Payments (Stripe Checkout, order first; docs/checkout.md)
# ---------------------------------------------------------------------------------------------

# Without a secret key the embedded default runs in demo-payment mode.
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env.str("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env.str("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_API_BASE = env.str("STRIPE_API_BASE", default="")
STRIPE_DEMO_MODE = not STRIPE_SECRET_KEY
STRIPE_MAX_NETWORK_RETRIES = env.int("STRIPE_MAX_NETWORK_RETRIES", default=2)
# Stripe accepts 30 minutes to 24 hours; the order (and its stock) is held that long.
STRIPE_CHECKOUT_EXPIRY_SECONDS = env.int("STRIPE_CHECKOUT_EXPIRY_SECONDS", default=60 * 60)
STRIPE_WEBHOOK_TOLERANCE = 300  # seconds; older signatures are refused as replays
# Who hears of card disputes (and other order matters that cannot wait for the dashboard).
ORDER_STAFF_EMAILS = env.list("ORDER_STAFF_EMAILS", default=["orders@qlclaw.example"])

# ---------------------------------------------------------------------------------------------
# Checkout, shipping and order lookup
# ---------------------------------------------------------------------------------------------

SHIPPING_FREE_STANDARD_THRESHOLD = Decimal(
    env.str("SHIPPING_FREE_STANDARD_THRESHOLD", default="75.00")
)
SHIPPING_DEFAULT_ITEM_WEIGHT_KG = "0.40"  # for products without a weight attribute
SHIPPING_ESTIMATE_COUNTRY = "US"  # priced on the basket page before an address is known
ORDER_LOOKUP_RATE = env.str("ORDER_LOOKUP_RATE", default="10/15m")  # per client address

# ---------------------------------------------------------------------------------------------
# The money-back guarantee (shop/guarantee, docs/guarantee.md)
# ---------------------------------------------------------------------------------------------

GUARANTEE_TIME_ZONE = env.str("GUARANTEE_TIME_ZONE", default="UTC")  # where a window's day ends
GUARANTEE_MAX_PHOTOS = 5
GUARANTEE_PHOTO_MAX_BYTES = 5 * 1000 * 1000
GUARANTEE_PHOTO_MAX_PIXELS = 40 * 1000 * 1000
GUARANTEE_CLAIM_RATE = env.str("GUARANTEE_CLAIM_RATE", default="10/15m")  # per client address

# ---------------------------------------------------------------------------------------------
# Support (shop/support, docs/support.md)
# ---------------------------------------------------------------------------------------------

# The first-response promise, auto-close, who is told of new requests, spam defences and
# the limits of a message and its private attachments.
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

# ---------------------------------------------------------------------------------------------
# The trigger-point library (articles) and the pain finder
# ---------------------------------------------------------------------------------------------

LIBRARY_ARTICLES_PER_PAGE = 12
LIBRARY_IMAGE_MAX_BYTES = 20 * 1000 * 1000
LIBRARY_IMAGE_MAX_PIXELS = 40 * 1000 * 1000
LIBRARY_COMMENT_RATE_LIMIT = 5  # comments per address ...
LIBRARY_COMMENT_RATE_WINDOW = 10 * 60  # ... in this many seconds
LIBRARY_HOME_SERIES_SLUG = "five-muscles-behind-low-back-pain"  # the series on the home page

# ---------------------------------------------------------------------------------------------
# Storefront: catalogue pages and the theme
# ---------------------------------------------------------------------------------------------

SHOP_LOW_STOCK_THRESHOLD = env.int("SHOP_LOW_STOCK_THRESHOLD", default=5)  # "Only 3 left"
# Budget of CSS + JS per customer page, compressed (enforced by tests/shop/storefront).
STATIC_BUDGET_BYTES = 40 * 1024

# ---------------------------------------------------------------------------------------------
# Page cache (shop/pagecache, docs/performance.md)
# ---------------------------------------------------------------------------------------------

# Anonymous pages are served from the cache until the content they show changes.
# PAGE_CACHE_KINDS maps an app label to the kind of content its models are; PAGE_CACHE_RULES
# maps a path (regular expression, first match wins) to the kinds its pages show; a path no
# rule matches is never cached.
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

# ---------------------------------------------------------------------------------------------
# Issue 19: pictures in the shop
# ---------------------------------------------------------------------------------------------

# The QL Claw's drawings: static how-to figures, their template tags, ``draw_illustrations``.
INSTALLED_APPS += ["shop.illustrations.apps.IllustrationsConfig"]

# ---------------------------------------------------------------------------------------------
# Issue 22: limits against stock hoarding (docs/checkout.md, "Limits against stock hoarding")
# ---------------------------------------------------------------------------------------------

# Units of one product in one order (basket add, basket update, checkout and "Place order").
ORDER_MAX_UNITS_PER_PRODUCT = env.int("ORDER_MAX_UNITS_PER_PRODUCT", default=10)
# Units of one product a customer (signed-in account or email) may hold in unpaid orders,
# the basket being ordered included.
ORDER_MAX_UNPAID_UNITS_PER_CUSTOMER = env.int("ORDER_MAX_UNPAID_UNITS_PER_CUSTOMER", default=20)
# An order of this many units or more holds its stock for ORDER_LARGE_HOLD_SECONDS instead of
# STRIPE_CHECKOUT_EXPIRY_SECONDS. Stripe keeps a Checkout Session open 30 minutes at least, so
# the shorter hold cannot go below 31 minutes (the minute is for the call to Stripe).
ORDER_LARGE_HOLD_UNITS = env.int("ORDER_LARGE_HOLD_UNITS", default=5)
ORDER_LARGE_HOLD_SECONDS = max(env.int("ORDER_LARGE_HOLD_SECONDS", default=31 * 60), 31 * 60)
# "Place order" submissions per client address (the 429 page beyond).
ORDER_PLACEMENT_RATE = env.str("ORDER_PLACEMENT_RATE", default="10/h")
# Staff find the unpaid orders holding stock under Fulfilment (the Order handler role).
OSCAR_DASHBOARD_NAVIGATION = [
    {
        **entry,
        "children": [
            *entry["children"],
            {"label": "Held stock", "url_name": "fulfilment_dashboard:held-stock"},
        ],
    }
    if any(child.get("url_name") == "dashboard:order-list" for child in entry.get("children", []))
    else entry
    for entry in OSCAR_DASHBOARD_NAVIGATION
]
