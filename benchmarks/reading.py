"""Measure reading (text, dates, extraction, mentions) in CPU time per article, and check that a
change leaves the readings as they were.

Run by hand from the project root, on a corpus made by benchmarks/make_corpus.py:
    python benchmarks/reading.py /tmp/dateline-bench/1000/dateline --save before.pickle
    python benchmarks/reading.py /tmp/dateline-bench/1000/dateline --compare before.pickle

CPU time, not wall time, so that other work on the machine counts less. Readings are compared
by value (two equal frozensets pickle in whatever order their hashes give, and a shared object
pickles once): set PYTHONHASHSEED to compare pickles byte for byte too.
"""

from __future__ import annotations

import argparse
import os
import pickle
import time
from pathlib import Path

from generator.config import load_config
from generator.content import load_articles
from generator.pipeline import read_article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="a site folder with dateline.toml")
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--repeats", type=int, default=3, help="the best run is reported")
    parser.add_argument("--save", type=Path, help="pickle the readings here")
    parser.add_argument("--compare", type=Path, help="readings pickled by an earlier --save")
    options = parser.parse_args()
    os.chdir(options.root)
    config = load_config(options.root / "dateline.toml")
    articles = load_articles(config.content_dir, config)[0][: options.articles]
    read_article(articles[0])  # loads the gazetteer and lemma tables before the clock starts
    best = float("inf")
    for _ in range(options.repeats):
        began = time.process_time()
        readings = [read_article(article) for article in articles]
        best = min(best, time.process_time() - began)
    print(f"{len(articles)} articles: {best / len(articles) * 1000:.2f} ms CPU per article")
    if options.save:
        options.save.write_bytes(pickle.dumps(readings))
    if options.compare:
        same = pickle.loads(options.compare.read_bytes()) == readings
        print("readings: the same" if same else "readings: DIFFERENT")


if __name__ == "__main__":
    main()
