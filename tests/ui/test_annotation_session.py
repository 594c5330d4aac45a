"""The window's annotation session over edited files, without the window."""

from dataclasses import replace

from corroborate.core.annotations.anchoring import quote_sentence
from corroborate.core.annotations.store import Store
from corroborate.core.model import LinkKind
from corroborate.ui.state.annotation_session import AnnotationSession
from tests.core.annotations.test_corrections import A, B, _edited, _link


def test_forgetting_a_link_forgets_the_older_one_on_the_same_sentences_too(qtbot, tmp_path):
    """A link made before a file was edited and a rejection made after land on the same
    pair: the rejection shows, and clearing it must not bring the old link back."""
    edited_a = _edited(A, ["A new first paragraph.", "A0 one.", "A1 two!", "A2 three.", "A3 four."])
    before_edit = _link(LinkKind.LINKED, A, 2, B, 3)
    after_edit = replace(_link(LinkKind.REJECTED, edited_a, 3, B, 3), created="2027")
    store = Store(tmp_path / "store.sqlite3")
    store.set_link(after_edit.a, after_edit.b, after_edit.kind)
    store.set_link(before_edit.a, before_edit.b, before_edit.kind)
    store._conn.execute(
        "UPDATE manual_links SET created = '2020' WHERE key = ?", (before_edit.key,)
    )
    session = AnnotationSession(store=store)
    try:
        session.set_articles([edited_a, B])
        assert session.links_between(edited_a, B) == (set(), {(3, 3)})
        pair = quote_sentence(edited_a, edited_a.sentences[3]), quote_sentence(B, B.sentences[3])
        session.set_link(*pair, None)
        assert session.links_between(edited_a, B) == (set(), set()), "the old link came back"
        assert store.links() == ()
        assert session.undo_stack.undoText() == "Forget link"  # as the Edit menu names it
        session.undo()  # one step brings both back
        assert session.links_between(edited_a, B) == (set(), {(3, 3)})
        assert len(store.links()) == 2
    finally:
        session.close()
