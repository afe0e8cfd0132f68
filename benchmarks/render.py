"""Times rendering and writing alone, from a merged timeline kept in a pickle between runs.

Run by hand from the project root, on a project folder (a dateline.toml and content/):
    .venv/bin/python benchmarks/render.py /tmp/corpus --timeline /tmp/corpus-timeline.pickle
    .venv/bin/python benchmarks/render.py /tmp/corpus --timeline /tmp/t.pickle --jobs 1 2

The first run reads and merges the articles and pickles the Timeline (slow); later runs load it
and time only planning, rendering and writing into a scratch folder (a cold write, then a second
write over it, where unchanged pages are hard-linked), with each number of --jobs (default: one
per core). Search indexing is left out. Each write runs in a forked child, sharing the loaded
timeline as a build shares it with its workers; it prints the wall time, the CPU time of the
child and its workers, and the peak memory: PSS of this process and all its descendants,
sampled every 100 ms.
"""

from __future__ import annotations

import argparse
import os
import pickle
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from memory import tree_pss_kb

from generator.config import Config, load_config
from generator.content import article_files, load_written
from generator.hosting import hosting_files
from generator.model import Timeline
from generator.parallel import write_planned
from generator.pipeline import merge_readings, shown_prefix
from generator.reading import article_work, read_articles
from generator.render import plan_site, planned_file
from generator.theme import load_theme


@dataclass(frozen=True, slots=True)
class Run:
    wall: float
    cpu: float
    peak_mb: float


def load_timeline(config: Config, pickled: Path) -> Timeline:
    """The merged timeline: from the pickle, or read, merged and pickled the first time."""
    if pickled.is_file():
        timeline = pickle.loads(pickled.read_bytes())
        assert isinstance(timeline, Timeline)
        return timeline
    work = article_work(article_files(config.content_dir), config)
    read = read_articles(work, config, jobs=1)
    written = load_written(config.content_dir, config)
    timeline, _ = merge_readings(read, written, shown_prefix(config.content_dir))
    pickled.write_bytes(pickle.dumps(timeline, protocol=pickle.HIGHEST_PROTOCOL))
    return timeline


def render_and_write(timeline: Timeline, config: Config, out: Path, jobs: int | None) -> None:
    """Plans, renders and writes; prints how long planning took (it is not shared among the
    workers) and the CPU time of this process and of the workers it forked."""
    started = time.perf_counter()
    theme = load_theme(config.root / "templates")
    planned = [*plan_site(timeline, config, theme, None), *map(planned_file, hosting_files(config))]
    planning = time.perf_counter() - started
    write_planned(planned, out, jobs=jobs)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    forked = workers.ru_utime + workers.ru_stime
    print(f"  planning {planning:.1f} s; CPU of the planning process {time.process_time():.1f} s, "
          f"of the workers it forked {forked:.1f} s", flush=True)  # fmt: skip


def measure(timeline: Timeline, config: Config, out: Path, jobs: int | None) -> Run:
    """One render and write in a forked child, sampled from here until it ends."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    child = os.fork()
    if child == 0:
        status = 1
        try:
            render_and_write(timeline, config, out, jobs)
            status = 0
        finally:
            os._exit(status)
    peak, status = 0, None
    while status is None:
        peak = max(peak, tree_pss_kb(os.getpid()))
        time.sleep(0.1)
        done, code = os.waitpid(child, os.WNOHANG)
        status = os.waitstatus_to_exitcode(code) if done else None
    wall = time.perf_counter() - started
    if status != 0:
        sys.exit(f"the render and write failed (exit status {status})")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return Run(wall, cpu, peak / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--timeline", type=Path, required=True, help="pickle to load or make")
    parser.add_argument("--jobs", type=int, nargs="+", default=[None], help="processes to try")
    args = parser.parse_args()
    config = load_config(args.project / "dateline.toml")
    timeline = load_timeline(config, args.timeline)
    print(f"{len(timeline.readings)} articles, {len(timeline.events)} entries; "
          f"PSS with the timeline loaded: {tree_pss_kb(os.getpid()) / 1024:.0f} MB")  # fmt: skip
    for jobs in args.jobs:
        scratch = Path(tempfile.mkdtemp(prefix="dateline-render-"))
        try:
            for name in ("cold", "unchanged"):
                run = measure(timeline, config, scratch / "site", jobs)
                shown = f"{run.wall:.1f} s wall, {run.cpu:.1f} s CPU, peak PSS {run.peak_mb:.0f} MB"
                print(f"jobs {jobs or os.cpu_count()}, render + write, {name}: {shown}", flush=True)
            describe(scratch / "site")
        finally:
            shutil.rmtree(scratch, ignore_errors=True)


def describe(site: Path) -> None:
    files = {p: p.stat().st_size for p in site.rglob("*") if p.is_file()}
    page = max((p for p in files if p.suffix == ".html"), key=files.__getitem__)
    print(f"{len(files)} files, {sum(files.values()) / 2**20:.0f} MB; largest page "
          f"{page.relative_to(site.parent)} {files[page] / 2**20:.1f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
