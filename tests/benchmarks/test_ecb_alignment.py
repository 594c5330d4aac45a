"""Sentence alignment on ECB+ articles nobody here wrote, beside a token_set_ratio anchor.

Corroborate's `align` (default threshold, one corpus per event folder and per topic
folder) against a rapidfuzz best-partner matcher whose cut makes the same number of
predictions; see tests/quality/ecb_alignment.py for the definitions. Skipped when the
shared data folder is absent. Prints the table; asserts only that the figures are sane,
not a target: if recall or precision dropped here, the compare view would pair fewer of
the sentences that real outlets wrote about one event.
"""

import pytest

from tests.quality import ecb_alignment

pytestmark = pytest.mark.skipif(not ecb_alignment.available(), reason="ECB+ data absent")


@pytest.fixture(scope="module")
def measurement(tmp_path_factory):
    # Built before the per-test temporary folders are set: keep the sentence cache of
    # these articles out of the user's cache folder here.
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CORROBORATE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        return ecb_alignment.measure()


def test_ecb_alignment_measures(measurement):
    print("\n" + ecb_alignment.format_measurement(measurement))
    assert measurement.docs == 413
    assert measurement.gold_pairs == 5139
    assert measurement.kept + measurement.rebuilt == measurement.docs
    for row in measurement.rows:
        s = row.score
        assert 0 < s.recall <= 1, row
        assert 0 < s.precision <= 1, row
        assert 0 < s.f1 <= 1, row
        assert s.correct <= s.judged <= s.predicted, row


def test_anchor_matches_prediction_count(measurement):
    for row in measurement.rows:
        ours = measurement.row(row.folder, row.half, "corroborate").score
        assert row.score.predicted == ours.predicted, row
        assert row.score.gold == ours.gold, row


def test_halves_partition_the_pairs(measurement):
    for folder in ("event", "topic"):
        whole, odd, even = (
            measurement.row(folder, half, "corroborate").score for half in ("all", "odd", "even")
        )
        assert odd.gold + even.gold == whole.gold
        assert odd.predicted + even.predicted == whole.predicted
