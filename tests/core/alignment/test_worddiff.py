"""Word differences inside a pair: what the compare view highlights.

If these broke, highlights would be misplaced or cut text off (offsets not covering the
sentences), or flag changes that are only capitals or curly quotes.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.core.alignment.word_diff import DiffOp, word_diff
from corroborate.core.text.words import word_tokens


def norms(text: str) -> list[str]:
    return [t.norm for t in word_tokens(text)]


def assert_covers(a: str, b: str, ops: tuple[DiffOp, ...]) -> None:
    if not a and not b:
        assert ops == ()
        return
    assert ops[0].a_start == 0 and ops[0].b_start == 0
    assert ops[-1].a_end == len(a) and ops[-1].b_end == len(b)
    for before, after in zip(ops, ops[1:], strict=False):
        assert before.a_end == after.a_start and before.b_end == after.b_start
    for op in ops:
        assert op.kind in {"equal", "insert", "delete", "replace"}
        assert op.a_start <= op.a_end and op.b_start <= op.b_end
        if op.kind == "equal":
            assert norms(a[op.a_start : op.a_end]) == norms(b[op.b_start : op.b_end])


def test_changed_number_is_a_replacement_between_equal_words():
    a = "Lee began a four-day visit to China."
    b = "Lee began a three-day visit to China!"
    ops = word_diff(a, b)
    assert_covers(a, b, ops)
    changed = [(a[o.a_start : o.a_end], b[o.b_start : o.b_end]) for o in ops if o.kind != "equal"]
    assert changed == [("four-", "three-")]


def test_case_and_curly_quotes_are_equal():
    a = "Lee’s “one-China” stance"
    b = 'LEE\'S "one-china" stance'
    assert [o.kind for o in word_diff(a, b)] == ["equal"]


def test_added_and_dropped_words_are_inserts_and_deletes():
    a = "Lee met Xi in Beijing."
    b = "Lee met President Xi."
    ops = word_diff(a, b)
    assert_covers(a, b, ops)
    kinds = {o.kind: (a[o.a_start : o.a_end], b[o.b_start : o.b_end]) for o in ops}
    assert kinds["insert"] == ("", "President ")
    assert kinds["delete"] == ("in Beijing.", "")


def test_a_side_without_words_is_one_operation():
    assert word_diff("", "") == ()
    assert word_diff("...", "Lee met Xi.") == (DiffOp("insert", 0, 3, 0, 11),)
    assert word_diff("Lee met Xi.", "") == (DiffOp("delete", 0, 11, 0, 0),)


text = st.text(alphabet=st.sampled_from("ab Xi’'.,-\u00e9 1"), max_size=40)


@settings(max_examples=200, deadline=None)
@given(text, text)
def test_operations_cover_both_strings_in_order(a, b):
    assert_covers(a, b, word_diff(a, b))
