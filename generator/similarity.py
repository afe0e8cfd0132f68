"""Scores whether two event candidates tell the same event: dates, places and weighted words."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from generator.model import Candidate, When

SAME_PRECISION_OVERLAP = 0.3
CROSS_PRECISION_OVERLAP = 0.5
# Across articles a shared word must be rare enough to mean something: at least this much
# inverse document frequency in common, about two words that few articles use.
MIN_SHARED_WEIGHT = 3.0
CROSS_ARTICLE_OVERLAP = 0.3
DISPUTE_OVERLAP = 0.6
DISPUTE_DAYS = 3
# Two reports whose articles share proper names weighing this many times a word only one article
# uses (a victim's and a suspect's names, a street) are about the same people: on the same day
# they are one event even worded apart, a day or two apart a dispute, and a restatement joins.
NAME_EVIDENCE = 2.5
NAME_DISPUTE_DAYS = 2
FINE = frozenset({"day", "part-of-day", "time"})
# A mention as coarse as a year or a season says too little to join an entry.
MENTION_PRECISIONS = frozenset({"month", "week", "day", "part-of-day", "time"})


@dataclass(frozen=True, slots=True)
class WordWeights:
    """Inverse document frequency of each word over the articles being merged."""

    idf: Mapping[str, float]
    default: float

    def of(self, words: Iterable[str]) -> float:
        # fsum: exact, so the order a set iterates in (the hash seed) cannot change a merge.
        return math.fsum(self.idf.get(word, self.default) for word in words)


def word_weights(candidates: Iterable[Candidate]) -> WordWeights:
    """Counts in how many articles each word occurs; rare words weigh more (smoothed idf)."""
    per_article: dict[str, set[str]] = {}
    for candidate in candidates:
        words = _profile(candidate) | candidate.names
        per_article.setdefault(candidate.source.article, set()).update(words)
    frequency = Counter(word for words in per_article.values() for word in words)
    articles = max(len(per_article), 1)
    idf = {word: math.log(1 + articles / count) for word, count in frequency.items()}
    return WordWeights(idf, math.log(1 + articles))


def _profile(candidate: Candidate) -> frozenset[str]:
    return candidate.words | candidate.context


def overlaps(first: When, second: When) -> bool:
    return first.start < second.end and second.start < first.end


def same_days(first: When, second: When) -> bool:
    """Do two fine-dated events touch a common calendar day? ('Monday evening', 'Monday 20:34')."""
    first_from, first_to = days_of(first)
    second_from, second_to = days_of(second)
    return first_from <= second_to and second_from <= first_to


def days_of(when: When) -> tuple[date, date]:
    """The first and the last calendar day the interval touches."""
    return when.start.date(), (when.end - timedelta(microseconds=1)).date()


def similarity(first: Candidate, second: Candidate, weights: WordWeights) -> float:
    """How alike two candidates whose intervals overlap are, 0 when they are not alike enough.

    Within one article the sentence words decide (the story goes on); across articles rare
    shared words decide, and two reports naming different places are different events."""
    if first.source.article != second.source.article and _comparable(first, second):
        if not same_days(first.when, second.when):
            return 0.0
        score = _cross_article(first, second, weights, CROSS_ARTICLE_OVERLAP)
        if not score and name_weight(first, second, weights) >= NAME_EVIDENCE * weights.default:
            return CROSS_ARTICLE_OVERLAP
        return score
    if not overlaps(first.when, second.when):
        return 0.0
    needed = (
        SAME_PRECISION_OVERLAP
        if first.when.precision == second.when.precision
        else CROSS_PRECISION_OVERLAP
    )
    if first.source.article != second.source.article:
        return 0.0
    score = weighted_overlap(first.words, second.words, weights)
    return score if score >= needed else 0.0


def _comparable(first: Candidate, second: Candidate) -> bool:
    """Two fine-dated reports in different places, or a coarse date on either side, are apart."""
    if first.when.precision not in FINE or second.when.precision not in FINE:
        return False
    return not _places_differ(first, second)


def _places_differ(first: Candidate, second: Candidate) -> bool:
    return bool(first.places and second.places and not set(first.places) & set(second.places))


def name_weight(first: Candidate, second: Candidate, weights: WordWeights) -> float:
    """How much rare naming the two reports' articles share."""
    return weights.of(first.names & second.names)


def _cross_article(
    first: Candidate, second: Candidate, weights: WordWeights, needed: float
) -> float:
    a, b = _profile(first), _profile(second)
    if weights.of(a & b) < MIN_SHARED_WEIGHT:
        return 0.0
    score = weighted_overlap(a, b, weights)
    return score if score >= needed else 0.0


def weighted_overlap(first: frozenset[str], second: frozenset[str], weights: WordWeights) -> float:
    """Weight of the shared words over the weight of the lighter set (0 if either is empty)."""
    smaller = min(weights.of(first), weights.of(second))
    return weights.of(first & second) / smaller if smaller else 0.0


def disputes(first: Candidate, second: Candidate, weights: WordWeights) -> bool:
    """The same event put on different days by two articles: near days, very alike reports."""
    if first.source.article == second.source.article or overlaps(first.when, second.when):
        return False
    if not _comparable(first, second):
        return False
    gap = abs(first.when.start - second.when.start)
    if gap > timedelta(days=DISPUTE_DAYS):
        return False
    if gap <= timedelta(days=NAME_DISPUTE_DAYS) and (
        name_weight(first, second, weights) >= NAME_EVIDENCE * weights.default
    ):
        return True
    return _cross_article(first, second, weights, DISPUTE_OVERLAP) > 0


def restates(member: Candidate, mention: Candidate, weights: WordWeights) -> float:
    """How surely `mention` restates the event `member` reports: the weight of the names their
    articles share when its interval holds the member's and no place differs; 0 if not sure."""
    if member.source.article == mention.source.article or member.when.precision not in FINE:
        return 0.0
    if mention.when.precision not in MENTION_PRECISIONS or _places_differ(member, mention):
        return 0.0
    within = mention.when.start <= member.when.start and member.when.end <= mention.when.end
    if not within and not same_days(member.when, mention.when):
        return 0.0
    evidence = name_weight(member, mention, weights)
    return evidence if evidence >= NAME_EVIDENCE * weights.default else 0.0
