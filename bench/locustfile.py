"""The load of `make bench`: signed-in learners and anonymous visitors, each page its own task.

bench/run.py starts it (`locust -f bench/locustfile.py --headless ...`) with, in the environment:

    BENCH_PLAN      JSON written by run.py: the learners to sign in as, their password, and the
                    URLs of each page (drawn from the generated data)
    BENCH_OUT       where to write the measured window's statistics (JSON)
    BENCH_WARMUP    seconds of load, once every user has started, before measuring (default 5)
    BENCH_DURATION  seconds measured (default 60)
    BENCH_THINK     "min,max" seconds each user waits between two pages (default "1,3")

Statistics are reset once every user has signed in and the warm-up is over, so sign-ins and cold
workers are not measured; after BENCH_DURATION the file stops the run itself. Every request
must answer exactly as the site does for a person (200, or the 302 after a form): anything else,
a redirect to the sign-in page included, counts as an error.
"""

import itertools
import json
import os
import random
import sys
import time
from pathlib import Path

import gevent
from locust import HttpUser, between, events, task

sys.path.insert(0, str(Path(__file__).resolve().parent))
from booking_contention import bind, csrf_token, loopback_address, sign_in

PLAN = json.loads(Path(os.environ["BENCH_PLAN"]).read_text())
WARMUP = float(os.environ.get("BENCH_WARMUP", "5"))
DURATION = float(os.environ.get("BENCH_DURATION", "60"))
THINK = [float(x) for x in os.environ.get("BENCH_THINK", "1,3").split(",")]

_numbers = {"learner": itertools.count(), "visitor": itertools.count()}
_started = 0
_sign_in_errors: list[str] = []


class Person(HttpUser):
    abstract = True
    kind = ""
    wait_time = between(*THINK)

    def on_start(self):
        global _started
        self.number = next(_numbers[self.kind])
        self.rng = random.Random(f"{self.kind}-{self.number}")
        bind(self.client, loopback_address(self.kind, self.number))
        try:
            self.prepare()
        finally:
            _started += 1

    def prepare(self):
        pass

    def visit(self, name: str, url: str, expect: int = 200):
        with self.client.get(
            url, name=name, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != expect:
                where = response.headers.get("Location", "")
                response.failure(f"HTTP {response.status_code} {where}".strip())

    def page(self, name: str):
        self.visit(name, self.rng.choice(PLAN["urls"][name]))

    # Pages anyone can see.
    @task
    def floor(self):
        self.visit("floor", "/bench/floor/")

    @task
    def catalogue(self):
        self.page("catalogue")

    @task
    def course(self):
        self.page("course")

    @task
    def library_search(self):
        self.page("library search")

    @task
    def sessions(self):
        self.page("sessions")

    @task
    def verify(self):
        self.page("verify")

    @task
    def api_courses(self):
        self.page("api: courses")

    @task
    def api_library_search(self):
        self.page("api: library search")

    @task
    def api_verify(self):
        self.page("api: verify")


class Visitor(Person):
    """Someone browsing without an account."""

    kind = "visitor"
    weight = 1


class Learner(Person):
    """A learner, signed in through the site's form, enrolled in a course."""

    kind = "learner"
    weight = 3

    def prepare(self):
        learners = PLAN["learners"]
        self.learner = learners[self.number % len(learners)]
        try:
            sign_in(self.client, "", self.learner["email"], PLAN["password"], name="sign in")
        except Exception as error:
            _sign_in_errors.append(f"{self.learner['email']}: {error}")

    @task
    def lesson(self):
        self.visit("lesson", self.rng.choice(self.learner["lessons"]))

    @task
    def dashboard(self):
        self.visit("dashboard", "/learning/")

    @task
    def booking(self):
        """Book a seat at a session with room, then give it back (two measured requests)."""
        slug = self.rng.choice(PLAN["booking"])
        for name, action in (("booking", "book"), ("booking: cancel", "cancel")):
            with self.client.post(
                f"/workshops/{slug}/{action}/",
                data={"mode": "online", "csrfmiddlewaretoken": csrf_token(self.client)},
                name=name,
                allow_redirects=False,
                catch_response=True,
            ) as response:
                if response.status_code != 302:
                    response.failure(f"HTTP {response.status_code}")


@events.test_start.add_listener
def _measure(environment, **kwargs):
    gevent.spawn(_window, environment)


def _window(environment):
    """Wait for every user to start, warm up, measure DURATION seconds, write, stop."""
    wanted = environment.parsed_options.num_users
    give_up = time.monotonic() + 600
    while _started < wanted and time.monotonic() < give_up:
        gevent.sleep(0.2)
    gevent.sleep(WARMUP)
    stats = environment.runner.stats
    stats.reset_all()
    started = time.time()
    gevent.sleep(DURATION)
    finished = time.time()
    _write(stats, started, finished, wanted)
    environment.runner.quit()


def _write(stats, started: float, finished: float, users: int) -> None:
    window = finished - started
    pages = []
    for (name, method), entry in sorted(stats.entries.items()):
        pages.append(
            {
                "name": name,
                "method": method,
                "requests": entry.num_requests,
                "failures": entry.num_failures,
                "rps": round(entry.num_requests / window, 2),
                "p50_ms": entry.get_response_time_percentile(0.5),
                "p95_ms": entry.get_response_time_percentile(0.95),
                "p99_ms": entry.get_response_time_percentile(0.99),
                "max_ms": round(entry.max_response_time or 0, 1),
                "bytes_avg": round(entry.avg_content_length),
            }
        )
    total = stats.total
    result = {
        "window": {"started": started, "finished": finished, "seconds": round(window, 1)},
        "users": users,
        "started_users": _started,
        "sign_in_errors": _sign_in_errors,
        "pages": pages,
        "total": {
            "requests": total.num_requests,
            "failures": total.num_failures,
            "rps": round(total.num_requests / window, 2),
        },
        "errors": [
            {"name": e.name, "method": e.method, "error": str(e.error), "count": e.occurrences}
            for e in stats.errors.values()
        ],
    }
    Path(os.environ["BENCH_OUT"]).write_text(json.dumps(result, indent=2) + "\n")
