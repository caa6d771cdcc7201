import pytest
from django.conf import settings
from django.core.cache import cache

# Fixtures of one app that other apps' tests (the browser journeys) use too.
pytest_plugins = ["tests.certification.fixtures"]


def pytest_collection_modifyitems(config, items):
    """Skip tests that only mean something on PostgreSQL or with Redis, saying why."""
    skip_pg = pytest.mark.skip(
        reason="needs PostgreSQL (set DATABASE_URL): SQLite serialises writes and has no "
        "full-text indexes, so the test would prove nothing"
    )
    skip_redis = pytest.mark.skip(reason="needs Redis and a real Celery worker (set REDIS_URL)")
    for item in items:
        if "postgres" in item.keywords and not settings.IS_POSTGRES:
            item.add_marker(skip_pg)
        if "redis" in item.keywords and not settings.REDIS_URL:
            item.add_marker(skip_redis)


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Each test gets its own media folder and an empty cache (rate limits included)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("*")  # this test process's keys only (see settings_test)
    else:
        cache.clear()


@pytest.fixture
def alice(db):
    from tests.factories import UserFactory

    return UserFactory(email="alice@example.org", display_name="Alice Achieng")


@pytest.fixture
def charlie(db):
    from tests.factories import UserFactory

    return UserFactory(email="charlie@example.org", display_name="Charlie")


@pytest.fixture
def eve(db):
    """Staff, with the authenticator the administration asks staff for."""
    from tests.factories import staff_with_authenticator

    return staff_with_authenticator(display_name="Eve")


@pytest.fixture
def staff_client(client, eve):
    client.force_login(eve)
    return client
