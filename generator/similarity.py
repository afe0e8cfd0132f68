"""Scores whether two event candidates tell the same event: dates, places and weighted words."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import chain, repeat

from generator.instants import ONE_MICROSECOND, microseconds
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
# Only a name that few articles use can be such evidence: one at least this share of the way from
# the weight of a word every article uses to that of one only one article uses (of 1,000
# articles, one named by at most 85). A country, a capital or a president named everywhere, and
# the generic names of a beat, add nothing however many of them two articles share.
RARE_NAME_SHARE = 0.2
EVERYWHERE = math.log(2)  # the weight of a word every article uses
NAME_DISPUTE_DAYS = 2
FINE = frozenset({"day", "part-of-day", "time"})
# A mention as coarse as a year or a season says too little to join an entry.
MENTION_PRECISIONS = frozenset({"month", "week", "day", "part-of-day", "time"})
# No score passes this: the weight two reports share is at most the lighter one's.
TOP_SCORE = 1.0


@dataclass(frozen=True, slots=True)
class Profile:
    """What scoring needs of one candidate, worked out once a merge: its words (the sentence's
    and its context's) and their weight, its days, its places, its article's rare names."""

    candidate: Candidate  # held so that the id() it is looked up by stays its own
    article: str
    words: frozenset[str]
    weight: float
    sentence_weight: float
    first: date
    last: date
    fine: bool
    places: frozenset[str]
    rare_names: frozenset[str]
    # The interval again, as microseconds since the epoch: datetimes of different zones compare
    # ~20 times slower than numbers, and merging compares many pairs.
    start_us: int
    end_us: int


@dataclass(frozen=True, slots=True)
class WordWeights:
    """Inverse document frequency of each word over the articles being merged; it remembers
    each candidate's profile and each article's namesakes, as merging asks for them often."""

    idf: Mapping[str, float]
    default: float
    # Each rare name, and the articles that name it.
    holders: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    _profiles: dict[int, Profile] = field(default_factory=dict, compare=False, repr=False)
    _evidenced: dict[str, dict[str, float]] = field(default_factory=dict, compare=False, repr=False)
    _rare: dict[frozenset[str], frozenset[str]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def of(self, words: Iterable[str]) -> float:
        # fsum: exact, so the order a set iterates in (the hash seed) cannot change a merge.
        return math.fsum(map(self.idf.get, words, repeat(self.default)))

    def profile(self, candidate: Candidate) -> Profile:
        found = self._profiles.get(id(candidate))
        if found is None:
            words = candidate.all_words
            found = Profile(
                candidate,
                candidate.source.article,
                words,
                self.of(words),
                self.of(candidate.words),
                *days_of(candidate.when),
                candidate.when.precision in FINE,
                frozenset(candidate.sentence_places),
                self._rare_names(candidate.names),
                microseconds(candidate.when.start),
                microseconds(candidate.when.end),
            )
            self._profiles[id(candidate)] = found
        return found

    def _rare_names(self, names: frozenset[str]) -> frozenset[str]:
        """Those of the names that few articles use: worked out once for all the candidates of
        an article, which share its names."""
        found = self._rare.get(names)
        if found is None:
            found = self._rare[names] = frozenset(filter(self.holders.__contains__, names))
        return found

    def of_known(self, words: Iterable[str]) -> float:
        """`of` for words of the candidates the weights were made from."""
        return math.fsum(map(self.idf.__getitem__, words))

    def evidenced(self, profile: Profile) -> Mapping[str, float]:
        """The other articles whose rare names shared with the report's article weigh at
        least NAME_EVIDENCE words only one article uses, with that weight (names are an
        article's, so one answer serves all its reports)."""
        found = self._evidenced.get(profile.article)
        if found is None:
            found = self._evidenced[profile.article] = self._evidence(profile)
        return found

    def _evidence(self, profile: Profile) -> dict[str, float]:
        names, holders = profile.rare_names, self.holders
        enough = NAME_EVIDENCE * self.default
        counts = Counter(chain.from_iterable(holders.get(name, ()) for name in names))
        del counts[profile.article]
        found: dict[str, float] = {}
        for other, count in counts.items():
            # A name weighs at most `default`: an article sharing fewer cannot weigh enough.
            if count * self.default >= enough:
                weight = self.of_known(n for n in names if other in holders.get(n, ()))
                if weight >= enough:
                    found[other] = weight
        return found


Scorer = Callable[[Profile, Profile, WordWeights], float]


def _rare_floor(default: float) -> float:
    """The least weight of a rare name, when a word only one article uses weighs `default`."""
    return EVERYWHERE + RARE_NAME_SHARE * (default - EVERYWHERE)


def word_weights(candidates: Iterable[Candidate]) -> WordWeights:
    """Counts in how many articles each word occurs; rare words weigh more (smoothed idf)."""
    per_article, names = _words_of_articles(candidates)
    frequency = Counter(chain.from_iterable(per_article.values()))
    articles = max(len(per_article), 1)
    idf = {word: math.log(1 + articles / count) for word, count in frequency.items()}
    default = math.log(1 + articles)
    holders: dict[str, list[str]] = {}
    floor = _rare_floor(default)
    for article in sorted(names):
        for name in names[article]:
            if idf[name] >= floor:
                holders.setdefault(name, []).append(article)
    return WordWeights(idf, default, {name: tuple(found) for name, found in holders.items()})


def _words_of_articles(
    candidates: Iterable[Candidate],
) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Each article's words (its names among them), and its names. The names are the
    article's, the same for all its candidates: each different set of them is added once."""
    words: dict[str, set[str]] = {}
    name_sets: dict[str, set[frozenset[str]]] = {}
    for candidate in candidates:
        article = candidate.source.article
        words.setdefault(article, set()).update(candidate.words, candidate.context)
        name_sets.setdefault(article, set()).add(candidate.names)
    names = {article: set[str]().union(*sets) for article, sets in name_sets.items()}
    for article, named in names.items():
        words[article] |= named
    return words, names


def overlaps(first: When, second: When) -> bool:
    return first.start < second.end and second.start < first.end


def _before(first: datetime, first_us: int, second: datetime, second_us: int) -> bool:
    """`first < second` as datetimes compare: by wall clock within one zone (the tzinfo
    object), else by instant, which the microseconds give exactly and faster."""
    return first < second if first.tzinfo is second.tzinfo else first_us < second_us


def _overlap(one: Profile, other: Profile) -> bool:
    """`overlaps` of the two reports' intervals."""
    first, second = one.candidate.when, other.candidate.when
    return _before(first.start, one.start_us, second.end, other.end_us) and _before(
        second.start, other.start_us, first.end, one.end_us
    )


def _start_gap(one: Profile, other: Profile) -> timedelta:
    """`abs(one start - other start)` as datetimes subtract (within one zone by wall clock)."""
    first, second = one.candidate.when.start, other.candidate.when.start
    if first.tzinfo is second.tzinfo:
        return abs(first - second)
    return timedelta(microseconds=abs(one.start_us - other.start_us))


def same_days(first: When, second: When) -> bool:
    """Do two fine-dated events touch a common calendar day? ('Monday evening', 'Monday 20:34')."""
    first_from, first_to = days_of(first)
    second_from, second_to = days_of(second)
    return first_from <= second_to and second_from <= first_to


def days_of(when: When) -> tuple[date, date]:
    """The first and the last calendar day the interval touches."""
    return when.start.date(), (when.end - ONE_MICROSECOND).date()


def similarity(one: Profile, other: Profile, weights: WordWeights) -> float:
    """How alike two candidates whose intervals overlap are, 0 when they are not alike enough.

    Within one article the sentence words decide (the story goes on); across articles rare
    shared words decide, and two reports whose sentences name different places are different
    events."""
    if one.article != other.article:
        if not _comparable(one, other) or not _on_common_days(one, other):
            return 0.0
        return across(one, other, weights)
    first, second = one.candidate, other.candidate
    if not _overlap(one, other):
        return 0.0
    needed = (
        SAME_PRECISION_OVERLAP
        if first.when.precision == second.when.precision
        else CROSS_PRECISION_OVERLAP
    )
    shared = weights.of_known(first.words & second.words)
    score = _share(shared, one.sentence_weight, other.sentence_weight)
    return score if score >= needed else 0.0


def across(one: Profile, other: Profile, weights: WordWeights) -> float:
    """`similarity` of two day-dated reports of different articles that share a day and whose
    sentences name no places apart (as `Nearby.on_days` finds them), without checking that
    again: merging scores millions of such pairs."""
    score = _cross_article(one, other, weights, CROSS_ARTICLE_OVERLAP)
    if not score and other.article in weights.evidenced(one):
        return CROSS_ARTICLE_OVERLAP
    return score


def most_alike(
    members: Iterable[Profile], report: Profile, weights: WordWeights, score: Scorer
) -> float:
    """The highest `score` of the report with any of the members, 0 if none is alike; once one
    scores TOP_SCORE the rest cannot score more."""
    best = 0.0
    for member in members:
        found = score(member, report, weights)
        if found > best:
            best = found
            if best >= TOP_SCORE:
                break
    return best


def _comparable(one: Profile, other: Profile) -> bool:
    """Two fine-dated reports in different places, or a coarse date on either side, are apart."""
    return one.fine and other.fine and not _places_differ(one, other)


def _on_common_days(one: Profile, other: Profile) -> bool:
    return one.first <= other.last and other.first <= one.last


def _share(shared: float, one: float, other: float) -> float:
    """The weight shared over the lighter of two weights (0 if either is nothing)."""
    smaller = min(one, other)
    return shared / smaller if smaller else 0.0


def _places_differ(one: Profile, other: Profile) -> bool:
    """Do both reports' own sentences name places, and none in common? A sentence that names
    none leaves it to the words: its details' places are as often background as not."""
    return bool(one.places and other.places and one.places.isdisjoint(other.places))


def _cross_article(one: Profile, other: Profile, weights: WordWeights, needed: float) -> float:
    # `of_known` and `_share` written out: this runs for millions of pairs.
    shared = math.fsum(map(weights.idf.__getitem__, one.words & other.words))
    if shared < MIN_SHARED_WEIGHT:
        return 0.0
    smaller = one.weight if one.weight < other.weight else other.weight
    score = shared / smaller if smaller else 0.0
    return score if score >= needed else 0.0


def weighted_overlap(first: frozenset[str], second: frozenset[str], weights: WordWeights) -> float:
    """Weight of the shared words over the weight of the lighter set (0 if either is empty)."""
    return _share(weights.of(first & second), weights.of(first), weights.of(second))


def disputes(one: Profile, other: Profile, weights: WordWeights) -> bool:
    """The same event put on different days by two articles: near days, very alike reports."""
    if one.article == other.article or not _comparable(one, other) or _overlap(one, other):
        return False
    gap = _start_gap(one, other)
    if gap > timedelta(days=DISPUTE_DAYS):
        return False
    if gap <= timedelta(days=NAME_DISPUTE_DAYS) and other.article in weights.evidenced(one):
        return True
    return _cross_article(one, other, weights, DISPUTE_OVERLAP) > 0


def restates(one: Profile, other: Profile, weights: WordWeights) -> float:
    """How surely the report `other` restates the event the report `one` tells: the weight of
    the names their articles share when its interval holds the member's and no place differs;
    0 if not sure."""
    member, mention = one.candidate, other.candidate
    if one.article == other.article or not one.fine:
        return 0.0
    if mention.when.precision not in MENTION_PRECISIONS or _places_differ(one, other):
        return 0.0
    within = mention.when.start <= member.when.start and member.when.end <= mention.when.end
    if not within and not _on_common_days(one, other):
        return 0.0
    return weights.evidenced(other).get(one.article, 0.0)
