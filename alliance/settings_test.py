"""Test settings: the production settings with fast hashing and plain-HTTP cookies.

DATABASE_URL and REDIS_URL decide, as in production, whether tests run on PostgreSQL and Redis
(CI) or on SQLite with in-process tasks (a laptop).
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-not-secret-" + "x" * 40)
os.environ.setdefault("EMAIL_URL", "consolemail://")

from alliance.settings import *  # noqa: F403
from alliance.settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"

# Tests run tasks in-process, so what a task does (an e-mail sent) is there to assert; the test
# of the real worker sends its task through Redis explicitly.
CELERY_TASK_ALWAYS_EAGER = True

# Parallel test processes share one Redis: each keeps to its own keys.
if REDIS_URL:  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = "test-" + os.environ.get("PYTEST_XDIST_WORKER", "main")  # noqa: F405
