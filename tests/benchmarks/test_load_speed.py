from tests.benchmarks.load_timing import measure, measure_large


def test_reopening_a_folder_is_fast_because_sentences_are_cached():
    # Broken: every start re-runs the sentence splitter, and a folder reopens slowly.
    cold, warm = measure(runs=3)
    print(f"\nload seeds/: cold median {cold * 1000:.0f} ms, warm median {warm * 1000:.0f} ms")
    assert warm < cold / 5


def test_a_large_folder_loads_in_half_the_time_pysbd_alone_takes():
    # Broken: opening 1,000 articles for the first time keeps the user waiting as long
    # as (or longer than) pysbd takes on one core, as it did before (1.27x).
    cold, anchor = measure_large(1000)
    print(f"\nload 1,000 articles cold: {cold:.2f} s, pysbd alone {anchor:.2f} s")
    assert cold <= 0.5 * anchor
