"""With Redis down the site keeps serving: cache errors are logged, pages render uncached."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache_on(redis_server, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
    settings.DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    return redis_server


def test_site_serves_through_a_redis_outage_and_recovers(client, cache_on, caplog):
    cache.set("probe", "before")
    assert cache.get("probe") == "before"

    cache_on.stop()
    assert client.get("/").status_code == 200
    assert client.get("/catalogue/").status_code == 200
    cache.set("probe", "during")  # dropped, not raised
    assert cache.get("probe") is None
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json()["failed"] == ["cache"]
    assert any("Connection" in record.getMessage() or record.exc_info for record in caplog.records)

    cache_on.start()
    assert client.get("/healthz").status_code == 200
    cache.set("probe", "after")
    assert cache.get("probe") == "after"
