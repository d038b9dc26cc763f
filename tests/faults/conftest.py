"""Fault tests stop and start real services of their own (a PostgreSQL cluster, a Redis server)
on free local ports, never the machine's shared ones. They take tens of seconds, so they run
where RUN_FAULT_TESTS=1 (CI's PostgreSQL pass) and are skipped elsewhere."""

import os
import socket
import subprocess
import time
from collections.abc import Callable

import pytest


def pytest_collection_modifyitems(config, items):
    if os.environ.get("RUN_FAULT_TESTS") == "1":
        return
    skip = pytest.mark.skip(reason="fault tests run with RUN_FAULT_TESTS=1")
    for item in items:
        if "tests/faults/" in str(item.path):
            item.add_marker(skip)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


class RedisServer:
    """A throwaway redis-server on a free port that a test can stop and start again."""

    def __init__(self) -> None:
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        assert wait_until(self.answers), "redis-server did not start"

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()
