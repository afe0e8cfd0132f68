"""Writes a deterministic corpus of news-like Dateline articles: python make_corpus.py N DIR.

Each event (a strike, talks, an evacuation, ...) is reported by several outlets, one to four days
later, dated the way newsrooms date things: "on Monday", "Thursday night", "overnight",
"earlier this week", "on June 5", "on 5 June 2024", "in March", "last month". About one event in
thirty is told with a different day by one outlet, so merging meets real conflicts. The same N
and seed always give the same bytes; nothing is read from the network or the clock.
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

FIRST_DAY = date(2022, 2, 1)
CONFLICT_SHARE = 1 / 30
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
PLACES = (
    "Kyiv",
    "Kharkiv",
    "Odesa",
    "Lviv",
    "Dnipro",
    "Zaporizhzhia",
    "Kherson",
    "Mykolaiv",
    "Poltava",
    "Sumy",
    "Chernihiv",
    "Ternopil",
    "Vinnytsia",
    "Belgorod",
    "Kursk",
    "Donetsk",
    "Moscow",
    "Warsaw",
    "Berlin",
    "Brussels",
    "Istanbul",
    "Geneva",
    "Paris",
    "London",
)
ZONES = ("Europe/Kyiv", "Europe/London", "America/New_York", "Europe/Berlin", "UTC")
OUTLETS = ("The Northern Ledger", "Daily Courier", "Continental Wire", "The Evening Standard-Post",
           "Harbour Times", "Meridian News", "The Capital Review", "Eastern Dispatch")  # fmt: skip
FIRST_NAMES = ("Olena", "Andriy", "Maria", "Dmytro", "Anna", "Serhiy", "Kateryna", "Pavlo",
               "Iryna", "Mykola", "Sofia", "Taras", "Lena", "Viktor", "Hanna", "Oleh")  # fmt: skip
SURNAMES = ("Kovalenko", "Shevchuk", "Bondar", "Tkachenko", "Kravets", "Melnyk", "Oliynyk",
            "Marchenko", "Lysenko", "Rudenko", "Savchenko", "Petrenko", "Hrytsenko")  # fmt: skip
ROLES = ("Foreign Minister", "Defence Minister", "Mayor", "Governor", "Energy Minister",
         "regional police chief", "emergency services spokesperson", "Prime Minister")  # fmt: skip
COMMON_OPENERS = frozenset(
    {"Strikes", "Attacks", "Shelling", "Negotiators", "Delegations", "Mediators", "Authorities",
     "The", "A", "Thousands", "Crowds", "Families"}
)  # fmt: skip
TAGS = ("russia-ukraine-war", "air-strikes", "diplomacy", "energy", "humanitarian", "politics")

# What happened, as a headline and as a sentence; each [a|b] picks one wording per event, so two
# strikes share some words but not all; {place} {n} {m} {person} are filled in.
KINDS = (
    ("Missiles and drones hit {place}",
     "[Russia|Russian forces|the Russian military|Moscow] [launched|fired|unleashed] "
     "[a wave of drones|ballistic missiles|glide bombs|cruise missiles and drones] at {place}, "
     "[killing at least {n} people|wounding {m} civilians|damaging a hospital and a school|"
     "setting a fuel depot on fire|hitting a railway depot]"),
    ("Blackouts across {place} after strikes on the grid",
     "[Strikes on|Attacks against|Shelling of] [a thermal power plant|substations|the power grid|"
     "a hydroelectric dam] left [more than {n}00 homes|{m} thousand households|hospitals and "
     "water pumps] in {place} without [electricity|power|heating]"),
    ("Negotiators meet in {place}",
     "[Negotiators|Delegations|Mediators] from [both sides|Kyiv and Moscow|Turkey and the UN] "
     "[met|gathered|sat down] in {place} for [another round of talks|technical talks|closed talks] "
     "on [a ceasefire|grain exports|the exchange of prisoners|nuclear safety]"),
    ("Families evacuated from {place} region",
     "[Authorities|The regional governor|The military administration] ordered the "
     "[evacuation|mandatory evacuation|relocation] of {n}00 [families|children|residents] from "
     "[villages near|frontline towns around|districts of] {place}"),
    ("Prisoner exchange near {place}",
     "[Ukraine and Russia|Kyiv and Moscow] [exchanged|swapped|traded] {n}0 "
     "[prisoners of war|soldiers|captured fighters and civilians] [at a crossing near|in talks "
     "brokered in|through mediators in] {place}"),
    ("Aid convoy reaches {place}",
     "A convoy of {n} [trucks|lorries|rail wagons] carrying [food and medicine|generators|"
     "winter clothing and fuel] [reached|arrived in|was unloaded in] {place}"),
    ("Thousands protest in {place}",
     "[Thousands of people|Crowds of students|Families of soldiers] [marched through|rallied in|"
     "gathered in] central {place} to [demand the return of prisoners|protest against "
     "corruption|call for more air defence]"),
    ("{person} visits {place}",
     "{person} [visited|toured|made an unannounced trip to] {place} and [met local officials|"
     "inspected the damage|spoke with rescue workers|opened a new shelter]"),
)  # fmt: skip
SUBJECTS = ("Residents", "Officials", "Rescue teams", "Doctors", "Volunteers", "Engineers",
            "Aid groups", "Analysts", "Teachers", "Shop owners", "Police", "Diplomats")  # fmt: skip
PREDICATES = (
    "described hearing a series of loud explosions before the sirens stopped",
    "worked through the rubble with cranes and sniffer dogs",
    "said the full scale of the damage was not yet known",
    "asked people to donate blood and warned of shortages",
    "were sent to restore power, water and heating to the damaged districts",
    "said schools in the district had switched to remote lessons as a precaution",
    "handed out water, blankets and hot food near the damaged buildings",
    "said prices for fuel and bread had risen sharply in the region",
    "published photographs of the damaged apartment blocks and power lines",
    "said the attacks were meant to wear down air defences",
    "said a new package of sanctions was being prepared in Brussels",
    "urged people to stay in shelters until the all-clear was given",
    "said independent verification of the casualty figures was not possible",
    "said the number of displaced people in the region kept growing",
    "counted at least a dozen damaged houses along a single street",
    "said the metro stations again served as shelters for thousands of families",
)
QUOTES = (
    "“We need to act decisively, and we need to act now,” {person} told reporters.",
    "“Nobody on our street in {place} slept last night,” a neighbour of {person} said.",
    "“This is a deliberate attack on civilians,” {person} wrote in a statement.",
    "“The talks were difficult but useful,” {person} said after the meeting.",
    "“We will rebuild every house,” {person} said, standing in front of the ruins.",
)


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened: what, where, who, and the day and part of day it happened."""

    number: int
    kind: int
    sentence: str
    place: str
    person: str
    day: date
    night: bool
    n: int
    m: int


def make_events(count: int, rng: random.Random) -> list[Event]:
    """`count` events spread over the days from FIRST_DAY, about three a day, oldest first."""
    events = []
    for number in range(count):
        day = FIRST_DAY + timedelta(days=number // 3 + rng.randrange(0, 2))
        person = f"{rng.choice(ROLES)} {rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        kind, place, night = rng.randrange(len(KINDS)), rng.choice(PLACES), rng.random() < 0.4
        n, m = rng.randrange(2, 40), rng.randrange(5, 90)
        sentence = pick_wording(KINDS[kind][1], rng)
        events.append(Event(number, kind, sentence, place, person, day, night, n, m))
    return events


def pick_wording(template: str, rng: random.Random) -> str:
    """Chooses one alternative of each [a|b|c] group."""
    return re.sub(r"\[([^\]]*)\]", lambda m: rng.choice(m.group(1).split("|")), template)


def capitalised(text: str) -> str:
    return text[0].upper() + text[1:]


def fill(template: str, event: Event) -> str:
    return template.format(place=event.place, n=event.n, m=event.m, person=event.person)


def lead_phrase(day: date, published: date, night: bool, rng: random.Random) -> str:
    """How an article published on `published` dates something that happened on `day`."""
    gap = (published - day).days
    weekday = WEEKDAYS[day.weekday()]
    choices = [
        f"on {MONTHS[day.month - 1]} {day.day}",
        f"on {day.day} {MONTHS[day.month - 1]} {day.year}",
    ]
    if gap == 0:
        choices += ["early today", f"on {weekday}"]
    elif gap == 1:
        choices += ["overnight", f"{weekday} night"] if night else ["yesterday", f"on {weekday}"]
    elif gap < 7:
        choices += [f"on {weekday}", f"{weekday} night" if night else f"late on {weekday}"]
        if day.weekday() < published.weekday():
            choices.append("earlier this week")
    return rng.choice(choices)


def background_phrase(day: date, published: date, rng: random.Random) -> str:
    """A date for an older event: a month, a month and year, a full date, 'last month'."""
    month = MONTHS[day.month - 1]
    choices = [f"in {month} {day.year}", f"on {day.day} {month} {day.year}"]
    if day.year == published.year:
        choices += [f"in {month}", f"on {month} {day.day}"]
    if (published.year * 12 + published.month) - (day.year * 12 + day.month) == 1:
        choices.append("last month")
    if published.year - day.year == 1:
        choices.append("last year")
    return rng.choice(choices)


def after_comma(clause: str) -> str:
    """A clause continued after an opening phrase: common words lose their capital, names not."""
    first = clause.split(" ", 1)[0]
    return clause[0].lower() + clause[1:] if first in COMMON_OPENERS else clause


def lead_sentence(event: Event, day: date, published: date, rng: random.Random) -> str:
    what = capitalised(fill(event.sentence, event))
    phrase = lead_phrase(day, published, event.night, rng)
    if rng.random() < 0.5:
        return f"{what} {phrase}, officials said."
    return f"{capitalised(phrase)}, {after_comma(what)}."


def background_sentence(event: Event, published: date, rng: random.Random) -> str:
    what = capitalised(fill(event.sentence, event))
    return f"{capitalised(background_phrase(event.day, published, rng))}, {after_comma(what)}."


def future_sentence(event: Event, published: date, rng: random.Random) -> str:
    ahead = published + timedelta(days=rng.randrange(2, 9))
    when = rng.choice(
        [
            f"on {WEEKDAYS[ahead.weekday()]}",
            "next week",
            f"on {MONTHS[ahead.month - 1]} {ahead.day}",
        ]
    )
    topic = pick_wording("[the ceasefire|repairs to the grid|compensation for families|the "
                         "reopening of schools|new air defence systems]", rng)  # fmt: skip
    return f"{event.person} said talks on {topic} in {event.place} will resume {when}."


def body(event: Event, day: date, published: date, older: list[Event], rng: random.Random) -> str:
    """5 to 12 paragraphs, about 600 words: the lead, background, quotes, filler, what is next."""
    paragraphs = rng.randrange(5, 13)
    budget = max(40, int(rng.gauss(600, 60)) // paragraphs)
    sentences = [lead_sentence(event, day, published, rng)]
    out: list[str] = []
    for index in range(paragraphs):
        while sum(len(s.split()) for s in sentences) < budget:
            sentences.append(extra_sentence(event, published, older, index, rng))
        out.append(" ".join(sentences))
        sentences = []
    return "\n\n".join(out) + "\n"


def extra_sentence(event: Event, published: date, older: list[Event], index: int,
                   rng: random.Random) -> str:  # fmt: skip
    roll = rng.random()
    if roll < 0.15 and older:
        return background_sentence(rng.choice(older[-200:]), published, rng)
    if roll < 0.3:
        return fill(rng.choice(QUOTES), event)
    if roll < 0.35 and index > 2:
        return future_sentence(event, published, rng)
    if roll < 0.45 and older:
        recent = older[-12:]
        other = rng.choice(recent)
        what = capitalised(fill(other.sentence, other))
        phrase = lead_phrase(other.day, published, other.night, rng)
        return f"{capitalised(phrase)}, {after_comma(what)}."
    where = f" in {rng.choice(PLACES)}" if rng.random() < 0.3 else ""
    return f"{rng.choice(SUBJECTS)}{where} {rng.choice(PREDICATES)}."


def article_text(event: Event, outlet: str, published: date, day: date, older: list[Event],
                 rng: random.Random) -> str:  # fmt: skip
    title = fill(KINDS[event.kind][0], event)
    tags = sorted({TAGS[0], rng.choice(TAGS[1:])})
    zone = rng.choice(ZONES)
    slug = outlet.lower().replace(" ", "-").replace("the-", "")
    return (
        f'---\ntitle: "{title}"\ndate: {published.isoformat()}\ntimezone: {zone}\n'
        f"source: {outlet}\nurl: https://{slug}.example/{event.number}\n"
        f"tags: [{', '.join(tags)}]\nlanguage: en\n---\n\n"
        + body(event, day, published, older, rng)
    )


def make_corpus(count: int, out: Path, seed: int = 7) -> list[Path]:
    """Writes `count` articles to out/content/articles and a dateline.toml; returns the files."""
    rng = random.Random(seed)
    events = make_events(max(1, count // 3 + 1), rng)
    folder = out / "content" / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    (out / "dateline.toml").write_text('title = "Generated war timeline"\n', encoding="utf-8")
    written = []
    for number in range(count):
        event = events[number // 3]
        outlet = OUTLETS[(number * 3 + number // 3) % len(OUTLETS)]
        published = event.day + timedelta(days=rng.randrange(0, 4))
        day = event.day
        if number % 3 == 2 and rng.random() < CONFLICT_SHARE * 3:
            day -= timedelta(days=1)  # one outlet dates it a day early: a conflict to show
        older = events[: max(0, event.number - 6)]
        path = folder / f"{published.isoformat()}-{event.number:05d}-{number % 3}.md"
        path.write_text(article_text(event, outlet, published, day, older, rng), encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    files = make_corpus(arguments.count, arguments.out, arguments.seed)
    print(f"wrote {len(files)} articles to {arguments.out}/content/articles")


if __name__ == "__main__":
    main()
