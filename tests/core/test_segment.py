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
