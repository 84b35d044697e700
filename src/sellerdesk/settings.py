"""sellerdesk settings: one module, zero configuration needed.

Everything lives under ``SELLERDESK_HOME``; PostgreSQL is one environment
variable away (``SELLERDESK_DATABASE_URL``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url

from sellerdesk.env import envbool, envint, envstr, home_dir, persistent_secret

BASE_DIR = Path(__file__).resolve().parent
HOME = home_dir()
HOME.mkdir(parents=True, exist_ok=True)
ATTACHMENTS_DIR = HOME / "attachments"

SECRET_KEY = envstr("SELLERDESK_SECRET_KEY") or persistent_secret(HOME, "secret_key")
# Key for secrets stored in the database (mail passwords, API refresh tokens).
# Kept apart from SECRET_KEY so rotating one does not lose the other.
ENCRYPTION_KEY = envstr("SELLERDESK_ENCRYPTION_KEY") or persistent_secret(HOME, "encryption_key")

DEBUG = envbool("SELLERDESK_DEBUG", False)
ALLOWED_HOSTS = [
    h for h in envstr("SELLERDESK_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h
]
CSRF_TRUSTED_ORIGINS = [o for o in envstr("SELLERDESK_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks_db",
    "sellerdesk.accounts",
    "sellerdesk.stores",
    "sellerdesk.orders",
    "sellerdesk.messaging",
    "sellerdesk.mail",
    "sellerdesk.imports",
    "sellerdesk.claims",
    "sellerdesk.chargebacks",
    "sellerdesk.feedback",
    "sellerdesk.reviews",
    "sellerdesk.questions",
    "sellerdesk.returns",
    "sellerdesk.checklist",
    "sellerdesk.notifications",
    "sellerdesk.audit",
    "sellerdesk.jobs",
    "sellerdesk.spapi",
    "sellerdesk.health",
    "sellerdesk.web",
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
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "sellerdesk.urls"
WSGI_APPLICATION = "sellerdesk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sellerdesk.web.context.desk",
            ],
        },
    },
]


def _database() -> dict[str, Any]:
    url = envstr("SELLERDESK_DATABASE_URL")
    if url:
        config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60))
        return config
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": HOME / "sellerdesk.sqlite3",
        "OPTIONS": {
            # WAL lets the web server read while the worker writes; IMMEDIATE
            # takes the write lock at BEGIN so two writers queue instead of
            # failing with "database is locked" half-way through.
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": envint("SELLERDESK_SQLITE_TIMEOUT", 20),
        },
        "TEST": {"NAME": HOME / "test.sqlite3"},
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = HOME / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise serves from finders but warns without it
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = envbool("SELLERDESK_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "null": {"class": "logging.NullHandler"},
    },
    "root": {"handlers": ["console"], "level": envstr("SELLERDESK_LOG_LEVEL", "WARNING")},
    "loggers": {
        "sellerdesk": {"level": envstr("SELLERDESK_LOG_LEVEL", "INFO"), "propagate": True},
        "django_tasks_db": {"level": "WARNING"},
        # One line per task run is noise on a desk that runs jobs every minute.
        "django.tasks": {"level": "WARNING"},
        # apprise's debug lines quote the URLs it posts to, with the tokens of Slack,
        # Discord or Telegram in them: its lines never reach our handlers.
        # notifications/channels.py captures what it says while sending and records it
        # scrubbed of secrets. urllib3 logs request paths (the same tokens) at DEBUG.
        "apprise": {"handlers": ["null"], "level": "WARNING", "propagate": False},
        "urllib3": {"level": "WARNING"},
    },
}

# Desk-wide defaults; each store can override the policy settings it carries.
SELLERDESK_PAGE_SIZE = envint("SELLERDESK_PAGE_SIZE", 50)
SELLERDESK_SCHEDULER_INTERVAL = envint("SELLERDESK_SCHEDULER_INTERVAL", 15)
SELLERDESK_WORKER_INTERVAL = envint("SELLERDESK_WORKER_INTERVAL", 1)
# Larger buyer attachments are recorded without their bytes (Amazon's limit is 10 MB a message).
SELLERDESK_ATTACHMENT_MAX_BYTES = envint("SELLERDESK_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)

# Links in notifications point here (the address people open the desk at).
SELLERDESK_BASE_URL = envstr("SELLERDESK_BASE_URL", "http://localhost:8000").rstrip("/")
# Mail the desk sends itself (the daily digest to a user's address when no channel is set).
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": envstr("SELLERDESK_EMAIL_HOST", "localhost"),
            "port": envint("SELLERDESK_EMAIL_PORT", 25),
            "username": envstr("SELLERDESK_EMAIL_USER"),
            "password": envstr("SELLERDESK_EMAIL_PASSWORD"),
            "use_tls": envbool("SELLERDESK_EMAIL_STARTTLS", False),
            "use_ssl": envbool("SELLERDESK_EMAIL_SSL", False),
            "timeout": 30,
        },
    }
}
DEFAULT_FROM_EMAIL = envstr("SELLERDESK_EMAIL_FROM", "sellerdesk@localhost")
