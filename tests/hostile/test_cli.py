"""`corroborate-cli load` and `annotations import` on hostile inputs: a message, never a traceback.

Most inputs run through `main` inside one child per family (a process each would cost
half a second apiece); a few run as the real command, through real pipes.
"""

import json
from pathlib import Path

import pytest

from .case import command_failures, message_failures
from .harness import run_cli
from .make_names import seed_names
from .suite import ALL_CASES, CASES, CLI_CASES, slug

REAL_PROCESS_IMPORTS = (
    "annotations/fifo.json",
    "annotations/nested-arrays-100000.json",
    "annotations/lone-surrogate-note.json",
    "annotations/offset-10e30.json",
    "annotations/status-list.json",
)
REAL_SECONDS = 60.0


@pytest.mark.parametrize("case", CLI_CASES, ids=lambda case: f"cli/{case.name}")
def test_command_on_a_hostile_input_exits_with_a_message(hostile, case):
    """A traceback, a hang or several lines of noise where one sentence should say
    what is wrong with the file would leave a script or a user guessing."""
    got = hostile.cli_outcomes(case.family)[f"cli/{case.family}/{case.label}"]
    problems = command_failures(case, got)
    if problems:
        pytest.fail(f"{case.why}: {'; '.join(problems)}", pytrace=False)


def _decoded(done) -> tuple[str, str]:
    return done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")


def test_real_command_loads_the_mixed_folder_and_prints_the_seeds(hostile, tmp_path):
    """The folder of every light hostile file, loaded by the real command through a pipe:
    a hang or a traceback here is what a script using the command would hit."""
    done = run_cli(["load", str(hostile.mixed_folder())], tmp_path, REAL_SECONDS)
    assert done is not None, f"still running after {REAL_SECONDS:g} s"
    stdout, stderr = _decoded(done)
    assert not message_failures("", done.returncode, stderr, _is_json(stdout), load=True)
    loaded = {Path(a["path"]).name for a in json.loads(stdout)["articles"]}
    assert seed_names() <= loaded


def test_real_command_prints_odd_file_names_through_a_pipe(hostile, tmp_path):
    """A name that is not UTF-8 or holds a newline must not stop `load` printing the rest."""
    folders = [str(hostile.input_for(case)) for case in ALL_CASES if case.family == "names"]
    done = run_cli(["load", *folders], tmp_path, REAL_SECONDS)
    assert done is not None, f"still running after {REAL_SECONDS:g} s"
    stdout, stderr = _decoded(done)
    problems = message_failures("", done.returncode, stderr, _is_json(stdout), load=True)
    assert not problems, problems


@pytest.mark.parametrize("name", REAL_PROCESS_IMPORTS)
def test_real_command_imports_or_refuses_a_hostile_annotation_file(hostile, tmp_path, name):
    """The real `annotations import` on the nastiest files: one line, never a traceback."""
    case = CASES[name]
    done = run_cli(["annotations", "import", str(hostile.input_for(case))], tmp_path, 30)
    assert done is not None, f"{name}: still running after 30 s"
    stdout, stderr = _decoded(done)
    problems = message_failures(case.label, done.returncode, stderr, _is_json(stdout), False)
    assert not problems, f"{slug(name)}: {problems}"


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True
