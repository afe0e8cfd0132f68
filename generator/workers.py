"""What every worker process of a build does first: go when the build goes.

A reading worker waits on its pool's queue for the next article; if the build that started it
is killed (SIGKILL, the OOM killer, a closed terminal's SIGHUP on the parent only), nothing ever
arrives and it would wait for good. On Linux the kernel is asked to stop it with SIGTERM when its
parent dies; elsewhere it relies on the pool's own shutdown.
"""

from __future__ import annotations

import ctypes
import os
import pickle
import signal
import sys
from typing import TypeVar

E = TypeVar("E", bound=BaseException)

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent: int) -> None:
    """Stops this process when `parent` (the build's pid, passed at fork) dies, or now if it
    already has: the request only covers a death after it is made."""
    if sys.platform != "linux":
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:
        os._exit(1)


def process_count(jobs: int | None) -> int:
    """How many processes `--jobs` asks for: by default one per core."""
    return max(1, jobs or os.cpu_count() or 1)


class WorkerTraceback(Exception):
    """Where a worker's error was raised, as text: the cause of an error that crossed a pipe,
    which keeps no traceback of its own."""


def portable(error: E) -> E | RuntimeError:
    """The error, or a plain one with its type and message if it would not survive a pipe."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error
