"""A large mixed folder of synthetic news stories, for the stories-and-facts benchmark.

Like `synthetic_folder`, articles are real sentences (the seeds, and the STS-B and MSRP
news pairs when the shared data folder is present) recombined and perturbed as outlets
rephrase; here they come in stories of very different sizes, as a newsroom's folder
does: many stories of one or a few articles, some of dozens (1 to `MAX_STORY`, about a
quarter of them single articles). Each story has its own pool of facts and its own dates,
and each article is written by one of `OUTLETS`. Seeded: the same arguments give the
same articles.

`python -m tests.benchmarks.story_folder OUT_DIR [N]` writes a folder to look at.
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

from corroborate.core.ingest.readers import content_id
from corroborate.core.model import Article, Sentence
from tests.benchmarks.synthetic_folder import SENTENCES_PER_PARAGRAPH, fact_wordings, perturb

MAX_STORY = 60
SENTENCES_PER_ARTICLE = 30
FACTS_PER_STORY = 45
OUTLETS = tuple(
    "Daily Ledger, Morning Post, City Herald, Wire Service, Evening Standard, Coast Times, "
    "National Observer, Metro News, Valley Tribune, Harbour Gazette, Capital Review, "
    "Northern Echo".split(", ")
)
_FIRST_DAY = date(2025, 1, 1)


def story_sizes(count: int, rng: random.Random) -> list[int]:
    """Sizes of the stories of `count` articles: skewed towards small ones."""
    sizes: list[int] = []
    while sum(sizes) < count:
        sizes.append(1 + int((MAX_STORY - 1) * rng.random() ** 3))
    sizes[-1] -= sum(sizes) - count
    return sizes


def story_articles(count: int, seed: int = 11, use_shared: bool = True) -> list[Article]:
    """`count` articles of many stories, shuffled as a folder listing mixes them, with
    their sentence boundaries given (the splitter is measured elsewhere)."""
    rng = random.Random(seed)
    facts = fact_wordings(use_shared)
    articles: list[Article] = []
    for story, size in enumerate(story_sizes(count, rng)):
        pool = rng.sample(facts, k=min(FACTS_PER_STORY, len(facts)))
        day = _FIRST_DAY + timedelta(days=rng.randrange(365))
        for _ in range(size):
            told = rng.sample(pool, k=min(SENTENCES_PER_ARTICLE, len(pool)))
            sentences = [perturb(rng.choice(wordings), rng) for wordings in told]
            published = (day + timedelta(days=rng.randrange(3))).isoformat()
            articles.append(_article(sentences, rng.choice(OUTLETS), published, story))
    rng.shuffle(articles)
    return articles


def _article(sentences: list[str], outlet: str, published: str, story: int) -> Article:
    text, records = "", []
    for i, sentence in enumerate(sentences):
        if i:
            text += "\n\n" if i % SENTENCES_PER_PARAGRAPH == 0 else " "
        start = len(text)
        records.append(
            Sentence(i, start, start + len(sentence), sentence, i // SENTENCES_PER_PARAGRAPH)
        )
        text += sentence
    name = f"story-{story + 1:04d}-{content_id(text)[:8]}"
    return Article(
        content_id(text), f"{name}.txt", name, outlet, "txt", text, tuple(records), published
    )


def write_folder(folder: Path, count: int, seed: int = 11) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for article in story_articles(count, seed):
        header = f"---\noutlet: {article.source}\ndate: {article.published}\n---\n"
        (folder / article.path).write_text(header + article.text + "\n", encoding="utf-8")
    return folder


if __name__ == "__main__":
    out = write_folder(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 200)
    print(f"wrote {out}")
