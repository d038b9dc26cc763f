"""The development profile signs with a random key of its checkout, never a key in the source
(issue 22: guest order links could be forged on any site started with the built-in key)."""

import os
import stat
import subprocess
import sys

from config.settings.secret_key import development_secret_key
from tests.config.test_settings_profiles import ROOT

PRINT_KEY = "from django.conf import settings; print(settings.SECRET_KEY)"


def development_key(key_file, **env) -> str:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(DJANGO_DEV_SECRET_KEY_FILE=str(key_file), **env)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PRINT_KEY],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_a_fresh_checkout_gets_its_own_key_kept_for_the_next_start(tmp_path):
    key_file = tmp_path / ".dev-secret-key"
    first = development_key(key_file)
    assert first != "django-insecure-dev-key-for-the-embedded-default-only"
    assert len(first) >= 50
    assert key_file.read_text().strip() == first
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600  # readable by its owner only
    assert development_key(key_file) == first  # the same key after a restart


def test_two_checkouts_never_share_a_key(tmp_path):
    assert development_secret_key(tmp_path / "a") != development_secret_key(tmp_path / "b")


def test_an_empty_key_file_is_given_a_key(tmp_path):
    key_file = tmp_path / ".dev-secret-key"
    key_file.write_text("\n")
    key = development_secret_key(key_file)
    assert len(key) >= 50
    assert key_file.read_text().strip() == key


def test_a_key_from_the_environment_wins_and_no_file_is_made(tmp_path):
    key_file = tmp_path / ".dev-secret-key"
    assert development_key(key_file, DJANGO_SECRET_KEY="from-the-environment") == (
        "from-the-environment"
    )
    assert not key_file.exists()


def test_the_key_file_is_ignored_by_git():
    result = subprocess.run(
        ["git", "check-ignore", "-q", ".dev-secret-key"], cwd=ROOT, capture_output=True
    )
    assert result.returncode == 0
