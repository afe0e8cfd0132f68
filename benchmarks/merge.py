"""Measure merging and event dating: GVC (many articles, one incident) and TimeBank event times.

Run by hand from the project root (needs the `bench` extra: pip install -e '.[bench]'):
    python benchmarks/merge.py                      # gvc-train, gvc-dev, timebank-eventtime
    python benchmarks/merge.py --corpus gvc-dev --errors

GVC: each folder's articles are built into one timeline. Two articles are *linked* when they
share an entry (cite it as a source). Pairwise precision/recall/F1 compare links with "same
incident". The article clusters for CoNLL F1 (mean of MUC, B³ and CEAF-e) are the connected
components of the links; an article in no entry is a cluster of its own. Dating: the share of
incidents for which one entry on the incident's true day (an entry of day precision or finer
whose interval overlaps that day) cites at least one, and all, of the incident's articles.

TimeBank event times: for every event whose gold time is one day, whether the sentence holding
it is the source sentence of an entry on that day; reported for all such events and for those
not on the publication day.
"""

from __future__ import annotations

import argparse
import datetime
import html
import itertools
import json
import re
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

from generator.config import Config
from generator.content import load_paths
from generator.model import Article, Event, Reading
from generator.pipeline import make_timeline, read_article

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
Clusters = list[frozenset[str]]


def gvc(folder: Path, show_errors: bool) -> dict[str, float]:
    gold = json.loads((folder / "gold.json").read_text())
    incident_of = {Path(d["file"]).stem: d["incident_id"] for d in gold["documents"]}
    started = time.perf_counter()
    articles, diagnostics = load_paths([folder / "articles"], Config())
    timeline, _ = make_timeline((articles, ()))  # an unreadable article stays a singleton
    seconds = time.perf_counter() - started
    entries = [frozenset(Path(s.article).stem for s in e.sources) for e in timeline.events]
    predicted = components(list(incident_of), entries)
    truth = clusters(incident_of)
    figures = pairwise(entries, incident_of) | conll(truth, predicted)
    figures |= dating(timeline.events, gold["incidents"], incident_of)
    figures["baseline_conll"] = conll(truth, by_publication_day(gold["documents"]))["conll"]
    figures["unreadable"] = sum(1 for d in diagnostics if d.severity == "error")
    figures["seconds"] = seconds
    if show_errors:
        print_errors(truth, predicted, incident_of)
    return figures


def clusters(label_of: dict[str, str]) -> Clusters:
    grouped: dict[str, set[str]] = defaultdict(set)
    for item, label in label_of.items():
        grouped[label].add(item)
    return [frozenset(g) for g in grouped.values()]


def components(items: list[str], groups: Iterable[frozenset[str]]) -> Clusters:
    parent = {item: item for item in items}

    def find(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for group in groups:
        members = [m for m in group if m in parent]
        for other in members[1:]:
            parent[find(other)] = find(members[0])
    return clusters({item: find(item) for item in items})


def by_publication_day(documents: list[dict[str, str]]) -> Clusters:
    return clusters({Path(d["file"]).stem: d["date"] for d in documents})


def pairwise(entries: list[frozenset[str]], incident_of: dict[str, str]) -> dict[str, float]:
    linked = {frozenset(p) for e in entries for p in itertools.combinations(sorted(e), 2)}
    same = {
        frozenset(p)
        for p in itertools.combinations(sorted(incident_of), 2)
        if incident_of[p[0]] == incident_of[p[1]]
    }
    precision = len(linked & same) / len(linked) if linked else 0.0
    recall = len(linked & same) / len(same) if same else 0.0
    return {"pair_p": precision, "pair_r": recall, "pair_f1": f1(precision, recall)}


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def muc(key: Clusters, response: Clusters) -> tuple[float, float]:
    def score(first: Clusters, second: Clusters) -> float:
        where = {m: i for i, c in enumerate(second) for m in c}
        numerator = sum(len(c) - len({where[m] for m in c}) for c in first)
        denominator = sum(len(c) - 1 for c in first)
        return numerator / denominator if denominator else 0.0

    return score(response, key), score(key, response)


def b_cubed(key: Clusters, response: Clusters) -> tuple[float, float]:
    def score(first: Clusters, second: Clusters) -> float:
        where = {m: c for c in second for m in c}
        total = sum(len(c & where[m]) / len(c) for c in first for m in c)
        return total / sum(len(c) for c in first)

    return score(response, key), score(key, response)


def ceaf_e(key: Clusters, response: Clusters) -> tuple[float, float]:
    similarity = np.array(
        [[2 * len(k & r) / (len(k) + len(r)) for r in response] for k in key], dtype=float
    )
    rows, columns = linear_sum_assignment(-similarity)
    best = float(similarity[rows, columns].sum())
    return best / len(response), best / len(key)


def conll(key: Clusters, response: Clusters) -> dict[str, float]:
    figures = {}
    for name, metric in (("muc", muc), ("b3", b_cubed), ("ceafe", ceaf_e)):
        precision, recall = metric(key, response)
        figures[name] = f1(precision, recall)
    figures["conll"] = (figures["muc"] + figures["b3"] + figures["ceafe"]) / 3
    return figures


def dating(
    events: tuple[Event, ...], incidents: dict[str, dict[str, object]], incident_of: dict[str, str]
) -> dict[str, float]:
    any_hits = all_hits = 0
    for incident_id, incident in incidents.items():
        day = datetime.date.fromisoformat(str(incident["date"]))
        docs = {d for d, i in incident_of.items() if i == incident_id}
        cited = [{Path(s.article).stem for s in e.sources} & docs for e in events if on_day(e, day)]
        any_hits += any(cited)
        all_hits += any(c == docs for c in cited)
    return {"dated_any": any_hits / len(incidents), "dated_all": all_hits / len(incidents)}


def on_day(event: Event, day: datetime.date) -> bool:
    if event.when.precision not in ("day", "part-of-day", "time"):
        return False
    day_start = datetime.datetime.combine(day, datetime.time(0), event.when.start.tzinfo)
    day_end = day_start + datetime.timedelta(days=1)
    return event.when.start < day_end and day_start < event.when.end


def print_errors(truth: Clusters, predicted: Clusters, incident_of: dict[str, str]) -> None:
    for cluster in predicted:
        incidents = sorted({incident_of[m] for m in cluster})
        if len(incidents) > 1:
            print("  merged apart incidents:", incidents, sorted(cluster))
    for cluster in truth:
        pieces = [p & cluster for p in predicted if p & cluster]
        if len(pieces) > 1:
            print(
                "  split incident:", incident_of[next(iter(cluster))], [sorted(p) for p in pieces]
            )


TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
DCT = re.compile(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", re.S)
TAG = re.compile(r"<(/?)([A-Z0-9]+)([^>]*)>")
EID = re.compile(r'eid="(e\d+)"')


def timebank(show_errors: bool) -> dict[str, float]:
    gold = read_event_times(DATA / "timebank-eventtime" / "event-times_normalized.tab")
    counts = defaultdict(int)
    for document, events in sorted(gold.items()):
        text, dct, offsets = read_timeml(DATA / "tbaq-cleaned" / "TimeBank" / f"{document}.tml")
        reading = read_article(timebank_article(document, text, dct))
        days = entry_days(reading)
        for eid, day in events.items():
            if eid not in offsets:
                continue
            later = "other" if day != dct else "dct"
            hit = any(start <= offsets[eid] < end and day in found for (start, end), found in days)
            counts[f"{later}_total"] += 1
            counts[f"{later}_hit"] += hit
    total = counts["dct_total"] + counts["other_total"]
    return {
        "events": total,
        "on_gold_day": (counts["dct_hit"] + counts["other_hit"]) / total,
        "not_dct_events": counts["other_total"],
        "not_dct_on_gold_day": counts["other_hit"] / max(counts["other_total"], 1),
    }


def read_event_times(path: Path) -> dict[str, dict[str, datetime.date]]:
    gold: dict[str, dict[str, datetime.date]] = defaultdict(dict)
    for line in path.read_text().splitlines():
        parts = line.split("\t")
        if len(parts) >= 8 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", parts[7]):
            gold[parts[0]][parts[4]] = datetime.date.fromisoformat(parts[7])
    return gold


def read_timeml(path: Path) -> tuple[str, datetime.date, dict[str, int]]:
    """The plain <TEXT>, the creation date, and each event's offset in the plain text."""
    markup = path.read_text(encoding="utf-8")
    body = TEXT.search(markup)
    dct = DCT.search(markup)
    assert body and dct, path
    pieces: list[str] = []
    offsets: dict[str, int] = {}
    cursor = 0
    raw = body.group(1)
    for tag in TAG.finditer(raw):
        pieces.append(html.unescape(raw[cursor : tag.start()]))
        cursor = tag.end()
        eid = EID.search(tag.group(3)) if tag.group(2) == "EVENT" else None
        if eid:
            offsets[eid.group(1)] = len("".join(pieces))
    pieces.append(html.unescape(raw[cursor:]))
    return "".join(pieces), datetime.date.fromisoformat(dct.group(1)), offsets


def timebank_article(document: str, text: str, dct: datetime.date) -> Article:
    published = datetime.datetime.combine(dct, datetime.time(0), datetime.UTC)
    return Article(f"{document}.md", document, document, published, "UTC", "en", text, 1)


def entry_days(reading: Reading) -> list[tuple[tuple[int, int], set[datetime.date]]]:
    """Each candidate's source sentence (body offsets) and the days its interval touches."""
    found = []
    for candidate in reading.candidates:
        when = candidate.when
        if when.precision not in ("day", "part-of-day", "time"):
            continue
        first, last = when.start.date(), (when.end - datetime.timedelta(seconds=1)).date()
        days = {first + datetime.timedelta(days=n) for n in range((last - first).days + 1)}
        found.append(((candidate.source.start, candidate.source.end), days))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", choices=["gvc-train", "gvc-dev", "timebank"], action="append")
    parser.add_argument("--errors", action="store_true", help="list merged and split incidents")
    options = parser.parse_args()
    print(f"Run on {datetime.date.today().isoformat()}")
    for corpus in options.corpus or ["gvc-train", "gvc-dev", "timebank"]:
        figures = (
            timebank(options.errors) if corpus == "timebank" else gvc(DATA / corpus, options.errors)
        )
        shown = "  ".join(
            f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in figures.items()
        )
        print(f"{corpus}: {shown}")


if __name__ == "__main__":
    main()
