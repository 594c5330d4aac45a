"""The bounds every hostile case relies on: a hang is cut short, memory is capped, a
crash is pinned on its input, and peak memory is measured per input."""

from .harness import Job, run_probe


def test_harness_cuts_hangs_caps_memory_and_pins_crashes_on_their_input(tmp_path):
    """Without these bounds a hostile file would freeze or exhaust the test machine
    instead of failing its own case, and the figures in the report would be wrong."""
    jobs = [
        Job("touch", "touch", 20),
        Job("quiet", "quiet", 20),
        Job("sleep", "sleep", 1),
        Job("allocate", "allocate", 20),
        Job("abort", "abort", 20),
        Job("after", "quiet", 20),
    ]
    got = run_probe("selftest", jobs, tmp_path)
    assert got["touch"].peak_mib >= 300
    assert got["quiet"].peak_mib < got["touch"].peak_mib - 200  # the peak is per input
    assert got["sleep"].outcome == "hang" and got["sleep"].seconds < 5
    assert got["allocate"].outcome == "exception" and "MemoryError" in got["allocate"].reason
    assert got["abort"].outcome == "crash"
    assert got["after"].outcome == "problem"  # a new child carried on after the crash
