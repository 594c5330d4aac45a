from corroborate.core.text.folding import contains, find_all, fold


def test_accents_case_and_curly_quotes_are_ignored():
    text = "Lee said: “We won’t change course” in São Paulo."
    assert [text[a:b] for a, b in find_all(text, "won't")] == ["won’t"]
    assert [text[a:b] for a, b in find_all(text, "sao paulo")] == ["São Paulo"]
    assert [text[a:b] for a, b in find_all(text, '"we')] == ["“We"]


def test_hits_are_offsets_of_the_original_text_after_characters_that_fold_longer():
    # "ﬁ" folds to two letters and "ß" to "ss": later offsets must still be the text's.
    text = "ﬁrst Straße, then Strasse again"
    hits = find_all(text, "strasse")
    assert [text[a:b] for a, b in hits] == ["Straße", "Strasse"]
    assert [text[a:b] for a, b in find_all(text, "first")] == ["ﬁrst"]


def test_every_occurrence_left_to_right_and_blank_queries_find_nothing():
    text = "four-day visit; a four–day trip"  # a hyphen, then an en dash
    assert len(find_all(text, "four-day")) == 2
    assert find_all(text, "   ") == [] and not contains(text, "")
    assert fold("ÉCONOMIE") == "economie"
