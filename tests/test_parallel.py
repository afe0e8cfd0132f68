"""Pages rendered and written by forked workers: every page once, the error a single process
would give, and no worker or half-written folder left behind."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from generator import parallel
from generator.errors import Location, OutputError, TemplateError
from generator.parallel import write_planned
from generator.render import Planned
from generator.write import MARKER

from .conftest import ROOT

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="workers are forked"
)


@pytest.fixture(autouse=True)
def fork_for_few_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_THRESHOLD", 2)


def plan(count: int, make: Callable[[int], bytes]) -> list[Planned]:
    return [(f"p{number:03}.html", partial(make, number)) for number in range(count)]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and p.name != MARKER}  # fmt: skip


def old_site(tmp_path: Path) -> Path:
    out = tmp_path / "site"
    write_planned(plan(3, lambda number: b"old"), out, jobs=1)
    return out


def assert_nothing_left(tmp_path: Path, out: Path) -> None:
    assert snapshot(out) == dict.fromkeys(["p000.html", "p001.html", "p002.html"], b"old")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert multiprocessing.active_children() == []
    assert gc.get_freeze_count() == 0


def test_the_pages_are_shared_among_the_workers_and_each_written_once(tmp_path: Path) -> None:
    # The first two pages wait for each other: two workers, the parent and a forked one, must
    # have claimed them.
    both_started = multiprocessing.get_context("fork").Barrier(2, timeout=60)

    def made_by(number: int) -> bytes:
        if number < 2:
            both_started.wait()
        return str(os.getpid()).encode()

    out = tmp_path / "site"
    written = write_planned(plan(300, made_by), out, jobs=2)
    assert written == tuple(f"p{number:03}.html" for number in range(300))
    makers = set(snapshot(out).values())
    assert len(snapshot(out)) == 300
    assert len(makers) == 2 and str(os.getpid()).encode() in makers
    assert multiprocessing.active_children() == []


def failing_at(slow: int, fast: set[int]) -> Callable[[int], bytes]:
    """A page maker failing at `slow` after a while, and at once at each of `fast`."""

    def make(number: int) -> bytes:
        if number == slow:
            time.sleep(0.5)
        if number == slow or number in fast:
            raise TemplateError(f"page {number} failed", Location("templates/event.html", 3))
        return b"new"

    return make


@pytest.mark.parametrize("jobs", [1, 2])
def test_pages_render_with_the_build_left_out_of_collections_and_put_back_after(
    tmp_path: Path, jobs: int
) -> None:
    frozen = plan(300, lambda number: str(gc.get_freeze_count() > 0).encode())
    write_planned(frozen, tmp_path / "site", jobs=jobs)
    assert set(snapshot(tmp_path / "site").values()) == {b"True"}
    assert gc.get_freeze_count() == 0


def test_a_failure_is_the_first_in_path_order_as_in_one_process(tmp_path: Path) -> None:
    out = old_site(tmp_path)
    make = failing_at(40, set(range(41, 300, 7)))
    errors = []
    for jobs in (1, 2):
        with pytest.raises(TemplateError) as caught:
            write_planned(plan(300, make), out, jobs=jobs)
        errors.append(str(caught.value))
    assert errors == ["templates/event.html:3: error: page 40 failed"] * 2
    assert_nothing_left(tmp_path, out)


def test_an_unsafe_path_stops_the_workers_as_it_stops_one_process(tmp_path: Path) -> None:
    out = old_site(tmp_path)
    planned = [*plan(200, lambda number: b"new"), ("aux/index.html", lambda: b"x")]
    with pytest.raises(OutputError) as caught:
        write_planned(planned, out, jobs=2)
    assert str(caught.value).startswith("error: page path 'aux/index.html' has a part 'aux' ")
    assert_nothing_left(tmp_path, out)


def test_a_bug_in_a_worker_keeps_its_type_and_its_traceback(tmp_path: Path) -> None:
    def make(number: int) -> bytes:
        if number == 7:
            raise ValueError("a bug")
        return b"new"

    out = old_site(tmp_path)
    with pytest.raises(ValueError) as caught:
        write_planned(plan(50, make), out, jobs=2)
    assert str(caught.value) == "a bug"
    assert "in make\n" in str(caught.value.__cause__)
    assert_nothing_left(tmp_path, out)


def test_an_error_that_cannot_cross_the_pipe_is_reported_in_words(tmp_path: Path) -> None:
    class Unpicklable(Exception):  # a local class: pickle cannot find it by name
        pass

    parent, worker_started = os.getpid(), multiprocessing.get_context("fork").Event()

    def make(number: int) -> bytes:
        if os.getpid() != parent:
            worker_started.set()
            raise Unpicklable("odd")
        worker_started.wait(timeout=60)  # else the parent may make every page itself
        return b"new"

    out = old_site(tmp_path)
    with pytest.raises(RuntimeError) as caught:
        write_planned(plan(50, make), out, jobs=2)
    assert str(caught.value) == "Unpicklable: odd"
    assert_nothing_left(tmp_path, out)


def test_a_worker_that_dies_stops_the_build_and_keeps_the_old_site(tmp_path: Path) -> None:
    parent, worker_started = os.getpid(), multiprocessing.get_context("fork").Event()

    def make(number: int) -> bytes:
        if os.getpid() != parent:
            worker_started.set()
            os._exit(3)
        worker_started.wait(timeout=60)  # else the parent may make every page itself
        return b"new"

    out = old_site(tmp_path)
    with pytest.raises(OutputError) as caught:
        write_planned(plan(50, make), out, jobs=2)
    assert str(caught.value) == (
        "error: a process rendering pages stopped (exit code 3) "
        "(hint: if the system ran out of memory, build with fewer --jobs)"
    )
    assert_nothing_left(tmp_path, out)


def test_ctrl_c_stops_the_workers_and_removes_the_staged_pages(tmp_path: Path) -> None:
    made = multiprocessing.get_context("fork").Value("i", 0)
    parent = os.getpid()

    def make(number: int) -> bytes:
        if number == 100:
            os.kill(parent, signal.SIGINT)
        time.sleep(0.002)
        with made.get_lock():
            made.value += 1
        return b"new"

    out = old_site(tmp_path)
    with pytest.raises(KeyboardInterrupt):
        write_planned(plan(2000, make), out, jobs=2)
    assert made.value < 1000
    assert_nothing_left(tmp_path, out)


KILLED_PARENT = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from generator import parallel
parallel.PARALLEL_THRESHOLD = 2
planned = [(f"p{{n:04}}.html", lambda: time.sleep(0.02) or b"x") for n in range(2000)]
parallel.write_planned(planned, Path("site"), jobs=2)
"""


def test_workers_stop_when_their_parent_is_killed(tmp_path: Path) -> None:
    script = KILLED_PARENT.format(root=str(ROOT))
    build = subprocess.Popen([sys.executable, "-c", script], cwd=tmp_path)
    staged: list[Path] = []
    while build.poll() is None and len(staged) < 20:
        staged = list(tmp_path.glob(".site.new-*/*.html"))
    build.kill()
    build.wait()
    time.sleep(0.5)  # a worker finishes the page it is on
    settled = len(list(tmp_path.glob(".site.new-*/*.html")))
    time.sleep(1)
    assert len(list(tmp_path.glob(".site.new-*/*.html"))) == settled < 100
