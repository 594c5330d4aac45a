"""Links and rejections made by hand, laid over the automatic alignment.

If these break, a pair the user linked does not show as matched, a rejected pair comes
back, or a sentence is listed twice (or not at all) in the Compare tab.
"""

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from corroborate.core.annotations.anchoring import quote_sentence
from corroborate.core.annotations.corrections import (
    apply_corrections,
    placed_links,
    sentence_at,
    sentence_pairs,
)
from corroborate.core.model import Alignment, Article, LinkKind, ManualLink, Match, Sentence


def _article(name: str, sentences: list[str]) -> Article:
    text, parts = "", []
    for i, s in enumerate(sentences):
        parts.append(Sentence(i, len(text), len(text) + len(s), s, i))
        text += s + " "
    return Article(name, f"/news/{name}.txt", name, name.upper(), "txt", text, tuple(parts))


A = _article("a", ["A0 one.", "A1 two.", "A2 three.", "A3 four."])
B = _article("b", ["B0 one.", "B1 two.", "B2 three.", "B3 four.", "B4 five."])
# A0-B0, A1-(B1, B2) one-to-many; A2, A3 and B3, B4 unmatched.
AUTOMATIC = Alignment(
    A, B, 20.0, (Match((0,), (0,), 70.0), Match((1,), (1, 2), 55.0)), (2, 3), (3, 4)
)


def _covers_every_sentence_once(alignment: Alignment) -> None:
    seen_a = [i for m in alignment.matches for i in m.a] + list(alignment.only_a)
    seen_b = [j for m in alignment.matches for j in m.b] + list(alignment.only_b)
    assert sorted(seen_a) == list(range(len(alignment.a.sentences)))
    assert sorted(seen_b) == list(range(len(alignment.b.sentences)))


def test_linking_two_unmatched_sentences_makes_them_a_scored_match():
    corrected = apply_corrections(AUTOMATIC, {(2, 3)}, set(), score=lambda i, j: 12.5)
    assert Match((2,), (3,), 12.5) in corrected.matches
    assert corrected.only_a == (3,) and corrected.only_b == (4,)
    assert [m.a[0] for m in corrected.matches] == sorted(m.a[0] for m in corrected.matches)
    _covers_every_sentence_once(corrected)


def test_rejecting_a_one_to_one_match_leaves_both_sentences_unmatched():
    corrected = apply_corrections(AUTOMATIC, set(), {(0, 0)})
    assert all(m.a != (0,) for m in corrected.matches)
    assert 0 in corrected.only_a and 0 in corrected.only_b
    _covers_every_sentence_once(corrected)


def test_rejecting_one_partner_of_a_group_keeps_the_other_with_its_score():
    corrected = apply_corrections(AUTOMATIC, set(), {(1, 2)})
    assert Match((1,), (1,), 55.0) in corrected.matches
    assert 2 in corrected.only_b
    _covers_every_sentence_once(corrected)


def test_a_link_takes_its_sentences_out_of_their_old_matches():
    corrected = apply_corrections(AUTOMATIC, {(0, 2)}, set())
    assert Match((0,), (2,), 0.0) in corrected.matches
    assert Match((1,), (1,), 55.0) in corrected.matches  # B2 left the group
    assert 0 in corrected.only_b  # B0 lost its partner
    _covers_every_sentence_once(corrected)


def test_no_corrections_and_unknown_sentences_change_nothing():
    assert apply_corrections(AUTOMATIC, set(), set()) == AUTOMATIC
    assert apply_corrections(AUTOMATIC, {(9, 0), (0, 9)}, {(7, 7)}) == AUTOMATIC


@given(
    st.sets(st.tuples(st.integers(0, 3), st.integers(0, 4)), max_size=4),
    st.sets(st.tuples(st.integers(0, 3), st.integers(0, 4)), max_size=4),
)
def test_any_corrections_list_every_sentence_exactly_once(links, rejections):
    corrected = apply_corrections(AUTOMATIC, links, rejections)
    _covers_every_sentence_once(corrected)
    together = {(i, j) for m in corrected.matches for i in m.a for j in m.b}
    assert links <= together
    # A rejected pair never comes back from the aligner's matches.
    automatic = {(i, j) for m in AUTOMATIC.matches for i in m.a for j in m.b}
    linked_sentences = {("a", i) for i, _ in links} | {("b", j) for _, j in links}
    for i, j in (rejections - links) & automatic:
        if ("a", i) not in linked_sentences and ("b", j) not in linked_sentences:
            assert (i, j) not in together


def test_stored_links_resolve_to_sentence_pairs_either_way_round():
    def link(kind, sa, sb, flip=False):
        ta, tb = quote_sentence(A, A.sentences[sa]), quote_sentence(B, B.sentences[sb])
        return ManualLink(kind, *((tb, ta) if flip else (ta, tb)), created="2026-01-01T00:00:00Z")

    other = _article("c", ["C0 one."])
    elsewhere = ManualLink(
        LinkKind.LINKED,
        quote_sentence(other, other.sentences[0]),
        quote_sentence(B, B.sentences[0]),
        created="2026-01-01T00:00:00Z",
    )
    links = [
        link(LinkKind.LINKED, 2, 3),
        link(LinkKind.REJECTED, 1, 2, flip=True),
        elsewhere,
    ]
    assert sentence_pairs(links, A, B) == ({(2, 3)}, {(1, 2)})
    assert sentence_pairs(links, B, A) == ({(3, 2)}, {(2, 1)})
    assert sentence_at(quote_sentence(A, A.sentences[1]), B) is None


# --- links follow the text after a file was edited ----------------------------------


def _link(kind: LinkKind, a: Article, i: int, b: Article, j: int) -> ManualLink:
    return ManualLink(
        kind, quote_sentence(a, a.sentences[i]), quote_sentence(b, b.sentences[j]), "2026"
    )


def _edited(article: Article, sentences: list[str]) -> Article:
    """The same file (path and source) saved again with other text: a new content id."""
    new = _article(article.id + "-edited", sentences)
    return Article(
        new.id, article.path, article.title, article.source, "txt", new.text, new.sentences
    )


def test_an_unchanged_folder_places_each_link_where_it_was_made():
    link = _link(LinkKind.LINKED, A, 2, B, 3)
    ((stored, placed),) = placed_links([link], [A, B])
    assert stored == link and placed.key == link.key
    assert sentence_pairs([placed], A, B) == ({(2, 3)}, set())


def test_a_link_follows_its_sentence_when_a_paragraph_is_added_above_it():
    link = _link(LinkKind.LINKED, A, 2, B, 3)
    edited_a = _edited(A, ["A new first paragraph.", "A0 one.", "A1 two!", "A2 three.", "A3 four."])
    ((stored, placed),) = placed_links([link], [edited_a, B])
    assert stored == link, "the stored link must stay as it was made"
    assert sentence_pairs([placed], edited_a, B) == ({(3, 3)}, set())
    assert placed.a.exact == "A2 three."


def test_a_rejection_survives_a_reworded_sentence():
    long_a = _article(
        "la", ["The minister arrived in Seoul on Tuesday for a four-day visit.", "X."]
    )
    long_b = _article(
        "lb", ["The minister landed in Seoul on Tuesday for a three-day visit.", "Y."]
    )
    link = _link(LinkKind.REJECTED, long_a, 0, long_b, 0)
    edited_b = _edited(
        long_b, ["The minister landed in Seoul on Tuesday, for a three-day visit.", "Y."]
    )
    ((_, placed),) = placed_links([link], [long_a, edited_b])
    assert sentence_pairs([placed], long_a, edited_b) == (set(), {(0, 0)})


def test_a_link_to_a_deleted_sentence_is_not_shown_but_stays_stored():
    link = _link(LinkKind.LINKED, A, 2, B, 3)
    edited_a = _edited(A, ["A0 one.", "A1 two.", "A3 four."])
    assert placed_links([link], [edited_a, B]) == []


def test_links_of_another_folder_are_not_placed_here():
    link = _link(LinkKind.LINKED, A, 2, B, 3)
    other = _article("c", ["C0 one.", "C1 two."])
    assert placed_links([link], [other]) == []


def test_of_two_links_landing_on_the_same_sentences_the_newer_counts():
    edited_a = _edited(A, ["A new first paragraph.", "A0 one.", "A1 two!", "A2 three.", "A3 four."])
    before_edit = _link(LinkKind.LINKED, A, 2, B, 3)
    after_edit = replace(_link(LinkKind.REJECTED, edited_a, 3, B, 3), created="2027")
    placed = placed_links([after_edit, before_edit], [edited_a, B])
    assert [stored for stored, _ in placed] == [before_edit, after_edit]  # oldest first
    assert sentence_pairs([p for _, p in placed], edited_a, B) == (set(), {(3, 3)})
