"""Kinema settings: everything that differs between machines comes from the environment."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from webapp.stack import SECRETS_FILENAME, read_env_file

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("KINEMA_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")
# No built-in key: DJANGO_SECRET_KEY, else the one `make run` / `make test` generate once per install
# (var/secrets.env, 0600; they also pass it to every child). A predictable fallback would let anyone
# forge sessions, password-reset links and signed values.
_GENERATED_SECRETS = read_env_file(VAR_DIR / SECRETS_FILENAME)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or _GENERATED_SECRETS.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set. In production set it to a long random value, the same on every "
        "process (python -c 'import secrets; print(secrets.token_urlsafe(50))'). `make run` and `make test` "
        f"generate one into {VAR_DIR / SECRETS_FILENAME} and pass it on by themselves.")
# Host names this site answers to; the default suits the embedded setup on loopback. Never "*" in production:
# the Host header then goes unchecked and the websocket origin check has nothing to compare against.
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
# Origins (scheme://host[:port]) allowed to POST forms and open the live feed besides ALLOWED_HOSTS,
# e.g. https://kinema.example.com when a TLS proxy serves the site under another name or port.
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# HTTPS. Production is served over TLS (usually by a proxy in front): secure cookies, HSTS and a redirect
# from http:// (except the probes and the scrape endpoint, which run inside the network). The embedded
# setup serves plain HTTP on loopback and sets KINEMA_HTTPS=0 for its children.
KINEMA_HTTPS = env_bool("KINEMA_HTTPS", True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = KINEMA_HTTPS
SECURE_SSL_REDIRECT = KINEMA_HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
SECURE_HSTS_SECONDS = env_int("KINEMA_HSTS_SECONDS", 365 * 24 * 3600) if KINEMA_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("KINEMA_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("KINEMA_HSTS_PRELOAD", True)
# The header a TLS-terminating proxy sets to "https" (e.g. X-Forwarded-Proto). Set it only when that proxy
# always sets or strips the header: a client could otherwise claim HTTPS itself.
_PROXY_SSL_HEADER = os.environ.get("KINEMA_PROXY_SSL_HEADER", "").strip()
SECURE_PROXY_SSL_HEADER = (("HTTP_" + _PROXY_SSL_HEADER.upper().replace("-", "_"), "https")
                           if _PROXY_SSL_HEADER else None)
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp): scripts, styles and everything else from this origin only; no
# inline script or style anywhere in the templates. The live feed's websocket origin is added per request
# when it has its own port (webapp.security.ContentSecurityPolicyMiddleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "media-src": [SELF, "blob:"],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Login throttling (django-axes) for the studio's and the admin's login forms: after
# KINEMA_LOGIN_FAILURE_LIMIT failures for one username from one address, that pair is refused (429)
# for KINEMA_LOGIN_COOLOFF_MIN minutes; a success resets the count. API keys are not a login.
AUTHENTICATION_BACKENDS = [
    "webapp.security.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("KINEMA_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("KINEMA_LOGIN_COOLOFF_MIN", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "login_locked.html"
# No axes banner at every process start and no info line per login (the JSON logs stay readable).
AXES_VERBOSE = False
# Behind N reverse proxies the client address is the N-th from the right of X-Forwarded-For
# (webapp.security.client_address; without it every login would come from the proxy's address).
KINEMA_TRUSTED_PROXIES = env_int("KINEMA_TRUSTED_PROXIES", 0)
AXES_CLIENT_IP_CALLABLE = "webapp.security.client_address"

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_prometheus",
    "drf_spectacular",
    "channels",
    "axes",
    "csp",
    "accounts",
    "jobs",
    "safety",
    "gpu_worker",
    "webapp",
]

MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # A database or storage outage becomes 503 + Retry-After; open breakers are named in Kinema-Degraded.
    "webapp.degradation.DependencyFailureMiddleware",
    "webapp.security.ContentSecurityPolicyMiddleware",
    # Static files straight from static/ (no collectstatic step needed to start), cached by hash.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A NUL in a page's path, query or form fields is a 400 (PostgreSQL cannot store one); /v1/ checks its own.
    "webapp.security.RefuseNulMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A bulk action's selection that holds no id of the model (text for an integer key) is a 400, not a 500.
    "webapp.security.RefuseMalformedAdminSelectionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Turns a throttled login into the lockout page; after everything that authenticates.
    "axes.middleware.AxesMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "webapp.urls"
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
                "webapp.context.account",
            ],
        },
    },
]
WSGI_APPLICATION = "webapp.wsgi.application"
ASGI_APPLICATION = "webapp.asgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kinema"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# Django's PostgreSQL backend whose per-request health check asks the socket, not the server (webapp/postgres).
DATABASES["default"]["ENGINE"] = "webapp.postgres"
# PostgreSQL unreachable: fail in seconds (libpq's minimum is 2), not at the OS's TCP timeout; the
# request then gets 503 database_unavailable (webapp.degradation) and workers pause.
DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env_int("KINEMA_DB_CONNECT_TIMEOUT_S", 2)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/login/"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Only `collectstatic` writes here; WhiteNoise serves from the finders until then.
STATIC_ROOT = VAR_DIR / "static" if (VAR_DIR / "static").is_dir() else None
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = Path(os.environ.get("KINEMA_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
# A request body without its file parts: a JSON body may carry a reference image of up to 10 MB as a data URL
# (base64: 13.4 M characters), so 14 MiB. Over it the API answers 413 (jobs/api/validation.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = 14 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

# Object storage. Filesystem under var/media by default; S3 (or any S3-compatible store) when
# KINEMA_S3_BUCKET is set. Artifacts are addressed by key through Django's storage API only.
if os.environ.get("KINEMA_S3_BUCKET"):
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["KINEMA_S3_BUCKET"],
            "endpoint_url": os.environ.get("KINEMA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("KINEMA_S3_REGION") or None,
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": True,
            "signature_version": "s3v4",  # presigned download URLs (jobs/delivery.py): SigV2 is deprecated
        },
    }
else:
    _default_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(MEDIA_ROOT)},
    }
# Fault injection (tests, bench/faults.py): the filesystem store, slowed down or failing as the JSON
# in this file says at each call (webapp/fault_injection.py). Never set in production.
if os.environ.get("KINEMA_STORAGE_FAULT_FILE"):
    _default_storage = {"BACKEND": "webapp.fault_injection.FaultyStorage",
                        "OPTIONS": {"location": str(MEDIA_ROOT), "fault_file": os.environ["KINEMA_STORAGE_FAULT_FILE"]}}
STORAGES = {
    "default": _default_storage,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Downloads (jobs/delivery.py): "stream" (ranges, ETag, 304 from the web process), "redirect" (302 to a
# presigned URL living KINEMA_DELIVERY_URL_TTL_S, from a CDN origin if KINEMA_DELIVERY_PUBLIC_BASE_URL),
# "accel" (X-Accel-Redirect to KINEMA_ACCEL_REDIRECT_PREFIX + key, for nginx); "auto": redirect on S3.
KINEMA_DELIVERY = os.environ.get("KINEMA_DELIVERY", "auto")
KINEMA_DELIVERY_URL_TTL_S = env_int("KINEMA_DELIVERY_URL_TTL_S", 300)
KINEMA_DELIVERY_PUBLIC_BASE_URL = os.environ.get("KINEMA_DELIVERY_PUBLIC_BASE_URL", "")
KINEMA_ACCEL_REDIRECT_PREFIX = os.environ.get("KINEMA_ACCEL_REDIRECT_PREFIX", "/protected-media/")
# API keys found are kept per process this long (accounts/authentication.py): a revocation, deactivation or
# plan change made elsewhere applies to a web process within this delay (in the process that saved it, at once).
KINEMA_API_KEY_CACHE_S = float(os.environ.get("KINEMA_API_KEY_CACHE_S", "5"))
# Each web process keeps the API's status and list answers (jobs/video_cache.py), dropped when PostgreSQL notifies
# a change of a row they show (jobs migration 0015): another process' write is seen once its notification arrives.
KINEMA_VIDEO_CACHE = env_bool("KINEMA_VIDEO_CACHE", True)
KINEMA_VIDEO_CACHE_ENTRIES = env_int("KINEMA_VIDEO_CACHE_ENTRIES", 4096)
# Its bounds per process: bytes held (content plus ~400 B an entry, least recently used dropped first), the largest
# answer kept, a user's list pages kept, and an entry's age past which it is read again (a backstop for a missed
# notification: the most a change can be served stale should everything else fail).
KINEMA_VIDEO_CACHE_BYTES = env_int("KINEMA_VIDEO_CACHE_BYTES", 64 * 1024 * 1024)
KINEMA_VIDEO_CACHE_ENTRY_MAX_BYTES = env_int("KINEMA_VIDEO_CACHE_ENTRY_MAX_BYTES", 256 * 1024)
KINEMA_VIDEO_CACHE_USER_PAGES = env_int("KINEMA_VIDEO_CACHE_USER_PAGES", 16)
KINEMA_VIDEO_CACHE_MAX_AGE_S = float(os.environ.get("KINEMA_VIDEO_CACHE_MAX_AGE_S", "30"))
# The request's rule pass uses a safety policy checked at most this long ago (safety/policy.py): a policy edit
# made in another process (or by a bulk UPDATE) reaches it within this delay; screening always checks.
KINEMA_POLICY_RECHECK_S = float(os.environ.get("KINEMA_POLICY_RECHECK_S", "1"))
# The request path chooses a model version from a catalog read at most this long ago (jobs/rollout.py): a catalog
# edit made in another process (or by a bulk UPDATE) reaches it within this delay (in the saving process at once).
KINEMA_CATALOG_RECHECK_S = float(os.environ.get("KINEMA_CATALOG_RECHECK_S", "1"))

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.ApiKeyAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
        "rest_framework.parsers.FormParser",
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # No `?format=` override: JSON is all the API speaks, and an unknown format answered 404 with an empty
    # message (the OpenAI SDK read it as "no such video"). The schema has its own paths (.json, .yaml).
    "URL_FORMAT_OVERRIDE": None,
    "EXCEPTION_HANDLER": "jobs.api.errors.openai_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kinema API",
    "DESCRIPTION": "The OpenAI Videos API, extended with Kinema's fields.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The document needs no key, and a key sent with it (an SDK sends one with every request) is not checked:
    # a revoked or mistyped one is no reason to refuse a public document.
    "SERVE_AUTHENTICATION": [],
    "COMPONENT_SPLIT_REQUEST": True,
    # Video and model lists share the `object: "list"` choice set: one name for it, not a hashed one.
    "ENUM_NAME_OVERRIDES": {"ListObjectEnum": ["list"]},
}

# The live feed's channel layer. channels-redis passes a host dict's keys to redis-py's
# ConnectionPool.from_url, and every daphne process waits for its sockets' messages in a blocking
# BZPOPMIN of 5 s (RedisChannelLayer.brpop_timeout). redis-py 8's default read timeout is also 5 s,
# so an idle socket's receive timed out and daphne closed it with 1011 every ~6 s: the read timeout
# must clearly exceed the blocking read. Keepalive and a health-check PING on connections idle for
# 30 s find a dead Redis connection before a message is lost on it.
KINEMA_FEED_REDIS_SOCKET_TIMEOUT_S = float(os.environ.get("KINEMA_FEED_REDIS_SOCKET_TIMEOUT_S", "15"))
CHANNEL_LAYERS = {
    "default": {
        "BACKEND": "channels_redis.core.RedisChannelLayer",
        "CONFIG": {"hosts": [{
            "address": REDIS_URL,
            "socket_timeout": KINEMA_FEED_REDIS_SOCKET_TIMEOUT_S,
            "socket_connect_timeout": 5,
            "socket_keepalive": True,
            "health_check_interval": 30,
        }]},
    }
}
# Open feed sockets re-check their credential this often (seconds): a revoked API key, a deactivated
# user or an ended session (logout, expiry, password change) is closed within about this long.
KINEMA_FEED_RECHECK_S = float(os.environ.get("KINEMA_FEED_RECHECK_S", "5"))
# Open feed sockets one user may hold on one feed process (every tab and client counts one); a socket past it is
# closed at once with 4429. Each costs the process memory and a channel-layer membership.
KINEMA_FEED_MAX_SOCKETS_PER_USER = int(os.environ.get("KINEMA_FEED_MAX_SOCKETS_PER_USER", "20"))

# --- Kinema ----------------------------------------------------------------------------------
KINEMA_MODEL = os.environ.get("KINEMA_MODEL", str(VAR_DIR / "models" / "tiny-wan"))
# The VACE checkpoint (reference images, first frame, extension, masked edit; e.g. Wan2.1-VACE-1.3B-diffusers),
# loaded on a worker's first conditioned job of that family. "" = this deployment has none: such jobs fail with
# a clear error. Video-to-video (remix, edit without a mask) uses KINEMA_MODEL's own components.
KINEMA_VACE_MODEL = os.environ.get("KINEMA_VACE_MODEL", str(VAR_DIR / "models" / "tiny-wan-vace")
                                   if "KINEMA_MODEL" not in os.environ else "")
# Name shown in the API's `model` field and accepted from clients.
KINEMA_MODEL_NAME = os.environ.get("KINEMA_MODEL_NAME", "kinema-tiny" if "KINEMA_MODEL" not in os.environ
                                   else Path(KINEMA_MODEL).name)
# "tiny" maps OpenAI sizes onto small CPU-friendly resolutions; "wan" onto Wan2.1's 480p/720p.
KINEMA_MODEL_PROFILE = os.environ.get("KINEMA_MODEL_PROFILE", "tiny" if "KINEMA_MODEL" not in os.environ
                                      else "wan")
KINEMA_DEVICE = os.environ.get("KINEMA_DEVICE", "")  # "" = cuda when available, else cpu
KINEMA_GPU_CLASS = os.environ.get("KINEMA_GPU_CLASS", "")  # "" = derived from the device
KINEMA_TORCH_THREADS = env_int("KINEMA_TORCH_THREADS", 1)
# Text-to-video checkpoints a GPU worker keeps loaded (the catalog's versions, least recently used dropped).
KINEMA_GPU_PIPELINE_CACHE = env_int("KINEMA_GPU_PIPELINE_CACHE", 2)
# Live batching (gpu_worker/tasks.py): how many compatible text-to-video jobs this GPU worker denoises as
# one batch (1 = off); the worker advertises it and the dispatcher sends it batches of up to that many.
KINEMA_GPU_MAX_BATCH = max(1, env_int("KINEMA_GPU_MAX_BATCH", 1))
# Prefetch (gpu_worker/tasks.py): while a job renders, the dispatcher already hands this GPU worker its next one
# (the policy's pick, dispatched behind it) and the finished job's frames and bookkeeping are written by a
# background thread, so the GPU does not wait between jobs. 0 = off (one job at a time, settled inline).
KINEMA_GPU_PREFETCH = max(0, min(1, env_int("KINEMA_GPU_PREFETCH", 1)))
# ... once the job it renders is expected to end within this many seconds (from the pace of its steps): the worker
# rings the dispatcher then, and the policy picks the next job with what has arrived by that time.
KINEMA_GPU_PREFETCH_LEAD_S = float(os.environ.get("KINEMA_GPU_PREFETCH_LEAD_S", "2"))
# Step progress is written to the DB at most this often per job (the feed throttles separately).
KINEMA_PROGRESS_INTERVAL_S = float(os.environ.get("KINEMA_PROGRESS_INTERVAL_S", "0.25"))
KINEMA_HEARTBEAT_S = float(os.environ.get("KINEMA_HEARTBEAT_S", "5"))
KINEMA_LEASE_S = float(os.environ.get("KINEMA_LEASE_S", "20"))
KINEMA_DISPATCH_CLAIM_TIMEOUT_S = float(os.environ.get("KINEMA_DISPATCH_CLAIM_TIMEOUT_S", "30"))
KINEMA_MAX_ATTEMPTS = env_int("KINEMA_MAX_ATTEMPTS", 3)
KINEMA_VIDEO_TTL_S = env_int("KINEMA_VIDEO_TTL_S", 7 * 24 * 3600)
KINEMA_GPU_TIME_LIMIT_MS = env_int("KINEMA_GPU_TIME_LIMIT_MS", 60 * 60 * 1000)
# What follows a job's transition, in this order, inside its transaction (jobs/outcomes/): a new channel
# is a new OutcomeHandler module and one line here. SettleCredits comes before CountOutcome (which
# counts the credits it captured).
KINEMA_OUTCOME_HANDLERS = [
    "jobs.outcomes.credits.SettleCredits",
    "jobs.outcomes.feed.FeedStateEvent",
    "jobs.outcomes.notification.InAppNotification",
    "jobs.outcomes.webhooks.WebhookEvents",
    "jobs.outcomes.email.EmailNotification",
    "jobs.outcomes.cleanup.QueueCleanup",
    "jobs.outcomes.metrics.CountOutcome",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "webapp.logs.ContextFilter"}, "as_warning": {"()": "webapp.logs.AsWarning"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s %(ctx)s"},
                   "json": {"()": "webapp.logs.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["context"],
                             "formatter": os.environ.get("KINEMA_LOG_FORMAT", "json")}},
    "root": {"handlers": ["console"], "level": os.environ.get("KINEMA_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "httpx": {"level": "WARNING"},
                "django.security.DisallowedHost": {"filters": ["as_warning"]}},
}
KINEMA_CHECKPOINT_EVERY = env_int("KINEMA_CHECKPOINT_EVERY", 10)
# A job RUNNING longer than this is taken from its (hung) worker and retried.
KINEMA_RUNNING_DEADLINE_S = env_int("KINEMA_RUNNING_DEADLINE_S", 1800)
KINEMA_RECONCILE_EVERY_S = float(os.environ.get("KINEMA_RECONCILE_EVERY_S", "5"))
# A GPU worker whose runs failed this many times (lost leases, transient errors, hung runs) within the
# window is quarantined automatically by the dispatcher leader (jobs/fleet.py); 0 turns that off.
KINEMA_WORKER_FAILURE_LIMIT = env_int("KINEMA_WORKER_FAILURE_LIMIT", 3)
KINEMA_WORKER_FAILURE_WINDOW_S = env_int("KINEMA_WORKER_FAILURE_WINDOW_S", 600)
# A job still `submitted` / `finalizing` this long lost its message: the reconciler sends it again.
KINEMA_SUBMITTED_DEADLINE_S = float(os.environ.get("KINEMA_SUBMITTED_DEADLINE_S", "30"))
KINEMA_FINALIZING_DEADLINE_S = float(os.environ.get("KINEMA_FINALIZING_DEADLINE_S", "120"))
# A latent preview (cheap RGB projection) every this many steps; 0 turns previews off.
KINEMA_PREVIEW_EVERY = env_int("KINEMA_PREVIEW_EVERY", 5)

# Safety and provenance. Signing material defaults to the local CA `manage.py init_signing` makes.
KINEMA_SIGNING_DIR = Path(os.environ.get("KINEMA_SIGNING_DIR", VAR_DIR / "signing"))
KINEMA_C2PA_CERT = os.environ.get("KINEMA_C2PA_CERT", str(KINEMA_SIGNING_DIR / "signer-chain.pem"))
KINEMA_C2PA_KEY = os.environ.get("KINEMA_C2PA_KEY", str(KINEMA_SIGNING_DIR / "signer-key.pem"))
KINEMA_C2PA_TRUST_ANCHORS = os.environ.get(
    "KINEMA_C2PA_TRUST_ANCHORS", "" if "KINEMA_C2PA_CERT" in os.environ else str(KINEMA_SIGNING_DIR / "root-ca.pem"))
# Prompts screened together in one embedding batch by the screening stage.
KINEMA_SCREEN_BATCH = env_int("KINEMA_SCREEN_BATCH", 32)
# Threads for ONNX Runtime / dlib-free parts of the safety models in CPU workers.
KINEMA_SAFETY_THREADS = env_int("KINEMA_SAFETY_THREADS", 1)
# Re-screening after a policy change (jobs/rescreen.py): clips published in the last this many days, in
# batches of this many clips, this many frames sampled from each MP4 (plus the poster); a batch's lease
# (a worker killed mid-batch is resumed after it).
KINEMA_RESCREEN_WINDOW_DAYS = env_int("KINEMA_RESCREEN_WINDOW_DAYS", 30)
KINEMA_RESCREEN_BATCH = env_int("KINEMA_RESCREEN_BATCH", 20)
KINEMA_RESCREEN_FRAMES = env_int("KINEMA_RESCREEN_FRAMES", 16)
KINEMA_RESCREEN_LEASE_S = env_int("KINEMA_RESCREEN_LEASE_S", 600)

# Webhooks. Deliveries to private, loopback and link-local addresses are refused unless allowed
# (development and tests). Retries back off for up to KINEMA_WEBHOOK_RETRY_WINDOW_S.
KINEMA_WEBHOOK_ALLOW_PRIVATE = os.environ.get("KINEMA_WEBHOOK_ALLOW_PRIVATE", "") == "1"
KINEMA_WEBHOOK_TIMEOUT_S = float(os.environ.get("KINEMA_WEBHOOK_TIMEOUT_S", "10"))
KINEMA_WEBHOOK_RETRY_WINDOW_S = env_int("KINEMA_WEBHOOK_RETRY_WINDOW_S", 24 * 3600)
KINEMA_WEBHOOK_BACKOFF_SCALE = float(os.environ.get("KINEMA_WEBHOOK_BACKOFF_SCALE", "1"))
# Destination ports allowed (comma-separated, or "*" for any); KINEMA_WEBHOOK_ALLOW_PRIVATE allows any port too.
KINEMA_WEBHOOK_ALLOWED_PORTS = os.environ.get("KINEMA_WEBHOOK_ALLOWED_PORTS", "80,443")
# Reference images by URL (input_reference.image_url) go through the webhooks' public-address guard and
# deadline, https only. "1" also allows plain http and non-public addresses: tests and development only.
KINEMA_REFERENCE_URL_ALLOW_PRIVATE = os.environ.get("KINEMA_REFERENCE_URL_ALLOW_PRIVATE", "") == "1"
# Per-user fairness: beyond this many pending deliveries new ones are dropped (recorded as failed);
# at most this many attempts of one user's endpoints in flight at once; test sends per minute.
KINEMA_WEBHOOK_MAX_PENDING_PER_USER = env_int("KINEMA_WEBHOOK_MAX_PENDING_PER_USER", 100)
KINEMA_WEBHOOK_MAX_IN_FLIGHT_PER_USER = env_int("KINEMA_WEBHOOK_MAX_IN_FLIGHT_PER_USER", 2)
KINEMA_WEBHOOK_TEST_SENDS_PER_MINUTE = env_int("KINEMA_WEBHOOK_TEST_SENDS_PER_MINUTE", 5)

# Sign-up (accounts/views.py): "invite" (an invite code from the admin is required; the launch default),
# "open", or "closed". Sign-up and password-reset forms and verification links' pages take
# KINEMA_SIGNUP_PER_MINUTE tries per client address (a link's page as many per sign-up too); one address gets
# at most one reset or verification mail a minute.
KINEMA_SIGNUP = os.environ.get("KINEMA_SIGNUP", "invite")
KINEMA_SIGNUP_PER_MINUTE = env_int("KINEMA_SIGNUP_PER_MINUTE", 5)
# A sign-up waiting for its verification holds no address (the first verified wins: accounts/verification.py);
# the retention prune deletes it once it is KINEMA_UNVERIFIED_ACCOUNT_TTL_S old.
KINEMA_UNVERIFIED_ACCOUNT_TTL_S = env_int("KINEMA_UNVERIFIED_ACCOUNT_TTL_S", 7 * 24 * 3600)
# E-mail: Django's SMTP backend when EMAIL_HOST is set, else the console backend (mails are printed: `make run`).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or ("django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST
                                                     else "django.core.mail.backends.console.EmailBackend")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)  # an SMTP server that hangs holds a CPU worker thread this long at most
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Kinema <noreply@localhost>")
# Links in mails sent by workers (no request to take the host from), e.g. https://kinema.example.com.
KINEMA_PUBLIC_URL = os.environ.get("KINEMA_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
# A finished video is e-mailed (to users who opted in) when it took at least this long from submission.
KINEMA_EMAIL_NOTIFY_AFTER_S = float(os.environ.get("KINEMA_EMAIL_NOTIFY_AFTER_S", "60"))

# Retention (seconds). Videos live KINEMA_VIDEO_TTL_S (above) from publication; 0 keeps prompts.
KINEMA_REFERENCE_TTL_S = env_int("KINEMA_REFERENCE_TTL_S", 7 * 24 * 3600)
KINEMA_PREVIEW_TTL_S = env_int("KINEMA_PREVIEW_TTL_S", 24 * 3600)
KINEMA_PROMPT_TTL_S = env_int("KINEMA_PROMPT_TTL_S", 90 * 24 * 3600)
KINEMA_PRUNE_EVERY_S = float(os.environ.get("KINEMA_PRUNE_EVERY_S", "300"))
# A per-request webhook's endpoint row (one per user and webhook_url) is deleted once no delivery used it this long.
KINEMA_PER_REQUEST_WEBHOOK_TTL_S = env_int("KINEMA_PER_REQUEST_WEBHOOK_TTL_S", 30 * 24 * 3600)
# In-app notifications, and webhook events with their deliveries and attempt logs (none still pending), are deleted
# this long after they were made (0 keeps them).
KINEMA_NOTIFICATION_TTL_S = env_int("KINEMA_NOTIFICATION_TTL_S", 90 * 24 * 3600)
KINEMA_WEBHOOK_EVENT_TTL_S = env_int("KINEMA_WEBHOOK_EVENT_TTL_S", 30 * 24 * 3600)

# /metrics answers only with `Authorization: Bearer <this token>` (and /readyz gives its details only then);
# unset, /metrics refuses everyone. The embedded setup generates one per install (var/secrets.env).
KINEMA_METRICS_TOKEN = os.environ.get("KINEMA_METRICS_TOKEN") or _GENERATED_SECRETS.get("KINEMA_METRICS_TOKEN", "")
# Anonymous /readyz callers (load balancers) share one result per process for this many seconds.
KINEMA_READYZ_CACHE_S = float(os.environ.get("KINEMA_READYZ_CACHE_S", "5"))
KINEMA_QUEUE_SAMPLE_EVERY_S = float(os.environ.get("KINEMA_QUEUE_SAMPLE_EVERY_S", "15"))
# The target for every tier (the /ops/ page shows it green or red): p50 queue wait under this many seconds.
KINEMA_P50_WAIT_TARGET_S = float(os.environ.get("KINEMA_P50_WAIT_TARGET_S", "15"))

# When websockets are served on their own port (make run: daphne next to gunicorn), pages connect there.
KINEMA_WS_PORT = os.environ.get("KINEMA_WS_PORT", "")
# The port the pages are served from when the feed has its own: the feed accepts those pages' Origin.
KINEMA_PORT = os.environ.get("KINEMA_PORT", "8000")
# Model sets per CPU worker process that scan one clip's frames in parallel (finalize latency).
KINEMA_SCAN_PARALLEL = env_int("KINEMA_SCAN_PARALLEL", 1)

# Graceful degradation (webapp/resilience.py). Every Redis command on the request path and in the
# loops answers or fails within KINEMA_REDIS_TIMEOUT_S; a dependency that failed is skipped for
# KINEMA_BREAKER_OPEN_S, then probed. Storage calls have a deadline (workers' calls, retried
# KINEMA_STORAGE_RETRIES times with backoff; downloads and /readyz a shorter one, no retries).
KINEMA_REDIS_TIMEOUT_S = float(os.environ.get("KINEMA_REDIS_TIMEOUT_S", "0.5"))
KINEMA_BREAKER_OPEN_S = float(os.environ.get("KINEMA_BREAKER_OPEN_S", "2"))
KINEMA_STORAGE_TIMEOUT_S = float(os.environ.get("KINEMA_STORAGE_TIMEOUT_S", "30"))
KINEMA_STORAGE_REQUEST_TIMEOUT_S = float(os.environ.get("KINEMA_STORAGE_REQUEST_TIMEOUT_S", "1"))
KINEMA_STORAGE_RETRIES = env_int("KINEMA_STORAGE_RETRIES", 4)
