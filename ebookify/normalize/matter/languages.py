"""Language names and tags as written in headers ("English", "en_US") to BCP 47 tags ("en", "en-US")."""

from __future__ import annotations

import logging
import re

from ebookify.errors import OptionsError

log = logging.getLogger("ebookify")

# Common language names (in English and in the language itself) to their BCP 47 primary tags.
_NAMES = {
    "english": "en", "french": "fr", "français": "fr", "francais": "fr", "german": "de", "deutsch": "de",
    "spanish": "es", "español": "es", "espanol": "es", "italian": "it", "italiano": "it",
    "portuguese": "pt", "português": "pt", "dutch": "nl", "nederlands": "nl", "russian": "ru",
    "русский": "ru", "japanese": "ja", "日本語": "ja", "chinese": "zh", "中文": "zh", "korean": "ko",
    "한국어": "ko", "polish": "pl", "polski": "pl", "swedish": "sv", "svenska": "sv", "norwegian": "no",
    "norsk": "no", "danish": "da", "dansk": "da", "finnish": "fi", "suomi": "fi", "czech": "cs",
    "čeština": "cs", "hungarian": "hu", "magyar": "hu", "turkish": "tr", "türkçe": "tr", "greek": "el",
    "ελληνικά": "el", "latin": "la", "indonesian": "id", "bahasa indonesia": "id", "vietnamese": "vi",
    "tiếng việt": "vi", "tagalog": "tl", "filipino": "fil", "arabic": "ar", "hebrew": "he", "hindi": "hi",
    "catalan": "ca", "català": "ca", "romanian": "ro", "română": "ro", "ukrainian": "uk",
    "українська": "uk", "esperanto": "eo", "welsh": "cy", "irish": "ga", "thai": "th", "malay": "ms",
}  # fmt: skip

# A BCP 47 tag (or a POSIX locale such as en_US): a 2-3 letter language, then subtags.
_TAG = re.compile(r"^([a-zA-Z]{2,3})((?:[-_][a-zA-Z0-9]{2,8})*)$")
# Where a header's second language begins: "German, with English comments", "English and French".
_MORE = re.compile(r"[,;/(]|\s(?:and|with|&)\s")


def language_code(value: str, default: str = "en") -> str:
    """A BCP 47 tag for a language name or tag; `default` (logged) when it is neither."""
    text = value.strip().rstrip(".").strip()
    name = text.lower()
    if name in _NAMES:
        return _NAMES[name]
    # A header naming more than one ("German, with English comments", "English and French"): the text is
    # in the language it names first.
    first = _MORE.split(name, maxsplit=1)[0].strip()
    if first in _NAMES:
        return _NAMES[first]
    match = _TAG.match(text)
    if match and (len(text) <= 3 or "-" in text or "_" in text):
        subtags = [part for part in re.split(r"[-_]", match.group(2)) if part]
        # BCP 47 case conventions: language lower, 2-letter region upper, 4-letter script title case.
        fixed = [s.upper() if len(s) == 2 else s.title() if len(s) == 4 else s for s in subtags]
        return "-".join([match.group(1).lower(), *fixed])
    log.info("unknown language %r, using %r", value, default)
    return default


def parse_language(value: str) -> str:
    """A language given on purpose (a flag, a manifest, a library call) as a BCP 47 tag; OptionsError
    (one line) when it is neither a known language name nor a well-formed tag."""
    text = value.strip()
    name = text.rstrip(".").strip().lower()
    match = _TAG.match(text)
    if name in _NAMES or (match and (len(text) <= 3 or "-" in text or "_" in text)):
        return language_code(text)
    raise OptionsError(
        f"unknown language {value!r}: use a code such as en, fr or pt-BR, or a name such as English"
    )


# The commonest short words of each language: a text is in the language whose words it is made of.
_COMMON_WORDS = {
    "en": "the and of to a in that is was he it for with his as had you not but at on her she i",
    "de": "der die und das ist nicht sich den ein eine mit dem er es sie zu auf war ich auch als",
    "fr": "le la les et des est une que dans il pas pour qui sur au avec elle je ne se un",
    "es": "el la los las que y en del se por una con para es su al lo no un como",
    "it": "il di che e la per un non una del sono della le gli si con mi ma",
    "nl": "de het een van en dat niet is ik je op te zijn hij ze er met",
    "pt": "o a os de que e do da em um uma para com não se as no na",
}
_COMMON = {code: frozenset(words.split()) for code, words in _COMMON_WORDS.items()}
_WORD = re.compile(r"[^\W\d_]+")
# Enough words to judge, a sample that is quick to count, and a clear lead over the runner-up.
_MIN_WORDS = 80
_SAMPLE_CHARS = 20_000
_LEAD = 1.5


def detect_language(text: str) -> str | None:
    """The language a text is written in, by its common words; None when the text is short or unclear."""
    middle = max(0, len(text) // 2 - _SAMPLE_CHARS // 2)
    words = _WORD.findall(text[middle : middle + _SAMPLE_CHARS].lower())
    if len(words) < _MIN_WORDS:
        return None
    scores = sorted(
        ((sum(w in common for w in words), code) for code, common in _COMMON.items()), reverse=True
    )
    (best, code), (second, _) = scores[0], scores[1]
    return code if best >= len(words) * 0.15 and best >= second * _LEAD else None
