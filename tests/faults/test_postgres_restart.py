"""PostgreSQL restarting under a running site: the project's 503 page, then recovery by itself.

The test makes its own PostgreSQL cluster (initdb, as the postgres user) on a free port and
serves the site from it with gunicorn, so stopping it disturbs nothing else on the machine.
"""

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.faults.conftest import free_port, wait_until

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = (
    Path("/usr/lib/postgresql") / sorted(os.listdir("/usr/lib/postgresql"))[-1] / "bin"
    if Path("/usr/lib/postgresql").is_dir()
    else Path("/nonexistent")
)

SCHEMA = """
import django
django.setup()
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
settings.MIGRATION_MODULES = {config.label: None for config in apps.get_app_configs()}
call_command("migrate", run_syncdb=True, verbosity=0)
"""


def as_postgres(*command: str) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else list(command)


class Cluster:
    def __init__(self) -> None:
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="qlclaw-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
        self.data = self.directory / "data"
        subprocess.run(
            as_postgres(
                str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres"
            ),
            check=True,
            capture_output=True,
        )

    def pg_ctl(self, *args: str) -> None:
        subprocess.run(
            as_postgres(
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(self.data),
                "-w",
                "-l",
                str(self.directory / "log"),
                *args,
            ),
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        self.pg_ctl(
            "-o", f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1", "start"
        )

    def stop(self) -> None:
        self.pg_ctl("-m", "fast", "stop")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except OSError:
        return 0, ""


@pytest.mark.skipif(not (PG_BIN / "initdb").exists(), reason="PostgreSQL server binaries needed")
def test_outage_gets_the_503_page_and_the_site_recovers_by_itself():
    cluster = Cluster()
    cluster.start()
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "STRIPE_"))},
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "0",
        "DATABASE_URL": cluster.url,
        "REDIS_URL": "",
        "PORT": str(port),
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": "2",
    }
    server = None
    try:
        subprocess.run(
            [sys.executable, "-c", SCHEMA],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=300,
        )
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        page = f"http://127.0.0.1:{port}/catalogue/"
        assert wait_until(lambda: get(page)[0] == 200, timeout=60), "site did not come up"

        cluster.stop()
        # An anonymous page already in the page cache keeps being served without the database;
        # one that is not (a query string never seen) needs it, and gets the 503 page.
        assert get(page)[0] == 200
        status, body = get(f"{page}?during-the-outage")
        assert status == 503
        assert "We will be back in a moment" in body
        status, body = get(f"http://127.0.0.1:{port}/healthz")
        assert status == 503 and '"failed": ["database"]' in body

        cluster.start()
        assert wait_until(lambda: get(page)[0] == 200, timeout=30), "site did not recover"
    finally:
        if server:
            server.terminate()
            server.wait(timeout=20)
        with contextlib.suppress(subprocess.CalledProcessError):
            cluster.stop()
        shutil.rmtree(cluster.directory, ignore_errors=True)
