"""Gunicorn settings for the production image (`gunicorn -c gunicorn.conf.py alliance.wsgi`).

Everything tunable comes from the environment:
  PORT             port to listen on, on every interface (default 8000)
  WEB_CONCURRENCY  number of worker processes (default 2 x cores + 1, at most 8)
"""

import os


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the CPUs this process may run on
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


bind = f"0.0.0.0:{int(os.environ.get('PORT', '8000'))}"

_concurrency = os.environ.get("WEB_CONCURRENCY", "").strip()
# Each sync worker holds a whole Django process; past 8 memory grows faster than throughput.
workers = int(_concurrency) if _concurrency else min(2 * _cores() + 1, 8)

# Heartbeat files on tmpfs: a container's overlay filesystem can stall workers under I/O load.
_shm = "/dev/shm"  # noqa: S108 -- gunicorn only keeps its worker heartbeat files there
if os.path.isdir(_shm):
    worker_tmp_dir = _shm

timeout = 30  # a sync worker silent this long is killed and replaced
graceful_timeout = 30  # on SIGTERM, time left to finish requests in flight
keepalive = 5  # behind a reverse proxy that reuses connections

# Recycle each worker after about 1000 requests, staggered so they do not all restart at once.
max_requests = 1000
max_requests_jitter = 100

accesslog = "-"  # stdout
errorlog = "-"  # stderr

# Gunicorn 25.1+ opens a control socket for `gunicornc` under $XDG_RUNTIME_DIR or ~/.gunicorn;
# unused here, and the image's user has no writable home. Same as --no-control-socket.
control_socket_disable = True
