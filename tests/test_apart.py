"""A stage run in a forked child gives the parent its result or its error, and never outlives
the parent's wait: killed, it is reported; on Ctrl-C it is stopped."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import pytest

from generator.apart import in_child, while_child
from generator.errors import ContentError, Location, OutputError
from generator.model import Span, Timex
from generator.reading import _start_worker
from generator.workers import WorkerTraceback


def test_the_childs_result_comes_back_equal_and_made_elsewhere() -> None:
    moment = datetime(2025, 6, 2, tzinfo=UTC)
    made = Timex(Span(3, 9), "Monday", "DATE", "2025-06-02", "weekday", start=moment, end=moment)

    pid, result = in_child(lambda: (os.getpid(), (made, made)), "testing")

    assert pid != os.getpid()
    assert result == (made, made)
    assert result[0] is result[1], "what the child shared arrives shared"


def test_the_child_collects_no_garbage_and_the_parent_still_does() -> None:
    assert in_child(gc.isenabled, "testing") is False
    assert gc.isenabled()


def worker_collects() -> bool:
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(1, context, initializer=_start_worker, initargs=(os.getpid(),))
    with pool:
        return pool.submit(gc.isenabled).result()


def test_a_reading_worker_forked_from_the_child_collects_garbage() -> None:
    assert in_child(worker_collects, "testing") is True


def failing() -> None:
    raise ContentError("bad date", Location("a.md", 3), hint="write it out")


def test_the_childs_error_is_raised_with_where_it_was_raised() -> None:
    with pytest.raises(ContentError, match="bad date") as raised:
        in_child(failing, "testing")
    assert str(raised.value) == "a.md:3: error: bad date (hint: write it out)"
    cause = raised.value.__cause__
    assert isinstance(cause, WorkerTraceback) and "in failing" in str(cause)


class Unpicklable(Exception):
    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("not across a pipe")


def test_an_error_that_cannot_cross_the_pipe_arrives_as_its_type_and_message() -> None:
    def stage() -> None:
        raise Unpicklable("lost lock")

    with pytest.raises(RuntimeError, match=r"^Unpicklable: lost lock$"):
        in_child(stage, "testing")


def test_a_child_that_is_killed_is_reported_by_what_it_was_doing() -> None:
    def stage() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    with pytest.raises(OutputError, match=r"reading the articles stopped \(killed by signal 9\)"):
        in_child(stage, "reading the articles")


def test_ctrl_c_stops_the_child_and_reaches_the_parent(tmp_path: Path) -> None:
    started = tmp_path / "pid"

    def stage() -> None:
        started.write_text(str(os.getpid()))
        time.sleep(60)

    def interrupt() -> None:
        deadline = time.monotonic() + 30
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(os.getpid(), signal.SIGINT)

    threading.Thread(target=interrupt, daemon=True).start()
    begun = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        in_child(stage, "testing")
    assert time.monotonic() - begun < 30, "the parent did not wait for the child's sleep"
    child = int(started.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)  # gone and reaped


def test_the_parent_works_meanwhile_while_the_child_runs(tmp_path: Path) -> None:
    def side(name: str) -> int:  # waits until the other side has started: they overlap
        (tmp_path / name).touch()
        deadline = time.monotonic() + 30
        while not all((tmp_path / n).exists() for n in ("child", "parent")):
            assert time.monotonic() < deadline, f"the {name} waited alone"
            time.sleep(0.01)
        return os.getpid()

    child, parent = while_child(lambda: side("child"), "testing", lambda: side("parent"))
    assert parent == os.getpid() != child


def test_an_error_meanwhile_stops_the_child(tmp_path: Path) -> None:
    started = tmp_path / "pid"

    def stage() -> None:
        started.write_text(str(os.getpid()))
        time.sleep(60)

    def meanwhile() -> None:
        deadline = time.monotonic() + 30
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        raise ContentError("theme unreadable", Location("templates/base.html"))

    with pytest.raises(ContentError, match="theme unreadable"):
        while_child(stage, "testing", meanwhile)
    with pytest.raises(ProcessLookupError):
        os.kill(int(started.read_text()), 0)  # gone and reaped
