"""A large synthetic folder of news articles built from real sentences, for scale benchmarks.

Wordings come from the sample articles and, when the shared data folder is present
(`ROOT.parent / "shared" / "data"`), from the STS Benchmark news pairs and the Microsoft
Research Paraphrase Corpus, whose paraphrase pairs give two wordings of one fact. Articles
come in events of `ARTICLES_PER_EVENT`: each event has a pool of facts, each article
reports a random part of its event's pool, in its own order, every sentence perturbed
(words dropped, neighbours swapped, numbers changed) as outlets rephrase. Seeded: the same
arguments give the same articles.

`python -m tests.benchmarks.synthetic_folder OUT_DIR [N]` writes a folder to look at.
"""

from __future__ import annotations

import csv
import random
import re
import sys
from pathlib import Path

from corroborate.core.ingest.loading import load_paths
from corroborate.core.ingest.readers import content_id
from corroborate.core.model import Article, Sentence
from tests.conftest import ROOT, SEEDS

SHARED_DATA = ROOT.parent / "shared" / "data"
ARTICLES_PER_EVENT = 10
FACTS_PER_EVENT = 60
SENTENCES_PER_ARTICLE = 40
SENTENCES_PER_PARAGRAPH = 4
_NUMBER = re.compile(r"\d+")
_MIN_WORDS = 6


def fact_wordings(use_shared: bool = True) -> list[tuple[str, ...]]:
    """Facts as tuples of wordings: one for a seed sentence, two for a paraphrase pair."""
    facts: list[tuple[str, ...]] = []
    for article in load_paths([SEEDS]).articles:
        facts += [(s.text,) for s in article.sentences if len(s.text.split()) >= _MIN_WORDS]
    if use_shared and SHARED_DATA.is_dir():
        facts += _stsb_pairs(SHARED_DATA / "stsb" / "sts-train.csv")
        facts += _msrp_pairs(SHARED_DATA / "msrp" / "msr_paraphrase_train.txt")
    return facts


def _stsb_pairs(path: Path) -> list[tuple[str, ...]]:
    """News pairs; similar ones (score 4+) are two wordings, others two separate facts."""
    if not path.exists():
        return []
    out: list[tuple[str, ...]] = []
    with path.open(encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 7 or not row[0].startswith("main-news"):
                continue
            a, b = row[5].strip(), row[6].strip()
            out += [(a, b)] if float(row[4]) >= 4.0 else [(a,), (b,)]
    return [f for f in out if len(f[0].split()) >= _MIN_WORDS]


def _msrp_pairs(path: Path) -> list[tuple[str, ...]]:
    if not path.exists():
        return []
    out: list[tuple[str, ...]] = []
    with path.open(encoding="utf-8-sig") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows, None)
        for row in rows:
            if len(row) >= 5:
                a, b = row[3].strip(), row[4].strip()
                out += [(a, b)] if row[0] == "1" else [(a,), (b,)]
    return out


def perturb(sentence: str, rng: random.Random) -> str:
    """Reword a sentence a little: drop a few words, swap two neighbours, change numbers."""
    words = sentence.split()
    if len(words) > 8:
        drop = set(rng.sample(range(1, len(words) - 1), k=max(1, len(words) // 10)))
        words = [w for i, w in enumerate(words) if i not in drop]
    if len(words) > 4 and rng.random() < 0.4:
        i = rng.randrange(1, len(words) - 2)
        words[i], words[i + 1] = words[i + 1], words[i]
    text = " ".join(words)
    if rng.random() < 0.3:
        text = _NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(1, 9)), text)
    return text if text.endswith((".", "!", "?", '"')) else text + "."


def article_sentences(count: int, seed: int = 7, use_shared: bool = True) -> list[list[str]]:
    """The sentences of `count` articles: perturbed wordings of their event's facts."""
    rng = random.Random(seed)
    facts = fact_wordings(use_shared)
    events = max(1, count // ARTICLES_PER_EVENT)
    pools = [rng.sample(facts, k=min(FACTS_PER_EVENT, len(facts))) for _ in range(events)]
    texts: list[list[str]] = []
    for n in range(count):
        pool = pools[n % events]
        told = rng.sample(pool, k=min(SENTENCES_PER_ARTICLE, len(pool)))
        texts.append([perturb(rng.choice(wordings), rng) for wordings in told])
    return texts


def synthetic_articles(count: int, seed: int = 7, use_shared: bool = True) -> list[Article]:
    """Articles as the readers would give them, built with their sentence boundaries known.

    Skips the sentence splitter, which is measured elsewhere and is not what scales here.
    """
    articles = []
    for n, sentences in enumerate(article_sentences(count, seed, use_shared)):
        text, records = "", []
        for i, sentence in enumerate(sentences):
            paragraph = i // SENTENCES_PER_PARAGRAPH
            if i:
                text += "\n\n" if i % SENTENCES_PER_PARAGRAPH == 0 else " "
            records.append(Sentence(i, len(text), len(text) + len(sentence), sentence, paragraph))
            text += sentence
        name = f"article-{n + 1:04d}"
        articles.append(
            Article(content_id(text), f"{name}.txt", name, name, "txt", text, tuple(records))
        )
    return articles


def write_folder(folder: Path, count: int, seed: int = 7, use_shared: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for article in synthetic_articles(count, seed, use_shared):
        (folder / article.path).write_text(article.text + "\n", encoding="utf-8")
    return folder


if __name__ == "__main__":
    out = write_folder(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 100)
    print(f"wrote {out}")
