"""What Linux's /proc says about a process: its children, resident and proportional memory, and
CPU time. Shared by the benchmarks that watch servers and workers."""

import os
from pathlib import Path


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _kib(path: str, field: str) -> int | None:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def rss_kib(pid: int) -> int | None:
    return _kib(f"/proc/{pid}/status", "VmRSS:")


def pss_kib(pid: int) -> int | None:
    return _kib(f"/proc/{pid}/smaps_rollup", "Pss:")


def cpu_seconds(pid: int) -> float | None:
    """User and system CPU time the process has used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
