"""Settings for Moot, read from the environment with safe defaults for development.

Environment variables:
- ``DATABASE_URL``: e.g. ``postgres://postgres@127.0.0.1:5432/moot``; SQLite file by default.
- ``SECRET_KEY``, ``DEBUG``, ``ALLOWED_HOSTS`` (comma separated), ``MOOT_ENV``
  (``production`` refuses to start with development defaults).
- ``MOOT_DATA_DIR``: where the SQLite database and uploaded media live (default ``./var``).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("MOOT_DATA_DIR", BASE_DIR / "var"))
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEV_SECRET_KEY = "moot-development-key-not-for-production"
MOOT_ENV = os.environ.get("MOOT_ENV", "development")
SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
# Off unless asked for (DEBUG=1, for development): a debug page lists every URL pattern.
DEBUG = os.environ.get("DEBUG", "0") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

if MOOT_ENV == "production":
    if SECRET_KEY == DEV_SECRET_KEY:
        raise ImproperlyConfigured("MOOT_ENV=production needs SECRET_KEY set in the environment.")
    if DEBUG:
        raise ImproperlyConfigured("MOOT_ENV=production refuses DEBUG=1.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "audit",
    "access",
    "council",
    "meetings",
    "papers",
    "publishing",
    "proceedings",
    "clerking",
    "decisions",
    "search",
    "api",
    "moderngov",
    "summons",
    "feeds",
    "website",
    "demo",
    "backoffice",
    "workspace",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "moot.db_router.ReplicaMiddleware",  # no-op unless DATABASE_REPLICA_URL is set
    "moot.csp.ContentSecurityPolicyMiddleware",
    "council.dates.AuthorityScopeMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "moot.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "website.context_processors.authority",
            ],
        },
    },
]

WSGI_APPLICATION = "moot.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        # An empty DATABASE_URL means "not set": the embedded SQLite database.
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'moot.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        # A kept connection is checked before each request uses it, so a database that
        # restarted costs no request a failure (moot/unavailable.py answers those it does).
        conn_health_checks=os.environ.get("CONN_HEALTH_CHECKS", "1") == "1",
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait rather than fail when the task worker and the web server write at once.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    # Transactions take the write lock at once, so concurrent ones queue (access/throttle.py).
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
# A PostgreSQL streaming replica of it, read by the public's anonymous GETs only; writes,
# signed-in requests and access checks stay on the primary (moot/db_router.py,
# docs/scaling.md). Tests read the primary under both names.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["moot.db_router.ReplicaRouter"]

# PostgreSQL: each server process shares a pool of at most MOOT_DB_POOL connections between
# its requests (psycopg's pool, Django's "pool" option) instead of opening one per request,
# so many visitors cannot exhaust the server's max_connections (docs/scaling.md); a request
# waits up to MOOT_DB_POOL_TIMEOUT seconds for one, then gets the 503 page. 0: no pool.
DB_POOL_SIZE = int(os.environ.get("MOOT_DB_POOL", "0"))
if DB_POOL_SIZE > 0:
    for _database in DATABASES.values():
        if _database["ENGINE"] == "django.db.backends.postgresql":
            _database["CONN_MAX_AGE"] = 0  # the pool keeps the connections
            _database.setdefault("OPTIONS", {})["pool"] = {
                "min_size": 1,
                "max_size": DB_POOL_SIZE,
                "timeout": float(os.environ.get("MOOT_DB_POOL_TIMEOUT", "20")),
            }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "build" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
# Papers and agenda packs: never served directly; views check who may see them.
PRIVATE_ROOT = Path(os.environ.get("MOOT_PRIVATE_ROOT", DATA_DIR / "private"))

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

LOGIN_URL = "/sign-in/"
LOGIN_REDIRECT_URL = "/"

# Sessions end after eight hours, or when the browser closes; cookies are not readable by scripts.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", 8 * 3600))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = MOOT_ENV == "production"

# Sign-in throttling (access/throttle.py): an account tries this many times freely, then waits
# DELAY seconds, doubling with each further failure up to MAX_DELAY; an address may fail
# ADDRESS_FAILURES times in the window. The client's address is REMOTE_ADDR unless
# MOOT_CLIENT_IP_HEADER names the header a trusted proxy sets (e.g. HTTP_X_FORWARDED_FOR, with
# MOOT_TRUSTED_PROXIES proxies in front); never set it without such a proxy.
MOOT_SIGN_IN_FAILURES = int(os.environ.get("MOOT_SIGN_IN_FAILURES", 5))
MOOT_SIGN_IN_DELAY_SECONDS = int(os.environ.get("MOOT_SIGN_IN_DELAY_SECONDS", 30))
MOOT_SIGN_IN_MAX_DELAY_SECONDS = int(os.environ.get("MOOT_SIGN_IN_MAX_DELAY_SECONDS", 900))
MOOT_SIGN_IN_FORGET_HOURS = int(os.environ.get("MOOT_SIGN_IN_FORGET_HOURS", 24))
MOOT_SIGN_IN_ADDRESS_FAILURES = int(os.environ.get("MOOT_SIGN_IN_ADDRESS_FAILURES", 50))
MOOT_SIGN_IN_WINDOW_MINUTES = int(os.environ.get("MOOT_SIGN_IN_WINDOW_MINUTES", 15))
MOOT_CLIENT_IP_HEADER = os.environ.get("MOOT_CLIENT_IP_HEADER", "")
MOOT_TRUSTED_PROXIES = int(os.environ.get("MOOT_TRUSTED_PROXIES", 1))
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Moot")
# Links democratic services issue to add an authenticator app (access/enrolment.py) expire after:
MOOT_ENROLMENT_LINK_HOURS = int(os.environ.get("MOOT_ENROLMENT_LINK_HOURS", 72))
# Separation of duties (publishing/workflow.py): a report's author never approves it, unless a
# democratic services team of one says otherwise.
MOOT_AUTHOR_MAY_APPROVE = os.environ.get("MOOT_AUTHOR_MAY_APPROVE", "") in ("1", "true", "on")
# How long the link confirming an email alert subscription works (feeds/subscriptions.py; the
# privacy notice states it).
MOOT_ALERT_CONFIRM_DAYS = int(os.environ.get("MOOT_ALERT_CONFIRM_DAYS", 7))

# Email: EMAIL_URL is "console://" (default), "file:///path", "smtp://user:pass@host:port?tls=1",
# "submission://…" (STARTTLS, 587), "smtps://…" (465), "locmem://" or "dummy://".
from summons.email_config import email_settings  # noqa: E402

globals().update(email_settings(os.environ.get("EMAIL_URL", "console://")))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "democratic.services@localhost")
# The public address of the site, for links in emails and feeds.
# The public address for links in emails and feeds; by default the local server on PORT (as
# ``make run PORT=…`` serves it).
MOOT_SITE_URL = (
    os.environ.get("MOOT_SITE_URL") or f"http://127.0.0.1:{os.environ.get('PORT') or '8000'}"
)
if MOOT_ENV == "production" and not os.environ.get("MOOT_SITE_URL"):
    raise ImproperlyConfigured(
        "MOOT_ENV=production needs MOOT_SITE_URL (used in emails and feeds)."
    )


# The accessibility statement's dates (website/views/pages.py), YYYY-MM-DD: when it was
# prepared, when it was last reviewed and when the site was last tested. The defaults are the
# dates of the statement as Moot ships it; an authority that reviews or tests sets its own.
def _statement_date(name: str, default: str):
    import datetime as _dt

    value = os.environ.get(name) or default
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a date written YYYY-MM-DD, not {value!r}."
        ) from None


MOOT_ACCESSIBILITY_PREPARED = _statement_date("MOOT_ACCESSIBILITY_PREPARED", "2026-12-02")
MOOT_ACCESSIBILITY_REVIEWED = _statement_date("MOOT_ACCESSIBILITY_REVIEWED", "2026-12-02")
MOOT_ACCESSIBILITY_TESTED = _statement_date("MOOT_ACCESSIBILITY_TESTED", "2026-12-02")

# The Content-Security-Policy (moot/csp.py): the site's own static files only.
from moot.csp import POLICY as _CSP  # noqa: E402

MOOT_CSP = os.environ.get("MOOT_CSP", _CSP)

# Behind HTTPS in production (``moot check --deploy`` passes with no warnings). The proxy in
# front terminates TLS and says so in X-Forwarded-Proto (MOOT_PROXY_SSL_HEADER overrides);
# CSRF_TRUSTED_ORIGINS (comma separated) defaults to MOOT_SITE_URL.
if MOOT_ENV == "production":
    SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "1") == "1"
    SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "1") == "1"
    _proxy = os.environ.get("MOOT_PROXY_SSL_HEADER", "HTTP_X_FORWARDED_PROTO=https")
    SECURE_PROXY_SSL_HEADER = tuple(_proxy.split("=", 1)) if _proxy else None
    CSRF_TRUSTED_ORIGINS = [
        o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", MOOT_SITE_URL).split(",") if o
    ]
    X_FRAME_OPTIONS = "DENY"
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"

# Papers larger than this are refused on upload (bytes).
MOOT_MAX_UPLOAD_BYTES = int(os.environ.get("MOOT_MAX_UPLOAD_BYTES", 50 * 1024 * 1024))

# --- Files: papers, packs and uploads (papers/storage.py, papers/storage_config.py) --------
# Local disk by default: papers, packs and the render cache under PRIVATE_ROOT, photos under
# MEDIA_ROOT. MOOT_S3_BUCKET puts the private files in a private bucket of an S3-compatible
# object store instead (MOOT_S3_ENDPOINT_URL, MOOT_S3_REGION, MOOT_S3_ACCESS_KEY_ID,
# MOOT_S3_SECRET_ACCESS_KEY, MOOT_S3_PREFIX, MOOT_S3_ADDRESSING_STYLE, MOOT_S3_CA_BUNDLE,
# MOOT_S3_TIMEOUT), and MOOT_S3_MEDIA_BUCKET (MOOT_S3_MEDIA_DOMAIN) the photos in a bucket of
# their own. Private files are always served by Moot after its access check, streamed from
# the store. The static files' entry of STORAGES, if set above, is kept.
from papers.storage_config import storages as _storages  # noqa: E402

STORAGES = _storages(os.environ, globals().get("STORAGES", {}).get("staticfiles"))
# A request that needs the store while it is down gets a 503 saying so, not a server error.
MIDDLEWARE = [*MIDDLEWARE, "papers.storage.StorageUnavailableMiddleware"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- Serving in production (``moot serve``, deploy/; docs/benchmarks.md "Serving") ---------
# ``moot serve`` runs moot/asgi.py in uvicorn workers under gunicorn (moot/server.py; its
# management command is why moot/ is an app). Static files: hashed, compressed copies made by
# ``moot collectstatic``, served by WhiteNoise (or, in deploy/, by nginx from STATIC_ROOT)
# with a year's cache.
# Every request is timed by view for the Prometheus metrics at /metrics (moot/metrics.py) and,
# under ``moot serve``, logged one line each ("moot.requests": method, path, status, time).
from django.conf import global_settings as _defaults  # noqa: E402

INSTALLED_APPS += ["moot"]
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise reads it when the site starts
STORAGES = {
    **globals().get("STORAGES", _defaults.STORAGES),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
assert MIDDLEWARE[0] == "django.middleware.security.SecurityMiddleware"
MIDDLEWARE = [
    "moot.metrics.RequestMetricsMiddleware",  # first, so it times everything below it
    MIDDLEWARE[0],
    "whitenoise.middleware.WhiteNoiseMiddleware",  # right after security, as WhiteNoise asks
    *MIDDLEWARE[1:],
]
# Worker processes of ``moot serve`` (``--workers`` overrides); the address it listens on.
MOOT_WORKERS = int(os.environ.get("MOOT_WORKERS") or os.cpu_count() or 1)
MOOT_HOST = os.environ.get("MOOT_HOST", "127.0.0.1")
MOOT_PORT = int(os.environ.get("PORT") or 8000)
# One line per request, "GET /meetings/ 200 12.3ms", at INFO on the "moot.requests" logger:
# on under ``moot serve`` (which sets it), off elsewhere; MOOT_ACCESS_LOG=0 turns it off.
MOOT_ACCESS_LOG = os.environ.get("MOOT_ACCESS_LOG", "") in ("1", "true", "on")
LOGGING["formatters"] = {"request": {"format": "%(asctime)s %(message)s"}}
LOGGING["handlers"]["requests"] = {"class": "logging.StreamHandler", "formatter": "request"}
LOGGING["loggers"] = {
    "moot.requests": {
        "handlers": ["requests"],
        "level": "INFO" if MOOT_ACCESS_LOG else "WARNING",
        "propagate": False,
    }
}
# Who may read /metrics: these client addresses (comma separated; the address is the one
# MOOT_CLIENT_IP_HEADER gives behind a proxy), or anyone presenting MOOT_METRICS_TOKEN as
# "Authorization: Bearer …". Others get a 404. deploy/nginx refuses /metrics outright: a
# Prometheus server scrapes ``moot serve`` on its own port.
MOOT_METRICS_ALLOWED_IPS = [
    a.strip() for a in os.environ.get("MOOT_METRICS_ALLOWED_IPS", "127.0.0.1,::1").split(",")
]
MOOT_METRICS_TOKEN = os.environ.get("MOOT_METRICS_TOKEN", "")
# Monitors and Prometheus ask ``moot serve`` directly, over plain HTTP on its own port.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
# Private files (papers, packs) offloaded to nginx after Moot's access check: set to the
# internal location that maps to MOOT_PRIVATE_ROOT (deploy/nginx: "/_private/"), and Moot
# answers with an X-Accel-Redirect header and an empty body instead of the file's bytes.
MOOT_X_ACCEL_REDIRECT = os.environ.get("MOOT_X_ACCEL_REDIRECT", "")
if MOOT_X_ACCEL_REDIRECT and not (
    MOOT_X_ACCEL_REDIRECT.startswith("/") and MOOT_X_ACCEL_REDIRECT.endswith("/")
):
    raise ImproperlyConfigured(
        f"MOOT_X_ACCEL_REDIRECT must be a location starting and ending with '/', "
        f"not {MOOT_X_ACCEL_REDIRECT!r}."
    )
# --- end of serving ------------------------------------------------------------------------

# --- Public page cache (website/cache.py, audit/generation.py; docs/benchmarks.md "Public
# page cache") -----------------------------------------------------------------------------
# Anonymous GETs of the public pages are cached, keyed by the public generation: a token in
# MOOT_PUBLIC_GENERATION_DIR that every committed change to the record replaces, so no page
# cached before a change is served after it. A request carrying a session (or messages)
# cookie or an Authorization header is never served from the cache nor stored in it; nor is a
# response that sets a cookie. MOOT_PAGE_CACHE_SECONDS bounds an entry's life (and "today"
# ends it at the authority's midnight). Moot's own store ("pages" below: files shared by the
# workers of one server) is on under ``moot serve`` (which sets MOOT_PAGE_CACHE=1 unless it
# is 0), off elsewhere (runserver, tests that do not ask for it); the X-Accel-Expires header
# that tells deploy/'s nginx what it may keep is sent either way.
MOOT_PUBLIC_GENERATION_DIR = Path(
    os.environ.get("MOOT_PUBLIC_GENERATION_DIR") or DATA_DIR / "public-generation"
)
MOOT_PAGE_CACHE = os.environ.get("MOOT_PAGE_CACHE", "") in ("1", "on", "true")
MOOT_PAGE_CACHE_SECONDS = int(os.environ.get("MOOT_PAGE_CACHE_SECONDS", 3600))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("MOOT_PAGE_CACHE_DIR") or str(DATA_DIR / "page-cache"),
        "TIMEOUT": MOOT_PAGE_CACHE_SECONDS,
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("MOOT_PAGE_CACHE_ENTRIES", 5000))},
    },
}
# Outside the session and CSRF middleware, so that it sees the cookies they set.
MIDDLEWARE.insert(
    MIDDLEWARE.index("council.dates.AuthorityScopeMiddleware") + 1,
    "website.cache.PublicPageCacheMiddleware",
)
# --- end of the public page cache ----------------------------------------------------------
