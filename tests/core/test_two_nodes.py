"""Web nodes and workers keep no state of their own, so any number of them can share one
PostgreSQL and one Redis.

The main test starts two gunicorn nodes and two Celery workers (one per queue) as separate
processes with the production settings, and serves one learner through both nodes in turn. A
media folder shared by the processes stands in for the S3 bucket that production shares between
machines; apart from it they share only PostgreSQL and Redis.
"""

import json
import os
import re
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import pytest
import redis
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, storages
from django.db import connection
from django.urls import reverse
from django_redis.cache import RedisCache

from alliance.celery import app
from alliance.core.tasks import probe
from certification.models import Certificate
from courses.models import Enrolment, Lesson, LessonAttachment
from tests.courses.factories import build_course
from tests.factories import PASSWORD, UserFactory

ROOT = Path(__file__).resolve().parents[2]
SECRET_KEY = "two-nodes-test-" + "k" * 40  # one key for every node, as in production
WORKSHEET = b"Exercise 1: list three uses of AI in your ministry.\n"

# The production static storage needs a manifest; collecting without compressing every file is
# enough to serve pages, and takes seconds instead of most of a minute.
COLLECT_STATIC = """
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings
manifest = {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}
with override_settings(STORAGES={**settings.STORAGES, "staticfiles": manifest}):
    call_command("collectstatic", interactive=False, verbosity=0)
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url() -> str:
    """The test database (committed rows are visible to other processes: transaction=True)."""
    db = connection.settings_dict
    user = quote(db["USER"] or "", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    host = db["HOST"] or "127.0.0.1"
    return f"postgres://{user}{password}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


def _claim_empty_redis_database(url: str) -> str:
    """A database of its own on the test run's Redis server: the Celery workers of other test
    processes (tests/core/test_celery_worker.py under xdist) then cannot take this test's tasks,
    nor its workers theirs. Only an empty database is taken, so nobody's data is touched."""
    parts = urlsplit(url)
    own = int(parts.path.strip("/") or 0)
    for number in range(15, -1, -1):
        candidate = urlunsplit(parts._replace(path=f"/{number}"))
        client = redis.Redis.from_url(candidate)
        try:
            if (
                number != own
                and client.dbsize() == 0
                and client.set("two-nodes-test", "claimed", nx=True, ex=600)
            ):
                return candidate
        except redis.ResponseError:  # a server configured with fewer databases
            continue
    pytest.skip("no empty Redis database to run the two nodes on")


def _static_collected() -> None:
    """Collect the static files the nodes serve, unless a collection newer than them exists."""
    manifest = ROOT / "staticfiles" / "staticfiles.json"
    folders = [ROOT / "static", *ROOT.glob("*/static")]
    sources = [p for folder in folders for p in folder.rglob("*") if p.is_file()]
    newest = max(p.stat().st_mtime for p in sources)
    if manifest.exists() and manifest.stat().st_mtime >= newest:
        return
    subprocess.run(
        [sys.executable, "-c", COLLECT_STATIC],
        cwd=ROOT,
        env=_production_env(database_url="sqlite://", redis_url=""),
        check=True,
        timeout=120,
    )


def _production_env(*, database_url: str, redis_url: str, media_root: str = "") -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("AWS_", "DJANGO_", "CELERY_", "DATABASE_"))
        and key not in ("WEB_CONCURRENCY", "PORT")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="alliance.settings",
        DJANGO_ENV_FILE="/nonexistent",  # a developer's .env would turn debug on
        DJANGO_SECRET_KEY=SECRET_KEY,
        DJANGO_DEBUG="false",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        # Plain HTTP on loopback; production has TLS in front of the nodes.
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_SECURE_COOKIES="false",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        EMAIL_URL="consolemail://",
    )
    if media_root:
        env["MEDIA_ROOT"] = media_root
    return env


class Cluster:
    """Two web nodes and two workers; every process writes its output to a log file."""

    def __init__(self, *, env: dict, logs: Path):
        self.env, self.logs = env, logs
        self.redis_url = env["REDIS_URL"]
        self.processes: dict[str, subprocess.Popen] = {}
        self.nodes: dict[str, str] = {}

    def start(self) -> "Cluster":
        self.started_at = time.monotonic()
        for name in ("a", "b"):
            port = _free_port()
            self.nodes[name] = f"http://127.0.0.1:{port}"
            # The image's gunicorn.conf.py, on loopback and with one worker per node.
            self._spawn(
                f"web-{name}",
                f"-m gunicorn -c gunicorn.conf.py alliance.wsgi -b 127.0.0.1:{port} --workers 1",
            )
        for queue in ("quick", "slow"):
            self._spawn(
                f"worker-{queue}",
                f"-m celery -A alliance worker -Q {queue} -n {queue}-{uuid.uuid4().hex[:8]}@%h"
                " --pool=solo -l info --without-gossip --without-mingle --without-heartbeat",
            )
        return self

    def _spawn(self, name: str, args: str) -> None:
        with (self.logs / f"{name}.log").open("wb") as log:
            self.processes[name] = subprocess.Popen(
                [sys.executable, *args.split()], cwd=ROOT, env=self.env, stdout=log, stderr=log
            )

    def log(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text(errors="replace")

    def check_alive(self) -> None:
        for name, process in self.processes.items():
            assert process.poll() is None, f"{name} exited:\n{self.log(name)[-3000:]}"

    def wait_until_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        for url in self.nodes.values():
            while True:
                self.check_alive()
                try:
                    if requests.get(f"{url}/health/", timeout=10).status_code == 200:
                        break
                except requests.RequestException:  # not listening yet, or still starting up
                    pass
                assert time.monotonic() < deadline, f"{url} never became healthy"
                time.sleep(0.3)

    def stop(self) -> None:
        for process in self.processes.values():
            process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def cluster(transactional_db, settings, tmp_path):
    _static_collected()
    node_redis = _claim_empty_redis_database(settings.REDIS_URL)
    logs = tmp_path / "logs"
    logs.mkdir()
    cluster = Cluster(
        env=_production_env(
            database_url=_database_url(),
            redis_url=node_redis,
            media_root=str(settings.MEDIA_ROOT),
        ),
        logs=logs,
    )
    try:
        yield cluster.start()
    finally:
        # Stopped before the test database is flushed, which their connections would block.
        cluster.stop()
        redis.Redis.from_url(node_redis).flushdb()


def _learner(email: str, name: str):
    """A learner whose password the nodes can check: they run the production hashers, which do
    not include the test settings' fast MD5."""
    user = UserFactory(email=email, display_name=name)
    hasher = PBKDF2PasswordHasher()
    user.password = hasher.encode(PASSWORD, hasher.salt())
    user.save(update_fields=["password"])
    return user


def _post(session: requests.Session, url: str, data: dict | None = None) -> requests.Response:
    data = {"csrfmiddlewaretoken": session.cookies["csrftoken"], **(data or {})}
    return session.post(url, data=data, allow_redirects=False)


def _sign_in(session: requests.Session, node: str, email: str, password: str) -> requests.Response:
    assert session.get(f"{node}/accounts/login/", timeout=10).status_code == 200
    return _post(session, f"{node}/accounts/login/", {"login": email, "password": password})


def _wait_for(check, *, timeout: float, cluster: Cluster, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        cluster.check_alive()
        time.sleep(0.3)
    logs = "\n".join(f"--- {name}\n{cluster.log(name)[-2000:]}" for name in cluster.processes)
    pytest.fail(f"timed out waiting for {what}\n{logs}")


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_learner_is_served_the_same_whichever_node_answers(cluster):
    alice = _learner("alice@example.org", "Alice Achieng")
    charlie = _learner("charlie@example.org", "Charlie")
    version = build_course(lessons_per_module=1, modules=2, with_quiz=False, title="AI in policy")
    first, second = Lesson.objects.filter(module__version=version).order_by("module__order")
    # An upload made through the administration of either node lands in the shared storage.
    worksheet = LessonAttachment.objects.create(
        lesson=first, title="Worksheet", file=ContentFile(WORKSHEET, name="worksheet.txt")
    )
    course = {"slug": version.course.slug, "language": version.language}
    cluster.wait_until_healthy()
    started = time.monotonic()
    print(f"two nodes: healthy {started - cluster.started_at:.1f} s after starting")
    a, b = cluster.nodes["a"], cluster.nodes["b"]
    browser = requests.Session()

    # Signed in on node A...
    signed_in = _sign_in(browser, a, alice.email, PASSWORD)
    assert signed_in.status_code == 302, signed_in.text[:2000]

    # ...she is signed in on node B, whose process never saw her sign in.
    profile = browser.get(f"{b}/accounts/profile/", allow_redirects=False, timeout=10)
    assert profile.status_code == 200
    assert "alice@example.org" in profile.text
    stranger = requests.get(f"{b}/accounts/profile/", allow_redirects=False, timeout=10)
    assert stranger.status_code == 302  # the page is not open to everyone

    # She enrols on node B and finds the course in "My learning" on node A.
    enrolled = _post(browser, f"{b}{reverse('courses:enrol', kwargs=course)}")
    assert enrolled.status_code == 302, enrolled.text[:2000]
    learning = browser.get(f"{a}/learning/", timeout=10)
    assert learning.status_code == 200
    assert "AI in policy" in learning.text
    assert Enrolment.objects.filter(user=alice, version=version).exists()

    # The uploaded file is served by node B from the shared storage.
    url = reverse("courses:attachment", kwargs={**course, "attachment_id": worksheet.pk})
    attachment = browser.get(f"{b}{url}", timeout=10)
    assert attachment.status_code == 200
    assert attachment.content == WORKSHEET

    # She completes one lesson on each node; the completion certificate's PDF is rendered by the
    # slow queue's worker, and node A serves the file that worker wrote.
    for node, lesson in ((a, first), (b, second)):
        url = reverse("courses:lesson_complete", kwargs={**course, "lesson_id": lesson.pk})
        assert _post(browser, f"{node}{url}").status_code == 302
    certificate = Certificate.objects.get(user=alice, course=version.course)
    pdf_url = reverse("certification:pdf", args=[certificate.pk])

    def pdf_served():
        response = browser.get(f"{a}{pdf_url}", timeout=10)
        return response if response.status_code == 200 else None

    pdf = _wait_for(pdf_served, timeout=60, cluster=cluster, what="the certificate's PDF")
    assert pdf.headers["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert browser.get(f"{b}{pdf_url}", timeout=10).content == pdf.content

    # A task sent from here runs on the quick queue's worker and writes to the shared cache.
    token = uuid.uuid4().hex
    app.conf.task_always_eager = False  # the test settings run tasks in-process otherwise
    try:
        with app.connection_for_write(cluster.redis_url) as broker:
            probe.apply_async((token,), connection=broker)
    finally:
        app.conf.task_always_eager = True
    node_cache = RedisCache(cluster.redis_url, {})
    _wait_for(
        lambda: node_cache.get(f"celery-probe:{token}") == "done",
        timeout=30,
        cluster=cluster,
        what="the probe task",
    )

    # Each kind of work went to its own queue's worker.
    quick, slow = cluster.log("worker-quick"), cluster.log("worker-slow")
    assert "core.probe[" in quick and "core.probe[" not in slow
    assert "certification.deliver[" in slow and "certification.deliver[" not in quick
    assert "To: alice@example.org" in slow  # the e-mail with the PDF, sent by the same task

    # Failed sign-ins count on every node: after five wrong passwords spread over both, even the
    # right one is refused for a while.
    for node in (a, b, a, b, a):
        failed = _sign_in(requests.Session(), node, charlie.email, "not-the-password")
        assert failed.status_code == 200
    refused = _sign_in(requests.Session(), b, charlie.email, PASSWORD)
    assert refused.status_code == 200
    assert "Too many failed login attempts" in refused.text
    print(f"two nodes: the journey took {time.monotonic() - started:.1f} s")


def test_media_go_to_a_private_bucket_exactly_when_one_is_named():
    """No S3 service runs here: the storage is built from the production settings, as a node
    would build it, and asked for a link (signing needs no network)."""
    script = (
        "import json\n"
        "from django.core.files.storage import storages\n"
        "s = storages['default']\n"
        "print(json.dumps({'class': type(s).__name__, 'bucket': s.bucket_name,"
        " 'acl': s.default_acl, 'signed': s.querystring_auth, 'overwrite': s.file_overwrite,"
        " 'url': s.url('certificates/x.pdf')}))\n"
    )
    env = _production_env(database_url="sqlite://", redis_url="")
    env.update(
        AWS_STORAGE_BUCKET_NAME="alliance-media",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000",
        AWS_S3_REGION_NAME="eu-west-1",
        AWS_ACCESS_KEY_ID="test-access-key",
        AWS_SECRET_ACCESS_KEY="test-secret",
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    bucket = json.loads(result.stdout.strip().splitlines()[-1])

    assert bucket["class"] == "S3Storage"
    assert bucket["bucket"] == "alliance-media"
    assert bucket["acl"] is None  # no ACL: objects stay as private as S3 makes them
    assert bucket["signed"] is True
    assert bucket["overwrite"] is False
    assert bucket["url"].startswith("http://127.0.0.1:9000/alliance-media/certificates/x.pdf?")
    assert re.search(r"X-Amz-Signature=[0-9a-f]{64}", bucket["url"])
    # Without a bucket (as in this test run) files stay on local disk.
    assert isinstance(storages["default"], FileSystemStorage)


@pytest.mark.django_db
def test_private_files_are_served_from_a_storage_that_is_not_the_local_disk(
    client, settings, alice, django_capture_on_commit_callbacks
):
    """Object storage keeps no file at a local path: views must read files through the storage
    (.open()), never open their .path. Django's in-memory storage stands in for S3 here."""
    from courses import services as course_services
    from tests.library.factories import MaterialFactory

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    version = build_course(lessons_per_module=1, modules=1, with_quiz=False)
    lesson = Lesson.objects.get(module__version=version)
    worksheet = LessonAttachment.objects.create(
        lesson=lesson, title="Worksheet", file=ContentFile(WORKSHEET, name="worksheet.txt")
    )
    material = MaterialFactory(
        url="", mime_type="text/plain", file=ContentFile(WORKSHEET, name="primer.txt")
    )
    with django_capture_on_commit_callbacks(execute=True):
        course_services.enrolment_create(user=alice, version=version)
        course_services.lesson_complete(user=alice, lesson=lesson)
    certificate = Certificate.objects.get(user=alice)
    client.force_login(alice)
    course = {"slug": version.course.slug, "language": version.language}

    pdf = client.get(reverse("certification:pdf", args=[certificate.pk]))
    attachment = client.get(
        reverse("courses:attachment", kwargs={**course, "attachment_id": worksheet.pk})
    )
    download = client.get(reverse("library:download", args=[material.slug]))

    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert b"".join(attachment.streaming_content) == WORKSHEET
    assert b"".join(download.streaming_content) == WORKSHEET
