"""Times the search index step alone: Dateline's records through Pagefind, and, given a built
site, Pagefind on its entry and article pages from disk, as builds did before.

Run by hand from the project root, on a project folder (a dateline.toml and content/):
    .venv/bin/python benchmarks/search.py /tmp/corpus --timeline /tmp/corpus-timeline.pickle
    .venv/bin/python benchmarks/search.py /tmp/corpus --timeline ... --pages /tmp/corpus/site

The timeline comes from the pickle benchmarks/render.py keeps (made the first time, slowly).
It prints wall and CPU time, the peak memory (max RSS) of the largest Pagefind run and of this
process, and the bundle's size: bytes of its files, bytes on disk, files, and parts.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from memory import proc_kb
from render import load_timeline

from generator.config import load_config
from generator.search import BUNDLE, index_site
from generator.searchable import search_records

OLD_GLOB = "{events,articles}/**/*.html"


def bundle_size(bundle: Path) -> str:
    files = [p for p in bundle.rglob("*") if p.is_file()]
    data = sum(p.stat().st_size for p in files)
    disk = sum(p.stat().st_blocks * 512 for p in files)
    parts = 1 + sum(1 for p in bundle.glob("part-*") if p.is_dir())
    return (
        f"{data / 1e6:.1f} MB in {len(files):,} files ({disk / 1e6:.0f} MB on disk), {parts} parts"
    )


class PeakWatch:
    """The highest peak memory (VmHWM) of any process below this one, sampled every 50 ms:
    RUSAGE_CHILDREN would count the parent's pages a forked child shares before its exec."""

    def __init__(self) -> None:
        self.peak_kb = 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.watch, daemon=True)

    def __enter__(self) -> PeakWatch:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join()

    def watch(self) -> None:
        while not self.done.wait(0.05):
            for pid in children():
                self.peak_kb = max(self.peak_kb, proc_kb(pid, "status", "VmHWM:"))


def children() -> set[int]:
    """This process's children (Pagefind runs as one, its Python launcher exec'd away)."""
    found: set[int] = set()
    for task in Path("/proc/self/task").iterdir():
        try:
            found.update(int(pid) for pid in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def records_run(project: Path, pickled: Path) -> None:
    config = load_config(None, project)
    timeline = load_timeline(config, pickled)
    own_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with tempfile.TemporaryDirectory(dir=project) as scratch:
        started, cpu = time.perf_counter(), time.process_time()
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        with PeakWatch() as pagefind:
            records = partial(search_records, timeline)
            warnings = index_site(Path(scratch), records, config.language)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        child_cpu = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"records: {wall:.1f} s wall, {time.process_time() - cpu + child_cpu:.1f} s CPU")
        print(f"  largest Pagefind run {pagefind.peak_kb / 1024:.0f} MB peak (VmHWM)")
        print(f"  this process {own_before:.0f} MB with the timeline, {own:.0f} MB after")
        print(f"  {bundle_size(Path(scratch) / BUNDLE)}; warnings: {list(map(str, warnings))}")


def pages_run(site: Path) -> None:
    """Pagefind on the site's own entry and article pages, into a scratch folder."""
    with tempfile.TemporaryDirectory(dir=site.parent) as scratch:
        command = [sys.executable, "-m", "pagefind", "--site", str(site), "--glob", OLD_GLOB]
        command += ["--output-path", str(Path(scratch) / BUNDLE), "--silent"]
        started = time.perf_counter()
        process = subprocess.Popen(command)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        print(f"pages: {wall:.1f} s wall, {usage.ru_utime + usage.ru_stime:.1f} s CPU, "
              f"exit {os.waitstatus_to_exitcode(status)}")  # fmt: skip
        print(f"  Pagefind {usage.ru_maxrss / 1024:.0f} MB max RSS")
        print(f"  {bundle_size(Path(scratch) / BUNDLE)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--timeline", type=Path, required=True)
    parser.add_argument("--pages", type=Path, help="a site built by Dateline, to index its pages")
    arguments = parser.parse_args()
    records_run(arguments.project, arguments.timeline)
    if arguments.pages:
        pages_run(arguments.pages)


if __name__ == "__main__":
    main()
