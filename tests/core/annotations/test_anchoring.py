"""Annotations stay on their sentence when files are moved or edited.

If these break, a user who edits or moves an article sees annotations on the wrong
sentence, or loses sight of them.
"""

import shutil

import pytest

from corroborate.core.annotations.anchoring import (
    CONTEXT_CHARS,
    anchor_in,
    orphans,
    quote,
    quote_sentence,
    reanchor,
    reanchor_annotation,
    relocated,
)
from corroborate.core.annotations.edits import new_annotation
from corroborate.core.ingest.loading import load_paths
from corroborate.core.ingest.readers import read_article
from corroborate.core.model import Anchoring, Status

SENTENCE = (
    "The trip, the first by a South Korean president to Beijing in six years, follows large "
    "Chinese military drills around Taiwan that Seoul declined to condemn."
)


@pytest.fixture
def folder(tmp_path, seeds_dir):
    copy = tmp_path / "before"
    shutil.copytree(seeds_dir, copy)
    return copy


def crbc(articles):
    return next(a for a in articles if a.path.endswith("crbc-news.txt"))


def annotated_target(folder):
    article = crbc(load_paths([folder]).articles)
    sentence = next(s for s in article.sentences if s.text == SENTENCE)
    return article, quote_sentence(article, sentence)


def test_quote_records_the_span_and_its_context(folder):
    article, target = annotated_target(folder)
    assert article.text[target.start : target.end] == target.exact == SENTENCE
    assert target.article == article.id and target.source == "CRBC News"
    assert len(target.prefix) == len(target.suffix) == CONTEXT_CHARS
    assert article.text.endswith(target.suffix, 0, target.end + CONTEXT_CHARS)
    assert article.text[target.start - CONTEXT_CHARS : target.start] == target.prefix


def test_moved_folder_reattaches_exactly_with_the_new_path(folder, tmp_path):
    _, target = annotated_target(folder)
    moved = folder.rename(tmp_path / "elsewhere")
    anchor = reanchor(target, load_paths([moved]).articles)
    assert anchor.how == Anchoring.EXACT
    assert anchor.placed.article == target.article  # content hash did not change
    assert anchor.placed.path.startswith(str(moved))
    assert (anchor.placed.start, anchor.placed.exact) == (target.start, SENTENCE)


def test_paragraph_inserted_before_moves_the_anchor(folder):
    article, target = annotated_target(folder)
    inserted = "An editor's note added later, well before the sentence.\n\n"
    path = folder / "crbc-news.txt"
    text = path.read_text(encoding="utf-8")
    where = text.index(SENTENCE)
    path.write_text(text[:where] + inserted + text[where:], encoding="utf-8")

    edited = load_paths([folder]).articles
    anchor = reanchor(target, edited)
    assert crbc(edited).id != article.id  # the edit changed the content id
    assert anchor.how == Anchoring.MOVED
    assert anchor.placed.article == crbc(edited).id
    assert anchor.placed.exact == SENTENCE
    assert anchor.placed.start == target.start + len(inserted)


def test_changed_punctuation_reattaches_fuzzily_to_the_whole_sentence(folder):
    _, target = annotated_target(folder)
    path = folder / "crbc-news.txt"
    changed = SENTENCE.replace("The trip,", "The trip \u2014").replace("years,", "years \u2014")
    path.write_text(path.read_text(encoding="utf-8").replace(SENTENCE, changed), "utf-8")

    anchor = reanchor(target, load_paths([folder]).articles)
    assert anchor.how == Anchoring.FUZZY
    assert anchor.placed.exact == changed
    assert 85 <= anchor.score < 100


def test_deleted_sentence_is_an_orphan_that_is_kept(folder):
    article, target = annotated_target(folder)
    other_article = load_paths([folder]).articles[1]
    other = quote_sentence(other_article, other_article.sentences[5])
    path = folder / "crbc-news.txt"
    path.write_text(path.read_text(encoding="utf-8").replace(SENTENCE, ""), "utf-8")

    annotation = new_annotation(Status.DISPUTED, [target, other], note="check")
    anchors = reanchor_annotation(annotation, load_paths([folder]).articles)
    assert [a.how for a in anchors] == [Anchoring.ORPHAN, Anchoring.EXACT]
    assert orphans(anchors) == (target,)
    kept = relocated(annotation, anchors)
    assert kept.targets[0] == target  # the orphan is neither dropped nor changed
    assert kept.targets[1] == anchors[1].placed


def test_repeated_quote_is_placed_by_its_context(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(
        "Officials met on Monday. No deal was reached. Talks resumed on Tuesday in Seoul. "
        "No deal was reached. Both sides left."
    )
    article = read_article(path)
    second = article.text.rindex("No deal was reached.")
    target = quote(article, second, second + len("No deal was reached."))

    path.write_text("Updated. " + article.text)  # both copies shift; the id changes
    anchor = reanchor(target, [read_article(path)])
    assert anchor.how == Anchoring.MOVED
    assert anchor.placed.start == second + len("Updated. ")
    assert anchor.placed.suffix.startswith(" Both sides left.")


def test_renamed_and_edited_file_is_found_by_quote_search(folder):
    article, target = annotated_target(folder)
    original = folder / "crbc-news.txt"
    renamed = folder / "korea-visit-story.txt"
    renamed.write_text("Lead added.\n\n" + original.read_text(encoding="utf-8"), "utf-8")
    original.unlink()

    articles = load_paths([folder]).articles
    assert all(a.source != target.source for a in articles)  # nothing to match by name
    anchor = reanchor(target, articles)
    assert anchor.how == Anchoring.MOVED
    assert anchor.placed.path == str(renamed)
    assert anchor.placed.source == "CRBC News"  # the label travels with the annotation


def test_a_merely_similar_sentence_elsewhere_is_not_taken_for_the_quote(folder):
    _, target = annotated_target(folder)
    others = [a for a in load_paths([folder]).articles if not a.path.endswith("crbc-news.txt")]
    # Other sources paraphrase the same trip, but none has this sentence.
    assert reanchor(target, others).how == Anchoring.ORPHAN


def test_anchor_in_prefers_the_old_position_when_text_is_unchanged(folder):
    article, target = annotated_target(folder)
    anchor = anchor_in(target, article)
    assert (anchor.how, anchor.placed) == (Anchoring.EXACT, target)


def test_fuzzy_search_in_unrelated_articles_can_be_skipped(folder):
    _, target = annotated_target(folder)
    original = folder / "crbc-news.txt"
    changed = SENTENCE.replace("The trip,", "The trip;")
    text = "Lead added.\n\n" + original.read_text(encoding="utf-8").replace(SENTENCE, changed)
    (folder / "korea-visit-story.txt").write_text(text, "utf-8")
    original.unlink()
    articles = load_paths([folder]).articles

    assert reanchor(target, articles).how == Anchoring.FUZZY
    assert reanchor(target, articles, fuzzy_everywhere=False).how == Anchoring.ORPHAN
