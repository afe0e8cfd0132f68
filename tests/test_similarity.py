"""Scores of two reports: none passes TOP_SCORE, which merging relies on to stop scoring."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from generator.model import Candidate, Source, When
from generator.similarity import TOP_SCORE, similarity, word_weights

DAY = When("2025-06-05", "day", datetime(2025, 6, 5, tzinfo=UTC), datetime(2025, 6, 6, tzinfo=UTC))
WORDS = st.frozensets(st.sampled_from([f"word{i}" for i in range(10)]), max_size=7)


def report(article: str, words: frozenset[str], context: frozenset[str]) -> Candidate:
    published = datetime(2025, 6, 6, tzinfo=UTC)
    source = Source(f"articles/{article}.md", article, None, None, published, "", None, 0, 1)
    return Candidate(DAY, "Title", "Summary", source, words=words, context=words | context)


@given(st.lists(st.tuples(st.sampled_from("abcd"), WORDS, WORDS), min_size=2, max_size=8))
def test_no_two_reports_score_more_than_top_score(
    reports: list[tuple[str, frozenset[str], frozenset[str]]],
) -> None:
    candidates = [report(article, words, context) for article, words, context in reports]
    weights = word_weights(candidates)
    profiles = [weights.profile(candidate) for candidate in candidates]
    for one in profiles:
        for other in profiles:
            assert similarity(one, other, weights) <= TOP_SCORE
    assert similarity(profiles[0], profiles[0], weights) in (0.0, TOP_SCORE)
