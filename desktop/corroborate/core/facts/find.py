"""Facts across a folder: which sentences of different articles report the same thing.

A fact-checker with five articles about one event wants each fact once, with the outlets
that report it and those that leave it out. `find_facts` clusters the sentences of all
articles:

1. Links, as `align` makes them but across the whole folder (`sentence_graph`): each
   sentence to its best partner in each other article, when the pair reaches the
   threshold. Candidate partners come from rare shared words, so the work grows with
   the folder, not with its square.
2. Facts (`fact_groups`): links strongest first merge groups holding no article in
   common whose mean score is high enough and, in folders of a few dozen articles,
   that are compatible: none of their sentences score far below it with each other
   or report different people's statements, and two pairs (or one solid pair) reach
   the threshold. The links this leaves between two facts are then covered too, so
   two sentences `align` pairs share a fact (except on its weakest one-sided links).
   A fact whose outlets give different values of one quantity gathers every linked
   sentence stating it. A fact contained in another is dropped, two facts holding the
   same sentences in every article but one are merged, and each discrepancy
   is listed on one fact only: the one about it.
3. Every sentence in no shared fact is an exclusive fact of its article, except
   boilerplate (`is_boilerplate`: bylines, section labels, source names) and lines
   `align` takes no part in (`text.sentence_kinds.is_label`: headings, captions), which are in no
   fact and listed in `FactTable.skipped`.
4. Claims (`claims.with_claims`): each fact says what it is in a few words, unique in
   the table, and each mention gets the span of its sentence stating it.

Which sentences one fact may hold:
- A sentence may be in several facts: news sentences pack several things, and each
  outlet packs them differently.
- A fact holds one sentence per article, with two exceptions: a sentence the article
  repeats (two of its sentences scoring at least `sentence_graph.REPEAT_SCORE`, such as
  a headline printed twice, or a teaser cut with "..." and the full sentence) counts
  once: the longest is the mention and the others are its `Mention.repeats`; and a
  sentence joins a fact beside its article's sentence when one sentence of another
  article in the fact scores at least the threshold with both (a body line restating
  the headline, or a second line stating a disputed quantity). Never more than
  `fact_groups.MAX_PER_ARTICLE` sentences that do not repeat each other.

Results depend on the articles' contents only: the order articles are given in changes
nothing, and fact ids derive from the sentences each fact holds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import combinations

import numpy as np

from ..alignment.align import DEFAULT_THRESHOLD
from ..alignment.similarity import Corpus
from ..checks.consistency import latest_dated_year
from ..checks.discrepancy import find_discrepancies
from ..checks.self_consistency import find_inconsistencies
from ..model import Article, Discrepancy, Fact, FactTable, Mention
from ..text.sentence_kinds import is_label
from ..text.words import Token, word_tokens
from .claims import with_claims
from .groups import FactGroups
from .sentence_graph import SentenceSpace, find_links, sentence_space

Progress = Callable[[int, int], bool]  # (done, total) -> keep going? as in core/ingest/loading.py

# Facts held by more articles than this are checked for discrepancies against their
# representative wording only, not pair by pair: the work then grows with the number
# of mentions, not its square, and every outlet that differs from the central wording
# is still flagged.
PAIRWISE_DISCREPANCY_LIMIT = 5
# Boilerplate: fewer content words than this, or a line without closing punctuation
# and fewer than `LABEL_WORDS` words ("Related Posts", "Edited by: ...", "The Korea Times").
MIN_CONTENT_WORDS = 3
LABEL_WORDS = 7
_CLOSING = ".!?\"'\u201d\u2019)"


def is_boilerplate(text: str, tokens: Sequence[Token] | None = None) -> bool:
    """A line that states no fact: a byline, a section label, a site or source name.

    `tokens` are the words of `text` when already known (`similarity.Corpus` has them).
    """
    tokens = word_tokens(text) if tokens is None else tokens
    if sum(not t.stop for t in tokens) < MIN_CONTENT_WORDS:
        return True
    return len(tokens) < LABEL_WORDS and not text.rstrip().endswith(tuple(_CLOSING))


def find_facts(
    corpus: Corpus, progress: Progress | None = None, threshold: float | None = None
) -> FactTable:
    """Cluster the sentences of every article of `corpus` into facts; deterministic.

    `threshold` (0-100, default align's) is the score two sentences must reach to be
    linked. `progress(done, total)` is called as work advances, `done` never decreasing,
    and once at the end with done == total; returning False cancels and gives an empty
    table with `cancelled` set.
    """
    limit = DEFAULT_THRESHOLD if threshold is None else float(threshold)

    def states_something(article: Article, i: int) -> bool:
        tokens = corpus.sentence_terms(article)[i].tokens
        return not (is_boilerplate(article.sentences[i].text, tokens) or is_label(article, i))

    space = sentence_space(corpus, states_something)
    ticker = _Ticker(progress, space.size)
    cancelled = FactTable(corpus.articles, (), limit, cancelled=True)
    links = find_links(space, limit, lambda rows: ticker.at(rows))
    if links is None or not ticker.at(space.size):
        return cancelled
    groups = FactGroups(space, links, limit)
    if not ticker.at(2 * space.size):
        return cancelled
    facts = []
    shared = groups.shared()
    # Each article read once for its year, not once per fact it shares.
    years = [latest_dated_year(a) for a in space.articles]
    for done, members in enumerate(shared):
        facts.append(_fact(space, members, years))
        if not ticker.at(2 * space.size + space.size * (done + 1) // max(1, len(shared))):
            return cancelled
    facts = _each_discrepancy_once(facts, space.articles)
    facts += [_fact(space, [row], None) for row in groups.alone()]
    lengths = {a.id: max(1, len(a.sentences)) for a in space.articles}
    facts.sort(key=lambda f: (-f.coverage, _position(lengths, f), f.id))
    facts = with_claims(facts, space.articles)
    dated = dict(zip((a.id for a in space.articles), years, strict=True))
    found = _inconsistencies(corpus.articles, dated)
    ticker.at(ticker.total)
    return FactTable(
        corpus.articles, tuple(facts), limit, _skipped(corpus, space), inconsistencies=found
    )


def _inconsistencies(
    articles: Sequence[Article], years: dict[str, int | None]
) -> tuple[Discrepancy, ...]:
    """Each article's contradictions with itself, dated by its own latest year written with
    a month, else by the story's (the latest of all): "January 8" alone needs a year."""
    story = max((y for y in years.values() if y is not None), default=None)
    found: list[Discrepancy] = []
    for article in articles:
        year = years[article.id] if article.id in years else latest_dated_year(article)
        found += find_inconsistencies(article, story if year is None else year)
    return tuple(found)


class _Ticker:
    """Reports progress in three equal stages of `rows` steps: links, groups, facts."""

    def __init__(self, progress: Progress | None, rows: int) -> None:
        self.progress, self.total = progress, 3 * rows

    def at(self, done: int) -> bool:
        return self.progress is None or bool(self.progress(done, self.total))


def _fact(space: SentenceSpace, rows: list[int], years: list[int | None] | None) -> Fact:
    """The fact of `rows`; its discrepancies found when the latest dated year of each
    article (`years`, by position in `space.articles`) is given."""
    by_article: dict[int, list[int]] = {}
    repeated: dict[int, list[int]] = {}
    articles = space.articles
    main: dict[int, int] = {}
    for r in rows:
        main[r], *again = _counted_once(articles[space.article[r]], space, r)
        by_article.setdefault(int(space.article[r]), []).append(main[r])
        repeated.setdefault(int(space.article[r]), []).extend(again)
    mentions = tuple(
        Mention(articles[a].id, tuple(sorted(s)), repeats=tuple(sorted(repeated[a])))
        for a, s in by_article.items()
    )
    key = ";".join(f"{m.article}:{','.join(map(str, m.sentences))}" for m in mentions)
    fact_id = "f-" + hashlib.blake2b(key.encode(), digest_size=8).hexdigest()
    center = _central(space, rows)
    representative = (articles[space.article[center]].id, main[center])
    found = _discrepancies(space, by_article, representative, years) if years is not None else ()
    return Fact(fact_id, mentions, representative, found)


def _counted_once(article: Article, space: SentenceSpace, row: int) -> list[int]:
    """The sentence of `row` and those repeating it, the one to count first: the longest
    (a teaser cut with "..." repeats the full sentence, not the other way round)."""
    same = [int(space.sentence[row]), *space.repeats.get(row, ())]
    first = max(same, key=lambda i: (len(article.sentences[i].text.rstrip(".… ")), -i))
    return [first, *(i for i in same if i != first)]


def _each_discrepancy_once(facts: list[Fact], articles: Sequence[Article]) -> list[Fact]:
    """Facts with each discrepancy (the same values in the same sentences) listed once.

    A sentence packing several facts is in each of them, and so is its conflict with
    another outlet ("three-day" against "four-day"); the reader should meet it once, on
    the fact with the most instances of that conflict: the one that is about it. Ties go
    to the fact with more outlets writing one of the two values (an outlet may state the
    quantity in words the comparison does not pair), then to the fact reported by more
    articles, then to the lower id.
    """
    by_id = {a.id: a for a in articles}

    def stating(fact: Fact, key: tuple) -> int:
        values = key[1]
        return sum(
            any(
                v in by_id[m.article].sentences[i].text.casefold()
                for i in m.sentences
                for v in values
            )
            for m in fact.mentions
        )

    instances: dict[tuple, dict[int, int]] = {}
    for n, fact in enumerate(facts):
        for d in fact.discrepancies:
            counts = instances.setdefault(_conflict(d), {})
            counts[n] = counts.get(n, 0) + 1
    owner: dict[tuple, int] = {}
    for key, counts in instances.items():
        owner[key] = min(
            counts,
            key=lambda n: (-counts[n], -stating(facts[n], key), -facts[n].coverage, facts[n].id),
        )
    owned = {
        _sides(d) for n, f in enumerate(facts) for d in f.discrepancies if owner[_conflict(d)] == n
    }
    out = []
    for n, fact in enumerate(facts):
        kept = tuple(
            d for d in fact.discrepancies if owner[_conflict(d)] == n or _sides(d) not in owned
        )
        out.append(fact if kept == fact.discrepancies else replace(fact, discrepancies=kept))
    return out


def _conflict(d: Discrepancy) -> tuple:
    return (d.kind, frozenset((d.a.value.casefold(), d.b.value.casefold())))


def _sides(d: Discrepancy) -> tuple:
    sides = sorted(
        (
            (d.a.article, d.a.sentence, d.a.start, d.a.end),
            (d.b.article, d.b.sentence, d.b.start, d.b.end),
        )
    )
    return (d.kind, *sides)


def _central(space: SentenceSpace, rows: list[int]) -> int:
    """The row with the highest mean score against the rows of other articles."""
    if len(rows) == 1:
        return rows[0]
    vectors = space.vectors[rows]
    scores = (vectors @ vectors.T).toarray().round(9)
    articles = space.article[rows]
    other = articles[:, None] != articles[None, :]
    closeness = (scores * other).sum(axis=1) / np.maximum(1, other.sum(axis=1))
    return rows[int(np.argmax(closeness))]  # the first of equals: the lowest row


def _discrepancies(
    space: SentenceSpace,
    by_article: dict[int, list[int]],
    representative: tuple[str, int],
    years: list[int | None],
) -> tuple[Discrepancy, ...]:
    """Between every two articles of the fact, or each against the representative's article
    when the fact is wider than `PAIRWISE_DISCREPANCY_LIMIT`."""
    order = sorted(by_article)  # article positions follow article ids
    if len(order) <= PAIRWISE_DISCREPANCY_LIMIT:
        pairs = list(combinations(order, 2))
    else:
        center = next(a for a in order if space.articles[a].id == representative[0])
        pairs = [(center, a) for a in order if a != center]
    found: list[Discrepancy] = []
    for x, y in pairs:
        a, b = space.articles[x], space.articles[y]
        year = max((v for v in (years[x], years[y]) if v is not None), default=None)
        found += find_discrepancies(
            a, tuple(sorted(by_article[x])), b, tuple(sorted(by_article[y])), year
        )
    return tuple(found)


def _position(lengths: dict[str, int], fact: Fact) -> float:
    """Mean relative place of the fact in its articles: facts told early come first."""
    return sum(m.sentences[0] / lengths[m.article] for m in fact.mentions) / fact.coverage


def _skipped(corpus: Corpus, space: SentenceSpace) -> tuple[Mention, ...]:
    kept: dict[str, set[int]] = {}
    for row, (a, s) in enumerate(zip(space.article.tolist(), space.sentence.tolist(), strict=True)):
        kept.setdefault(space.articles[a].id, set()).update((s, *space.repeats.get(row, ())))
    out = []
    for article in sorted(corpus.articles, key=lambda a: a.id):
        left = tuple(i for i in range(len(article.sentences)) if i not in kept.get(article.id, ()))
        if left:
            out.append(Mention(article.id, left))
    return tuple(out)
