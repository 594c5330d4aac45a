"""Stories of a mixed folder: which articles report one event, told by its names and numbers.

Each article gives what it reports: the names it gives (runs of capitalised words, and
each of their words, so "Lohan" meets "Lindsay Lohan"), its numbers, its dates and its
content words, with how often each occurs. Two earthquakes share "quake", "magnitude"
and "killed"; they differ in where, when and how strong, so the names and numbers keep
them apart where shared vocabulary alone would not. How articles are grouped by these
features (story_clustering.py) does not depend on how many stories the folder holds.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..model import Article, Story, StoryTable
from ..text.words import Token, word_tokens, zipf
from .story_clustering import KIND_WEIGHTS, MERGE_CUT, group_articles

Progress = Callable[[int, int], bool]  # (done, total) -> keep going? as in core/ingest/loading.py

MAX_NAME_WORDS = 4
LABEL_NAMES = 2
LABEL_SEPARATOR = " · "
LABEL_MAX_ZIPF = 5.0  # the key word of a label is rarer than this in general English

_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_ABBREVIATIONS = {m[:3]: m for m in _MONTHS} | {"sept": "september"}
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_YEAR = re.compile(r"(?:19|20)\d\d")
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Features:
    counts: Counter[tuple[str, str]]  # (kind, key) -> occurrences
    written: Counter[tuple[str, str, str]]  # (kind, key, as written in the prose) -> occurrences
    lowercase: frozenset[str] = frozenset()  # words the article writes in lower case

    @property
    def shown(self) -> dict[tuple[str, str], Counter[str]]:
        """How each feature was written in the prose, for labels."""
        shown: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for (kind, key, surface), n in self.written.items():
            shown[kind, key][surface] += n
        return dict(shown)


def find_stories(
    articles: Sequence[Article],
    progress: Progress | None = None,
    *,
    cut: float = MERGE_CUT,
    weights: Mapping[str, float] = KIND_WEIGHTS,
) -> StoryTable:
    """Group `articles` into stories by what they report; deterministic, and the same
    stories whatever the order of `articles`.

    `progress(done, total)` is called as work advances; returning False cancels and gives
    an empty table with `cancelled` set. `cut` and `weights` are for tuning
    (tests/quality/ecb_stories.py).
    """
    articles = tuple(articles)
    total = len(articles) + 1
    features = []
    for done, article in enumerate(articles):
        features.append(article_features(article))
        if progress is not None and not progress(done, total):
            return StoryTable(articles, (), cancelled=True)
    # Clustering runs in a canonical order (by id), so the folder's order changes nothing.
    order = sorted(range(len(articles)), key=lambda i: articles[i].id)
    groups = group_articles([features[i].counts for i in order], cut=cut, weights=weights)
    position = {article.id: i for i, article in enumerate(articles)}
    stories = [
        _story([articles[order[i]] for i in group], position, [features[order[i]] for i in group])
        for group in groups
    ]
    stories.sort(key=lambda s: (-len(s.articles), position[s.articles[0]]))
    if progress is not None:
        progress(total, total)
    return StoryTable(articles, tuple(stories))


# --- what an article reports -----------------------------------------------------------


def article_features(article: Article) -> _Features:
    """Names, numbers, dates and content words of `article`, with how often each occurs.

    What lies inside a web address ("www", "com", a slug's words) links articles like
    any other feature, but is not how the story is written: it never labels one.
    """
    text = article.text
    spans = [(s.start, s.end) for s in article.sentences] or [(0, len(text))]
    tokenised = [(start, word_tokens(text[start:end])) for start, end in spans]
    lowercase = {
        t.norm for start, tokens in tokenised for t in tokens if text[start + t.start].islower()
    }
    found: list[tuple[str, str, str, int]] = []  # (kind, key, as written, offset in text)
    for start, tokens in tokenised:
        for run in _name_runs(text, start, tokens, lowercase):
            # Every part too: "President Xi Jinping" also gives "Xi Jinping" and "Jinping".
            for first in range(len(run)):
                at = start + run[first].start
                for last in range(first, min(len(run), first + MAX_NAME_WORDS)):
                    key = " ".join(t.norm for t in run[first : last + 1])
                    found.append(("name", key, text[at : start + run[last].end], at))
        found += _values(tokens, text, start)
        found += [
            ("word", t.stem, t.norm, start + t.start)
            for t in tokens
            if not t.stop and not t.norm[0].isdigit() and len(t.norm) > 2
        ]
    addresses = [(m.start(), m.end()) for m in _ADDRESS.finditer(text)]
    prose = Counter(
        (kind, key, surface)
        for kind, key, surface, at in found
        if not addresses or not any(a <= at < b for a, b in addresses)
    )
    return _Features(Counter((kind, key) for kind, key, _, _ in found), prose, frozenset(lowercase))


def _name_runs(
    text: str, start: int, tokens: tuple[Token, ...], lowercase: set[str]
) -> list[list[Token]]:
    """Runs of capitalised words separated by spaces only: "Betty Ford", "Tara Reid"
    (and the parts of a hyphenated one: "Lee Jae-myung").

    A sentence's first word is a name only when the article never writes it in lower
    case ("Police said" is not a name; "Reid said" is).
    """
    runs: list[list[Token]] = []
    current: list[Token] = []
    for index, t in enumerate(tokens):
        gap = text[start + current[-1].end : start + t.start] if current else ""
        hyphenated = gap == "-" and t.norm.isalpha()  # "Jae-myung" stays one name
        capitalised = (
            text[start + t.start].isupper()
            and not t.stop
            and t.norm not in _WEEKDAYS
            and t.norm not in _MONTHS
            and not (index == 0 and t.norm in lowercase)
        )
        if current and (hyphenated or (capitalised and not gap.strip())):
            current.append(t)
            continue
        if current:
            runs.append(current)
        current = [t] if capitalised else []
    if current:
        runs.append(current)
    return runs


def _values(tokens: tuple[Token, ...], text: str, start: int) -> list[tuple[str, str, str, int]]:
    """Numbers ("6.1", "40"), years and calendar days ("march 3") of one sentence, each
    with its offset in `text`."""
    found = []
    for index, t in enumerate(tokens):
        month = _MONTH_ABBREVIATIONS.get(t.norm[:3]) if t.norm.startswith(_month_prefixes) else None
        if month and (t.norm == month or t.norm in _MONTH_ABBREVIATIONS or t.norm == "sept"):
            after = tokens[index + 1].norm if index + 1 < len(tokens) else ""
            if after.isdigit() and 1 <= int(after) <= 31:
                day = int(after)
                found.append(("date", f"{month} {day}", f"{month.title()} {day}", start + t.start))
        elif t.norm[0].isdigit():
            surface = text[start + t.start : start + t.end]
            kind = "date" if _YEAR.fullmatch(t.norm) else "number"
            found.append((kind, t.norm, surface, start + t.start))
    return found


_month_prefixes = tuple(_MONTH_ABBREVIATIONS)


# --- stories -----------------------------------------------------------------------


def story_id(article_ids: Sequence[str]) -> str:
    """The same articles give the same id, whatever their order."""
    digest = hashlib.sha1("\n".join(sorted(article_ids)).encode()).hexdigest()
    return f"story-{digest[:12]}"


def story_of(members: Sequence[Article], folder: Sequence[Article]) -> Story:
    """The story of `members` as `find_stories` would describe it (id, label, outlets,
    dates), its articles in the order of `folder`: for stories a user put together."""
    position = {article.id: i for i, article in enumerate(folder)}
    return _story(list(members), position, [article_features(a) for a in members])


def _story(members: list[Article], position: dict[str, int], features: list[_Features]) -> Story:
    ordered = sorted(members, key=lambda a: position[a.id])
    ids = tuple(a.id for a in ordered)
    outlets = tuple(dict.fromkeys(a.source for a in ordered))
    dates = sorted(a.published[:10] for a in ordered if a.published)
    return Story(
        story_id(ids),
        story_label(features),
        ids,
        outlets,
        dates[0] if dates else None,
        dates[-1] if dates else None,
    )


def story_label(features: Sequence[_Features]) -> str:
    """Its key names and its key word: "Lindsay Lohan · rehab · Betty Ford".

    A feature counts by how many of the story's articles give it, then by how rare it is
    in general English; a name inside a longer chosen name is not repeated, and a word
    the story also writes in lower case is not a name.
    """
    reach: Counter[tuple[str, str]] = Counter()
    shown: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for f in features:
        reach.update({(kind, key) for kind, key, _ in f.written})
        for (kind, key, surface), n in f.written.items():
            surfaces = shown[kind, key]
            surfaces[surface] = surfaces.get(surface, 0) + n

    def rank(feature: tuple[str, str]) -> tuple:
        kind, key = feature
        words = key.split()
        rarity = sum(7.0 - zipf(w) for w in words) / len(words) + 0.5 * (len(words) - 1)
        return (-reach[feature] * (1.0 + 0.2 * rarity), key)

    # "Rescuers dug" opens a sentence; another report's "as rescuers searched" shows
    # it is no name.
    lowercase = frozenset().union(*(f.lowercase for f in features))
    names: list[str] = []
    for _kind, key in sorted((f for f in reach if f[0] == "name"), key=rank):
        if len(names) == LABEL_NAMES:
            break
        if key in lowercase:
            continue
        key = _fullest(key, reach)
        if any(key in chosen or chosen in key for chosen in names):
            continue
        names.append(key)

    def written(feature: tuple[str, str]) -> str:
        return min(shown[feature].items(), key=lambda item: (-item[1], item[0]))[0]

    # A word that is mostly written as a name ("Lohan") is already among the names.
    named = {key for kind, key in reach if kind == "name"}
    # A word as common as "already" or "became" tells no story apart.
    words = sorted(
        (
            f
            for f in reach
            if f[0] == "word" and written(f) not in named and zipf(written(f)) < LABEL_MAX_ZIPF
        ),
        key=rank,
    )

    parts = [written(("name", key)) for key in names]
    if words:
        parts.insert(1 if parts else 0, written(words[0]))
    return LABEL_SEPARATOR.join(parts)


def _fullest(name: str, reach: Counter[tuple[str, str]]) -> str:
    """The shortest longer name at least half of the articles giving `name` give
    ("Tara Reid" for "Reid", rather than "actress Tara Reid"), else `name`."""
    longer = [
        (len(key.split()), -reach[kind, key], sum(zipf(w) for w in key.split()), key)
        for kind, key in reach
        if kind == "name"
        and name in key.split()
        and key != name
        and 2 * reach[kind, key] >= reach["name", name]
    ]
    return min(longer)[-1] if longer else name
