"""GET /healthz reports the database and the cache."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

# Runs the real view through Django's test client in a fresh process, so the settings (and the
# unreachable service) are exactly those of the environment given.
PROBE = """
import django, json
django.setup()
from django.test import Client
response = Client().get("/healthz", HTTP_HOST="localhost")
print(json.dumps({"status": response.status_code, "body": response.json()}))
"""


def probe(**env_overrides: str) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", **env_overrides}
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.django_db
def test_healthz_is_200_when_database_and_cache_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok"},
        "failed": [],
    }
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_naming_the_database_when_it_is_unreachable():
    result = probe(DATABASE_URL="postgres://nobody@127.0.0.1:9/unreachable", REDIS_URL="")
    assert result["status"] == 503
    assert result["body"]["failed"] == ["database"]
    assert result["body"]["checks"]["cache"] == "ok"


def test_healthz_is_503_naming_the_cache_when_redis_is_unreachable(tmp_path):
    result = probe(
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", REDIS_URL="redis://127.0.0.1:9/0"
    )
    assert result["status"] == 503
    assert result["body"]["failed"] == ["cache"]


@pytest.mark.django_db
def test_healthz_refuses_other_methods(client):
    assert client.post("/healthz").status_code == 405
