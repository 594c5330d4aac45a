from hypothesis import given
from hypothesis import strategies as st

from corroborate.core.text.positions import Utf16Map


@given(st.text())
def test_round_trip_matches_utf16_encoding(text):
    m = Utf16Map(text)
    for i in range(len(text) + 1):
        expected = len(text[:i].encode("utf-16-le")) // 2
        assert m.to_utf16(i) == expected
        assert m.from_utf16(expected) == i


def test_emoji_shifts_later_positions():
    m = Utf16Map("a😀b")
    assert m.to_utf16(2) == 3 and m.from_utf16(3) == 2
