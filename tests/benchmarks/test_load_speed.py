from tests.benchmarks.load_timing import measure


def test_reopening_a_folder_is_fast_because_sentences_are_cached():
    # Broken: every start re-runs the sentence splitter, and a folder reopens slowly.
    cold, warm = measure(runs=3)
    print(f"\nload seeds/: cold median {cold * 1000:.0f} ms, warm median {warm * 1000:.0f} ms")
    assert warm < cold / 5
