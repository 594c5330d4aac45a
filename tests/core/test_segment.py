import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.core.segment import split_sentences


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_offsets_slice_back_to_sentence_text(text):
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
        assert s.text.strip() == s.text and s.text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Mr. Lee went to Beijing.",
                "He met Xi!",
                "\n\n",
                "Was it?",
                " ",
                "U.S. officials said 3.5% growth.",
                "\n",
                "“Quote,” he said.",
            ]
        ),
        max_size=30,
    )
)
def test_no_word_is_lost_between_sentences(parts):
    text = "".join(parts)
    joined = "".join(s.text for s in split_sentences(text))
    assert joined.split() == [] or "".join(joined.split()) == "".join(text.split())


def test_sentences_split_and_paragraphs_counted():
    text = "BEIJING — Lee arrived on Sunday. He met Xi on Monday.\n\nA second paragraph here."
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "BEIJING — Lee arrived on Sunday.",
        "He met Xi on Monday.",
        "A second paragraph here.",
    ]
    assert [s.paragraph for s in sents] == [0, 0, 1]


def test_headline_on_its_own_line_is_its_own_sentence():
    text = "Lee Visits China\nSouth Korean President Lee arrived in Beijing. He stays four days."
    assert split_sentences(text)[0].text == "Lee Visits China"


# Pieces that trip up offset bookkeeping: every newline convention, tabs, wide characters.
_AWKWARD = st.sampled_from(
    [
        "\r\n",
        "\r",
        "\n",
        "\n\n",
        "\t",
        " ",
        "🎉",
        "👩‍👩‍👧",
        "é",
        "e\u0301",
        "…",
        "—",
        "Mr. ",
        "Nov. 18 ",
        "U.S. ",
        "...",
        "?!",
        "“",
        "”",
        "\u2028",
        "\x0c",
        "\ufeff",
        "Lee met Xi. ",
        "Prices rose 3.5%. ",
        "SEOUL (Yonhap) -- ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_AWKWARD, st.text(max_size=12)), max_size=40))
def test_offsets_hold_for_awkward_unicode_and_newlines(parts):
    # Broken: highlights land a few characters off after an emoji or a Windows newline.
    text = "".join(parts)
    sentences = split_sentences(text)
    for i, s in enumerate(sentences):
        assert s.index == i
        assert text[s.start : s.end] == s.text
        # Never a sentence of nothing but punctuation and spaces.
        assert any(unicodedata.category(ch)[0] not in "PZC" for ch in s.text)
        assert "\n" not in s.text and "\r" not in s.text
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)
    assert [s.paragraph for s in sentences] == sorted(s.paragraph for s in sentences)


def test_dateline_is_not_split_at_month_abbreviation():
    text = "SEOUL, Nov. 18 (Yonhap) -- President Lee left for Beijing. He returns Friday."
    assert [s.text for s in split_sentences(text)] == [
        "SEOUL, Nov. 18 (Yonhap) -- President Lee left for Beijing.",
        "He returns Friday.",
    ]


def test_dateline_on_its_own_line_stays_whole():
    text = "SEOUL, Nov. 18 (Yonhap) --\nPresident Lee left for Beijing."
    assert [s.text for s in split_sentences(text)] == [
        "SEOUL, Nov. 18 (Yonhap) --",
        "President Lee left for Beijing.",
    ]


def test_repeated_headline_lines_are_separate_sentences():
    text = "Lee Visits China\n\nLee Visits China\nLee arrived on Sunday."
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "Lee Visits China",
        "Lee Visits China",
        "Lee arrived on Sunday.",
    ]
    assert [s.paragraph for s in sents] == [0, 1, 1]
    assert sents[0].start != sents[1].start


def test_punctuation_only_pieces_are_dropped():
    # Broken: "***" separators show up as sentences that align with nothing.
    text = "Lee arrived.\n\n* * *\n\n—\n\nXi waited. ..."
    assert [s.text for s in split_sentences(text)] == ["Lee arrived.", "Xi waited."]
    assert [s.paragraph for s in split_sentences(text)] == [0, 3]


def test_windows_newlines_and_lone_carriage_returns_separate_paragraphs():
    text = "Headline\r\n\r\nFirst. Second.\rThird."
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["Headline", "First.", "Second.", "Third."]
    assert [s.paragraph for s in sents] == [0, 1, 1, 1]


def test_a_huge_single_line_splits_in_linear_time():
    # Broken: a file without line breaks freezes loading for minutes (pysbd is quadratic).
    import time

    sentence = "Lee met Mr. Xi in Beijing on Monday, officials said."
    text = " ".join([sentence] * 2000)
    start = time.perf_counter()
    sents = split_sentences(text)
    assert time.perf_counter() - start < 15
    assert [s.text for s in sents] == [sentence] * 2000


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(_AWKWARD, st.text(max_size=12)), max_size=40))
def test_offsets_hold_across_window_cuts(parts):
    import corroborate.core.segment as segment

    text = "".join(parts)
    saved = segment.WINDOW
    segment.WINDOW = 8  # force many windows on short text
    try:
        sentences = split_sentences(text)
    finally:
        segment.WINDOW = saved
    for s in sentences:
        assert text[s.start : s.end] == s.text and s.text.strip() == s.text
    for before, after in zip(sentences, sentences[1:], strict=False):
        assert before.end <= after.start  # in order, never overlapping
