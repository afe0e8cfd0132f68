"""Takes a site's planned pages and writes them into the output folder from several processes.

The parent plans the site once (what every template sees is computed then) and forks; each
worker, the parent among them, claims pages from a shared counter, renders them and writes them
straight into the staging folder, so no page's bytes cross a pipe. A page's bytes do not depend
on the process that renders it, so the site is byte-identical to one written by one process;
so is a failure: the error of the first failing page in path order, the one a single process
meets."""

from __future__ import annotations

import multiprocessing
import os
import signal
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection
from multiprocessing.context import ForkContext, ForkProcess
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path

from generator.apart import can_fork
from generator.collection import heap_frozen
from generator.errors import OutputError
from generator.render import Planned
from generator.reuse import Record, Reuse, write_page
from generator.workers import WorkerTraceback, die_with_parent, portable, process_count
from generator.write import stage_site

# Below this many pages (about half a second of rendering), forking costs more than it saves.
PARALLEL_THRESHOLD = 200


def write_planned(
    planned: Sequence[Planned],
    out_dir: Path,
    finish: Callable[[Path], None] | None = None,
    jobs: int | None = None,
    reuse: Reuse | None = None,
    remove_later: bool = False,
) -> tuple[str, ...]:
    """Renders the planned pages and writes them as write_site does; with `jobs` processes
    (default: one per core) where the OS can fork and there are pages enough to share. With
    `reuse`, a page whose key the previous build stored is linked, not rendered, and `reuse`
    gathers what this build stores. The old site is removed as `stage_site` says."""
    processes = process_count(jobs)
    if processes == 1 or len(planned) < PARALLEL_THRESHOLD or not can_fork():
        fill = partial(_write_serial, planned, reuse)
    else:
        fill = partial(_write_forked, planned, processes, reuse)
    paths = [path for path, _ in planned]
    return stage_site(out_dir, fill, finish, remove_later, paths)


def _write_serial(
    planned: Sequence[Planned], reuse: Reuse | None, staging: Path, previous: Path | None
) -> tuple[str, ...]:
    with heap_frozen():
        records = [write_page(path, make, staging, previous, reuse) for path, make in planned]
    if reuse is not None:
        reuse.gather(record for record in records if record is not None)
    return tuple(path for path, _ in planned)


@dataclass(frozen=True, slots=True)
class _Job:
    """What the workers share: the plan, where to write, and two counters in shared memory."""

    planned: Sequence[Planned]
    order: tuple[int, ...]  # indices into `planned`, in the order the workers claim them
    staging: Path
    previous: Path | None
    reuse: Reuse | None
    claimed: Synchronized[int]  # how many of `order` are taken
    first_failure: Synchronized[int]  # the lowest index that failed; len(planned) until one does


@dataclass(frozen=True, slots=True)
class _Failure:
    """A worker's lowest failing page, its error and where it was raised."""

    index: int
    error: Exception
    where: str


def _write_forked(
    planned: Sequence[Planned],
    processes: int,
    reuse: Reuse | None,
    staging: Path,
    previous: Path | None,
) -> tuple[str, ...]:
    context = multiprocessing.get_context("fork")
    counters = context.Value("q", 0), context.Value("q", len(planned))
    job = _Job(planned, _claim_order(planned), staging, previous, reuse, *counters)
    # The workers' collections then leave the parent's objects and their pages alone too.
    with heap_frozen():
        outcomes = _run_workers(context, job, processes)
    failures = [failure for failure, _ in outcomes if failure is not None]
    if reuse is not None:
        reuse.gather(record for _, records in outcomes for record in records)
    if failures:
        first = min(failures, key=lambda failure: failure.index)
        raise first.error from WorkerTraceback(first.where)
    return tuple(path for path, _ in planned)


def _claim_order(planned: Sequence[Planned]) -> tuple[int, ...]:
    """Top-level files first: they are about the whole site (feeds, exports, sitemap), by far
    the slowest to make, and started first they do not keep one worker busy at the end."""
    return tuple(sorted(range(len(planned)), key=lambda index: planned[index][0].count("/")))


# What a worker did: its lowest failure, if any, and the records of the keyed pages it wrote.
_Outcome = tuple[_Failure | None, list[Record]]


def _run_workers(context: ForkContext, job: _Job, processes: int) -> list[_Outcome]:
    """Each worker's outcome. The parent is one of the workers (one process and
    one copy of what the others write to fewer). On Ctrl-C or any error here the forked workers
    are stopped, and none is left writing when the caller removes the staging folder."""
    workers: list[tuple[ForkProcess, Connection]] = []
    try:
        workers.extend(_start(context, job) for _ in range(processes - 1))
        outcomes = [
            _write_share(job),
            *(_outcome(process, results) for process, results in workers),
        ]
    except BaseException:
        for process, _ in workers:
            process.terminate()
        raise
    finally:
        for process, _ in workers:
            process.join()
    return outcomes


def _start(context: ForkContext, job: _Job) -> tuple[ForkProcess, Connection]:
    results, sender = context.Pipe(duplex=False)
    process = context.Process(target=_work, args=(job, sender, os.getpid()), daemon=True)
    process.start()
    sender.close()  # the worker holds the only sending end: if it dies, the parent reads EOF
    return process, results


def _outcome(process: ForkProcess, results: Connection) -> _Outcome:
    with results:
        try:
            outcome = results.recv()
        except EOFError:
            process.join()
            raise OutputError(
                f"a process rendering pages stopped (exit code {process.exitcode})",
                hint="if the system ran out of memory, build with fewer --jobs",
            ) from None
    failure, records = outcome
    assert failure is None or isinstance(failure, _Failure)
    return failure, records


def _work(job: _Job, results: Connection, parent: int) -> None:
    """A forked worker: writes its share of the pages and sends back its lowest failure and the
    records of its keyed pages."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops us
    die_with_parent(parent)  # a killed build's staging folder is the next build's to remove
    failure, records = _write_share(job)
    results.send((_portable(failure), records))


def _write_share(job: _Job) -> _Outcome:
    """Renders (or links) and writes the pages this process claims; its lowest failure, if any,
    and the records of its keyed pages."""
    failure = None
    records: list[Record] = []
    for index in _claims(job):
        path, make = job.planned[index]
        try:
            record = write_page(path, make, job.staging, job.previous, job.reuse)
            if record is not None:
                records.append(record)
        except Exception as error:
            # Later claims are all below this index, so a later failure is a lower one.
            failure = _Failure(index, error, traceback.format_exc())
            with job.first_failure.get_lock():
                job.first_failure.value = min(job.first_failure.value, index)
    return failure, records


def _claims(job: _Job) -> Iterator[int]:
    """The next unclaimed page, while the parent of this process lives (a forked worker whose
    parent was killed stops); pages past a failure are skipped, as a single process would not
    reach them, but those before it are all still rendered."""
    parent = os.getppid()
    while os.getppid() == parent:
        with job.claimed.get_lock():
            position = job.claimed.value
            job.claimed.value = position + 1
        if position >= len(job.order):
            return
        index = job.order[position]
        if index < job.first_failure.value:
            yield index


def _portable(failure: _Failure | None) -> _Failure | None:
    """The failure, its error replaced by a plain one if it would not survive the pipe."""
    if failure is None:
        return None
    return _Failure(failure.index, portable(failure.error), failure.where)
