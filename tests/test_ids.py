"""Entry ids: the slug of a title, made faster for non-ASCII text, is slugify's own."""

from __future__ import annotations

import pytest
from slugify import slugify

from generator.ids import slug, title_id

TEXTS = [
    "Russia’s strike on Kharkiv",  # a curly quote transliterates to one slugify drops
    "Naïve café owner — 2025",
    "l’été &amp; co",  # an '&' keeps the quotes for slugify to drop after its references
    "&am’p; x",
    "x&’y",
    "&#x27; it’s &#233;",
    "Ångström’s ﬁrst test",
    "北京 ‘quoted’ “double”",
    "1’000,5 people",
    "ʼ modifier ʹ prime ′ ‛reversed‚",
    "Straße ǅ emoji 🚀 launch",
    "’’’",
    "plain ASCII it's",
]


@pytest.mark.parametrize("text", TEXTS)
def test_slug_is_slugify(text: str) -> None:
    assert slug(text) == slugify(text)


def test_title_id_drops_quotes_inside_words() -> None:
    assert (
        title_id("2025-06-05", "Russia’s strike hit Kharkiv")
        == "2025-06-05-russias-strike-hit-kharkiv"
    )
