"""Runs a stage in a forked process and takes back only its result, for the memory it leaves.

Reading and merging 10,000 articles makes millions of short-lived objects (each report's word
sets, the merge's profiles) among the long-lived ones (articles, entries). Once they are freed,
CPython keeps the memory arenas they shared with the survivors: the process stays at about
1.1 GB where the timeline alone, made afresh, takes 0.5 GB, and the render worker it forks
copies what it touches of that. Done in a child that pickles its result back down a pipe and
exits, the stage leaves the parent only the result, packed densely.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable
from typing import TypeVar, cast

from generator.cache import BY_CONSTRUCTOR
from generator.collection import collection_paused, return_freed_blocks
from generator.errors import OutputError
from generator.workers import WorkerTraceback, die_with_parent, portable

T = TypeVar("T")
U = TypeVar("U")

_DONE, _FAILED = b"T", b"E"  # the first byte the child sends: what the pickle after it is


def can_fork() -> bool:
    """Whether this system can fork a process that shares the parent's memory (not Windows)."""
    return "fork" in multiprocessing.get_all_start_methods()


def in_child(stage: Callable[[], T], what: str) -> T:
    """What `stage()` returns, or the error it raises, as a forked process computes it. `what`
    names the stage in the error for a child that stops without saying why (killed, out of
    memory). Ctrl-C is the parent's: it stops the child and raises here."""
    return while_child(stage, what, _nothing)[0]


def while_child(stage: Callable[[], T], what: str, meanwhile: Callable[[], U]) -> tuple[T, U]:
    """What `stage()` returns as a forked process computes it (see in_child), and what
    `meanwhile()` returns as this process computes it in the meantime. The child then sends
    its result; if `meanwhile` takes longer, the child waits for it to be read."""
    parent = os.getpid()
    readable, writable = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's coverage is not collected
        os.close(readable)
        _run(stage, writable, parent)
    os.close(writable)
    try:
        with os.fdopen(readable, "rb") as stream:
            done = meanwhile()
            sent = stream.read()
    except BaseException:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        raise
    _, status = os.waitpid(child, 0)
    return cast(T, _received(sent, status, what)), done  # what the stage returned, pickled


def _nothing() -> None:
    return None


def _run(stage: Callable[[], T], writable: int, parent: int) -> None:
    """The child: runs the stage, sends its outcome and exits at once, freeing nothing itself."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us on Ctrl-C
        die_with_parent(parent)
        # No collections: the child is gone soon, and each full one walked all it had made (at
        # 10,000 articles one came as merging ended: 1.7 s, for no memory given back).
        gc.disable()
        outcome: object
        try:
            outcome, kind = stage(), _DONE
        except BaseException as error:  # every error is the parent's to raise
            outcome, kind = (portable(error), traceback.format_exc()), _FAILED
        return_freed_blocks()  # the merge's word sets: 230 MB less while the result is sent
        with os.fdopen(writable, "wb") as stream:
            stream.write(kind)
            pickler = pickle.Pickler(stream, pickle.HIGHEST_PROTOCOL)
            pickler.dispatch_table = BY_CONSTRUCTOR
            pickler.dump(outcome)
        code = 0
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stderr.flush()
        os._exit(code)


def _received(sent: bytes, status: int, what: str) -> object:
    code = os.waitstatus_to_exitcode(status)
    kind, pickled = sent[:1], memoryview(sent)[1:]
    if code != 0 or kind not in (_DONE, _FAILED):
        stopped = f"killed by signal {-code}" if code < 0 else f"exit code {code}"
        raise OutputError(
            f"the process {what} stopped ({stopped})",
            hint="if the system ran out of memory, build with fewer --jobs",
        )
    with collection_paused():  # what is loaded is the result, all alive: nothing to collect
        outcome = pickle.loads(pickled)
    if kind == _FAILED:
        error, where = outcome  # a pickled error keeps neither its traceback nor its cause
        raise error from WorkerTraceback(where)
    return outcome
