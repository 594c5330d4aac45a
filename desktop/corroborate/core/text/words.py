"""Text normalisation shared by the scorers, the word diff and the score explanation.

Every token keeps its character span in the original text, so whatever is computed on
normalised forms can be shown on the words the user actually reads.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer  # uses the PyStemmer C extension when it is installed
import wordfreq

# Curly quotes, primes and the many dashes news sites use, folded one character to one
# character so offsets never shift.
PLAIN_PUNCTUATION = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)

# Dotted acronyms (U.S., U.K.), numbers with separators ($328.08, 2,000), then words
# with inner apostrophes. Hyphens split words, so "Jae-myung" meets "Jae Myung".
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|\d+(?:[.,]\d+)*|[^\W_]+(?:['\u2019][^\W_]+)*")
_POSSESSIVE = re.compile(r"'s$")

# Words more frequent than this in general English (Zipf scale, wordfreq) are stop words:
# "the", "of", "said", ... They carry grammar rather than facts.
STOP_ZIPF = 6.0
# Number words stay content words even though they are frequent: counts are facts.
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten first second third".split()
)


def fold(text: str) -> str:
    """Case-fold and replace typographic quotes and dashes by their ASCII forms."""
    return unicodedata.normalize("NFKC", text.translate(PLAIN_PUNCTUATION)).casefold()


class Token(NamedTuple):  # a tuple: made hundreds of thousands of times per folder
    start: int  # character offsets into the text that was tokenised
    end: int
    norm: str  # folded surface form, possessive removed
    stem: str
    stop: bool


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Frequency of a word in general English, log10 per billion words (0 when unseen)."""
    return wordfreq.zipf_frequency(word, "en")


def is_stop_word(norm: str) -> bool:
    return norm not in _NUMBER_WORDS and zipf(norm) >= STOP_ZIPF


def word_tokens(text: str) -> tuple[Token, ...]:
    """Word tokens of `text` with spans, normalised forms, stems and stop-word flags."""
    return tuple(Token(m.start(), m.end(), *_word(m.group())) for m in _TOKEN.finditer(text))


@lru_cache(maxsize=1 << 18)
def _word(surface: str) -> tuple[str, str, bool]:
    """(norm, stem, stop) of one written word: news repeats its words, so each distinct
    spelling is folded, looked up and stemmed once."""
    norm = fold(surface)
    acronym = "." in norm and not norm[0].isdigit()
    if acronym:
        norm = norm.replace(".", "")
    elif norm[0].isdigit():
        norm = norm.replace(",", "")
    else:
        norm = _POSSESSIVE.sub("", norm)
    # Acronyms in capitals (US, AI) are names, never the pronoun or article they spell.
    shouting = acronym or (len(surface) > 1 and surface.isupper())
    return norm, _stemmer().stemWord(norm), not shouting and is_stop_word(norm)


def terms(tokens: tuple[Token, ...]) -> list[str]:
    """Index terms of a sentence: the stems of all its words.

    Stop words stay (their low weight keeps them from mattering much, and "not" or "no"
    can matter); pairs of adjacent words were measured and lowered ranking quality.
    """
    return [t.stem for t in tokens]
