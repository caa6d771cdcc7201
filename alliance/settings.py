"""Settings for Alliance, read from the environment.

Every variable is listed once, with a one-line comment, in `.env.example`. The embedded default
(no DATABASE_URL, no REDIS_URL) runs on SQLite with Celery tasks executed in-process.
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _
from kombu import Queue

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
# A local .env (written by `make run`) fills in what the real environment leaves unset.
environ.Env.read_env(env.str("DJANGO_ENV_FILE", default=str(BASE_DIR / ".env")), overwrite=False)

# --- Core --------------------------------------------------------------------------------------
SECRET_KEY = env("DJANGO_SECRET_KEY")  # no default: production refuses to start without it
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
SITE_ID = 1

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "django_countries",
    "django_celery_beat",
    "csp",
    "alliance.core",
    "alliance.accounts",
    "alliance.demo",
    "contributors",
    "library",
    "courses",
    "workshops",
    "certification",
    "impact",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "alliance.accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "alliance.accounts.middleware.StaffMFAMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "alliance.urls"
WSGI_APPLICATION = "alliance.wsgi.application"
ASGI_APPLICATION = "alliance.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "alliance.core.context_processors.site",
            ],
        },
    },
]

# Choice widgets (selects, checkbox and radio lists) written in Python, same markup as Django's.
FORM_RENDERER = "alliance.core.renderers.ChoiceWidgetRenderer"

# --- Data --------------------------------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's native psycopg pool; behind PgBouncer (transaction mode) turn it off instead.
    if env.bool("DATABASE_POOL", default=True):
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": 1,
            "max_size": env.int("DATABASE_POOL_MAX", default=10),
            # Wait at most 5 s for a connection: a database outage answers 503 on /health/
            # instead of hanging every request until gunicorn's timeout.
            "timeout": 5,
        }
    DISABLE_SERVER_SIDE_CURSORS = env.bool("DATABASE_PGBOUNCER", default=False)
else:
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
# Covering indexes (INCLUDE) speed up facet counts on PostgreSQL; SQLite simply builds the index
# without the extra columns, which is all the embedded default needs.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Celery ------------------------------------------------------------------------------------
# Without REDIS_URL tasks run in-process (the embedded default); with it, a real worker runs them.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
# Two queues, so that slow work (PDFs, bulk issuing, the impact snapshot) never waits in front of
# quick work (e-mails, reminders, payments). Production runs a worker pool per queue (-Q quick,
# -Q slow); a worker started without -Q consumes both, as in development.
CELERY_TASK_DEFAULT_QUEUE = "quick"
CELERY_TASK_QUEUES = [Queue("quick", routing_key="quick"), Queue("slow", routing_key="slow")]
CELERY_TASK_ROUTES = {
    name: {"queue": "slow"}
    for name in (
        "certification.render_pdf",
        "certification.deliver",
        "certification.bulk_issue_run",
        "certification.bulk_issue_one",
        "impact.snapshot",
    )
}
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = "UTC"
# Beat's DatabaseScheduler copies these entries into its tables each time it starts.
CELERY_BEAT_SCHEDULE = {
    "workshops.send_reminders": {
        "task": "workshops.send_reminders",
        "schedule": 300.0,  # every 5 minutes; sending is idempotent
        # A run still queued when the next one is due is dropped, not piled up behind it.
        "options": {"expire_seconds": 240},
    },
    "impact.snapshot": {
        "task": "impact.snapshot",
        "schedule": 86400.0,  # daily; each run recomputes the current month, year and all time
        "options": {"expire_seconds": 3600},
    },
    "certification.reconcile_orders": {
        "task": "certification.reconcile_orders",
        "schedule": 900.0,  # every 15 minutes: a lost webhook loses no payment
        "options": {"expire_seconds": 600},
    },
}

# --- Accounts ----------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SIGNUP_FORM_CLASS = "alliance.accounts.forms.SignupForm"
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Alliance] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if not DEBUG else "http"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Alliance"
# Staff cannot use the admin until they have an authenticator app set up.
STAFF_MFA_REQUIRED = env.bool("STAFF_MFA_REQUIRED", default=True)

# --- E-mail ------------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Alliance <no-reply@alliance.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Languages and time ------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese (simplified)")),
    ("ru", _("Russian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static and media --------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Uploaded and generated files: on S3-compatible object storage when a bucket is named, so that
# every web node and worker sees the same files; on local disk under MEDIA_ROOT otherwise. All of
# them are private (certificates, lesson attachments, library files): views check who asks, then
# stream them with .open(); the bucket is never assumed public and its objects stay private.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            # Unset: Amazon S3 itself and its default region; set both for MinIO, R2, Spaces...
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env("AWS_S3_REGION_NAME", default="") or None,
            # Unset: boto3 finds credentials itself (an instance or task role, ~/.aws).
            "access_key": env("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default="") or None,
            # Links the storage builds (only the administration shows any) then point at this
            # domain, unsigned: set it only for a domain that checks access itself.
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default="") or None,
            # No ACL on uploads: objects are then private, as S3 makes every object by default,
            # and buckets with ACLs disabled (the default for new AWS buckets) refuse any other
            # ACL than the owner's, "private" included.
            "default_acl": None,
            "querystring_auth": True,  # links are signed and expire after an hour
            "signature_version": "s3v4",  # what every S3-compatible service accepts
            "file_overwrite": False,  # same-named uploads get new names, as on local disk
            # A file read back (to stream it) stays in memory up to 10 MB, then spills to disk.
            "max_memory_size": 10 * 1024 * 1024,
        },
    }
if DEBUG:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

# --- API ---------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Rates per address ("anon") and per account ("user").
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {"anon": "120/min", "user": "600/min"},
    # `?format=` is a filter (a course's format), not a choice of renderer: Accept chooses.
    "URL_FORMAT_OVERRIDE": None,
    "EXCEPTION_HANDLER": "alliance.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Alliance API",
    "DESCRIPTION": "Courses, library, workshops and certification of the AI Skills Coalition.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "ENUM_NAME_OVERRIDES": {
        "EnrolmentStateEnum": "courses.models.Enrolment.State",
        "QuestionKindEnum": "courses.models.Question.Kind",
        "MaterialTypeEnum": "library.models.Material.Type",
        "SessionKindEnum": "workshops.models.Session.Kind",
        "SessionStateEnum": "workshops.models.Session.State",
        "BookingModeEnum": "workshops.models.Booking.Mode",
        "BookingStateEnum": "workshops.models.Booking.State",
        "CertificateKindEnum": "certification.models.Certificate.Kind",
        "OrderStateEnum": "certification.models.Order.State",
        "PricingGroupEnum": "alliance.core.models.PricingGroup",
        "VerificationStatusEnum": "certification.api.serializers.VERIFICATION_STATUSES",
    },
}

# --- Security ----------------------------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "script-src": [SELF],
        "style-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        # The checkout form's answer redirects to Stripe's payment page, which CSP also checks.
        "form-action": [SELF, "https://checkout.stripe.com"],
        "frame-ancestors": [NONE],
    }
}

# --- Uploads -----------------------------------------------------------------------------------
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=50 * 1024 * 1024)

# --- Logging -----------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # WeasyPrint reports every rendering step at INFO, the Stripe library every request.
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools", "stripe")},
}

# --- The platform ------------------------------------------------------------------------------
# Where one app acts on another's event without importing it (see the house style): dotted paths
# to functions, wired here at the top.
# each called as f(enrolment=...) on completion
COURSE_COMPLETED_HANDLERS: list[str] = ["certification.services.certificate_issue_for_completion"]
# each f(user=...) -> {"template": ..., **context}: extra sections of "My learning"
MY_LEARNING_SECTIONS: list[str] = ["certification.selectors.my_learning_section"]
# f(version=...) -> live sessions of a blended course
COURSE_LIVE_SESSIONS_SELECTOR = "workshops.selectors.sessions_of_course_version"
# each f(enrolment=...) -> (done, total) extra items: attending a blended course's sessions
COURSE_REQUIREMENT_PROVIDERS: list[str] = ["workshops.selectors.attendance_requirement"]
MATERIAL_USED_IN_SELECTOR = "courses.selectors.course_versions_using_material"

# Demo staff account created by `make run`; empty in production.
DEMO_STAFF_EMAIL = env("DEMO_STAFF_EMAIL", default="staff@alliance.example")
DEMO_STAFF_PASSWORD = env("DEMO_STAFF_PASSWORD", default="")

# --- Certification -----------------------------------------------------------------------------
# Stripe: without a secret key, paid checkout says payments are not configured; vouchers still work.
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="")
# Only for tests and local stand-ins: where the Stripe client sends its API calls.
STRIPE_API_BASE = env("STRIPE_API_BASE", default="")
# PEM Ed25519 private key that signs Open Badges credentials; derived from DJANGO_SECRET_KEY
# when empty, so a key exists without configuration (rotating the secret then rotates it).
CREDENTIAL_SIGNING_KEY = env("CREDENTIAL_SIGNING_KEY", default="").replace("\\n", "\n")
CREDENTIAL_RETIRED_PUBLIC_KEYS = env.list("CREDENTIAL_RETIRED_PUBLIC_KEYS", default=[])
CERTIFICATE_ISSUER_NAME = env("CERTIFICATE_ISSUER_NAME", default="AI Skills Coalition")
# Where the smaller CJK font for certificates is kept (made once; see certification/fonts.py).
CERTIFICATE_FONT_CACHE_DIR = env("CERTIFICATE_FONT_CACHE_DIR", default="")

# --- Impact ------------------------------------------------------------------------------------
# People the coalition means to train each year ("trained" is defined in impact/definitions.py).
IMPACT_YEAR_TARGET = env.int("IMPACT_YEAR_TARGET", default=5000)
