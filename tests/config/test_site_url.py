"""SITE_URL follows the address `make run` serves, unless SITE_URL itself is set."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRINT_SITE_URL = "from django.conf import settings; print(settings.SITE_URL)"


def site_url(**environment: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "MAKE_RUN_SITE_URL")}
    env.update(environment)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PRINT_SITE_URL],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_the_served_address_becomes_the_site_url():
    assert site_url(MAKE_RUN_SITE_URL="http://127.0.0.1:8123") == "http://127.0.0.1:8123"


def test_a_site_url_that_is_set_wins_over_the_served_address():
    served = {"MAKE_RUN_SITE_URL": "http://127.0.0.1:8123"}
    assert site_url(SITE_URL="https://shop.example.com/", **served) == "https://shop.example.com"


def test_without_either_the_default_stays():
    if (ROOT / ".env").is_file():
        pytest.skip("a .env in the checkout may set SITE_URL")
    assert site_url() == "http://127.0.0.1:8000"


@pytest.mark.skipif(shutil.which("make") is None, reason="no make")
def test_make_run_passes_the_address_it_serves():
    result = subprocess.run(
        ["make", "-n", "run", "PORT=8123", "HOST=localhost"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    commands = [line for line in result.stdout.splitlines() if "manage.py" in line]
    assert [c.split(" manage.py ")[1] for c in commands] == [
        "migrate --noinput",
        "load_demo",
        "runserver localhost:8123",
    ]
    assert all(c.startswith("MAKE_RUN_SITE_URL=http://localhost:8123 ") for c in commands)
