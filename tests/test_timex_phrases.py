"""Phrase table for news wording the first tables left out: counted extra time, trading days,
yearly months, parts of a named day, fronted day names and deadlines in past narration.
Each row: sentence, phrase as tagged, anchor, TimeML type, TimeML value."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.timex import tag
from generator.timex.timeml import to_timeml

FRI = dt.date(2025, 6, 6)  # a Friday
MON = dt.date(2025, 6, 2)
WED = dt.date(2025, 6, 4)
NOV = dt.date(2025, 11, 2)  # early in a quarter, when the last one is reported

# fmt: off
CASES: list[tuple[str, str, dt.date, str, str]] = [
    # extra time counted on top of a period already named
    ("The strike could last two more weeks.", "two more weeks", FRI, "DURATION", "P2W"),
    ("She stayed on for an additional year.", "an additional year", FRI, "DURATION", "P1Y"),
    ("The lease runs at least 20 more years.", "at least 20 more years", FRI, "DURATION", "P20Y"),
    ("Refunds take three extra days.", "three extra days", FRI, "DURATION", "P3D"),
    # spelled counts: spaced compounds and halves
    ("It rained for the last twenty four hours.", "the last twenty four hours", FRI, "DURATION", "PT24H"),
    ("The talks took half an hour.", "half an hour", FRI, "DURATION", "PT30M"),
    ("The lease runs half a year.", "half a year", FRI, "DURATION", "P6M"),
    # market and office calendars still count days
    ("Shares fell for six trading days.", "six trading days", FRI, "DURATION", "P6D"),
    ("Payment clears within five business days.", "five business days", FRI, "DURATION", "P5D"),
    # "or so" softens a count without ending the phrase
    ("A month or so ago the plant shut.", "A month or so ago", FRI, "DATE", "2025-05"),
    # a month named with every/each recurs once a year
    ("The village holds the fair each July.", "each July", FRI, "SET", "XXXX-07"),
    ("Every March the river floods.", "Every March", FRI, "SET", "XXXX-03"),
    # weekday nights that recur, and a weekday sharing them in a pair
    ("Bars close early on Friday nights.", "Friday nights", FRI, "SET", "XXXX-WXX-5TNI"),
    ("Flights leave on Monday and Tuesday nights from March 30.", "Monday", FRI, "SET", "XXXX-WXX-1TNI"),
    ("Flights leave on Monday and Tuesday nights from March 30.", "Tuesday nights", FRI, "SET", "XXXX-WXX-2TNI"),
    ("Clinics open on Mondays and Thursdays.", "Mondays", FRI, "SET", "XXXX-WXX-1"),
    # a part of the day written with a space
    ("Traders sold mid afternoon.", "mid afternoon", FRI, "TIME", "2025-06-06TAF"),
    # a day name opening the sentence takes the tense of the clause after its comma
    ("On Tuesday, the union plans to hold a rally.", "Tuesday", FRI, "DATE", "2025-06-10"),
    ("On Tuesday, the union held a rally.", "Tuesday", FRI, "DATE", "2025-06-03"),
    ("On Monday, the mayor and the city council will meet.", "Monday", WED, "DATE", "2025-06-09"),
    # a deadline in the past perfect has passed; in any other clause it lies ahead
    ("Ten states had filed reports by Wednesday.", "Wednesday", FRI, "DATE", "2025-06-04"),
    ("Until Thursday, they had not named a suspect.", "Thursday", FRI, "DATE", "2025-06-05"),
    ("Firms must file reports by Wednesday.", "Wednesday", FRI, "DATE", "2025-06-11"),
    # a part of a named day, its modifier first
    ("Shares slid mid-afternoon yesterday.", "mid-afternoon yesterday", FRI, "TIME", "2025-06-05TAF"),
    ("The fire started late evening Sunday.", "late evening Sunday", FRI, "TIME", "2025-06-01TEV"),
    ("Crews will return early morning Monday.", "early morning Monday", FRI, "TIME", "2025-06-09TMO"),
    # a clock time takes a full date that follows it, weekday and year included
    ("The quake struck at 2:15 a.m. on Tuesday, June 3rd, officials said.", "2:15 a.m. on Tuesday, June 3rd", dt.date(2025, 7, 20), "TIME", "2025-06-03T02:15"),
    ("The blast came at 9:40 a.m. May 3, 2024, in Rome.", "9:40 a.m. May 3, 2024", FRI, "TIME", "2024-05-03T09:40"),
    # "the morning of July 14" is that morning
    ("On the morning of July 14, troops moved in.", "the morning of July 14", dt.date(2025, 7, 20), "TIME", "2025-07-14TMO"),
    ("He was shot on the night of Friday, May 30.", "the night of Friday, May 30", FRI, "TIME", "2025-05-30TNI"),
    # a weekday before the last date named, and a day counted from a named day
    ("The vote was on June 4. Turnout beat the previous Friday's poll.", "the previous Friday", FRI, "DATE", "2025-05-30"),
    ("The day before last Tuesday's hearing, the two met.", "The day before last Tuesday", FRI, "DATE", "2025-06-02"),
    ("He landed the day after June 1 and left at once.", "the day after June 1", FRI, "DATE", "2025-06-02"),
    ("Rain fell on May 20. That same day, the dam broke.", "That same day", FRI, "DATE", "2025-05-20"),
    # thousands of years count millennia, and reach back before year one
    ("Families kept the craft for more than two thousand years.", "more than two thousand years", FRI, "DURATION", "P2L"),
    ("The town was founded three thousand years ago.", "three thousand years ago", FRI, "DATE", "PAST_REF"),
    # a clock time or a day count needs a full day to count from, not a bare year
    ("The plant opened in 1997. By 10 p.m., crowds had left.", "10 p.m.", FRI, "TIME", "2025-06-06T22:00"),
    ("Police came on May 3. The firm was set up in 1990. The next day, it shut.", "The next day", FRI, "DATE", "2025-05-04"),
    ("He was freed on May 2, 2019. The firm was sold in 2016. Two years later it failed.", "Two years later", FRI, "DATE", "2018"),
    # "the day before <event>" set off after a date is that date
    ("Shares sank on June 2, the day before the vote.", "the day", FRI, "DATE", "2025-06-02"),
    # halves of a named year
    ("Profits will lag in the last half of 2025.", "the last half of 2025", FRI, "DATE", "2025-H2"),
    ("Demand stays weak through the first two quarters of 2026.", "the first two quarters of 2026", FRI, "DATE", "2026-H1"),
    # an open stretch of time ahead
    ("Prices may swing in the weeks ahead.", "the weeks ahead", FRI, "DURATION", "PXW"),
    # "one day" after a modal or a subject is some day ahead, not a day's length
    ("The town will one day host the games.", "one day", FRI, "DATE", "FUTURE_REF"),
    ("She hopes she one day runs the firm.", "one day", FRI, "DATE", "FUTURE_REF"),
    ("The strike lasted one day.", "one day", FRI, "DURATION", "P1D"),
    ("Bids are due by the end of today.", "today", FRI, "DATE", "2025-06-06"),
    ("Police named the victims of yesterday's crash.", "yesterday", FRI, "DATE", "2025-06-05"),
    ("Prices will rise again in the future.", "the future", FRI, "DATE", "FUTURE_REF"),
    ("Now the court has ruled on the case.", "Now", FRI, "DATE", "PRESENT_REF"),
    # the near, short or long term ahead, as an idiom after a preposition
    ("Fuel prices may stay high in the short term.", "the short term", FRI, "DATE", "FUTURE_REF"),
    ("She warned of the risks of the near term, but smiled.", "the near term", FRI, "DATE", "FUTURE_REF"),
    ("Over the long term, shares beat bonds.", "the long term", FRI, "DATE", "FUTURE_REF"),
    ("The firm is here now, they say.", "now", FRI, "DATE", "PRESENT_REF"),
    # a year after a date word stays a year
    ("Results for Fiscal 1990 were weak.", "Fiscal 1990", FRI, "DATE", "1990"),
    ("Ticket sales peaked in Summer 1999, he said.", "Summer 1999", FRI, "DATE", "1999-SU"),
    # "the March vote": a month before the noun it dates
    ("Polls favour the ruling party ahead of the March vote.", "March", dt.date(2025, 2, 10), "DATE", "2025-03"),
    # a year or a decade with pre- or post- is that year or decade, before or after it
    ("The post-1975 reforms freed the press.", "post-1975", FRI, "DATE", "1975"),
    ("Rents are back to pre-1990s levels.", "pre-1990s", FRI, "DATE", "199"),
    # a quoted day word is still a day
    ('He said, "Today we begin again."', "Today", FRI, "DATE", "2025-06-06"),
    # an open count of units after for, in or within, or a choice of two units
    ("The two brothers have not spoken for years.", "years", FRI, "DURATION", "PXY"),
    ("More troops could be sent within weeks.", "weeks", FRI, "DURATION", "PXW"),
    ("The plant made its first profit in decades.", "decades", FRI, "DURATION", "PXY"),
    # an open count of centuries keeps TimeML's century unit
    ("The old bridge stood for centuries.", "centuries", FRI, "DURATION", "PXC"),
    ("The dispute lasted several centuries.", "several centuries", FRI, "DURATION", "PXC"),
    ("Repairs to the bridge may take weeks or months.", "weeks or months", FRI, "DURATION", "PXW"),
    ("Residents must live without power for a while.", "a while", FRI, "DURATION", "PXX"),
    ("Over the years the mill lost its workers.", "the years", FRI, "DURATION", "PXY"),
    ("The river has moved over the decades.", "the decades", FRI, "DURATION", "PXY"),
    # a length written as a modifier: one unit, or an open count of a plural unit
    ("The feud is a decades-long one.", "decades-long", FRI, "DURATION", "PXY"),
    ("Union leaders left their third day-long meeting.", "day-long", FRI, "DURATION", "P1D"),
    ("A yearlong inquiry cleared the mayor.", "yearlong", FRI, "DURATION", "P1Y"),
    ("Crowds cheered the weeklong festival.", "weeklong", FRI, "DURATION", "P1W"),
    ("The firm ended a months-long strike.", "months-long", FRI, "DURATION", "PXM"),
    # a day range that names its month once gives both days
    ("Leaders meet on July 24 and 25 in Rome.", "25", FRI, "DATE", "2025-07-25"),
    ("Leaders meet on July 24 and 25 in Rome.", "July 24", FRI, "DATE", "2025-07-24"),
    ("The fair ran Aug. 3-5, 2019, in Leeds.", "5, 2019", FRI, "DATE", "2019-08-05"),
    ("The fair ran Aug. 3-5, 2019, in Leeds.", "Aug. 3", FRI, "DATE", "2019-08-03"),
    # movable feasts
    ("Pilgrims gathered as Easter week began.", "Easter week", dt.date(2000, 4, 17), "DATE", "2000-W16"),
    ("The shops shut on Good Friday.", "Good Friday", dt.date(2024, 4, 2), "DATE", "2024-03-29"),
    ("Parades marked Memorial Day.", "Memorial Day", dt.date(2025, 6, 1), "DATE", "2025-05-26"),
    ("Talks resume after Labor Day, he will say.", "Labor Day", dt.date(2025, 8, 1), "DATE", "2025-09-01"),
    # a report's comparisons refer to the latest quarter it names that has ended, not to an
    # outlook for the running quarter or a look back at an earlier one
    ("Net rose in the third quarter. It sees a weak fourth quarter. A year ago, it lost money.", "A year ago", NOV, "DATE", "2024-Q3"),
    ("Net rose in the third quarter after a flat second quarter. A year earlier, it lost money.", "A year earlier", NOV, "DATE", "2024-Q3"),
    # a plan told in the past perfect was for a day now past
    ("The offer had been scheduled to expire Friday.", "Friday", WED, "DATE", "2025-05-30"),
    ("The raid began as previously planned Tuesday night.", "Tuesday night", FRI, "TIME", "2025-06-03TNI"),
    ("The vote is scheduled for Friday.", "Friday", WED, "DATE", "2025-06-06"),
    # "ago" joined by a hyphen is still ago
    ("They split up two-years-ago, she said.", "two-years-ago", FRI, "DATE", "2023"),
    # "a year-earlier loss": the article goes with the noun, the date is the year-earlier quarter
    ("Profit rose in the third quarter, against a year-earlier loss.", "year-earlier", NOV, "DATE", "2024-Q3"),
    # "today is the fifth day of": the day counted is the publication day
    ("In the capital, today is the fifth day of the strike.", "the fifth day", FRI, "DATE", "2025-06-06"),
    ("It's the 10th day of the blockade, and food is short.", "the 10th day", FRI, "DATE", "2025-06-06"),
    # "fiscal-first quarter" is the fiscal first quarter
    ("It earned $3 million in the fiscal-first quarter.", "the fiscal-first quarter", dt.date(2025, 5, 20), "DATE", "2025-Q1"),
]
# fmt: on


def _find(text: str, phrase: str, anchor: dt.date) -> tuple[str, str]:
    found = tag(text, anchor, "UTC")
    for timex in found:
        if timex.text == phrase:
            return timex.type, timex.value
    raise AssertionError(f"{phrase!r} not in {[(t.text, t.value) for t in found]}")


@pytest.mark.parametrize(("text", "phrase", "anchor", "kind", "value"), CASES)
def test_phrase_value(text: str, phrase: str, anchor: dt.date, kind: str, value: str) -> None:
    assert _find(text, phrase, anchor) == (kind, value)


# fmt: off
NOT_TIMEXES = [
    ("The board raised its quarterly dividend.", "quarterly"),
    ("Sales should grow 8% annually.", "annually"),
    ("Rallies shape today's youth.", "today"),
    ("The film High Noon played.", "Noon"),
    ("Police came in the early hours of Monday.", "hours"),
    ("The custom is two thousand years old.", "two thousand"),
    ("In Paris, the day after the vote, crowds met.", "the day"),
    # "later in the day" ends before a clause that "before" opens
    ("She toured the port on May 2 and met the mayor later in the day before flying home.", "the day before"),
    ("Shares rose 4 points on March 3 to 7,000.", "7"),
    # "now" set off at the head of a sentence is a discourse marker
    ("Prices fell. Now, he says, the worst is over.", "Now"),
    ('He said: "Now, we wait."', "Now"),
    # a unit in a compound modifier, and the future as a thing's prospects
    ("The quarter-to-quarter comparison was better.", "The quarter"),
    ("He runs the farm day-to-day.", "day"),
    ("The vote is crucial to the future of the union.", "the future"),
    ("Yields in the short term debt market rose.", "the short term"),
    # a day counted in past narration is no publication day
    ("It was the third day of the siege.", "the third day"),
    # "the X of tomorrow" is a generic time, no date
    ("She wants to train the engineers of tomorrow.", "tomorrow"),
    ("The heroes of yesterday are forgotten.", "yesterday"),
    # "the past" before a count of seasons is no vague past
    ("Floods hit the valley for the past two springs.", "the past"),
    # "the March on Washington" is a march, "the May cabinet" a prime minister's
    ("Crowds joined the March on Washington.", "March"),
    ("Critics of the May cabinet spoke out.", "May"),
    # a year after a capitalised word mid-sentence names a thing
    ("They set up a venture called Orion 1980 to build parts.", "1980"),
    ("The office still runs Windows 2000 machines.", "2000"),
    # a day word in a name: after an acronym, or a quoted title in title case
    ("The story first ran in USA Today.", "Today"),
    ('The senator said on ABC\'s "This Week," that he would vote no.', "This Week"),
]
# fmt: on


@pytest.mark.parametrize(("text", "word"), NOT_TIMEXES)
def test_not_timex(text: str, word: str) -> None:
    assert word not in [t.text for t in tag(text, FRI)]


def test_timeml_tags_the_date_of_a_part_of_day_named_with_of() -> None:
    text = "On the night of May 30, he was shot."
    assert to_timeml(text, tag(text, FRI)) == (
        'On the night of <TIMEX3 tid="t1" type="DATE" value="2025-05-30">May 30</TIMEX3>, '
        "he was shot."
    )


def test_timeml_tags_a_count_before_later_as_a_duration() -> None:
    text = "The dam broke on May 20. Three days later, the town flooded."
    assert [t.value for t in tag(text, FRI)] == ["2025-05-20", "2025-05-23"]
    assert to_timeml(text, tag(text, FRI)).endswith(
        '<TIMEX3 tid="t2" type="DURATION" value="P3D">Three days</TIMEX3> later, the town flooded.'
    )


def test_pre_and_post_a_year_mark_before_and_after() -> None:
    found = [(t.value, t.mod) for t in tag("Post-1975 reforms undid pre-1960 laws.", FRI)]
    assert found == [("1975", "AFTER"), ("1960", "BEFORE")]


def test_pre_and_post_a_year_give_no_interval_to_date_an_event_by() -> None:
    (timex,) = tag("The post-1975 reforms freed the press.", FRI)
    assert (timex.start, timex.end) == (None, None)
