"""Times merging alone, from the readings of a project kept in a pickle between runs.

Run by hand from the project root, on a project folder (a dateline.toml and content/):
    .venv/bin/python benchmarks/merging.py /tmp/corpus --readings /tmp/corpus-readings.pickle
    .venv/bin/python benchmarks/merging.py /tmp/corpus --readings /tmp/r.pickle --runs 3

The first run reads the articles (from the project's cache where it can) and pickles the
readings; later runs load them, so two versions of the code merge the very same readings. Each
run prints the seconds merge_events took and a digest of the entries and redirects it made:
a change meant to make merging faster keeps the digest.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.cache import CACHE_DIR
from generator.config import load_config
from generator.content import article_files
from generator.merge import merge_events
from generator.model import Reading, Timeline
from generator.reading import article_work, read_articles


def load_readings(project: Path, pickled: Path) -> tuple[Reading, ...]:
    """The project's readings: from the pickle, or read and pickled the first time."""
    if pickled.is_file():
        gc.disable()  # millions of objects, all alive: collections would only walk them
        try:
            readings = pickle.loads(pickled.read_bytes())
        finally:
            gc.enable()
        assert isinstance(readings, tuple)
        return readings
    config = load_config(None, project)
    work = article_work(article_files(config.content_dir), config)
    readings, _ = read_articles(work, config, jobs=None, cache_dir=project / CACHE_DIR)
    pickled.write_bytes(pickle.dumps(readings, pickle.HIGHEST_PROTOCOL))
    return readings


def digest(timeline: Timeline) -> str:
    made = pickle.dumps((timeline.events, timeline.redirects), pickle.HIGHEST_PROTOCOL)
    return hashlib.sha256(made).hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--readings", type=Path, required=True, help="pickle of the readings")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    readings = load_readings(args.project, args.readings)
    gc.freeze()  # the readings live through every run, as in a build
    for run in range(1, args.runs + 1):
        began = time.perf_counter()
        timeline = merge_events(readings)
        seconds = time.perf_counter() - began
        print(
            f"run {run}: merged {len(readings):,} readings into {len(timeline.events):,} entries"
            f" in {seconds:.2f} s; digest {digest(timeline)}",
            flush=True,
        )
        del timeline


if __name__ == "__main__":
    main()
