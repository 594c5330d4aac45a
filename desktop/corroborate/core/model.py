"""Immutable records passed between core functions and the UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class Article:
    id: str  # content hash of the text: annotations follow content, not paths
    path: str
    title: str
    source: str
    format: str
    text: str
    sentences: tuple[Sentence, ...] = field(default=(), repr=False)
    # What the file says about the article (core/ingest/metadata.py); None when it does not.
    published: str | None = None  # ISO 8601 date, or datetime with its offset when given
    byline: str | None = None  # the people who wrote it; never the outlet
    url: str | None = None  # the canonical address


@dataclass(frozen=True, slots=True)
class LoadProblem:
    path: str
    reason: str  # one sentence for the user
    skipped: bool = False  # left out on purpose (a read-me, a pipe, a duplicate), not broken


# --- Alignment of two articles (core/alignment/align.py) -------------------------------------


@dataclass(frozen=True, slots=True)
class Match:
    """Sentences of article a and article b that report the same thing.

    One-to-one in the common case; one side holds two or three indices when one long
    sentence covers several shorter ones in the other source.
    """

    a: tuple[int, ...]  # sentence indices into Alignment.a.sentences, ascending
    b: tuple[int, ...]  # sentence indices into Alignment.b.sentences, ascending
    score: float  # 0-100

    def mirrored(self) -> Match:
        return Match(self.b, self.a, self.score)


@dataclass(frozen=True, slots=True)
class Alignment:
    a: Article
    b: Article
    threshold: float  # the score a pair had to reach
    matches: tuple[Match, ...]  # in reading order of a
    only_a: tuple[int, ...]  # sentences of a with no partner in b, ascending
    only_b: tuple[int, ...]


# --- Typed differences inside an aligned pair (core/checks/discrepancy.py) ----------------


@dataclass(frozen=True, slots=True)
class DiscrepancySide:
    article: str  # Article.id
    sentence: int  # sentence index in that article
    start: int  # character offsets of the value in the article text
    end: int
    value: str


@dataclass(frozen=True, slots=True)
class Discrepancy:
    kind: str  # "number", "duration", "date", "money", "percent", "plural", "speaker", ...
    explanation: str  # one line a person understands
    a: DiscrepancySide
    b: DiscrepancySide


# --- Annotations (core/annotations/anchoring.py, store.py, edits.py, export.py) ---------------


class Status(StrEnum):
    """A person's verdict on a link or sentence; no annotation at all means "none"."""

    AGREED = "agreed"
    DISPUTED = "disputed"
    UNVERIFIED = "unverified"


@dataclass(frozen=True, slots=True)
class Target:
    """One quoted span of an article: a W3C TextQuoteSelector + TextPositionSelector pair.

    The quote with its context is what finds the span again after the text was edited;
    the offsets are only the first guess.
    """

    article: str  # Article.id (content hash) of the text the span was taken from
    source: str  # source label at the time ("CRBC News")
    title: str
    path: str  # file path at the time; informative only, files move
    start: int  # character offsets into Article.text
    end: int
    exact: str  # Article.text[start:end]
    prefix: str = ""  # up to ~32 characters before the span
    suffix: str = ""  # up to ~32 characters after it


class AnnotationKind(StrEnum):
    SENTENCE = "sentence"  # one target
    PAIR = "pair"  # a matched pair (or group) of sentences in different articles
    FACT = "fact"  # targets across sources that report one fact (fact_id set)


@dataclass(frozen=True, slots=True)
class Annotation:
    id: str  # UUID, stable across export and import
    status: Status
    note: str
    created: str  # ISO 8601 in UTC
    modified: str
    targets: tuple[Target, ...]
    similarity: float | None = None  # score of the pair when the annotation was made
    discrepancy: str = ""  # explanation of a flagged difference, if there was one
    fact_id: str | None = None
    # A JSON object: what an imported Web Annotation of another tool held beyond these
    # fields (its motivation, creator, tag bodies, target sources and selectors as
    # written), so exporting it again gives them back unchanged. "" for our own.
    extras: str = ""

    @property
    def kind(self) -> AnnotationKind:
        if self.fact_id is not None:
            return AnnotationKind.FACT
        return AnnotationKind.SENTENCE if len(self.targets) == 1 else AnnotationKind.PAIR


class LinkKind(StrEnum):
    LINKED = "linked"  # the person linked two sentences the matcher did not pair
    REJECTED = "rejected"  # the person rejected a pair the matcher proposed


@dataclass(frozen=True, slots=True)
class ManualLink:
    kind: LinkKind
    a: Target
    b: Target
    created: str

    @property
    def key(self) -> str:
        return link_key(self.a, self.b)


def link_key(a: Target, b: Target) -> str:
    """The same for (a, b) and (b, a): a link has no direction."""
    ends = sorted(f"{t.article}:{t.start}-{t.end}" for t in (a, b))
    return "|".join(ends)


class Anchoring(StrEnum):
    EXACT = "exact"  # the quote is where it was
    MOVED = "moved"  # the same quote, elsewhere or in an edited copy of the article
    FUZZY = "fuzzy"  # a close but not identical passage
    ORPHAN = "orphan"  # nowhere to be found; the annotation is kept and listed


@dataclass(frozen=True, slots=True)
class Anchor:
    target: Target  # as stored
    how: Anchoring
    placed: Target | None  # the target re-attached to a loaded article; None for orphans
    score: float = 0.0  # 100 for exact quotes, the fuzzy score otherwise


# --- Facts across many articles (core/facts/find.py) --------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    """The sentences of one article that report a fact."""

    article: str  # Article.id
    sentences: tuple[int, ...]  # ascending; more than one only as core/facts/find.py explains
    # The part of the sentences stating the fact: character offsets into the article's
    # text, inside one of `sentences` (a clause of a sentence packing several facts).
    # (0, 0) when not known: the whole of the first sentence.
    start: int = 0
    end: int = 0
    # Later sentences of the article repeating one of `sentences` (a headline or teaser
    # printed again, a paragraph printed twice): shown with it, not counted as mentions.
    repeats: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Fact:
    """One reportable thing and the articles that report it."""

    id: str  # derived from the mentions: the same sentences give the same id
    mentions: tuple[Mention, ...]  # one per article, ordered by article id
    representative: tuple[str, int]  # (Article.id, sentence index) of the most central mention
    discrepancies: tuple[Discrepancy, ...] = ()  # between mentions of different articles
    claim: str = ""  # what the fact says, in a few words (core/facts/claims.py); unique

    @property
    def coverage(self) -> int:
        """How many articles report the fact."""
        return len(self.mentions)

    @property
    def exclusive(self) -> bool:
        return len(self.mentions) == 1

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(m.article for m in self.mentions)

    def sentences_of(self, article: str) -> tuple[int, ...]:
        """Sentences of `article` (an Article.id) that report the fact; () when it leaves it out."""
        return next((m.sentences for m in self.mentions if m.article == article), ())


@dataclass(frozen=True, slots=True)
class FactTable:
    """Every fact of a folder of articles: shared ones first, each with its outlets."""

    articles: tuple[Article, ...]
    facts: tuple[Fact, ...]  # by coverage (widest first), then by position in the articles
    threshold: float  # the score two sentences had to reach to be linked
    skipped: tuple[Mention, ...] = ()  # boilerplate lines (bylines, labels): in no fact
    cancelled: bool = False  # stopped through progress: `facts` is empty
    # Each article's contradictions with itself (kind "self-contradiction", both sides in
    # one article), in the order of `articles`; found with the facts, on the same worker.
    inconsistencies: tuple[Discrepancy, ...] = ()
    # When the facts were found story by story (core/facts/per_story.py): the ids of each
    # story's articles. A fact can only be reported within its story, so its coverage is
    # counted against that story's articles, not the folder's. Empty: one story.
    stories: tuple[tuple[str, ...], ...] = ()
    # The facts of each article, built with the table (on the worker that finds the facts):
    # every article tab asks, and searching 2,000 facts for each of 50 tabs took 200 ms.
    _by_article: dict[str, tuple[Fact, ...]] = field(
        init=False, repr=False, compare=False, hash=False
    )
    _peers: dict[str, tuple[str, ...]] = field(  # Article.id -> its story's, in order
        init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        index: dict[str, list[Fact]] = {}
        for fact in self.facts:
            for article in fact.articles:
                index.setdefault(article, []).append(fact)
        by_article = {article: tuple(found) for article, found in index.items()}
        object.__setattr__(self, "_by_article", by_article)
        order = [a.id for a in self.articles]
        everyone = tuple(order)
        peers = {article: everyone for article in order}
        for story in self.stories:
            members = set(story)
            mine = tuple(a for a in order if a in members)
            peers.update(dict.fromkeys(mine, mine))
        object.__setattr__(self, "_peers", peers)

    @property
    def shared(self) -> tuple[Fact, ...]:
        return tuple(f for f in self.facts if not f.exclusive)

    @property
    def exclusive(self) -> tuple[Fact, ...]:
        return tuple(f for f in self.facts if f.exclusive)

    def left_out_by(self, fact: Fact) -> tuple[str, ...]:
        """Ids of the articles of its story that do not report `fact`, in the order of
        `articles`."""
        present, peers = set(fact.articles), set(self.peers_of(fact))
        return tuple(a.id for a in self.articles if a.id in peers and a.id not in present)

    def peers_of(self, fact: Fact) -> tuple[str, ...]:
        """Ids of the articles that could report `fact`: its story's (every article, with
        one story), in the order of `articles`."""
        first = fact.articles[0] if fact.articles else None
        return self._peers.get(first, tuple(a.id for a in self.articles))

    def facts_of(self, article: str) -> tuple[Fact, ...]:
        return self._by_article.get(article, ())


# --- Stories of a mixed folder (core/facts/stories.py) ----------------------------------------


@dataclass(frozen=True, slots=True)
class Story:
    """Articles of a folder that report one event."""

    id: str  # derived from the ids of its articles: the same articles, the same id
    label: str  # its key names and terms: "Lindsay Lohan · rehab · Betty Ford"
    articles: tuple[str, ...]  # Article.id, in the order of the folder
    outlets: tuple[str, ...]  # their sources, each once, in the same order
    first: str | None = None  # earliest publication date (YYYY-MM-DD) when any is known
    last: str | None = None


@dataclass(frozen=True, slots=True)
class StoryTable:
    articles: tuple[Article, ...]
    stories: tuple[Story, ...]  # largest first, then by the position of their first article
    cancelled: bool = False  # stopped through progress: `stories` is empty
