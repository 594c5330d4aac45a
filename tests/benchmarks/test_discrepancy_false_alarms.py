"""False alarms of the discrepancy finder on honest paraphrases (MSRP train).

Each MSRP pair is compared as two one-sentence articles. Pairs labelled paraphrase say
the same thing, so a flag there is most often a false alarm (some loose paraphrases do
state different numbers); pairs labelled not paraphrase are shown for contrast.
Skipped when the shared data folder is absent. If the rate rose, users would be pestered
with differences that are not there.
"""

import hashlib

import pytest

from corroborate.core.checks.discrepancy import find_discrepancies
from corroborate.core.ingest.segment import split_sentences
from corroborate.core.model import Article
from tests.benchmarks.test_similarity_quality import DATA, read_tsv

MAX_PARAPHRASE_FLAG_RATE = 0.05
# Opposite claims ("rose" against "fell") on pairs that say the same thing: nearly never.
MAX_PARAPHRASE_OPPOSITION_RATE = 0.005

pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason="shared data folder absent")


def _article(text: str, source: str) -> Article:
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    return Article(digest, f"{source}.txt", source, source, "txt", text, split_sentences(text))


def _kinds(text_a: str, text_b: str) -> set[str]:
    a, b = _article(text_a, "Alpha"), _article(text_b, "Beta")
    every_a, every_b = tuple(range(len(a.sentences))), tuple(range(len(b.sentences)))
    return {d.kind for d in find_discrepancies(a, every_a, b, every_b)}


def test_msrp_paraphrases_rarely_get_a_flag():
    rows = list(read_tsv(DATA / "msrp" / "msr_paraphrase_train.txt", skip_header=True))
    rates, opposed = {}, {}
    for label, name in (("1", "paraphrase"), ("0", "not paraphrase")):
        found = [_kinds(r[3], r[4]) for r in rows if r[0] == label]
        flagged = sum(bool(kinds) for kinds in found)
        opposite = sum("opposition" in kinds for kinds in found)
        rates[name], opposed[name] = flagged / len(found), opposite / len(found)
        print(f"\nMSRP train, {name}: {flagged} of {len(found)} pairs flagged "
              f"({100 * rates[name]:.1f} %), {opposite} as opposite claims "
              f"({100 * opposed[name]:.2f} %)")  # fmt: skip
    assert rates["paraphrase"] <= MAX_PARAPHRASE_FLAG_RATE
    assert rates["paraphrase"] < rates["not paraphrase"]
    assert opposed["paraphrase"] <= MAX_PARAPHRASE_OPPOSITION_RATE
    assert opposed["paraphrase"] < opposed["not paraphrase"]
