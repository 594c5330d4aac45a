"""Stories of a mixed folder: which articles report one event, told by its names and numbers.

Each article becomes one sparse vector of what it reports: the names it gives (runs of
capitalised words, and each of their words, so "Lohan" meets "Lindsay Lohan"), its
numbers, its dates and its content words, each weighted TF-IDF-like over the folder with
names and dates counting more than words. Two earthquakes share "quake", "magnitude"
and "killed"; they differ in where, when and how strong, so the names and numbers keep
them apart where shared vocabulary alone would not.

Only articles sharing a rare name, number or date are compared (a blocking step), so a
folder of 10,000 articles never compares all pairs. The compared pairs are then joined
by average-link agglomerative clustering: two groups merge while the mean cosine over
all pairs of their articles (pairs never compared count as 0) reaches `MERGE_CUT`.
"""

from __future__ import annotations

import hashlib
import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from ..model import Article, Story, StoryTable
from ..text.words import Token, word_tokens, zipf

Progress = Callable[[int, int], bool]  # (done, total) -> keep going? as in core/ingest/loading.py

# How much each kind of feature counts against a content word (tuned on the odd ECB+ topics).
KIND_WEIGHTS = {"name": 2.0, "word": 1.0, "number": 0.5, "date": 2.0}
# Two groups of articles merge while the mean cosine of their pairs reaches this.
MERGE_CUT = 0.17
# Features shared by at most this many articles always make them candidates; more common
# ones do, rarest first, while the pairs they give stay within PAIR_BUDGET: a name in
# every story ("Reuters") would pair everything with everything, a big story's would not.
BLOCK_MAX_ARTICLES = 50
PAIR_BUDGET = 2_000_000
# Cosines of candidate pairs are computed this many pairs at a time, to bound memory.
PAIR_CHUNK = 20_000
# Words this common in general English (Zipf) never make candidates on their own.
BLOCK_MAX_ZIPF = 4.0
# Zipf frequencies at which a word's rarity weight is 0 (floored) and 1 (unseen).
RARITY_TOP = 7.0
RARITY_FLOOR = 1.0
MAX_NAME_WORDS = 4
LABEL_NAMES = 2
LABEL_SEPARATOR = " · "

_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_ABBREVIATIONS = {m[:3]: m for m in _MONTHS} | {"sept": "september"}
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True, slots=True)
class _Features:
    counts: Counter[tuple[str, str]]  # (kind, key) -> occurrences
    shown: dict[tuple[str, str], Counter[str]]  # how each feature was written, for labels


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
    vectors, vocabulary = _vectors([features[i] for i in order], weights)
    groups = _average_link(_candidates(vectors, vocabulary), cut)
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
    """Names, numbers, dates and content words of `article`, with how often each occurs."""
    counts: Counter[tuple[str, str]] = Counter()
    shown: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    spans = [(s.start, s.end) for s in article.sentences] or [(0, len(article.text))]
    tokenised = [
        (article.text, start, word_tokens(article.text[start:end])) for start, end in spans
    ]
    lowercase = {
        t.norm
        for text, start, tokens in tokenised
        for t in tokens
        if text[start + t.start].islower()
    }

    def add(kind: str, key: str, surface: str) -> None:
        counts[kind, key] += 1
        shown[kind, key][surface] += 1

    for text, start, tokens in tokenised:
        for run in _name_runs(text, start, tokens, lowercase):
            # Every part too: "President Xi Jinping" also gives "Xi Jinping" and "Jinping".
            for first in range(len(run)):
                for last in range(first, min(len(run), first + MAX_NAME_WORDS)):
                    written = text[start + run[first].start : start + run[last].end]
                    add("name", " ".join(t.norm for t in run[first : last + 1]), written)
        for kind, key, surface in _values(tokens, text, start):
            add(kind, key, surface)
        for t in tokens:
            if not t.stop and not t.norm[0].isdigit() and len(t.norm) > 2:
                add("word", t.stem, t.norm)
    return _Features(counts, dict(shown))


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


def _values(tokens: tuple[Token, ...], text: str, start: int) -> list[tuple[str, str, str]]:
    """Numbers ("6.1", "40"), years and calendar days ("march 3") of one sentence."""
    found = []
    for index, t in enumerate(tokens):
        month = _MONTH_ABBREVIATIONS.get(t.norm[:3]) if t.norm.startswith(_month_prefixes) else None
        if month and (t.norm == month or t.norm in _MONTH_ABBREVIATIONS or t.norm == "sept"):
            after = tokens[index + 1].norm if index + 1 < len(tokens) else ""
            if after.isdigit() and 1 <= int(after) <= 31:
                found.append(("date", f"{month} {int(after)}", f"{month.title()} {int(after)}"))
        elif t.norm[0].isdigit():
            surface = text[start + t.start : start + t.end]
            kind = "date" if _YEAR.fullmatch(t.norm) else "number"
            found.append((kind, t.norm, surface))
    return found


_month_prefixes = tuple(_MONTH_ABBREVIATIONS)


# --- vectors, candidates, clustering --------------------------------------------------


def _vectors(
    features: Sequence[_Features], weights: Mapping[str, float]
) -> tuple[sparse.csr_matrix, list[tuple[str, str]]]:
    """Rows of unit length: sublinear counts times smoothed inverse document frequency
    times the weight of the feature's kind."""
    index: dict[tuple[str, str], int] = {}
    rows, cols, counts = [], [], []
    for row, f in enumerate(features):
        for feature, count in f.counts.items():
            rows.append(row)
            cols.append(index.setdefault(feature, len(index)))
            counts.append(count)
    shape = (len(features), len(index))
    matrix = sparse.csr_matrix((counts, (rows, cols)), shape=shape, dtype=float)
    vocabulary = list(index)
    if not vocabulary:
        return matrix, vocabulary
    df = np.bincount(matrix.indices, minlength=len(index))
    idf = np.log((1 + len(features)) / (1 + df)) + 1.0
    kind = np.array([weights[k] for k, _ in vocabulary])
    # Rare in English counts more even where the folder is small ("Lohan" over "star").
    rarity = np.array([_rarity(k, key) for k, key in vocabulary])
    # What one article alone gives links it to nothing, yet would dilute its cosines.
    shared = (df >= 2) if len(features) > 1 else np.ones_like(df, dtype=bool)
    matrix.data = 1.0 + np.log(matrix.data)
    matrix = matrix.multiply(idf * kind * rarity * shared).tocsr()
    matrix.eliminate_zeros()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ matrix, vocabulary


def _rarity(kind: str, key: str) -> float:
    if kind in ("number", "date"):
        return 1.0
    words = key.split()
    return max(RARITY_FLOOR, sum(RARITY_TOP - zipf(w) for w in words) / len(words)) / RARITY_TOP


def _candidates(vectors: sparse.csr_matrix, vocabulary: list[tuple[str, str]]) -> sparse.coo_matrix:
    """Cosines of the article pairs sharing a rare name, number, date or rare word."""
    n = vectors.shape[0]
    if n < 2 or not vocabulary:
        return sparse.coo_matrix((n, n))
    present = (vectors > 0).astype(np.int32).tocsc()
    df = np.diff(present.indptr)
    blocking = np.array(
        [k != "word" or zipf(key) < BLOCK_MAX_ZIPF for k, key in vocabulary], dtype=bool
    )
    usable = _distinct_columns(present, np.flatnonzero(blocking & (df >= 2)))
    usable = usable[np.argsort(df[usable], kind="stable")]
    spent = np.cumsum(df[usable].astype(np.int64) * (df[usable] - 1) // 2)
    keep = usable[(df[usable] <= BLOCK_MAX_ARTICLES) | (spent <= PAIR_BUDGET)]
    shared = present[:, keep]
    pairs = sparse.triu(shared @ shared.T, k=1).tocoo()
    left, right = pairs.row, pairs.col
    cosines = np.concatenate(
        [np.zeros(0)]
        + [
            np.asarray(
                vectors[left[i : i + PAIR_CHUNK]]
                .multiply(vectors[right[i : i + PAIR_CHUNK]])
                .sum(axis=1)
            ).ravel()
            for i in range(0, len(left), PAIR_CHUNK)
        ]
    )
    return sparse.coo_matrix((cosines, (left, right)), shape=(n, n))


def _distinct_columns(present: sparse.csc_matrix, columns: np.ndarray) -> np.ndarray:
    """`columns` less those given by exactly the same articles as an earlier one: a
    story's names mostly come together, and their pairs are counted once."""
    seen: set[bytes] = set()
    kept = []
    for column in columns.tolist():
        rows = present.indices[present.indptr[column] : present.indptr[column + 1]].tobytes()
        if rows not in seen:
            seen.add(rows)
            kept.append(column)
    return np.array(kept, dtype=np.int64)


def _average_link(pairs: sparse.coo_matrix, cut: float) -> list[list[int]]:
    """Groups of row indices: average-link clustering over the compared pairs, stopped
    when no two groups reach `cut` on average. Each group's rows ascending; groups in
    order of their first row."""
    n = pairs.shape[0]
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    # Sum of cosines between two groups, each pair once, held by both sides.
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for i, j, s in zip(pairs.row.tolist(), pairs.col.tolist(), pairs.data.tolist(), strict=True):
        if s > 0:
            sums[i][j] = sums[j][i] = sums[i].get(j, 0.0) + s
    heap = [(-s, i, j) for i, row in sums.items() for j, s in row.items() if i < j and s >= cut]
    heapq.heapify(heap)
    while heap:
        negative, i, j = heapq.heappop(heap)
        if i not in members or j not in members:
            continue
        current = sums[i].get(j, 0.0) / (len(members[i]) * len(members[j]))
        if abs(current + negative) > 1e-12:  # stale: the groups changed since
            continue
        merged, gone = min(i, j), max(i, j)
        members[merged] = sorted(members[merged] + members.pop(gone))
        gone_row = sums.pop(gone, {})
        for other, s in gone_row.items():
            if other == merged:
                continue
            sums[other].pop(gone, None)
            total = sums[merged].get(other, 0.0) + s
            sums[merged][other] = sums[other][merged] = total
        sums[merged].pop(gone, None)
        for other, s in sums[merged].items():
            mean = s / (len(members[merged]) * len(members[other]))
            if mean >= cut:
                heapq.heappush(heap, (-mean, min(merged, other), max(merged, other)))
    return sorted(members.values())


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
    in general English; a name inside a longer chosen name is not repeated.
    """
    reach: Counter[tuple[str, str]] = Counter()
    shown: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for f in features:
        reach.update(f.counts.keys())
        for feature, surfaces in f.shown.items():
            shown[feature].update(surfaces)

    def rank(feature: tuple[str, str]) -> tuple:
        kind, key = feature
        words = key.split()
        rarity = sum(7.0 - zipf(w) for w in words) / len(words) + 0.5 * (len(words) - 1)
        return (-reach[feature] * (1.0 + 0.2 * rarity), key)

    names: list[str] = []
    for _kind, key in sorted((f for f in reach if f[0] == "name"), key=rank):
        if len(names) == LABEL_NAMES:
            break
        key = _fullest(key, reach)
        if any(key in chosen or chosen in key for chosen in names):
            continue
        names.append(key)

    def written(feature: tuple[str, str]) -> str:
        return min(shown[feature].items(), key=lambda item: (-item[1], item[0]))[0]

    # A word that is mostly written as a name ("Lohan") is already among the names.
    named = {key for kind, key in reach if kind == "name"}
    words = sorted((f for f in reach if f[0] == "word" and written(f) not in named), key=rank)

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
