"""The words headings are made of, per language: chapter words, part words, special sections, number words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ebookify.normalize.pattern_cache import compile_cached
from ebookify.normalize.structure.number_words import FOREIGN_NUMBER_WORDS, FOREIGN_ORDINALS, strip_accents
from ebookify.normalize.structure.numerals import ROMAN_PATTERN, WORD_VALUES, WORDS_PATTERN, trie_pattern


@dataclass(frozen=True)
class Vocabulary:
    """One language's heading words; `articles` may stand before an ordinal ("Book the First")."""

    chapters: tuple[str, ...]
    parts: tuple[str, ...]
    specials: tuple[str, ...]
    articles: tuple[str, ...]
    numbers: dict[str, int]


# Chapter-level words (a scene is the chapter of a play, a letter the chapter of an epistolary novel) and
# part-level words (a book, part, volume, epoch or act groups chapters).
VOCABULARIES = {
    "en": Vocabulary(
        ("chapter", "chap.", "ch.", "chap", "ch", "section", "canto", "episode", "letter", "scene", "lesson"),
        ("part", "book", "epoch", "volume", "vol.", "vol", "act"),
        (
            "prologue",
            "epilogue",
            "interlude",
            "preface",
            "foreword",
            "introduction",
            "afterword",
            "postscript",
            "conclusion",
            # A novel's opening and closing sections outside its numbered chapters (Middlemarch's).
            "prelude",
            "finale",
        ),
        ("the",),
        WORD_VALUES,
    ),
    "fr": Vocabulary(
        ("chapitre", "chap.", "scène", "lettre", "leçon", "chant"),
        ("partie", "livre", "tome", "acte", "volume", "époque"),
        (
            "prologue",
            "épilogue",
            "préface",
            "avant-propos",
            "introduction",
            "postface",
            "intermède",
            "conclusion",
        ),
        (),
        FOREIGN_NUMBER_WORDS["fr"],
    ),
    "de": Vocabulary(
        # "Scene" is how German spelled "Szene" before 1901 ("Erste Scene", Schiller's Räuber).
        ("kapitel", "kap.", "szene", "scene", "auftritt", "brief", "abschnitt", "gesang"),
        ("teil", "buch", "band", "akt", "aufzug", "epoche"),
        # "Vorrede" is the older German preface (Schiller's Räuber 1781, Kant, Goethe).
        ("prolog", "epilog", "vorwort", "vorrede", "nachwort", "einleitung", "zwischenspiel"),
        (),
        FOREIGN_NUMBER_WORDS["de"],
    ),
    "es": Vocabulary(
        ("capítulo", "cap.", "escena", "carta", "canto", "lección"),
        ("parte", "libro", "tomo", "acto", "volumen", "jornada"),
        ("prólogo", "epílogo", "prefacio", "introducción", "conclusión"),
        (),
        FOREIGN_NUMBER_WORDS["es"],
    ),
    "it": Vocabulary(
        ("capitolo", "cap.", "scena", "lettera", "canto", "lezione"),
        ("parte", "libro", "tomo", "atto", "volume"),
        ("prologo", "epilogo", "prefazione", "introduzione", "conclusione"),
        (),
        FOREIGN_NUMBER_WORDS["it"],
    ),
}

# Abbreviations named by the word they stand for, so "Ch. 3" and "Chapter 4" are one series.
_ALIASES = {"chap": "chapter", "ch": "chapter", "vol": "volume", "kap": "kapitel"}


def keyword_name(word: str) -> str:
    """A heading word as one name for its series: lower case, no accents, abbreviations spelled out."""
    name = strip_accents(word.lower()).rstrip(".")
    return _ALIASES.get(name, name)


def _with_plain(words: tuple[str, ...]) -> list[str]:
    """The words, and their spellings without accents (typed on keyboards without them)."""
    return sorted({*words, *(strip_accents(word) for word in words)})


# A number: digits (also "1st", "2e", "3º"), a roman numeral, or a number word of the language.
_DIGITS = r"\d{1,4}(?:st|nd|rd|th|er|re|ème|eme|e|º|ª)?"
# What may follow a number: nothing, a separator, or a title.
_REST = r"(?=$|[\s.:,)\-–—])\s*(?P<sep>[.:,)\-–—]*)\s*(?P<rest>.*)"


def _number(words: str) -> str:
    return rf"(?P<num>{_DIGITS}|(?=[IVXLCDM])(?:{ROMAN_PATTERN})(?![a-z])|{words})"


def _patterns(vocabulary: Vocabulary, words: str, ordinals: str) -> tuple[re.Pattern[str], ...]:
    """Word first ("Chapter 4", "Book the First"), number first ("First Act", "Erstes Kapitel"), specials."""
    keywords = trie_pattern(_with_plain((*vocabulary.chapters, *vocabulary.parts)))
    specials = trie_pattern(_with_plain(vocabulary.specials))
    article = rf"(?:(?:{'|'.join(vocabulary.articles)})\s+)?" if vocabulary.articles else ""
    # "AUTHOR'S PREFACE", "The Translator's Introduction" (English only: the other languages put it after).
    possessive = r"(?:[^\W\d_]+['’]s\s+)?" if vocabulary.articles else ""
    number = _number(words)
    return (
        compile_cached(rf"^(?P<kw>{keywords})(?:\s+|(?<=\.)\s*|(?=\d)){article}{number}{_REST}$", re.I),
        compile_cached(rf"^{article}(?P<num>{ordinals})\s+(?P<kw>{keywords}){_REST}$", re.I),
        compile_cached(rf"^{article}{possessive}(?P<kw>{specials})(?:\s+{number})?{_REST}$", re.I),
    )


LAST = "last"
"""The English number word of a series' last member ("Book the Last"), valued LAST_NUMBER like "dernière"."""

# "AUTHOR'S PREFACE" is looked up by the word after the possessive.
_POSSESSIVE = re.compile(r"^(?:the\s+)?[^\W\d_]+['’]s\s+", re.I)
# The first word of a line, to pick the languages whose patterns it could match.
_LEADING_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")


def _leading_word(text: str) -> str:
    match = _LEADING_WORD.match(text)
    if not match:
        return ""
    word = match.group().lower()
    return word if word.isascii() else strip_accents(word)


def _first_words(vocabulary: Vocabulary) -> frozenset[str]:
    """The words a heading of this language can start with: its heading words, articles and numbers."""
    words = (*vocabulary.chapters, *vocabulary.parts, *vocabulary.specials, *vocabulary.articles)
    return frozenset(_leading_word(word) for word in (*words, *vocabulary.numbers))


_FIRST_WORDS = {language: _first_words(v) for language, v in VOCABULARIES.items()}


@cache
def language_patterns(language: str) -> tuple[re.Pattern[str], ...]:
    """Word-first, number-first and special-section patterns of a language, compiled on first use.

    Compiling all of them costs about 30 ms, more than finding the headings of a novel: a text only pays
    for the languages its lines start like.
    """
    vocabulary = VOCABULARIES[language]
    if vocabulary.numbers is WORD_VALUES:
        ordinals = trie_pattern(word for word in WORD_VALUES if word.endswith(("st", "nd", "rd", "th")))
        # "SCENE THE LAST", "Chapter the Last": the last of a series, whatever its count (no number).
        return _patterns(vocabulary, f"{WORDS_PATTERN}|{LAST}", ordinals)
    words = trie_pattern(sorted(vocabulary.numbers))
    return _patterns(vocabulary, words, words)


def candidate_languages(text: str) -> list[str]:
    """The languages whose heading patterns a line could match, from its first word."""
    first = _leading_word(_POSSESSIVE.sub("", text, count=1))
    return [language for language, words in _FIRST_WORDS.items() if first in words]


_ALL_KEYWORDS = trie_pattern(
    _with_plain(tuple(w for v in VOCABULARIES.values() for w in (*v.chapters, *v.parts)))
)
DIGIT_FIRST = re.compile(rf"^(?P<num>{_DIGITS})\.?\s+(?P<kw>{_ALL_KEYWORDS}){_REST}$", re.I)
"""A heading numbered before its word, in any language: "1. Teil", "2e partie", "3rd Book"."""

PART_NAMES = frozenset(keyword_name(word) for v in VOCABULARIES.values() for word in v.parts)
"""The names of part-level words ("book", "partie", "akt")."""

CHAPTER_NAMES = frozenset(keyword_name(word) for v in VOCABULARIES.values() for word in v.chapters)
"""The names of chapter-level words ("chapter", "scene", "kapitel")."""


@cache
def learned_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Headings made of a word of the book's own and a number: "Erste Vigilie", "FIFTH NIGHT" (an ordinal
    first), "Vigil 3", "Lesson IV" (a numeral after). Their siblings decide if the word is a heading word."""
    english = [word for word in WORD_VALUES if word.endswith(("st", "nd", "rd", "th")) and " " not in word]
    ordinals = trie_pattern(sorted({*english, *FOREIGN_ORDINALS}))
    word = r"(?P<kw>[^\W\d_][^\W\d_'’-]{2,19})"
    return (
        compile_cached(rf"^(?P<num>{ordinals})\s+{word}\.?$", re.I),
        compile_cached(rf"^{word}\s+(?P<num>\d{{1,3}}|[IVXLC]+)\.?$"),
    )
