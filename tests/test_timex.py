"""Table-driven tests of the English temporal tagger: phrase in a sentence, anchor, TimeML value."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.timex import interval, tag

FRI = dt.date(2025, 6, 6)  # a Friday
WED = dt.date(2025, 6, 4)
MON = dt.date(2025, 6, 2)
SUN = dt.date(2025, 6, 8)
NEWYEAR = dt.date(2025, 1, 3)  # a Friday early in January

# (sentence, phrase as tagged, anchor, type, value)
# fmt: off
CASES: list[tuple[str, str, dt.date, str, str]] = [
    # weekdays, past by default, the publication day included
    ("Zelenskyy announced Friday that talks failed.", "Friday", FRI, "DATE", "2025-06-06"),
    ("Negotiators met on Monday in Istanbul.", "Monday", FRI, "DATE", "2025-06-02"),
    ("He spoke on Wednesday.", "Wednesday", FRI, "DATE", "2025-06-04"),
    ("The strike hit Saturday.", "Saturday", FRI, "DATE", "2025-05-31"),
    ("They arrived Sunday.", "Sunday", FRI, "DATE", "2025-06-01"),
    ("The vote took place Thursday.", "Thursday", FRI, "DATE", "2025-06-05"),
    ("Police said Tuesday that two died.", "Tuesday", FRI, "DATE", "2025-06-03"),
    ("Friday's strikes were the worst.", "Friday", FRI, "DATE", "2025-06-06"),
    ("Monday's attack killed three.", "Monday", FRI, "DATE", "2025-06-02"),
    ("He resigned Wednesday.", "Wednesday", WED, "DATE", "2025-06-04"),
    ("He resigned Thursday.", "Thursday", WED, "DATE", "2025-05-29"),
    ("Officials said Monday the road was open.", "Monday", MON, "DATE", "2025-06-02"),
    ("The fire started Saturday.", "Saturday", SUN, "DATE", "2025-06-07"),
    # a weekday with a date: the date decides, in either order
    ("Officials met on Thursday, 12 June, in Vienna.", "Thursday, 12 June", dt.date(2025, 7, 20), "DATE", "2025-06-12"),
    ("Talks opened on Tuesday 3 June 2025.", "Tuesday 3 June 2025", dt.date(2025, 7, 20), "DATE", "2025-06-03"),
    ("He spoke on Thursday, June 12.", "Thursday, June 12", dt.date(2025, 7, 20), "DATE", "2025-06-12"),
    # weekdays in a future clause
    ("The talks will resume on Monday.", "Monday", FRI, "DATE", "2025-06-09"),
    ("The minister is due to visit on Tuesday.", "Tuesday", FRI, "DATE", "2025-06-10"),
    ("A verdict is expected Wednesday.", "Wednesday", FRI, "DATE", "2025-06-11"),
    ("The union plans to strike Thursday.", "Thursday", FRI, "DATE", "2025-06-12"),
    ("The hearing is scheduled for Saturday.", "Saturday", FRI, "DATE", "2025-06-07"),
    ("Voters will go to the polls Sunday.", "Sunday", FRI, "DATE", "2025-06-08"),
    ("The leaders will meet Friday.", "Friday", WED, "DATE", "2025-06-06"),
    ("Results are expected Monday.", "Monday", WED, "DATE", "2025-06-09"),
    ("Rescuers will resume the search Thursday.", "Thursday", MON, "DATE", "2025-06-05"),
    ("The court will rule next Tuesday.", "next Tuesday", FRI, "DATE", "2025-06-10"),
    ("He left last Friday.", "last Friday", FRI, "DATE", "2025-05-30"),
    ("She called last Monday.", "last Monday", WED, "DATE", "2025-06-02"),
    ("The bill passed this past Tuesday.", "this past Tuesday", FRI, "DATE", "2025-06-03"),
    # parts of day
    ("Russia attacked Thursday night.", "Thursday night", FRI, "TIME", "2025-06-05TNI"),
    ("On Friday morning, homes lost power.", "Friday morning", FRI, "TIME", "2025-06-06TMO"),
    ("The mayor posted early Friday.", "early Friday", FRI, "DATE", "2025-06-06"),
    ("The shots came late Thursday.", "late Thursday", FRI, "DATE", "2025-06-05"),
    ("He left late yesterday.", "late yesterday", FRI, "DATE", "2025-06-05"),
    ("The talks ended at midday.", "midday", FRI, "TIME", "2025-06-06T12:00"),
    ("Shots rang out Wednesday evening.", "Wednesday evening", FRI, "TIME", "2025-06-04TEV"),
    ("The plane landed Tuesday afternoon.", "Tuesday afternoon", FRI, "TIME", "2025-06-03TAF"),
    ("The game ended Sunday night.", "Sunday night", MON, "TIME", "2025-06-01TNI"),
    ("Talks will continue Monday morning.", "Monday morning", FRI, "TIME", "2025-06-09TMO"),
    ("He spoke this morning.", "this morning", FRI, "TIME", "2025-06-06TMO"),
    ("The storm hit last night.", "last night", FRI, "TIME", "2025-06-05TNI"),
    ("The result is due tonight.", "tonight", FRI, "TIME", "2025-06-06TNI"),
    ("The shop closed yesterday afternoon.", "yesterday afternoon", FRI, "TIME", "2025-06-05TAF"),
    ("A vote comes tomorrow morning.", "tomorrow morning", FRI, "TIME", "2025-06-07TMO"),
    ("She will speak this evening.", "this evening", FRI, "TIME", "2025-06-06TEV"),
    ("He landed this afternoon.", "this afternoon", WED, "TIME", "2025-06-04TAF"),
    # overnight
    ("Russia attacked Kyiv overnight, killing four.", "overnight", FRI, "TIME", "2025-06-05TNI"),
    ("Rain fell overnight.", "overnight", MON, "TIME", "2025-06-01TNI"),
    ("Overnight, the river rose.", "Overnight", WED, "TIME", "2025-06-03TNI"),
    # earlier / later this week|month|year
    ("It followed an attack earlier this week.", "earlier this week", FRI, "DATE", "2025-W23"),
    ("A vote is set for later this week.", "later this week", MON, "DATE", "2025-W23"),
    ("Prices rose earlier this month.", "earlier this month", FRI, "DATE", "2025-06"),
    ("Prices rose earlier this year.", "earlier this year", FRI, "DATE", "2025"),
    ("A deal may come later this year.", "later this year", FRI, "DATE", "2025"),
    ("Earlier this week, he quit.", "Earlier this week", WED, "DATE", "2025-W23"),
    # yesterday / today / tomorrow
    ("The army said yesterday it had withdrawn.", "yesterday", FRI, "DATE", "2025-06-05"),
    ("Markets fell today.", "today", FRI, "DATE", "2025-06-06"),
    ("The summit opens tomorrow.", "tomorrow", FRI, "DATE", "2025-06-07"),
    ("Today, the city mourns.", "Today", WED, "DATE", "2025-06-04"),
    ("Yesterday the rain stopped.", "Yesterday", MON, "DATE", "2025-06-01"),
    ("He arrived the day before yesterday.", "the day before yesterday", FRI, "DATE", "2025-06-04"),
    ("They leave the day after tomorrow.", "the day after tomorrow", FRI, "DATE", "2025-06-08"),
    ("Tomorrow is a holiday.", "Tomorrow", NEWYEAR, "DATE", "2025-01-04"),
    ("Yesterday he resigned.", "Yesterday", NEWYEAR, "DATE", "2025-01-02"),
    # last / next / this week|month|year
    ("Prices fell last week.", "last week", FRI, "DATE", "2025-W22"),
    ("The plan starts next week.", "next week", FRI, "DATE", "2025-W24"),
    ("Sales rose this week.", "this week", FRI, "DATE", "2025-W23"),
    ("Inflation eased last month.", "last month", FRI, "DATE", "2025-05"),
    ("Rates rise next month.", "next month", FRI, "DATE", "2025-07"),
    ("Sales doubled this month.", "this month", FRI, "DATE", "2025-06"),
    ("Profit fell last year.", "last year", FRI, "DATE", "2024"),
    ("Elections are due next year.", "next year", FRI, "DATE", "2026"),
    ("Growth slowed this year.", "this year", FRI, "DATE", "2025"),
    ("Sales fell last month.", "last month", NEWYEAR, "DATE", "2024-12"),
    ("Prices rose last week.", "last week", NEWYEAR, "DATE", "2024-W52"),
    ("It happened last year.", "last year", NEWYEAR, "DATE", "2024"),
    ("It will happen next month.", "next month", dt.date(2025, 12, 15), "DATE", "2026-01"),
    ("Stocks fell last quarter.", "last quarter", FRI, "DATE", "2025-Q1"),
    ("Profit rose this quarter.", "this quarter", FRI, "DATE", "2025-Q2"),
    ("It will rebound next quarter.", "next quarter", FRI, "DATE", "2025-Q3"),
    ("Crowds gathered last weekend.", "last weekend", FRI, "DATE", "2025-W22-WE"),
    ("Crowds will gather this weekend.", "this weekend", FRI, "DATE", "2025-W23-WE"),
    ("Sales grew early next year.", "early next year", FRI, "DATE", "2026"),
    ("Growth peaked last decade.", "last decade", FRI, "DATE", "201"),
    # explicit dates with and without year
    ("The law took effect on June 5, 2024.", "June 5, 2024", FRI, "DATE", "2024-06-05"),
    ("He was born on 12 March 1990.", "12 March 1990", FRI, "DATE", "1990-03-12"),
    ("The deal was signed Jan. 14, 1998.", "Jan. 14, 1998", FRI, "DATE", "1998-01-14"),
    ("The filing is dated 2025-05-30.", "2025-05-30", FRI, "DATE", "2025-05-30"),
    ("The memo dated 05/30/2025 leaked.", "05/30/2025", FRI, "DATE", "2025-05-30"),
    ("The fire broke out on September 18.", "September 18", FRI, "DATE", "2024-09-18"),
    ("The vote will be held on September 18.", "September 18", FRI, "DATE", "2025-09-18"),
    ("The shooting happened on May 30.", "May 30", FRI, "DATE", "2025-05-30"),
    ("The summit is scheduled for June 20.", "June 20", FRI, "DATE", "2025-06-20"),
    ("He resigned on Dec. 15.", "Dec. 15", NEWYEAR, "DATE", "2024-12-15"),
    ("The court will rule on Jan. 20.", "Jan. 20", NEWYEAR, "DATE", "2025-01-20"),
    ("It closed on Sept. 30.", "Sept. 30", dt.date(1989, 10, 26), "DATE", "1989-09-30"),
    ("Trading resumes Nov. 6.", "Nov. 6", dt.date(1989, 10, 26), "DATE", "1989-11-06"),
    ("The clash of 3 June left two dead.", "3 June", FRI, "DATE", "2025-06-03"),
    ("On Friday, Oct. 23, he left.", "Friday, Oct. 23", dt.date(1998, 11, 21), "DATE",
     "1998-10-23"),
    ("The talks began on 1st March.", "1st March", FRI, "DATE", "2025-03-01"),
    ("He signed on March 12th.", "March 12th", FRI, "DATE", "2025-03-12"),
    ("Paid on August 7, 1998, the sum was large.", "August 7, 1998", FRI, "DATE", "1998-08-07"),
    # months, years, decades, seasons
    ("Prices rose in January.", "January", FRI, "DATE", "2025-01"),
    ("The vote is due in September.", "September", FRI, "DATE", "2025-09"),
    ("The vote was held in September.", "September", FRI, "DATE", "2024-09"),
    ("The war began in February 2022.", "February 2022", FRI, "DATE", "2022-02"),
    ("Sales peaked in July 1997.", "July 1997", FRI, "DATE", "1997-07"),
    ("Sales fell last November.", "last November", FRI, "DATE", "2024-11"),
    ("Sales will rise next March.", "next March", FRI, "DATE", "2026-03"),
    ("Stocks crashed in 1987.", "1987", FRI, "DATE", "1987"),
    ("He was elected in 2019.", "2019", FRI, "DATE", "2019"),
    ("Prices doubled in the 1990s.", "the 1990s", FRI, "DATE", "199"),
    ("It was popular in the '80s.", "the '80s", dt.date(1998, 1, 1), "DATE", "198"),
    ("Rates peaked in the 1970s.", "the 1970s", FRI, "DATE", "197"),
    ("The plant opened in the summer of 1994.", "the summer of 1994", FRI, "DATE", "1994-SU"),
    ("The floods came last fall.", "last fall", dt.date(1998, 8, 8), "DATE", "1997-FA"),
    ("The floods came last winter.", "last winter", FRI, "DATE", "2024-WI"),
    ("Work starts this summer.", "this summer", FRI, "DATE", "2025-SU"),
    ("Work starts next spring.", "next spring", FRI, "DATE", "2026-SP"),
    ("Sales of fiscal 1989 fell.", "fiscal 1989", FRI, "DATE", "1989"),
    ("In May the rains came.", "May", FRI, "DATE", "2025-05"),
    # mods
    ("The offensive began in early June.", "early June", FRI, "DATE", "2025-06"),
    ("Sales slumped in late November.", "late November", FRI, "DATE", "2024-11"),
    ("The law passed in mid-1990.", "mid-1990", FRI, "DATE", "1990"),
    ("It started in late 2024.", "late 2024", FRI, "DATE", "2024"),
    ("It will end in early 2026.", "early 2026", FRI, "DATE", "2026"),
    ("It ran in the early 1990s.", "the early 1990s", FRI, "DATE", "199"),
    # quarters
    ("Third-quarter profit fell.", "Third-quarter", dt.date(1989, 10, 26), "DATE", "1989-Q3"),
    ("Profit fell in the third quarter.", "the third quarter", dt.date(1989, 10, 26), "DATE",
     "1989-Q3"),
    ("Profit fell in the first quarter of 2024.", "the first quarter of 2024", FRI, "DATE",
     "2024-Q1"),
    ("Sales rose in the first half.", "the first half", FRI, "DATE", "2025-H1"),
    # durations
    ("The siege lasted three days.", "three days", FRI, "DURATION", "P3D"),
    ("The flight took two hours.", "two hours", FRI, "DURATION", "PT2H"),
    ("He served two years in prison.", "two years", FRI, "DURATION", "P2Y"),
    ("She waited 45 minutes.", "45 minutes", FRI, "DURATION", "PT45M"),
    ("It took six months.", "six months", FRI, "DURATION", "P6M"),
    ("They talked for a week.", "a week", FRI, "DURATION", "P1W"),
    ("A two-year contract was signed.", "two-year", FRI, "DURATION", "P2Y"),
    ("The 30-day deadline passed.", "30-day", FRI, "DURATION", "P30D"),
    ("It took several years.", "several years", FRI, "DURATION", "PXY"),
    ("They waited a few days.", "a few days", FRI, "DURATION", "PXD"),
    ("Prices fell over the past two years.", "the past two years", FRI, "DURATION", "P2Y"),
    ("Talks will go on for the next few days.", "the next few days", FRI, "DURATION", "PXD"),
    ("Rates rose in the past three months.", "the past three months", FRI, "DURATION", "P3M"),
    ("The rebels held it for two decades.", "two decades", FRI, "DURATION", "P20Y"),
    ("It lasted about two weeks.", "two weeks", FRI, "DURATION", "P2W"),
    ("It took nearly two years.", "nearly two years", FRI, "DURATION", "P2Y"),
    ("Talks took more than four hours.", "more than four hours", FRI, "DURATION", "PT4H"),
    ("The race lasts 24 hours.", "24 hours", FRI, "DURATION", "PT24H"),
    ("The nine months ended Sept. 30.", "The nine months", FRI, "DURATION", "P9M"),
    ("They fought for years of war.", "years", FRI, "DURATION", "PXY"),
    ("The ten-day truce held.", "ten-day", FRI, "DURATION", "P10D"),
    ("The truce held for 72 hours.", "72 hours", FRI, "DURATION", "PT72H"),
    # sets
    ("The paper appears daily.", "daily", FRI, "SET", "P1D"),
    ("Prices rose in recent years.", "recent years", FRI, "DURATION", "PXY"),
    ("Rates will rise in coming months.", "coming months", FRI, "DATE", "FUTURE_REF"),
    ("He had been there before, in past years.", "past years", FRI, "DATE", "PAST_REF"),
    ("The board meets weekly.", "weekly", FRI, "SET", "P1W"),
    ("Reports are filed monthly.", "monthly", FRI, "SET", "P1M"),
    ("The market opens every Friday.", "every Friday", FRI, "SET", "XXXX-WXX-5"),
    ("She swims on Tuesdays.", "Tuesdays", FRI, "SET", "XXXX-WXX-2"),
    ("He calls every day.", "every day", FRI, "SET", "P1D"),
    ("Elections are held every four years.", "every four years", FRI, "SET", "P4Y"),
    ("The council meets each month.", "each month", FRI, "SET", "P1M"),
    ("He runs every morning.", "every morning", FRI, "SET", "XXXX-XX-XXTMO"),
    # present, past and future references
    ("Prices are now higher.", "now", FRI, "DATE", "PRESENT_REF"),
    ("He is currently abroad.", "currently", FRI, "DATE", "PRESENT_REF"),
    ("The current crisis deepened.", "current", FRI, "DATE", "PRESENT_REF"),
    ("He recently resigned.", "recently", FRI, "DATE", "PAST_REF"),
    ("In the past, prices were lower.", "the past", FRI, "DATE", "PAST_REF"),
    ("In the future, prices may fall.", "the future", FRI, "DATE", "FUTURE_REF"),
    # times of day
    ("The vote will close at 5 p.m. on June 10.", "5 p.m. on June 10", FRI, "TIME",
     "2025-06-10T17:00"),
    ("Polls close at 8 p.m. Sunday.", "8 p.m. Sunday", FRI, "TIME", "2025-06-01T20:00"),
    ("Polls will close at 8 p.m. Sunday.", "8 p.m. Sunday", FRI, "TIME", "2025-06-08T20:00"),
    ("He was seen at 10:35 a.m. Friday.", "10:35 a.m. Friday", FRI, "TIME", "2025-06-06T10:35"),
    ("It began at noon Thursday.", "noon Thursday", FRI, "TIME", "2025-06-05T12:00"),
    ("The blast came at 9 a.m.", "9 a.m.", FRI, "TIME", "2025-06-06T09:00"),
    ("The shift ends at 11:30 p.m. today.", "11:30 p.m. today", FRI, "TIME", "2025-06-06T23:30"),
    # ago and counted from the publication date
    ("He left three days ago.", "three days ago", FRI, "DATE", "2025-06-03"),
    ("It closed two weeks ago.", "two weeks ago", FRI, "DATE", "2025-W21"),
    ("It opened two months ago.", "two months ago", FRI, "DATE", "2025-04"),
    ("The firm was founded five years ago.", "five years ago", FRI, "DATE", "2020"),
    ("It started several years ago.", "several years ago", FRI, "DATE", "PAST_REF"),
    ("It happened a decade ago.", "a decade ago", FRI, "DATE", "201"),
    ("It will close two weeks from now.", "two weeks from now", FRI, "DATE", "2025-W25"),
    ("He left 11 days ago.", "11 days ago", dt.date(1999, 4, 19), "DATE", "1999-04-08"),
    ("Profit was lower a year ago.", "a year ago", FRI, "DATE", "2024"),
    # quarters, fiscal periods, spoken years and other news idioms
    ("Profit rose in the 1988 third quarter.", "the 1988 third quarter", FRI, "DATE", "1988-Q3"),
    ("Sales beat this year's second quarter.", "this year's second quarter", FRI, "DATE",
     "2025-Q2"),
    ("The fiscal first quarter was weak.", "The fiscal first quarter", FRI, "DATE", "2025-Q1"),
    ("Fourth-quarter sales fell.", "Fourth-quarter", dt.date(1998, 1, 26), "DATE", "1997-Q4"),
    ("Debt will be repaid by year-end.", "year-end", FRI, "DATE", "2025"),
    ("Cash ran out at the end of the month.", "the end of the month", FRI, "DATE", "2025-06"),
    ("Few people write letters these days.", "these days", FRI, "DATE", "PRESENT_REF"),
    ("It was a hit in the nineties.", "the nineties", dt.date(1998, 3, 1), "DATE", "199"),
    ("Sales slowed in late-November.", "late-November", FRI, "DATE", "2024-11"),
    ("It was founded in nineteen ninety-six.", "nineteen ninety-six", FRI, "DATE", "1996"),
    ("Plans for the year two thousand grew.", "the year two thousand", dt.date(1998, 1, 1),
     "DATE", "2000"),
    ("It was built in the 11th century.", "the 11th century", FRI, "DATE", "10"),
    ("Crowds gathered over the weekend.", "the weekend", FRI, "DATE", "2025-W22-WE"),
    ("Crowds gathered over the weekend.", "the weekend", SUN, "DATE", "2025-W23-WE"),
    ("Families met on Thanksgiving Day.", "Thanksgiving Day", NEWYEAR, "DATE", "2024-11-28"),
    ("Voters head to the polls on Election Day.", "Election Day", dt.date(2024, 10, 20), "DATE",
     "2024-11-05"),
    ("Wednesday's ruling angered them, they said they would appeal.", "Wednesday", FRI, "DATE",
     "2025-06-04"),
    ("Officials said Tuesday that the talks will resume.", "Tuesday", FRI, "DATE", "2025-06-03"),
    ("The mine closed in 1990, two years after the strike.", "1990", FRI, "DATE", "1990"),
    # holidays
    ("Turkey sales fell last Thanksgiving.", "last Thanksgiving", dt.date(2000, 2, 10), "DATE",
     "1999-11-25"),
    ("The shops closed on Christmas Day.", "Christmas Day", NEWYEAR, "DATE", "2024-12-25"),
    ("They met on New Year's Eve.", "New Year's Eve", NEWYEAR, "DATE", "2024-12-31"),
]
# fmt: on

# anaphoric: (text, phrase, anchor, type, value), resolved from the last absolute date
# fmt: off
ANAPHORA: list[tuple[str, str, dt.date, str, str]] = [
    ("The clash began on May 12. The next day, troops left.", "The next day", FRI, "DATE",
     "2025-05-13"),
    ("He was held on March 3. Two weeks later he was freed.", "Two weeks later", FRI, "DATE",
     "2025-W12"),
    ("The storm hit on June 1. Three days later, power returned.", "Three days later", FRI,
     "DATE", "2025-06-04"),
    ("Talks opened May 20. The day before, rebels attacked.", "The day before", FRI, "DATE",
     "2025-05-19"),
    ("Polls closed on April 9. The following day the count began.", "The following day", FRI,
     "DATE", "2025-04-10"),
    ("The bank failed on Oct. 2, 2008. A week earlier, it had borrowed.", "A week earlier", FRI,
     "DATE", "2008-W39"),
    ("Profit fell in the third quarter. A year earlier it had risen.", "A year earlier",
     dt.date(1989, 10, 26), "DATE", "1988-Q3"),
    ("The quake struck on Jan. 5, 2020. The same day, aid arrived.", "The same day", FRI,
     "DATE", "2020-01-05"),
    ("He was freed on May 2, 2019. Later that year he died.", "Later that year", FRI, "DATE",
     "2019"),
    ("He filed on June 2. The previous day he had resigned.", "The previous day", FRI, "DATE",
     "2025-06-01"),
    ("The riot began on May 3. The next morning, police moved in.", "The next morning", FRI,
     "TIME", "2025-05-04TMO"),
]
# fmt: on


def _find(text: str, phrase: str, anchor: dt.date) -> tuple[str, str]:
    for timex in tag(text, anchor, "UTC"):
        if timex.text == phrase:
            return timex.type, timex.value
    found = [(t.text, t.value) for t in tag(text, anchor, "UTC")]
    raise AssertionError(f"{phrase!r} not tagged in {text!r}; found {found}")


@pytest.mark.parametrize(("text", "phrase", "anchor", "kind", "value"), CASES + ANAPHORA)
def test_value(text: str, phrase: str, anchor: dt.date, kind: str, value: str) -> None:
    assert _find(text, phrase, anchor) == (kind, value)


# fmt: off
NOT_DATES = [
    "The stock pays $1.76 a year in dividends.",
    "Iraq imports about three-quarters of its food.",
    "The 44-year-old man was arrested.",
    "Friday's strikes cap off a bloody week in the conflict.",
    "He may leave, and she may stay.",
    "The march drew thousands.",
    "Shares fell 1,990 points.",
    "The company paid $2000 for it.",
    "Leaves fall in the wind.",
]
# fmt: on


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    values = [(t.text, t.value) for t in tag(text, FRI)]
    assert all(phrase not in ("a bloody week", "may", "march", "1,990", "2000", "fall", "a year",
                              "three-quarters", "44-year-old", "44-year")
               for phrase, _ in values), values  # fmt: skip


def test_thursday_night_crosses_midnight() -> None:
    (timex,) = tag("Russia attacked Thursday night.", FRI, "Europe/Kyiv")
    assert timex.start is not None and timex.end is not None
    assert timex.start.isoformat() == "2025-06-05T21:00:00+03:00"
    assert timex.end.isoformat() == "2025-06-06T06:00:00+03:00"
    assert timex.precision == "part-of-day"


def test_earlier_this_week_runs_from_monday_to_end_of_publication_day() -> None:
    (timex,) = tag("It came earlier this week.", FRI, "Europe/Kyiv")
    assert timex.value == "2025-W23" and timex.rule == "this-week-earlier"
    assert timex.start is not None and timex.end is not None
    assert (timex.start.date(), timex.end.date()) == (dt.date(2025, 6, 2), dt.date(2025, 6, 7))


def test_later_this_week_runs_from_publication_day_to_end_of_week() -> None:
    (timex,) = tag("It comes later this week.", WED, "UTC")
    assert timex.start is not None and timex.end is not None
    assert (timex.start.date(), timex.end.date()) == (dt.date(2025, 6, 4), dt.date(2025, 6, 9))


@pytest.mark.parametrize(
    ("value", "start", "end", "precision"),
    [
        ("2025-06-05TNI", "2025-06-05T21:00", "2025-06-06T06:00", "part-of-day"),
        ("2025-06-06TMO", "2025-06-06T06:00", "2025-06-06T12:00", "part-of-day"),
        ("2025-06-06TAF", "2025-06-06T12:00", "2025-06-06T18:00", "part-of-day"),
        ("2025-06-06TEV", "2025-06-06T18:00", "2025-06-07T00:00", "part-of-day"),
        ("2025-W23", "2025-06-02T00:00", "2025-06-09T00:00", "week"),
        ("2025-W23-WE", "2025-06-07T00:00", "2025-06-09T00:00", "week"),
        ("2025-06", "2025-06-01T00:00", "2025-07-01T00:00", "month"),
        ("2025-12", "2025-12-01T00:00", "2026-01-01T00:00", "month"),
        ("2025", "2025-01-01T00:00", "2026-01-01T00:00", "year"),
        ("199", "1990-01-01T00:00", "2000-01-01T00:00", "decade"),
        ("199X", "1990-01-01T00:00", "2000-01-01T00:00", "decade"),
        ("19", "1900-01-01T00:00", "2000-01-01T00:00", "century"),
        ("2025-Q4", "2025-10-01T00:00", "2026-01-01T00:00", "quarter"),
        ("2025-H1", "2025-01-01T00:00", "2025-07-01T00:00", "quarter"),
        ("2024-WI", "2024-12-01T00:00", "2025-03-01T00:00", "season"),
        ("2025-06-10T17:00", "2025-06-10T17:00", "2025-06-10T17:01", "time"),
        ("2025-06-06", "2025-06-06T00:00", "2025-06-07T00:00", "day"),
    ],
)
def test_interval(value: str, start: str, end: str, precision: str) -> None:
    bounds = interval(value, "Europe/Kyiv")
    assert bounds is not None
    assert bounds[0].strftime("%Y-%m-%dT%H:%M") == start
    assert bounds[1].strftime("%Y-%m-%dT%H:%M") == end
    assert bounds[2] == precision
    assert bounds[0].tzinfo is not None


@pytest.mark.parametrize("value", ["PRESENT_REF", "P3D", "XXXX-WXX-1", "garbage", "2025-02-30"])
def test_interval_of_non_calendar_value_is_none(value: str) -> None:
    assert interval(value, "UTC") is None


def test_extent_excludes_leading_preposition() -> None:
    texts = [t.text for t in tag("Negotiators met on Monday in Istanbul in June at noon.", FRI)]
    assert texts[:2] == ["Monday", "June"]


def test_last_friday_is_tagged_whole() -> None:
    assert [t.text for t in tag("He left last Friday.", FRI)] == ["last Friday"]


def test_range_gives_two_expressions() -> None:
    found = [(t.text, t.value) for t in tag("Talks run between 3 and 5 June.", FRI)]
    assert found == [("3", "2025-06-03"), ("5 June", "2025-06-05")]


def test_early_june_has_mod_start() -> None:
    (timex,) = tag("It began in early June.", FRI)
    assert (timex.value, timex.mod) == ("2025-06", "START")


def test_results_are_sorted_and_spans_index_the_text() -> None:
    text = "On Monday he said that on June 3, 2024 and yesterday things changed."
    found = tag(text, FRI)
    assert [t.span.start for t in found] == sorted(t.span.start for t in found)
    assert all(text[t.span.start : t.span.end] == t.text for t in found)


SEED = Path(__file__).resolve().parents[1] / "seeds"


def test_same_input_gives_identical_output() -> None:
    text = "Russia attacked overnight. Talks will resume Monday. Prices rose last year."
    assert tag(text, FRI, "Europe/Kyiv") == tag(text, FRI, "Europe/Kyiv")
