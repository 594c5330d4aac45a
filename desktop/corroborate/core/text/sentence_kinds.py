"""Which lines of an article are sentences, and which are headings, captions or labels.

Section headings ("Security Balancing Act"), photo captions made of names ("Chinese
President Xi Jinping - South Korean President Lee Jae Myung"), mastheads and source
lists end without closing punctuation, and share names and topic words with many
sentences while stating no fact of their own. The headline is kept: it states the
article's main fact, and is recognised as the article's title.
"""

from __future__ import annotations

from ..model import Article

# How a sentence may end; a line ending otherwise is a heading, caption or label.
_CLOSING = tuple(".!?:;\"'\u201d\u2019)\u2026")


def is_label(article: Article, index: int) -> bool:
    """Whether line `index` is a heading, caption or label rather than a sentence."""
    text = article.sentences[index].text.strip()
    if text.endswith(_CLOSING):
        return False
    title = article.title.strip().rstrip(".\u2026").rstrip()
    return not (title and text.startswith(title))
