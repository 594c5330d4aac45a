"""Every hostile case, built and probed on demand, each family's light cases in one child.

Shared by the tests (one Suite per test session) and by `python -m tests.hostile.report`.
"""

from __future__ import annotations

import shutil
import traceback
from pathlib import Path

from tests.conftest import SEEDS

from .case import LIGHT_SECONDS, Case
from .cases_annotations import ANNOTATION_CASES
from .cases_files import FILE_CASES
from .cases_folders import FOLDER_CASES
from .harness import Job, Outcome, run_probe

ALL_CASES: list[Case] = [*FILE_CASES, *FOLDER_CASES, *ANNOTATION_CASES]
CASES = {case.name: case for case in ALL_CASES}
# The watchdog's margin over a case's limit: past the limit the case fails anyway, the
# margin only tells a slow input from one that never ends.
GRACE_SECONDS = 1.0
MIXED_SECONDS = 60.0


def slug(name: str) -> str:
    return name.replace("/", "__")


def is_light(case: Case) -> bool:
    return not case.heavy and case.seconds <= LIGHT_SECONDS


def in_mixed_folder(case: Case) -> bool:
    """Light article files: all of them together must still let the sample articles load."""
    return case.probe == "read" and is_light(case)


# The command runs on every light input of these families (slow ones are timed by their probes).
CLI_FAMILIES = ("special", "zip", "size", "encoding", "names", "annotations")
CLI_CASES = [c for c in ALL_CASES if c.family in CLI_FAMILIES and is_light(c)]


class Suite:
    """Inputs built under `root` when first needed; each outcome probed once and kept."""

    def __init__(self, root: Path, keep_inputs: bool = False) -> None:
        self.root = root
        self.keep_inputs = keep_inputs
        self._inputs: dict[str, Path | str] = {}  # the path to probe, or why it was not built
        self._results: dict[str, Outcome] = {}

    # --- inputs ---------------------------------------------------------------------

    def input_for(self, case: Case) -> Path | str:
        if case.name not in self._inputs:
            self._inputs[case.name] = self._build(case, self.root / "inputs" / slug(case.name))
        return self._inputs[case.name]

    @staticmethod
    def _build(case: Case, folder: Path) -> Path | str:
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            if case.probe == "load":  # the case is a whole folder
                return case.build(folder)
            folder.mkdir()
            return case.build(folder / case.label)
        except Exception as exc:
            return f"could not build the input: {type(exc).__name__}: {exc}\n" + (
                traceback.format_exc(limit=3)
            )

    # --- outcomes -------------------------------------------------------------------

    def outcome(self, case: Case) -> Outcome:
        if case.name not in self._results:
            batch = [case] if case.heavy else self._light_batch(case)
            self._results.update(self._probe(case.probe, batch, slug(case.name)))
            if case.heavy and not self.keep_inputs:  # tens of megabytes each, needed once
                shutil.rmtree(self.root / "inputs" / slug(case.name), ignore_errors=True)
        return self._results[case.name]

    def _light_batch(self, case: Case) -> list[Case]:
        return [
            c
            for c in ALL_CASES
            if c.family == case.family and not c.heavy and c.name not in self._results
        ]

    def _probe(self, probe: str, cases: list[Case], batch: str) -> dict[str, Outcome]:
        results: dict[str, Outcome] = {}
        jobs = []
        for case in cases:
            built = self.input_for(case)
            if isinstance(built, str):
                results[case.name] = Outcome(case.name, "unbuilt", 0.0, 0.0, built)
            else:
                jobs.append(Job(case.name, str(built), case.seconds + GRACE_SECONDS))
        if jobs:
            results.update(run_probe(probe, jobs, self.root / "work" / batch))
        return results

    # --- the folder of everything ----------------------------------------------------

    def mixed_folder(self) -> Path:
        folder = self.root / "mixed"
        if not folder.exists():
            folder.mkdir(parents=True)
            for seed in SEEDS.glob("*.txt"):
                shutil.copy(seed, folder / seed.name)
            for case in filter(in_mixed_folder, FILE_CASES):
                self._build(case, folder / f"{case.family}-{case.label}")
        return folder

    def mixed_outcome(self) -> Outcome:
        key = "folders/mixed"
        if key not in self._results:
            job = Job(key, str(self.mixed_folder()), MIXED_SECONDS)
            self._results.update(run_probe("load", [job], self.root / "work" / "mixed"))
        return self._results[key]

    # --- the command line, in one child per family ------------------------------------

    def cli_outcomes(self, family: str) -> dict[str, Outcome]:
        """`annotations import FILE` for annotation cases, `load PATH` for the others.

        Light cases only: the slow ones are timed by their probes already.
        """
        key = f"cli/{family}"
        cases = [c for c in ALL_CASES if c.family == family and is_light(c)]
        if not any(f"{key}/{c.label}" in self._results for c in cases):
            jobs = []
            for case in cases:
                built = self.input_for(case)
                if isinstance(built, str):
                    continue
                argv = ("annotations", "import", str(built))
                if family != "annotations":
                    argv = ("load", str(built))
                limit = case.seconds + GRACE_SECONDS
                jobs.append(Job(f"{key}/{case.label}", str(built), limit, argv))
            self._results.update(run_probe("cli", jobs, self.root / "work" / slug(key)))
        return {name: got for name, got in self._results.items() if name.startswith(key + "/")}

    def all_outcomes(self) -> dict[str, Outcome]:
        for case in ALL_CASES:
            self.outcome(case)
        return {name: self._results[name] for name in CASES}
