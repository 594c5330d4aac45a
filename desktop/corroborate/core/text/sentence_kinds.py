"""Which lines of an article are sentences, and which are headings, captions or labels.

Section headings ("Security Balancing Act"), photo captions made of names ("Chinese
President Xi Jinping - South Korean President Lee Jae Myung"), mastheads and source
lists end without closing punctuation, and share names and topic words with many
sentences while stating no fact of their own. Two kinds of line without closing
punctuation still take part:

- the headline, recognised as the article's title;
- a line that states a fact: it has a verb and at least `FACT_CONTENT_WORDS` content
  words ("Two plainclothes NYPD officers shot and killed a 16-year-old Brooklyn
  resident after police say he pointed a gun at officers on Saturday"). Copied pages
  hold many of them: a second headline, summary bullets under the headline, sentences
  whose full stop was lost.
"""

from __future__ import annotations

from functools import lru_cache

from ..model import Article
from .line_kinds import is_furniture
from .words import word_tokens

# How a sentence may end; a line ending otherwise is a heading, caption or label.
_CLOSING = tuple(".!?:;\"'\u201d\u2019)\u2026")

# A line without closing punctuation states a fact when it has a verb and at least this
# many content words (numbers not counted, so that dates do not). Chosen on the odd
# topics of ECB+ and the sample articles, where results are the same from 4 to 8;
# section headings with a verb ("Economic Collaboration Takes Center Stage") have five.
FACT_CONTENT_WORDS = 6

# Only the start of a very long line is read: enough to find a verb and the words.
_READ_LIMIT = 1000

# Verb forms that are no regular past ("-ed") and no "-s" form: auxiliaries, modals and
# the irregular verbs of news reports.
_VERB_FORMS = frozenset(
    """is are was were be been has have had will would can could may might must shall
    should do does did says said tells told gets got makes made takes took taken gives
    gave given goes went gone comes came leaves left wins won loses lost sees saw seen
    finds found keeps kept meets met begins began begun runs ran sets puts breaks broke
    broken faces brings brought holds held stands stood falls fell fallen rises rose
    risen strikes struck flees fled quits shot shoots hits hurt sends sent spends spent
    pays paid sells sold buys bought builds built leads led thinks thought becomes
    became knows knew known shows shown grows grew drives drove driven fights fought
    catches caught sits sat speaks spoke spoken chooses chose chosen wears wore writes
    wrote written steals stole stolen throws threw thrown hides hid hidden sinks sank
    burns burnt dies die killed kills""".split()
)
# Words ending in "-ed" that are no verb.
_NOT_VERBS = frozenset("hundred united related naked sacred wicked kindred".split())
# After a verb in "-s": a determiner, a possessive, a number or a particle
# ("Klitschko stops Tony Thompson", "Law covers 1,400 species", "Lohan checks into").
_AFTER_S_VERB = frozenset(
    """the a an his her its their our this that these those into out up down off over
    back to""".split()
)


def _has_verb(words: list[str], capitalised: list[bool]) -> bool:
    for k, w in enumerate(words):
        if w in _VERB_FORMS:
            return True
        if len(w) >= 5 and w.endswith("ed") and not w.endswith("eed") and w not in _NOT_VERBS:
            return True
        if (
            0 < k < len(words) - 1
            and len(w) >= 4
            and w.endswith("s")
            and not w.endswith(("ss", "us", "is"))
            and (
                words[k + 1] in _AFTER_S_VERB
                or words[k + 1][:1].isdigit()
                or (capitalised[k + 1] and not capitalised[k])
            )
        ):
            return True
    return False


@lru_cache(maxsize=16384)
def states_fact(text: str) -> bool:
    """Whether a line has a verb and enough content words to state a fact.

    Bylines, dates and web addresses ("Published: April 10, 2007") state none.
    """
    text = text[:_READ_LIMIT]
    if is_furniture(text):
        return False
    tokens = word_tokens(text)
    content = [t for t in tokens if not t.stop and not t.norm[0].isdigit()]
    if len(content) < FACT_CONTENT_WORDS:
        return False
    words = [t.norm for t in tokens]
    capitalised = [text[t.start : t.end][:1].isupper() for t in tokens]
    # "May 3, 2013 at 7: 31 AM": the month, not the modal.
    words = [w if not (w == "may" and up) else "" for w, up in zip(words, capitalised, strict=True)]
    return _has_verb(words, capitalised)


def is_label(article: Article, index: int) -> bool:
    """Whether line `index` is a heading, caption or label rather than a sentence."""
    text = article.sentences[index].text.strip()
    if text.endswith(_CLOSING):
        return False
    title = article.title.strip().rstrip(".\u2026").rstrip()
    if title and text.startswith(title):
        return False
    return not states_fact(text)
