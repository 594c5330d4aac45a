"""Every command, against every state the annotation store can be found in: one line on
stderr and a non-zero exit where the store is needed and cannot be used, success where
it is not needed (or only read and still readable), and never a traceback.

If these break, a script that calls corroborate-cli gets a traceback, a zero exit after
a failed import, or a message blaming the wrong file ("could not write r.html" when the
data folder was the problem).
"""

import subprocess
import sys

import pytest

from corroborate.cli import EXIT_BROKEN_PIPE, main
from corroborate.core.annotations.edits import new_annotation
from corroborate.core.annotations.export import write_json
from corroborate.core.model import Status
from tests.cli.process import run_cli
from tests.conftest import ROOT
from tests.core.annotations.store_states import STATES, build, fingerprint, release_locks, target


@pytest.fixture(autouse=True)
def _locks_released():
    yield
    release_locks()


@pytest.fixture
def inputs(tmp_path):
    """Two short articles and an annotations file to import, outside the data folder."""
    news = tmp_path / "news"
    news.mkdir()
    (news / "wire.txt").write_text("Xi hosted Lee in Beijing. They signed 14 agreements.\n")
    (news / "paper.txt").write_text("Lee met Xi in Beijing. The two signed 14 deals.\n")
    incoming = tmp_path / "incoming.json"
    write_json(incoming, [new_annotation(Status.AGREED, [target(1), target(1, "b2")])])
    return news, incoming


# Each command, and whether it needs to read or to write the store ("names": it reads
# the names given to sources when it can, and says so in one line when it cannot).
COMMANDS = {
    "load": (lambda news, out, incoming: ["load", str(news)], "names"),
    "align": (
        lambda news, out, incoming: ["align", str(news / "wire.txt"), str(news / "paper.txt")],
        None,
    ),
    "facts": (lambda news, out, incoming: ["facts", str(news)], "names"),
    "facts --report": (
        lambda news, out, incoming: ["facts", str(news), "--report", str(out / "r.html")],
        "reads",
    ),
    "annotations export": (
        lambda news, out, incoming: ["annotations", "export", "--json", str(out / "a.json")],
        "reads",
    ),
    "annotations import": (
        lambda news, out, incoming: ["annotations", "import", str(incoming)],
        "writes",
    ),
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("state", STATES, ids=lambda s: s.name)
def test_every_command_fails_in_one_line_only_where_it_needs_the_store(
    state, command, inputs, tmp_path, capsys, monkeypatch
):
    news, incoming = inputs
    out = tmp_path / "out"
    out.mkdir()
    path = build(state, monkeypatch)
    arguments, needs = COMMANDS[command]
    works = needs is None or (state.saves if needs == "writes" else state.readable)

    status = main(arguments(news, out, incoming))

    err = capsys.readouterr().err
    assert "Traceback" not in err
    if needs == "names" and not works:  # the articles all the same, with a word why
        assert status == 0 and err.count("\n") == 1 and "names given in the window" in err
        assert path.name in err or str(path.parent) in err
        return
    if works:
        assert status == 0 and err == ""
        return
    assert status != 0
    assert err.endswith("\n") and err.count("\n") == 1, err  # one line
    assert path.name in err or str(path.parent) in err  # the store, not the report
    assert not list(out.iterdir())  # nothing half-written


def test_an_unexpected_error_is_one_line_not_a_traceback(monkeypatch, inputs, capsys):
    def broken(*args, **kwargs):
        raise ValueError("no such thing\non two lines")

    monkeypatch.setattr("corroborate.cli.load.load_paths", broken)
    assert main(["load", str(inputs[0])]) == 1
    assert capsys.readouterr().err == (
        "corroborate-cli: an unexpected error: ValueError: no such thing on two lines\n"
    )


# --- end to end: the real entry point in a new process ----------------------------------


def by_name(name):
    return next(s for s in STATES if s.name == name)


def test_a_damaged_store_stops_an_export_with_one_line(monkeypatch, tmp_path):
    build(by_name("random bytes"), monkeypatch)
    done = run_cli("annotations", "export", "--json", str(tmp_path / "a.json"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert "annotations.sqlite3 is damaged" in done.stderr


def test_a_data_folder_that_is_a_file_is_named_instead_of_the_report(monkeypatch, tmp_path, inputs):
    path = build(by_name("data folder is a file"), monkeypatch)
    done = run_cli("facts", str(inputs[0]), "--report", str(tmp_path / "r.html"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "r.html" not in done.stderr and f"data folder {path.parent} is a file" in done.stderr


def test_importing_into_another_programs_file_leaves_it_untouched(monkeypatch, inputs):
    path = build(by_name("foreign sqlite in wal mode"), monkeypatch)
    before = fingerprint(path)
    done = run_cli("annotations", "import", str(inputs[1]))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "belongs to another program" in done.stderr
    assert fingerprint(path) == before


def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path):
    news = tmp_path / "many"
    news.mkdir()
    for n in range(60):  # far more than a pipe holds, so the writer meets the closed end
        (news / f"a{n}.txt").write_text(f"Story {n}. " + "The talks went on. " * 200)
    proc = subprocess.Popen(
        [sys.executable, "-m", "corroborate.cli", "load", str(news)],
        cwd=ROOT / "desktop",
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout.readline().strip() == b"{"
    proc.stdout.close()  # as `| head -1` does
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=60) == EXIT_BROKEN_PIPE
    assert err == ""
