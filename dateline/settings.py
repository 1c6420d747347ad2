"""Dateline settings: one module, read from the environment, with embedded defaults.

Nothing needs editing to start: SQLite under the data dir, local-memory cache and an
in-process channel layer. DATABASE_URL and REDIS_URL switch to PostgreSQL and Redis.
"""

import functools
import os
import secrets
from email.utils import parseaddr
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def _default_data_dir() -> str:
    return str(Path(env("XDG_DATA_HOME", str(Path.home() / ".local" / "share"))) / "dateline")


# Where the database, the secret key, media and collected static files live. `make run`
# points it at data/ in the checkout. Nothing is written here on import: the `dateline`
# command makes the directory, and the secret key is made on first use.
DATA_DIR = Path(env("DATELINE_DATA_DIR") or _default_data_dir()).expanduser().resolve()


@functools.cache
def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated on first use into the data dir."""
    if key := env("SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    try:  # O_EXCL: two processes starting at once agree on the first key written
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as out:
        out.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = lazy(_secret_key, str)()
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Our copy going out (docs/wire.md): whose copyright partners are shown, and on what terms.
WIRE_COPYRIGHT_HOLDER = env("WIRE_COPYRIGHT_HOLDER", "")  # empty: SITE_URL's host name
WIRE_USAGE_TERMS = env("WIRE_USAGE_TERMS", "")

INSTALLED_APPS = [
    "whitenoise.runserver_nostatic",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "channels",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "dateline.tasks",
    "dateline.newsroom",
    "dateline.moderation",
    "dateline.wire",
    "dateline.reader",
    "dateline.accounts",
    "dateline.discussion",
    "dateline.live",
    "dateline.analytics",
    "dateline.chats",
    "dateline.subscriptions",
    "dateline.subscriptions.push",
    "dateline.search",
    "dateline.demo",  # after the apps it loads through; none of them imports it
    "django.forms",  # the form widgets' own templates, for the renderer below
]
# Widgets render through the project's templates, so the desk can mend an admin widget's.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

MIDDLEWARE = [
    "dateline.reader.pagecache.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "dateline.policy.DeskStyles",
    "dateline.policy.DeskDates",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "dateline.reader.outage.DatabaseUnavailable",
    "dateline.reader.refusals.UnstorableInput",
]

ROOT_URLCONF = "dateline.urls"
ASGI_APPLICATION = "dateline.asgi.application"
WSGI_APPLICATION = "dateline.wsgi.application"

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
                "django.template.context_processors.i18n",
                "dateline.reader.context_processors.site",
            ],
        },
    },
]

# --- Database: SQLite in WAL mode under the data dir, or DATABASE_URL --------------------
if database_url := env("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(database_url, conn_max_age=0)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": 1,
            "max_size": int(env("DATABASE_POOL_SIZE", "10")),
        }
        # a pooled connection the server dropped (a restart) is replaced, not handed out
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "dateline.sqlite3",
            "CONN_MAX_AGE": None,  # one connection per thread, kept: no per-request PRAGMAs
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA mmap_size=134217728; PRAGMA cache_size=-32000;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and channel layer: local memory / in-process, or REDIS_URL -----------------
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's, answering like an empty cache while Redis is down (dateline/cache.py)
            "BACKEND": "dateline.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "dateline"),
        }
    }
    # Redis pub/sub ignores database numbers: the prefix keeps sites (and a test run)
    # that share one Redis server from hearing each other's events.
    _redis_db = REDIS_URL.rstrip("/").rsplit("/", 1)[-1] if REDIS_URL.count("/") > 2 else "0"
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL],
                       "prefix": f"{env('CACHE_KEY_PREFIX', 'dateline')}.{_redis_db}"},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
    CHANNEL_LAYERS = {"default": {"BACKEND": "dateline.live.layers.InProcessChannelLayer"}}

# --- Background jobs: Django's Tasks API on the database (docs/tasks.md) -------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Seconds a shared cache (and ours) may keep an anonymous reader's page.
PAGE_MAX_AGE = int(env("PAGE_MAX_AGE", "60"))
# "off" renders every page on every request (to measure renders); nothing else turns it off
PAGE_STORE = env("PAGE_STORE", "on") != "off"
# seconds a reader waits for another request's render of the same page (with no stale copy
# to serve) before rendering it too
PAGE_RENDER_WAIT = float(env("PAGE_RENDER_WAIT", "1.5"))

# Front caches (deploy/varnish/) to purge when pages go stale, comma-separated addresses
# such as http://10.0.0.5:6081/; none by default (docs/front-cache.md).
FRONT_CACHE_PURGE_URLS = env_list("FRONT_CACHE_PURGE_URLS", "")

# WebSub hubs every feed names and each publication pings (docs/feeds.md); none by default.
WEBSUB_HUBS = env_list("WEBSUB_HUBS", "")

# --- Auth and accounts -----------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "reader:home"
ACCOUNT_LOGOUT_REDIRECT_URL = "reader:home"
ACCOUNT_ADAPTER = "dateline.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Dateline] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"

# --- Email: console by default, SMTP when EMAIL_HOST is set ------------------------------
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Dateline <newsroom@localhost>")
if env("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env("EMAIL_HOST")
    EMAIL_PORT = int(env("EMAIL_PORT", "25"))
    EMAIL_HOST_USER = env("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# --- Subscriptions by email (docs/subscriptions.md) ---------------------------------------
# Newsletter messages a second, across every worker when REDIS_URL is set (0: no limit).
SUBSCRIPTIONS_SEND_RATE = int(env("SUBSCRIPTIONS_SEND_RATE", "50"))
# Recipients a batch job mails over one SMTP connection.
SUBSCRIPTIONS_BATCH_SIZE = int(env("SUBSCRIPTIONS_BATCH_SIZE", "500"))
# An email service's webhooks (django-anymail) report bounces and complaints; set the secret
# (user:password) to enable /mail/events/<service>/tracking/.
ANYMAIL = {"WEBHOOK_SECRET": env("ANYMAIL_WEBHOOK_SECRET")} if env("ANYMAIL_WEBHOOK_SECRET") else {}

# --- Languages, time ---------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Russian"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["dateline.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env("TIME_ZONE", "UTC")
LANGUAGE_COOKIE_NAME = "dateline_language"

# --- Static files: compressed, hashed names, served by the app -------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(DATA_DIR / "static")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
WHITENOISE_MAX_AGE = 3600
# Uploads: a lead image above this size is refused with a message.
IMAGE_MAX_BYTES = int(env("IMAGE_MAX_BYTES", str(15 * 2**20)))
# Requests with bodies above this never reach a view (a 50 MB upload is cut off early).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 2**20
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 2**20
# The server refuses (413) a request body above this before Django reads it; between it and
# IMAGE_MAX_BYTES the desk's form answers with a message.
REQUEST_MAX_BYTES = int(env("REQUEST_MAX_BYTES", str(64 * 2**20)))

# --- Wire ----------------------------------------------------------------------------------
# Polled feeds must be public addresses, unless an agency is reached over a private network.
WIRE_PRIVATE_ADDRESSES = env_bool("WIRE_PRIVATE_ADDRESSES")
# How often watched folders are looked at and polled feeds checked for being due.
WIRE_CHECK_SECONDS = float(env("WIRE_CHECK_SECONDS", "10"))
# How often the demo's agencies send an item (only where `dateline demo` made their feeds).
DEMO_WIRE_SECONDS = float(env("DEMO_WIRE_SECONDS", "20"))

# --- Web push (docs/push.md) ----------------------------------------------------------------
# Who push services may write to about our alerts: a mailto: (or https:) of the site.
VAPID_SUBJECT = env("VAPID_SUBJECT") or f"mailto:{parseaddr(DEFAULT_FROM_EMAIL)[1]}"
# Hosts whose push endpoints may be plain http (a local test endpoint); never in production.
PUSH_INSECURE_HOSTS = env_list("PUSH_INSECURE_HOSTS", "")
PUSH_TTL_SECONDS = int(env("PUSH_TTL_SECONDS", str(6 * 3600)))  # a push service keeps it so long
PUSH_BATCH_SIZE = int(env("PUSH_BATCH_SIZE", "200"))
PUSH_SEND_THREADS = int(env("PUSH_SEND_THREADS", "8"))  # sends under way at once, per batch
PUSH_RETRIES = int(env("PUSH_RETRIES", "5"))  # attempts per device before it counts as failed
PUSH_RETRY_SECONDS = float(env("PUSH_RETRY_SECONDS", "30"))  # the first retry's wait, doubling
PUSH_RATE_PER_MINUTE = int(env("PUSH_RATE_PER_MINUTE", "10"))  # subscribe/leave per client
# A breaking story alerts only if its event comes this soon after its publication.
PUSH_ALERT_WITHIN_SECONDS = int(env("PUSH_ALERT_WITHIN_SECONDS", "900"))

# --- Security ------------------------------------------------------------------------------
CSRF_FAILURE_VIEW = "dateline.reader.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SITE_URL.startswith("https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
# HTTPS: on by default when the site's public address is https (docs/production.md)
_https = SITE_URL.startswith("https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", _https)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000" if _https else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
SECURE_REDIRECT_EXEMPT = [r"^health/"]  # a load balancer asks over plain HTTP
# No inline script anywhere, and no inline style on the readers' pages: the desk alone
# (Django's admin, the Trix editor) may style inline (dateline/policy.py).
CONTENT_SECURITY_POLICY = {"DIRECTIVES": {
    "default-src": [SELF], "script-src": [SELF], "style-src": [SELF],
    "img-src": [SELF, "data:"], "font-src": [SELF], "connect-src": [SELF],
    "object-src": [NONE], "base-uri": [SELF], "form-action": [SELF],
    "frame-ancestors": [NONE],
}}
# BEHIND_PROXY: how many proxies in front add to X-Forwarded-For (1 for one nginx; "0" for
# none). Their word is taken for the client's address (dateline/clients.py) and the scheme.
_proxies = env("BEHIND_PROXY", "0").strip().lower()
TRUSTED_PROXIES = int(_proxies) if _proxies.isdigit() else int(env_bool("BEHIND_PROXY"))
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXIES  # allauth's rate limits count the same client
if TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
