"""Dates, weekdays and relative days in Ukrainian, Russian, German, French and Spanish news."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.timex import tag

FRI = dt.date(2025, 6, 6)

CASES: list[tuple[str, str, str, str]] = [
    # (language, sentence, phrase, value)
    ("uk", "Росія атакувала Київ вчора ввечері.", "вчора", "2025-06-05"),
    ("uk", "Сьогодні у місті оголосили жалобу.", "Сьогодні", "2025-06-06"),
    ("uk", "Переговори відбудуться завтра.", "завтра", "2025-06-07"),
    ("uk", "У понеділок Україна атакувала аеродроми.", "понеділок", "2025-06-02"),
    ("uk", "Переговори відбудуться у понеділок.", "понеділок", "2025-06-09"),
    ("uk", "Вибух стався 3 червня 2025 року.", "3 червня 2025 року", "2025-06-03"),
    ("uk", "Атака сталася 18 вересня.", "18 вересня", "2024-09-18"),
    ("uk", "Минулого четверга вони зустрілися.", "Минулого четверга", "2025-06-05"),
    ("uk", "У п\u2019ятницю мер повідомив про втрати.", "п\u2019ятницю", "2025-06-06"),
    ("ru", "Вчера в Москве прошли переговоры.", "Вчера", "2025-06-05"),
    ("ru", "В среду президент подписал указ.", "среду", "2025-06-04"),
    ("ru", "Встреча состоится в среду.", "среду", "2025-06-11"),
    ("ru", "Это случилось 12 марта 2024 года.", "12 марта 2024 года", "2024-03-12"),
    ("ru", "В следующий понедельник начнутся выборы.", "следующий понедельник", "2025-06-09"),
    ("ru", "Сегодня рынок упал.", "Сегодня", "2025-06-06"),
    ("de", "Gestern wurde in Berlin gestreikt.", "Gestern", "2025-06-05"),
    ("de", "Der Kanzler sprach am Montag in Kiew.", "Montag", "2025-06-02"),
    ("de", "Die Gespräche werden am Montag fortgesetzt.", "Montag", "2025-06-09"),
    ("de", "Am 5. Juni 2025 kam es zu Explosionen.", "5. Juni 2025", "2025-06-05"),
    ("de", "Letzten Dienstag trafen sie sich.", "Letzten Dienstag", "2025-06-03"),
    ("de", "Die Wahl findet morgen statt.", "morgen", "2025-06-07"),
    ("fr", "Hier, le président a parlé.", "Hier", "2025-06-05"),
    ("fr", "Lundi dernier, les combats ont repris.", "Lundi dernier", "2025-06-02"),
    ("fr", "Le sommet aura lieu lundi prochain.", "lundi prochain", "2025-06-09"),
    ("fr", "Les négociations ont eu lieu mercredi.", "mercredi", "2025-06-04"),
    ("fr", "L'attaque a eu lieu le 3 juin 2025.", "3 juin 2025", "2025-06-03"),
    ("fr", "Aujourd'hui, la ville est calme.", "Aujourd'hui", "2025-06-06"),
    ("es", "Ayer el gobierno anunció medidas.", "Ayer", "2025-06-05"),
    ("es", "El lunes se reunieron en Madrid.", "lunes", "2025-06-02"),
    ("es", "El presidente viajará el lunes a Kiev.", "lunes", "2025-06-09"),
    ("es", "El ataque ocurrió el 5 de junio de 2025.", "5 de junio de 2025", "2025-06-05"),
    ("es", "Hoy el mercado cayó.", "Hoy", "2025-06-06"),
    ("es", "El martes pasado hubo protestas.", "martes pasado", "2025-06-03"),
]


@pytest.mark.parametrize(("language", "text", "phrase", "value"), CASES)
def test_language_value(language: str, text: str, phrase: str, value: str) -> None:
    found = {t.text: t.value for t in tag(text, FRI, "Europe/Kyiv", language)}
    assert found.get(phrase) == value, found


def test_german_am_morgen_is_no_date() -> None:
    assert tag("Am Morgen regnete es.", FRI, "UTC", "de") == ()


def test_spanish_por_la_manana_is_no_date() -> None:
    assert tag("Llegó por la mañana.", FRI, "UTC", "es") == ()


def test_language_timex_has_bounds() -> None:
    (timex,) = tag("Вчора", FRI, "Europe/Kyiv", "uk")
    assert timex.start is not None and timex.start.isoformat() == "2025-06-05T00:00:00+03:00"
