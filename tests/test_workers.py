"""A killed build leaves no worker behind: its reading pool and render workers go with it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the kernel's parent-death signal")

POOL = textwrap.dedent(
    """
    import os, sys, time
    from concurrent.futures import ProcessPoolExecutor
    from generator.workers import die_with_parent

    def waits(_):
        with open(os.path.join(sys.argv[1], str(os.getpid())), "w"):
            pass
        time.sleep(60)

    with ProcessPoolExecutor(2, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        list(pool.map(waits, range(2)))
    """
)


def alive(pid: int) -> bool:
    """Running or sleeping, not gone or a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in {"Z", "X"}


def test_a_killed_builds_workers_stop_too(tmp_path: Path) -> None:
    build = subprocess.Popen(
        [sys.executable, "-c", POOL, str(tmp_path)], cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while len(list(tmp_path.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = [int(path.name) for path in tmp_path.iterdir()]
    assert len(workers) == 2 and all(map(alive, workers))
    build.send_signal(signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 10
    while any(map(alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(alive, workers))


def test_a_worker_whose_build_is_already_gone_stops_at_once() -> None:
    script = "from generator.workers import die_with_parent; die_with_parent(1); print('ran on')"
    ran = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert (ran.returncode, ran.stdout) == (1, "")
