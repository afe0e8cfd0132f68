"""Measure the temporal tagger on TempEval-3 corpora: accuracy via the TE3 scorer, and speed.

Run by hand from the project root:
    python benchmarks/timex.py                  # TimeBank and AQUAINT
    python benchmarks/timex.py --corpus AQUAINT --errors
"""

from __future__ import annotations

import argparse
import datetime
import html
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.timex import tag
from generator.timex.timeml import to_timeml

DATA = Path(__file__).resolve().parents[2] / "shared"
TEXT = re.compile(r"(<TEXT>)(.*?)(</TEXT>)", re.S)
TAG = re.compile(r"<[^>]+>")
DCT = re.compile(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", re.S)


def plain_text(markup: str) -> str:
    return html.unescape(TAG.sub("", markup))


def read_document(path: Path) -> tuple[str, str, datetime.date]:
    """The TimeML file's markup, its plain <TEXT> and its creation date."""
    markup = path.read_text(encoding="utf-8")
    text_match, dct_match = TEXT.search(markup), DCT.search(markup)
    if not text_match or not dct_match:
        raise SystemExit(f"{path}: no <TEXT> or no DCT")
    return markup, plain_text(text_match.group(2)), datetime.date.fromisoformat(dct_match[1])


def write_system(corpus: Path, out: Path) -> tuple[int, float]:
    """Tag every document into `out`; return the words tagged and the seconds tag() took."""
    words, seconds = 0, 0.0
    for path in sorted(corpus.glob("*.tml")):
        markup, text, dct = read_document(path)
        began = time.perf_counter()
        timexes = tag(text, dct)
        seconds += time.perf_counter() - began
        words += len(text.split())
        tagged = to_timeml(text, timexes)
        body = TEXT.search(markup)
        assert body is not None
        system = markup[: body.start(2)] + tagged + markup[body.end(2) :]
        (out / path.name).write_text(system, encoding="utf-8")
    return words, seconds


def score(gold: Path, system: Path, errors: bool) -> str:
    scorer = DATA / "tools" / "score_timex.py"
    command = [sys.executable, str(scorer), str(gold), str(system)]
    command += ["--errors"] if errors else []
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def summary(report: str) -> str:
    keep = ("strict", "relaxed", "value", "type")
    return "\n".join(line for line in report.splitlines() if line.strip().lower().startswith(keep))


def speed(corpora: list[Path], rounds: int) -> float:
    documents = [read_document(path)[1:] for c in corpora for path in sorted(c.glob("*.tml"))]
    words = sum(len(text.split()) for text, _ in documents) * rounds
    began = time.perf_counter()
    for _ in range(rounds):
        for text, dct in documents:
            tag(text, dct)
    return words / (time.perf_counter() - began)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", choices=["TimeBank", "AQUAINT"])
    parser.add_argument("--data", type=Path, default=DATA / "data" / "tbaq-cleaned")
    parser.add_argument("--errors", action="store_true", help="print the scorer's error list")
    parser.add_argument("--rounds", type=int, default=3, help="passes for the speed measure")
    parser.add_argument("--keep", type=Path, help="write system TimeML here instead of a temp dir")
    args = parser.parse_args()
    names = args.corpus or ["TimeBank", "AQUAINT"]
    print(f"benchmarks/timex.py run {datetime.datetime.now().isoformat(timespec='seconds')}")
    for name in names:
        with tempfile.TemporaryDirectory() as temp:
            out = args.keep / name if args.keep else Path(temp)
            out.mkdir(parents=True, exist_ok=True)
            write_system(args.data / name, out)
            report = score(args.data / name, out, args.errors)
        print(f"== {name}")
        print(report if args.errors else summary(report))
    rate = speed([args.data / name for name in names], args.rounds)
    print(f"tag() speed: {rate:,.0f} words/s (one core, {args.rounds} rounds over all documents)")


if __name__ == "__main__":
    main()
