"""The HTTP side of the benchmark's learners: signing in through the site's own form, each from
an address of its own, and the booking contention run (many learners, one session, at once).

Used by bench/run.py (which prepares the session and checks the database) and, for signing in,
by bench/locustfile.py. Only the standard library and requests: locust imports this module
under gevent, and run.py without it.

Every simulated person connects from its own loopback address (127.0.0.0/8 is all loopback on
Linux), as people do from their own machines: the sign-in rate limit (allauth's "login",
30 a minute per address) and the API's throttles then count each person apart, as they would
in production, instead of seeing the whole benchmark as one address.
"""

import statistics
import threading
import time
from dataclasses import dataclass

import requests
from requests.adapters import HTTPAdapter

TIMEOUT = 60  # seconds; a request queued behind every worker still gets its answer

# Loopback blocks, one per kind of simulated person: 127.<block>.<n // 250>.<n % 250 + 1>.
BLOCKS = {"learner": 10, "visitor": 20, "contention": 30, "probe": 40}


def loopback_address(kind: str, n: int) -> str:
    return f"127.{BLOCKS[kind]}.{n // 250}.{n % 250 + 1}"


class SourceAddressAdapter(HTTPAdapter):
    """Connections from a chosen local address."""

    def __init__(self, source: str, **kwargs):
        self.source = source
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.source, 0)
        super().init_poolmanager(*args, **kwargs)


def bind(session: requests.Session, source: str) -> requests.Session:
    session.mount("http://", SourceAddressAdapter(source))
    return session


def csrf_token(session: requests.Session) -> str:
    return session.cookies.get("csrftoken", "")


def sign_in(session: requests.Session, base: str, email: str, password: str, **kwargs) -> None:
    """Sign in through /accounts/login/ as a browser does: fetch the form (CSRF cookie), post it.
    Raises RuntimeError unless the site answers with the redirect of a successful sign-in.
    ``kwargs`` go to both requests (locust's ``name``, say)."""
    url = f"{base}/accounts/login/"
    form = session.get(url, timeout=TIMEOUT, allow_redirects=False, **kwargs)
    if form.status_code != 200 or not csrf_token(session):
        raise RuntimeError(f"sign-in form: HTTP {form.status_code}")
    answer = session.post(
        url,
        data={"login": email, "password": password, "csrfmiddlewaretoken": csrf_token(session)},
        timeout=TIMEOUT,
        allow_redirects=False,
        **kwargs,
    )
    location = answer.headers.get("Location", "")
    if answer.status_code != 302 or "sessionid" not in session.cookies or "/login" in location:
        raise RuntimeError(f"sign-in refused: HTTP {answer.status_code} -> {location or '-'}")


@dataclass
class Contention:
    learners: int
    signed_in: int
    statuses: dict
    errors: list
    burst_seconds: float
    latency_ms: dict


def contend(*, base: str, slug: str, emails: list[str], password: str) -> Contention:
    """Sign every learner in (each with its own session and address), then release all their
    booking requests for session ``slug`` at the same instant; the database decides the rest."""
    sessions: list[requests.Session | None] = [None] * len(emails)
    errors: list[str] = []

    def prepare(i: int) -> None:
        session = bind(requests.Session(), loopback_address("contention", i))
        try:
            sign_in(session, base, emails[i], password)
            page = session.get(f"{base}/workshops/{slug}/", timeout=TIMEOUT)
            page.raise_for_status()
            sessions[i] = session
        except (RuntimeError, requests.RequestException) as error:
            errors.append(f"{emails[i]}: {error}")

    _in_threads(prepare, len(emails), width=8)
    ready = [(i, s) for i, s in enumerate(sessions) if s is not None]
    barrier = threading.Barrier(len(ready) + 1)
    statuses: dict[str, int] = {}
    latencies: list[float] = []
    lock = threading.Lock()

    def book(i: int, session: requests.Session) -> None:
        token = csrf_token(session)
        barrier.wait()
        started = time.perf_counter()
        try:
            answer = session.post(
                f"{base}/workshops/{slug}/book/",
                data={"mode": "online", "csrfmiddlewaretoken": token},
                timeout=TIMEOUT,
                allow_redirects=False,
            )
            outcome = str(answer.status_code)
        except requests.RequestException as error:
            outcome = type(error).__name__
        elapsed = (time.perf_counter() - started) * 1000
        with lock:
            statuses[outcome] = statuses.get(outcome, 0) + 1
            latencies.append(elapsed)

    threads = [threading.Thread(target=book, args=pair) for pair in ready]
    for thread in threads:
        thread.start()
    barrier.wait()
    released = time.perf_counter()
    for thread in threads:
        thread.join()
    burst = time.perf_counter() - released
    latencies.sort()
    return Contention(
        learners=len(emails),
        signed_in=len(ready),
        statuses=statuses,
        errors=errors,
        burst_seconds=round(burst, 2),
        latency_ms={
            "p50": round(statistics.median(latencies), 1) if latencies else None,
            "p95": round(latencies[int(0.95 * (len(latencies) - 1))], 1) if latencies else None,
            "max": round(latencies[-1], 1) if latencies else None,
        },
    )


def _in_threads(function, count: int, *, width: int) -> None:
    """function(i) for i in range(count), ``width`` at a time."""
    indexes = iter(range(count))
    lock = threading.Lock()

    def worker():
        while True:
            with lock:
                i = next(indexes, None)
            if i is None:
                return
            function(i)

    threads = [threading.Thread(target=worker) for _ in range(width)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
