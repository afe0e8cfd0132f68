"""Applies an article's `events:` corrections to its candidates: the editor's date, title, skip."""

from __future__ import annotations

from dataclasses import replace

from generator.errors import ContentError, DatelineError, Location
from generator.model import Article, Candidate, Correction, When
from generator.timex.intervals import interval

EDITOR_RULE = "editor"


def apply_corrections(
    article: Article, candidates: tuple[Candidate, ...]
) -> tuple[tuple[Candidate, ...], tuple[DatelineError, ...]]:
    """Each correction applies to the candidates whose dating phrase is, or whose sentence
    contains, its text; one that applies to none is reported."""
    diagnostics: list[DatelineError] = []
    for correction in article.corrections:
        where = Location(article.path, correction.line)
        matching = [c for c in candidates if _applies(correction, c)]
        if not matching:
            diagnostics.append(
                ContentError(
                    f"correction '{correction.match}' matches no dated sentence",
                    where,
                    "quote the dating phrase or words of its sentence exactly",
                    severity="warning",
                )
            )
            continue
        try:
            candidates = tuple(
                _corrected(c, correction, article.timezone) if c in matching else c
                for c in candidates
                if not (correction.skip and c in matching)
            )
        except ContentError as error:
            diagnostics.append(ContentError(error.message, where, error.hint))
    return candidates, tuple(diagnostics)


def _applies(correction: Correction, candidate: Candidate) -> bool:
    wanted = correction.match.casefold()
    phrase = (candidate.source.phrase or "").casefold()
    return wanted == phrase or wanted in candidate.source.quote.casefold()


def _corrected(candidate: Candidate, correction: Correction, timezone: str) -> Candidate:
    if correction.title:
        candidate = replace(candidate, title=correction.title)
    if correction.date:
        bounds = interval(correction.date, timezone)
        if bounds is None:
            raise ContentError(
                f"correction date '{correction.date}' is not a date", hint="use YYYY-MM-DD"
            )
        when = When(correction.date, bounds[2], bounds[0], bounds[1])
        source = replace(candidate.source, rule=EDITOR_RULE, value=correction.date)
        candidate = replace(candidate, when=when, source=source)
    return candidate
