"""One hostile input, what must happen to it, and the verdict on what did."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .harness import PEAK_LIMIT_MIB, Outcome

LIGHT_SECONDS = 5.0
SLOW_SECONDS = 20.0  # per slow input, on a busy two-core machine

ARTICLE, PROBLEM, EITHER = "article", "problem", "either"
IMPORTED, REFUSED = "imported", "refused"
_ALLOWED = {
    ARTICLE: {"article"},
    PROBLEM: {"problem"},
    IMPORTED: {"imported"},
    REFUSED: {"refused"},
}

# Which child probe runs a family: read one file, load a folder, import annotations.
FAMILY_PROBES = {
    "special": "read",
    "zip": "read",
    "slow": "read",
    "size": "read",
    "encoding": "read",
    "names": "load",
    "annotations": "import",
}

Check = Callable[[Outcome], str | None]


@dataclass(frozen=True)
class Case:
    name: str  # "family/label"; for files the label is also the file name
    build: Callable[[Path], Path]  # makes the input at the path given; returns what to probe
    why: str  # what a person would notice if this case broke
    expect: str = EITHER
    seconds: float = LIGHT_SECONDS
    heavy: bool = False  # a child process of its own (bombs, files of 15 MB and more)
    check: Check | None = None

    @property
    def family(self) -> str:
        return self.name.split("/", 1)[0]

    @property
    def label(self) -> str:
        return self.name.split("/", 1)[1]

    @property
    def probe(self) -> str:
        return FAMILY_PROBES[self.family]


def failures(case: Case, got: Outcome) -> list[str]:
    """Every way `got` falls short of what `case` demands; empty when it passed."""
    if got.outcome in {"hang", "crash", "exception"}:
        return [f"{got.outcome}: {got.reason}"]
    found = []
    if got.seconds > case.seconds:
        found.append(f"took {got.seconds:.1f} s, the limit is {case.seconds:g} s")
    if got.peak_mib > PEAK_LIMIT_MIB:
        found.append(f"peak memory {got.peak_mib:.0f} MiB, the limit is {PEAK_LIMIT_MIB} MiB")
    allowed = _ALLOWED.get(case.expect)
    if allowed is not None and got.outcome not in allowed:
        found.append(f"expected {case.expect}, got {got.outcome}: {got.reason}")
    if got.outcome in {"problem", "refused"} and not got.reason.strip():
        found.append(f"{got.outcome} without a reason a person can read")
    if got.outcome == "article":
        if not got.details.get("offsets_ok"):
            found.append("sentence offsets do not point at the sentence text")
        if not got.details.get("utf8_ok"):
            found.append("the text holds lone surrogates: saving or exporting it would fail")
    if case.check is not None:
        message = case.check(got)
        if message:
            found.append(message)
    return found


# --- the command line -----------------------------------------------------------------


def message_failures(
    label: str, code: object, stderr: str, stdout_is_json: bool, load: bool
) -> list[str]:
    """What a user of the command would find wrong with this run."""
    found = []
    if "Traceback" in stderr or '\n  File "' in stderr:
        found.append(f"a traceback on stderr: {stderr[-300:]!r}")
    if code not in (0, 1):
        found.append(f"exit status {code}")
    lines = stderr.strip().splitlines()
    if code == 1 and not lines:
        found.append("failed without saying why")
    if load:
        if code != 0:
            found.append(f"load exits {code}: a bad file is a problem in the output, not a failure")
        if lines:
            found.append(f"load wrote to stderr: {stderr[:200]!r}")
    else:
        stray = [line for line in lines if label not in line and "corroborate-cli" not in line]
        if stray:
            found.append(f"stderr lines that name neither the file nor the command: {stray[:3]}")
    if code == 0 and not stdout_is_json:
        found.append("stdout is not JSON")
    return found


def command_failures(case: Case, got: Outcome) -> list[str]:
    """What is wrong with `corroborate-cli` run on the case's input (probe "cli")."""
    if got.outcome != "exited":
        return [f"{got.outcome}: {got.reason}"]
    details = got.details
    return message_failures(
        Path(case.label).name,
        details["code"],
        details["stderr"],
        details["stdout_json"],
        load=case.probe != "import",
    )


# --- reusable checks ------------------------------------------------------------------


def text_has(*words: str) -> Check:
    """The article's opening text contains every word: it was decoded correctly."""

    def check(got: Outcome) -> str | None:
        if got.outcome != "article":
            return None
        text = got.details.get("head", "") + got.details.get("tail", "")
        missing = [w for w in words if w not in text]
        return f"the text lost {missing}: it begins {text[:80]!r}" if missing else None

    return check


def text_lacks(*fragments: str) -> Check:
    def check(got: Outcome) -> str | None:
        text = got.details.get("head", "") + got.details.get("tail", "")
        present = [f for f in fragments if f in text]
        return f"the text shows {present}" if present else None

    return check


def reason_mentions(*words: str) -> Check:
    def check(got: Outcome) -> str | None:
        if any(w in got.reason.lower() for w in words):
            return None
        return f"the reason {got.reason!r} does not say {' or '.join(map(repr, words))}"

    return check


def at_most_chars(limit: int) -> Check:
    def check(got: Outcome) -> str | None:
        chars = got.details.get("chars", 0)
        return f"the text grew to {chars:,} characters" if chars > limit else None

    return check


def all_of(*checks: Check) -> Check:
    def check(got: Outcome) -> str | None:
        messages = [m for m in (c(got) for c in checks) if m]
        return "; ".join(messages) or None

    return check
