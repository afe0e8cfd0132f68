"""Times rendering and writing alone, from a merged timeline kept in a pickle between runs.

Run by hand from the project root, on a project folder (a dateline.toml and content/):
    .venv/bin/python benchmarks/render.py /tmp/corpus --timeline /tmp/corpus-timeline.pickle

The first run reads and merges the articles and pickles the Timeline (slow); later runs load it
and time only render_site + write_site into a scratch folder (a cold write, then a second write
over it, where unchanged pages are hard-linked). Search indexing is left out. It prints the wall
and CPU time of each write and the process's peak memory (max RSS) before and after rendering.
"""

from __future__ import annotations

import argparse
import pickle
import resource
import shutil
import sys
import tempfile
import time
from itertools import chain
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.config import Config, load_config
from generator.content import article_files, load_written
from generator.hosting import hosting_files
from generator.model import Timeline
from generator.pipeline import merge_readings, shown_prefix
from generator.reading import article_work, read_articles
from generator.render import render_site
from generator.theme import load_theme
from generator.write import write_site


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


def render_and_write(timeline: Timeline, config: Config, out: Path) -> tuple[float, float]:
    started, cpu = time.perf_counter(), time.process_time()
    theme = load_theme(config.root / "templates")
    write_site(chain(render_site(timeline, config, theme, None), hosting_files(config)), out)
    return time.perf_counter() - started, time.process_time() - cpu


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--timeline", type=Path, required=True, help="pickle to load or make")
    args = parser.parse_args()
    config = load_config(args.project / "dateline.toml")
    timeline = load_timeline(config, args.timeline)
    print(f"{len(timeline.readings)} articles, {len(timeline.events)} entries")
    print(f"peak RSS with the timeline loaded: {peak_mb():.0f} MB")
    scratch = Path(tempfile.mkdtemp(prefix="dateline-render-"))
    try:
        for name in ("cold", "unchanged"):
            wall, cpu = render_and_write(timeline, config, scratch / "site")
            print(f"render + write, {name}: {wall:.1f} s wall, {cpu:.1f} s CPU, "
                  f"peak RSS {peak_mb():.0f} MB")  # fmt: skip
        files = {p: p.stat().st_size for p in (scratch / "site").rglob("*") if p.is_file()}
        page = max((p for p in files if p.suffix == ".html"), key=files.__getitem__)
        print(f"{len(files)} files, {sum(files.values()) / 2**20:.0f} MB; largest page "
              f"{page.relative_to(scratch)} {files[page] / 2**20:.1f} MB")  # fmt: skip
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
