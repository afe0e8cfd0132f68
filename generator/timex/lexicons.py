"""Small lexicons for news in Ukrainian, Russian, German, French and Spanish: words to values."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The words one language dates with; word lists are regex alternatives, longest first."""

    weekdays: dict[str, int]
    months: dict[str, int]
    days: dict[str, int]  # yesterday/today/tomorrow... -> offset from the publication day
    last_before: tuple[str, ...] = ()  # "letzten Montag"
    next_before: tuple[str, ...] = ()  # "nächsten Montag"
    last_after: tuple[str, ...] = ()  # "lundi dernier"
    next_after: tuple[str, ...] = ()  # "lundi prochain"
    future: str = r"(?!)"  # a regex of words that put a clause in the future
    year_suffix: str = ""  # "року", "года": part of a date's extent
    blocked: str = r"(?!)"  # a regex ending a phrase that is no date ("am Morgen": morning)


def _forms(table: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """{"0": ("понеділок", "понеділка")} style tables flattened to word -> number."""
    return {form: int(number) for number, forms in table.items() for form in forms}


UKRAINIAN = Lexicon(
    weekdays=_forms({
        "0": ("понеділок", "понеділка", "понеділку"), "1": ("вівторок", "вівторка", "вівторку"),
        "2": ("середа", "середу", "середи"), "3": ("четвер", "четверга"),
        "4": ("п'ятниця", "п'ятницю", "п'ятниці", "п\u2019ятниця", "п\u2019ятницю",
              "п\u2019ятниці"),
        "5": ("субота", "суботу", "суботи"), "6": ("неділя", "неділю", "неділі"),
    }),
    months=_forms({
        "1": ("січня", "січень"), "2": ("лютого", "лютий"), "3": ("березня", "березень"),
        "4": ("квітня", "квітень"), "5": ("травня", "травень"), "6": ("червня", "червень"),
        "7": ("липня", "липень"), "8": ("серпня", "серпень"), "9": ("вересня", "вересень"),
        "10": ("жовтня", "жовтень"), "11": ("листопада", "листопад"), "12": ("грудня", "грудень"),
    }),
    days={"позавчора": -2, "вчора": -1, "учора": -1, "сьогодні": 0, "завтра": 1,
          "післязавтра": 2},
    last_before=("минулого", "минулої", "минулий", "минулу"),
    next_before=("наступного", "наступної", "наступний", "наступну"),
    future=r"\b(?:буде|будуть|відбудеться|відбудуться|планує|планують|має намір|наступн\w*|"
    r"\w+тиме|\w+тимуть)\b",
    year_suffix=r"(?: року| р\.)?",
)  # fmt: skip

RUSSIAN = Lexicon(
    weekdays=_forms({
        "0": ("понедельник", "понедельника"), "1": ("вторник", "вторника"),
        "2": ("среда", "среду", "среды"), "3": ("четверг", "четверга"),
        "4": ("пятница", "пятницу", "пятницы"), "5": ("суббота", "субботу", "субботы"),
        "6": ("воскресенье", "воскресенья"),
    }),
    months=_forms({
        "1": ("января", "январь"), "2": ("февраля", "февраль"), "3": ("марта", "март"),
        "4": ("апреля", "апрель"), "5": ("мая", "май"), "6": ("июня", "июнь"),
        "7": ("июля", "июль"), "8": ("августа", "август"), "9": ("сентября", "сентябрь"),
        "10": ("октября", "октябрь"), "11": ("ноября", "ноябрь"), "12": ("декабря", "декабрь"),
    }),
    days={"позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2},
    last_before=("прошлый", "прошлую", "прошлой", "прошлого", "прошлое"),
    next_before=("следующий", "следующую", "следующей", "следующего", "следующее",
                 "ближайший", "ближайшую"),
    future=r"\b(?:будет|будут|состоится|состоятся|планирует|планируют|намерен\w*|следующ\w*)\b",
    year_suffix=r"(?: года| г\.)?",
)  # fmt: skip

GERMAN = Lexicon(
    weekdays=_forms({
        "0": ("Montag",), "1": ("Dienstag",), "2": ("Mittwoch",), "3": ("Donnerstag",),
        "4": ("Freitag",), "5": ("Samstag", "Sonnabend"), "6": ("Sonntag",),
    }),
    months=_forms({
        "1": ("Januar", "Jänner"), "2": ("Februar",), "3": ("März",), "4": ("April",),
        "5": ("Mai",), "6": ("Juni",), "7": ("Juli",), "8": ("August",), "9": ("September",),
        "10": ("Oktober",), "11": ("November",), "12": ("Dezember",),
    }),
    days={"vorgestern": -2, "gestern": -1, "heute": 0, "übermorgen": 2, "morgen": 1},
    last_before=("letzten", "letzte", "vergangenen", "vergangene", "vorigen", "vorige"),
    next_before=("nächsten", "nächste", "kommenden", "kommende"),
    future=r"\b(?:wird|werden|soll|sollen|will|wollen|geplant|plant|planen|nächst\w*)\b",
    blocked=r"\b(?:am|heute|gestern|jeden|vom|den|einen) morgen$",
)  # fmt: skip

FRENCH = Lexicon(
    weekdays=_forms({
        "0": ("lundi",), "1": ("mardi",), "2": ("mercredi",), "3": ("jeudi",),
        "4": ("vendredi",), "5": ("samedi",), "6": ("dimanche",),
    }),
    months=_forms({
        "1": ("janvier",), "2": ("février",), "3": ("mars",), "4": ("avril",), "5": ("mai",),
        "6": ("juin",), "7": ("juillet",), "8": ("août",), "9": ("septembre",),
        "10": ("octobre",), "11": ("novembre",), "12": ("décembre",),
    }),
    days={"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd\u2019hui": 0,
          "après-demain": 2, "demain": 1},
    last_after=("dernier",),
    next_after=("prochain",),
    future=r"\b(?:va|vont|sera|seront|doit|doivent|devrait|devraient|prévu\w*|prochain\w*|"
    r"\w+ra|\w+ront)\b",
)  # fmt: skip

SPANISH = Lexicon(
    weekdays=_forms({
        "0": ("lunes",), "1": ("martes",), "2": ("miércoles",), "3": ("jueves",),
        "4": ("viernes",), "5": ("sábado",), "6": ("domingo",),
    }),
    months=_forms({
        "1": ("enero",), "2": ("febrero",), "3": ("marzo",), "4": ("abril",), "5": ("mayo",),
        "6": ("junio",), "7": ("julio",), "8": ("agosto",), "9": ("septiembre", "setiembre"),
        "10": ("octubre",), "11": ("noviembre",), "12": ("diciembre",),
    }),
    days={"anteayer": -2, "ayer": -1, "hoy": 0, "pasado mañana": 2, "mañana": 1},
    next_before=("próximo",),
    last_after=("pasado",),
    next_after=("próximo", "que viene"),
    future=r"\b(?:va a|van a|será|serán|prevé|prevén|previsto|prevista|próxim\w*|"
    r"\w+rá|\w+rán)\b",
    blocked=r"\b(?:la|esta|por la|de la|cada|una) mañana$",
)  # fmt: skip

LEXICONS: dict[str, Lexicon] = {
    "uk": UKRAINIAN, "ru": RUSSIAN, "de": GERMAN, "fr": FRENCH, "es": SPANISH,
}  # fmt: skip
