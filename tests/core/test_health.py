import pytest


@pytest.mark.django_db
def test_health_reports_every_part_up(client):
    response = client.get("/health/")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"] == {"database": "ok", "cache": "ok", "broker": "ok"}


@pytest.mark.django_db
def test_health_names_the_cache_and_broker_when_redis_is_down(client, settings):
    # A Redis nobody listens on: port 9 (discard) on loopback refuses the connection.
    dead_redis = "redis://127.0.0.1:9/0"
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": dead_redis,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
    settings.CELERY_BROKER_URL = dead_redis

    response = client.get("/health/")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert set(body["down"]) == {"cache", "broker"}
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"].startswith("down")


def test_health_answers_503_naming_the_database_when_it_is_down(client, monkeypatch):
    from alliance.core import health

    def broken():
        raise ConnectionError("refused")

    monkeypatch.setitem(health.CHECKS, "database", broken)

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json()["down"] == ["database"]
