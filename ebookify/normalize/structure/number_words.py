"""Number words of French, German, Spanish and Italian headings ("Livre premier", "Zweiter Teil")."""

from __future__ import annotations

import unicodedata

# Cardinals and ordinals 1..20 as books write them in headings; ordinals in every gender they take.
_FRENCH = {
    1: "un une premier première",
    2: "deux deuxième second seconde",
    3: "trois troisième",
    4: "quatre quatrième",
    5: "cinq cinquième",
    6: "six sixième",
    7: "sept septième",
    8: "huit huitième",
    9: "neuf neuvième",
    10: "dix dixième",
    11: "onze onzième",
    12: "douze douzième",
    13: "treize treizième",
    14: "quatorze quatorzième",
    15: "quinze quinzième",
    16: "seize seizième",
    17: "dix-sept dix-septième",
    18: "dix-huit dix-huitième",
    19: "dix-neuf dix-neuvième",
    20: "vingt vingtième",
}
_GERMAN_CARDINALS = [
    *("eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn"),
    *("elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"),
    "zwanzig",
]
# Ordinal stems, declined by ending: "erst" → "erste", "erster", "erstes". Books printed before the
# spelling reform of 1901 write y for i: "Zweyter Akt", "Zweyte Scene" (Schiller's Räuber, 1805).
_GERMAN_ORDINALS = [
    *("erst", "zweit|zweyt", "dritt", "viert", "fünft", "sechst", "siebt|siebent", "acht", "neunt", "zehnt"),
    *("elft", "zwölft", "dreizehnt", "vierzehnt", "fünfzehnt", "sechzehnt", "siebzehnt", "achtzehnt"),
    *("neunzehnt", "zwanzigst"),
]
_SPANISH = {
    1: "uno una primero primera primer",
    2: "dos segundo segunda",
    3: "tres tercero tercera tercer",
    4: "cuatro cuarto cuarta",
    5: "cinco quinto quinta",
    6: "seis sexto sexta",
    7: "siete séptimo séptima sétimo sétima",
    8: "ocho octavo octava",
    9: "nueve noveno novena",
    10: "diez décimo décima",
    11: "once undécimo undécima",
    12: "doce duodécimo duodécima",
    13: "trece",
    14: "catorce",
    15: "quince",
    16: "dieciséis",
    17: "diecisiete",
    18: "dieciocho",
    19: "diecinueve",
    20: "veinte",
}
_ITALIAN = {
    1: "uno una primo prima",
    2: "due secondo seconda",
    3: "tre terzo terza",
    4: "quattro quarto quarta",
    5: "cinque quinto quinta",
    6: "sei sesto sesta",
    7: "sette settimo settima",
    8: "otto ottavo ottava",
    9: "nove nono nona",
    10: "dieci decimo decima",
    11: "undici undicesimo undicesima",
    12: "dodici dodicesimo dodicesima",
    13: "tredici tredicesimo tredicesima",
    14: "quattordici quattordicesimo",
    15: "quindici quindicesimo",
    16: "sedici sedicesimo",
    17: "diciassette diciassettesimo",
    18: "diciotto diciottesimo",
    19: "diciannove diciannovesimo",
    20: "venti ventesimo",
}


def strip_accents(text: str) -> str:
    """ "première" → "premiere": headings are often typed without accents."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _values(table: dict[int, str]) -> dict[str, int]:
    values: dict[str, int] = {}
    for number, words in table.items():
        for word in words.split():
            values[word] = values[strip_accents(word)] = number
    return values


def _german() -> dict[str, int]:
    values: dict[str, int] = {"ein": 1}
    for number, (cardinal, stems) in enumerate(zip(_GERMAN_CARDINALS, _GERMAN_ORDINALS, strict=True), 1):
        values[cardinal] = number
        # "erste", "Erster Teil", "Erstes Kapitel", "im ersten": the endings of a declined ordinal.
        for stem in stems.split("|"):
            for ending in ("e", "er", "es", "en", "em"):
                values[stem + ending] = number
    values.update({strip_accents(word): n for word, n in list(values.items())})
    values.update({word.replace("ü", "ue").replace("ö", "oe"): n for word, n in list(values.items())})
    return values


# "Letzter Auftritt", "Scène dernière": a play's last scene is numbered by the word "last". It stands after
# every other number of its series; its value is no count, so no series of a book's own words (which must
# run 1, 2, 3, ...) takes it.
LAST_NUMBER = 1000
_LAST_WORDS = {
    "fr": ("dernier", "dernière", "derniere"),
    "de": tuple(f"letzt{ending}" for ending in ("e", "er", "es", "en", "em")),
}

FOREIGN_NUMBER_WORDS: dict[str, dict[str, int]] = {
    "fr": _values(_FRENCH) | dict.fromkeys(_LAST_WORDS["fr"], LAST_NUMBER),
    "de": _german() | dict.fromkeys(_LAST_WORDS["de"], LAST_NUMBER),
    "es": _values(_SPANISH),
    "it": _values(_ITALIAN),
}
"""Per language, each number word (lower case, with and without accents) and its value."""

_CARDINALS = {
    *[
        "un",
        "une",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
        "neuf",
        "dix",
        "onze",
        "douze",
        "treize",
        "quatorze",
        "quinze",
        "seize",
    ],
    *["dix-sept", "dix-huit", "dix-neuf", "vingt", "ein"],
    *_GERMAN_CARDINALS,
    *[
        "uno",
        "una",
        "dos",
        "tres",
        "cuatro",
        "cinco",
        "seis",
        "siete",
        "ocho",
        "nueve",
        "diez",
        "once",
        "doce",
        "trece",
        "catorce",
        "quince",
    ],
    *["dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte"],
    *[
        "due",
        "tre",
        "quattro",
        "cinque",
        "sei",
        "sette",
        "otto",
        "nove",
        "dieci",
        "undici",
        "dodici",
        "tredici",
        "quattordici",
        "quindici",
    ],
    *["sedici", "diciassette", "diciotto", "diciannove", "venti"],
}
_PLAIN_CARDINALS = {strip_accents(word) for word in _CARDINALS}

FOREIGN_ORDINALS: dict[str, int] = {
    word: value
    for words in FOREIGN_NUMBER_WORDS.values()
    for word, value in words.items()
    if strip_accents(word) not in _PLAIN_CARDINALS
    and word.replace("ue", "ü").replace("oe", "ö") not in _CARDINALS
    and value != LAST_NUMBER
}
"""The ordinals among them ("erste", "zwölfte", "première", "tercera", "quinto"), for headings numbered by an
ordinal before a word of the book's own ("Erste Vigilie")."""
