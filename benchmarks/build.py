"""Benchmarks Dateline's builds against Pelican and Hugo on the same generated articles.

Run by hand from the project root (it takes a while; nothing else should load the machine):
    .venv/bin/python benchmarks/build.py                   # 1,000 and 10,000 articles, 3 runs
    .venv/bin/python benchmarks/build.py --sizes 300 --runs 1

For each size it builds cold with every tool present, alternating, and prints the median wall
time, CPU time (the process and its children) and peak memory (PSS summed over the process tree,
sampled every 100 ms); then Dateline's rebuild with nothing changed, after one article changed,
after it is changed back (an editor's next save, with the spare site of the one before) and after
one template changed; the tagger alone in words per second on one core; and the growth
from the smallest to the largest size.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from make_corpus import make_corpus
from memory import tree_pss_kb
from peers import hugo_command, make_hugo_site, make_pelican_site, pelican_command

from generator.config import load_config
from generator.content import load_articles
from generator.text import plain_text
from generator.theme import default_templates
from generator.timex import tag


@dataclass(frozen=True, slots=True)
class Run:
    wall: float
    cpu: float
    peak_mb: float


@dataclass(frozen=True, slots=True)
class Tool:
    name: str
    command: list[str]
    folder: Path
    output: tuple[str, ...]  # what a cold build starts without


def measure(command: list[str], folder: Path, timeout: float) -> Run | None:
    """Runs one build; None when it fails or takes longer than `timeout` seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=folder, stdout=subprocess.DEVNULL, stderr=errors)
        peak = 0
        while process.poll() is None:
            peak = max(peak, tree_pss_kb(process.pid))
            if time.perf_counter() - started > timeout:
                process.kill()
                process.wait()
                return None
            time.sleep(0.1)
        wall = time.perf_counter() - started
        if process.returncode != 0:
            errors.seek(0)
            print(f"  {' '.join(command)} failed:\n{errors.read().decode()[-2000:]}")
            return None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return Run(wall, cpu, peak / 1024)


def cold(tool: Tool, timeout: float) -> Run | None:
    for name in tool.output:
        shutil.rmtree(tool.folder / name, ignore_errors=True)
    return measure(tool.command, tool.folder, timeout)


def median(runs: list[Run | None]) -> Run | None:
    done = [r for r in runs if r is not None]
    if len(done) < len(runs):
        return None
    return Run(
        *(statistics.median(getattr(r, f) for r in done) for f in ("wall", "cpu", "peak_mb"))
    )


def prepare(size: int, work: Path) -> list[Tool]:
    """The corpus as a Dateline, a Pelican and a Hugo site; only the tools installed."""
    root = work / str(size)
    dateline = root / "dateline"
    if not (dateline / "content").is_dir():
        make_corpus(size, dateline)
    articles = sorted((dateline / "content" / "articles").glob("*.md"))
    python = [sys.executable, "-m", "generator", "build"]
    tools = [Tool("Dateline", python, dateline, ("site", ".dateline-cache"))]
    pelican, hugo = pelican_command(), hugo_command()
    if pelican:
        if not (root / "pelican" / "content").is_dir():
            make_pelican_site(articles, root / "pelican")
        command = [*pelican, "content", "-o", "output", "-s", "pelicanconf.py", "-q"]
        tools.append(Tool("Pelican", command, root / "pelican", ("output", "__pycache__")))
    else:
        print("Pelican: not installed (pip install pelican markdown into /tmp/peers-venv)")
    if hugo:
        if not (root / "hugo" / "content").is_dir():
            make_hugo_site(articles, root / "hugo")
        tools.append(Tool("Hugo", [*hugo, "--quiet", "-d", "public"], root / "hugo",
                          ("public", "resources")))  # fmt: skip
    else:
        print("Hugo: not installed (apt-get install hugo)")
    return tools


def cold_builds(tools: list[Tool], runs: int, timeout: float) -> dict[str, Run | None]:
    results: dict[str, list[Run | None]] = {tool.name: [] for tool in tools}
    for number in range(runs):
        for tool in tools:
            run = cold(tool, timeout)
            results[tool.name].append(run)
            shown = f"{run.wall:.1f} s" if run else "failed or timed out"
            print(f"  run {number + 1} {tool.name}: {shown}", flush=True)
    return {name: median(found) for name, found in results.items()}


def rebuilds(dateline: Tool, timeout: float) -> dict[str, Run | None]:
    """Dateline again, its cache and site in place: unchanged, one article changed and changed
    back, one template."""
    found: dict[str, Run | None] = {}
    found["nothing changed"] = measure(dateline.command, dateline.folder, timeout)
    article = sorted((dateline.folder / "content" / "articles").glob("*.md"))[0]
    original = article.read_bytes()
    article.write_bytes(original + b"\nOfficials said on Tuesday that repairs had begun.\n")
    found["one article changed"] = measure(dateline.command, dateline.folder, timeout)
    article.write_bytes(original)
    # An editor's next save: the site the last build replaced is now there to fill.
    found["next article changed"] = measure(dateline.command, dateline.folder, timeout)
    templates = dateline.folder / "templates"
    templates.mkdir(exist_ok=True)
    base = (default_templates() / "base.html").read_text(encoding="utf-8")
    (templates / "base.html").write_text(base + "<!-- edited -->\n", encoding="utf-8")
    found["one template changed"] = measure(dateline.command, dateline.folder, timeout)
    shutil.rmtree(templates)
    measure(dateline.command, dateline.folder, timeout)  # back to the unchanged state
    return found


def tagger_speed(content: Path) -> tuple[int, float]:
    """Words per second of tag() alone on the corpus's plain texts, on this one core."""
    articles, _ = load_articles(content, load_config(content.parent / "dateline.toml"))
    texts = [(plain_text(a.body).text, a) for a in articles]
    words = sum(len(text.split()) for text, _ in texts)
    started = time.process_time()
    for text, article in texts:
        tag(text, article.published.date(), article.timezone, article.language)
    return words, words / (time.process_time() - started)


def row(size: int, name: str, run: Run | None, ratio: str = "") -> str:
    if run is None:
        return f"| {size:,} | {name} | failed or timed out | | | |"
    return f"| {size:,} | {name} | {run.wall:.2f} | {run.cpu:.1f} | {run.peak_mb:.0f} | {ratio} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "dateline-bench")
    parser.add_argument("--timeout", type=float, default=1800)
    arguments = parser.parse_args()
    print(f"# {date.today()} on {_machine()}")
    table = [
        "| articles | tool | wall s | CPU s | peak MB | Dateline ÷ tool |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    walls: dict[int, float] = {}
    for size in arguments.sizes:
        print(f"## {size:,} articles", flush=True)
        tools = prepare(size, arguments.work)
        medians = cold_builds(tools, arguments.runs, arguments.timeout)
        ours = medians["Dateline"]
        for name, run in medians.items():
            peer = name != "Dateline" and run is not None and ours is not None
            table.append(row(size, name, run, f"{ours.wall / run.wall:.2f}" if peer else ""))
        if ours:
            walls[size] = ours.wall
            for name, run in rebuilds(tools[0], arguments.timeout).items():
                table.append(row(size, f"Dateline, {name}", run))
        words, speed = tagger_speed(tools[0].folder / "content")
        print(f"tagger alone: {speed:,.0f} words/s on one core ({words:,} words)", flush=True)
    print("\n".join(table))
    if len(walls) > 1:
        small, large = min(walls), max(walls)
        growth = walls[large] / walls[small]
        print(
            f"growth {small:,} → {large:,} articles: {growth:.1f}× the time "
            f"for {large / small:.0f}× the articles"
        )


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    return f"{platform.node()}: {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


if __name__ == "__main__":
    main()
