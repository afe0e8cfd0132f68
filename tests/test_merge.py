"""Merging across articles: one event told twice, two events apart, disputes, editors, ids."""

from __future__ import annotations

from datetime import UTC, datetime

from generator.check import diagnose
from generator.config import Config
from generator.merge import merge_events
from generator.model import Article, Event, Timeline, When, Written
from generator.pipeline import read_article
from generator.render import render_site
from generator.theme import load_theme
from generator.timex.intervals import interval

from .conftest import ROOT

BAR = "A gunman opened fire at the Blue Lantern bar in Springfield {when}, killing two people and wounding three others."
BAR_AGAIN = "Two people were killed and three wounded when a gunman opened fire at the Blue Lantern bar in Springfield {when}."
STORE = "A delivery driver was robbed and beaten outside a Springfield grocery store on Saturday morning."


def article(name: str, day: int, *paragraphs: str) -> Article:
    published = datetime(2024, 3, day, 9, 0, tzinfo=UTC)
    body = "\n\n".join(paragraphs) + "\n"
    return Article(f"articles/{name}.md", name, name.title(), published, "UTC", "en", body, 5,
                   source=f"The {name.title()} Times")  # fmt: skip


def timeline(*articles: Article, written: tuple[Written, ...] = ()) -> Timeline:
    return merge_events(tuple(read_article(a) for a in articles), written)


def about(events: tuple[Event, ...], word: str) -> list[Event]:
    return [e for e in events if word.lower() in e.summary.lower()]


def test_two_articles_about_one_event_merge_into_one_entry_citing_both() -> None:
    merged = timeline(
        article("first", 10, BAR.format(when="on Saturday night")),
        article("second", 11, BAR_AGAIN.format(when="late Saturday")),
    )
    [entry] = about(merged.events, "Blue Lantern")
    assert [s.article for s in entry.sources] == ["articles/first.md", "articles/second.md"]
    assert entry.corroboration == 2
    assert entry.first_reported == datetime(2024, 3, 10, 9, 0, tzinfo=UTC)
    assert entry.when.start.date().isoformat() == "2024-03-09"
    assert (entry.figures.killed, entry.figures.injured) == (2, 3)
    assert not entry.disputed


def test_two_events_on_one_day_in_one_city_stay_apart() -> None:
    merged = timeline(
        article("first", 10, BAR.format(when="on Saturday night")),
        article("second", 10, STORE),
    )
    days = [e.when.start.date().isoformat() for e in merged.events]
    assert days == ["2024-03-09", "2024-03-09"]
    assert all(len(e.sources) == 1 for e in merged.events)
    assert {p for e in merged.events for p in e.places} == {"Springfield"}


def test_sources_giving_different_days_make_one_disputed_entry_that_check_lists() -> None:
    merged = timeline(
        article("first", 10, BAR.format(when="on Saturday night")),
        article("second", 11, BAR_AGAIN.format(when="late Saturday")),
        article("third", 11, BAR.format(when="on Friday night")),
    )
    [entry] = about(merged.events, "Blue Lantern")
    assert entry.disputed
    [conflict] = entry.conflicts
    assert conflict.fact == "date"
    assert [(v.value, v.articles) for v in conflict.versions] == [
        ("2024-03-09", ("articles/first.md", "articles/second.md")),
        ("2024-03-08", ("articles/third.md",)),
    ]
    assert entry.when.start.date().isoformat() == "2024-03-09"
    assert [str(d) for d in diagnose(merged, prefix="content/")] == [
        f"content/articles/first.md:5: warning: entry '{entry.id}' is disputed: date 2024-03-09 "
        "(articles/first.md, articles/second.md) vs 2024-03-08 (articles/third.md) (hint: pin the "
        "right value with 'events:' in an article, or write content/events/"
        f"{entry.id}.md)"
    ]


def test_different_death_tolls_are_a_dispute_too() -> None:
    merged = timeline(
        article("first", 10, BAR.format(when="on Saturday night")),
        article("second", 11, BAR_AGAIN.format(when="late Saturday").replace("Two", "Three")),
    )
    [entry] = about(merged.events, "Blue Lantern")
    assert [(c.fact, [v.value for v in c.versions]) for c in entry.conflicts] == [
        ("killed", ["2", "3"])
    ]


def written(**changes: object) -> Written:
    start, end, precision = interval("2024-03-09", "UTC")  # type: ignore[misc]
    values: dict[str, object] = {
        "id": "blue-lantern-shooting", "path": "events/blue-lantern-shooting.md",
        "title": "Two killed in the Blue Lantern bar shooting",
        "when": When("2024-03-09", precision, start, end),
        "description": "The editor's account.", "sources": ("first",),
    } | changes  # fmt: skip
    return Written(**values)  # type: ignore[arg-type]


def test_a_hand_written_entry_wins_and_absorbs_the_extracted_ones_it_matches() -> None:
    merged = timeline(
        article("first", 10, BAR.format(when="on Saturday night")),
        article("second", 11, BAR_AGAIN.format(when="late Saturday")),
        article("third", 10, STORE),
        written=(written(),),
    )
    entry = next(e for e in merged.events if e.written)
    assert (entry.id, entry.title, entry.summary) == (
        "blue-lantern-shooting",
        "Two killed in the Blue Lantern bar shooting",
        "The editor's account.",
    )
    assert [s.article for s in entry.sources] == ["articles/first.md", "articles/second.md"]
    assert len(merged.events) == 2
    assert dict(merged.redirects)  # the extracted entry's address now leads to the editor's


def test_an_unknown_source_of_a_hand_written_entry_is_a_warning() -> None:
    merged = timeline(article("first", 10, STORE), written=(written(sources=("nowhere",)),))
    messages = [str(d) for d in diagnose(merged, (written(sources=("nowhere",)),))]
    assert messages == [
        "events/blue-lantern-shooting.md:1: warning: unknown source 'nowhere' (hint: name an "
        "article by its path, file name or slug, or give a URL)"
    ]


def test_adding_a_later_article_renames_no_entry() -> None:
    before = timeline(
        article("first", 10, BAR.format(when="on Saturday night")), article("third", 10, STORE)
    )
    after = timeline(
        article("first", 10, BAR.format(when="on Saturday night")),
        article("third", 10, STORE),
        article("second", 11, BAR_AGAIN.format(when="late Saturday")),
    )
    assert {e.id for e in before.events} == {e.id for e in after.events}


def test_an_entry_renamed_by_an_earlier_report_leaves_a_redirect(tmp_path) -> None:  # type: ignore[no-untyped-def]
    before = timeline(article("second", 11, BAR_AGAIN.format(when="late Saturday")))
    after = timeline(
        article("second", 11, BAR_AGAIN.format(when="late Saturday")),
        article("first", 10, BAR.format(when="on Saturday night")),
    )
    [old], [new] = [e.id for e in before.events], [e.id for e in after.events]
    assert old != new
    assert (old, new) in after.redirects
    pages = {p.path: p.content.decode() for p in render_site(
        after, Config(base_url="https://example.org/"), load_theme(ROOT / "templates"), None)
        if p.path.endswith(".html")}  # fmt: skip
    page = pages[f"events/{old}/index.html"]
    assert f'<meta http-equiv="refresh" content="0; url=../{new}/index.html">' in page
    assert f'<link rel="canonical" href="https://example.org/events/{new}/">' in page


SHOOTING = (
    "Kyle Markins, 17, of Findlay was killed Saturday night at a home on Road 3 near Pandora, "
    "Putnam County Sheriff Brian Siefker said."
)
UNDATED = (
    "The Putnam County sheriff's office continues to investigate the shooting that killed Kyle "
    "Markins of Findlay at a home near Pandora."
)
COURT = (
    "Bond was set Thursday for the friend of Kyle Markins, the Findlay teen who was shot at a "
    "home near Pandora last Saturday, Putnam County records show."
)


def test_a_report_without_a_date_of_its_own_joins_the_entry_of_the_people_it_names() -> None:
    merged = timeline(
        article("first", 10, SHOOTING), article("second", 12, UNDATED), article("third", 10, STORE)
    )
    [entry] = about(merged.events, "Markins")
    assert [s.article for s in entry.sources] == ["articles/first.md", "articles/second.md"]
    assert entry.when.start.date().isoformat() == "2024-03-09"
    assert not entry.disputed


def test_a_later_report_restating_the_day_in_a_clause_joins_the_entry() -> None:
    merged = timeline(
        article("first", 10, SHOOTING), article("second", 15, COURT), article("third", 10, STORE)
    )
    [shooting] = [e for e in merged.events if e.when.start.date().isoformat() == "2024-03-09"
                  and "Markins" in e.summary]  # fmt: skip
    assert [s.article for s in shooting.sources] == ["articles/first.md", "articles/second.md"]
    assert shooting.sources[1].phrase == "last Saturday"
    assert shooting.id == timeline(article("first", 10, SHOOTING)).events[0].id
    [bond] = about(merged.events, "Bond was set")
    assert bond.when.start.date().isoformat() == "2024-03-14"


def test_a_mention_that_restates_no_entry_makes_none() -> None:
    merged = timeline(article("second", 15, COURT), article("third", 10, STORE))
    assert sorted(e.when.value for e in merged.events) == ["2024-03-09TMO", "2024-03-14"]


def test_reports_alike_one_by_one_do_not_chain_different_events_into_one_entry() -> None:
    school = "Mayor Oleh Hrytsenko visited the flooded school in Irpin on Saturday and met rescue workers and volunteers."
    both = "Rescue workers and volunteers met the governor at the flooded school in Irpin on Saturday before he toured the damaged bridge near the railway station."
    bridge = "The governor toured the damaged bridge near the railway station in Irpin on Saturday with engineers of the rail company."
    merged = timeline(article("a", 10, school), article("b", 10, both), article("c", 10, bridge))
    by_article = {e.sources[0].article: [s.article for s in e.sources] for e in merged.events}
    assert by_article == {
        "articles/a.md": ["articles/a.md", "articles/b.md"],
        "articles/c.md": ["articles/c.md"],
    }


COMMON = (
    "President Volodymyr Zelensky spoke in Kyiv with Ursula von der Leyen, Emmanuel Macron, "
    "Olaf Scholz and Keir Starmer about Vladimir Putin."
)


def test_names_that_most_articles_use_are_no_evidence_of_one_event() -> None:
    dam = "Engineers began repairing the Dnipro dam in Zaporizhzhia on Saturday."
    market = "A grain market reopened in Zaporizhzhia on Saturday after months of closure."
    others = [
        article(f"other{n}", 10, COMMON, f"Crews cleared snow in Lviv street {n} on Friday.")
        for n in range(4)
    ]
    merged = timeline(
        article("dam", 10, COMMON, dam), article("market", 10, COMMON, market), *others
    )
    saturday = [e for e in merged.events if e.when.start.date().isoformat() == "2024-03-09"]
    assert sorted(len(e.sources) for e in saturday) == [1, 1]


VISIT = "{who} visited {city} on Saturday, met local officials and spoke with rescue workers at a damaged school."
TALKS = "Diplomats in Kyiv said the talks on a ceasefire had been difficult but useful."


def test_visits_to_two_cities_on_one_day_are_two_entries_though_both_mention_kyiv() -> None:
    merged = timeline(
        article("lviv", 10, VISIT.format(who="Foreign Minister Olena Kovalenko", city="Lviv"), TALKS),
        article("odesa", 10, VISIT.format(who="Defence Minister Pavlo Shevchuk", city="Odesa"), TALKS),
    )  # fmt: skip
    visits = about(merged.events, "visited")
    assert sorted((e.places, len(e.sources)) for e in visits) == [(("Lviv",), 1), (("Odesa",), 1)]


def test_a_report_whose_sentence_names_no_place_merges_by_words_whatever_its_background() -> None:
    unplaced = BAR.replace(" in Springfield", "").format(when="on Saturday night")
    background = "The same gang was blamed for a nightclub shooting in Memphis."
    merged = timeline(
        article("first", 10, unplaced, background),
        article("second", 11, BAR_AGAIN.format(when="late Saturday")),
    )
    [entry] = about(merged.events, "Blue Lantern")
    assert [s.article for s in entry.sources] == ["articles/first.md", "articles/second.md"]
    assert entry.places == ("Springfield",)  # where the reports say it happened, not Memphis


def test_an_entry_whose_reports_name_no_place_shows_where_their_details_put_it() -> None:
    unplaced = BAR.replace(" in Springfield", "").format(when="on Saturday night")
    [entry] = timeline(
        article("first", 10, unplaced, "The bar is on Main Street in Springfield.")
    ).events
    assert entry.places == ("Springfield",)
