"""The production profile refuses unsafe values and passes Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": "k" * 20 + "x7#Qp2!vR9@wL4$zT6^mN8&bY3*cF5(hJ1)dG0",
    "DJANGO_ALLOWED_HOSTS": "shop.example.com",
    "STRIPE_SECRET_KEY": "sk_test_123",
    "STRIPE_PUBLISHABLE_KEY": "pk_test_123",
    "STRIPE_WEBHOOK_SECRET": "whsec_123",
}


def run_manage(*args: str, overrides: dict[str, str | None]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "STRIPE_"))}
    env.update(PRODUCTION_ENV)
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_profile_with_its_variables_passes_check_deploy_silently():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", overrides={})
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNINGS" not in result.stderr


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"DJANGO_DEBUG": "1"}, "DJANGO_DEBUG"),
        ({"DJANGO_SECRET_KEY": None}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "short"}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_ALLOWED_HOSTS": ""}, "DJANGO_ALLOWED_HOSTS"),
        ({"STRIPE_SECRET_KEY": None}, "STRIPE_SECRET_KEY"),
        ({"STRIPE_WEBHOOK_SECRET": ""}, "STRIPE_WEBHOOK_SECRET"),
    ],
)
def test_production_profile_refuses_to_start_naming_the_variable(overrides, named):
    result = run_manage("check", overrides=overrides)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"DJANGO_ENV=production: {named}" in result.stderr


def test_embedded_default_runs_with_nothing_set():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "STRIPE_"))}
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings;"
            "print(settings.DATABASES['default']['ENGINE'],"
            " settings.CACHES['default']['BACKEND'], settings.CELERY_TASK_ALWAYS_EAGER,"
            " settings.STRIPE_DEMO_MODE, settings.EMAIL_BACKEND)",
        ],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
        "True",
        "True",
        "django.core.mail.backends.console.EmailBackend",
    ]
