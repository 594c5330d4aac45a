"""Run the product on hostile inputs in child processes bounded in memory and time.

One child reads many inputs in turn and reports each as a JSON line (see child.py).
A watchdog here kills the child when one input runs past its time limit, records that
input as a hang, and starts a new child for the inputs not read yet, so one hang costs
one case, not the batch.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import ROOT

# Address space of a child: enough for the product, small enough to stop a runaway.
ADDRESS_SPACE_BYTES = 2 * 1024**3
PEAK_LIMIT_MIB = 1024
POLL_SECONDS = 0.05
# Time for a child to start and import the readers before its first input.
STARTUP_SECONDS = 30.0


@dataclass
class Outcome:
    case: str
    outcome: str  # article, problem, loaded, imported, refused, exception, hang, crash
    seconds: float
    peak_mib: float
    reason: str = ""
    details: dict = field(default_factory=dict)

    def summary(self) -> str:
        return f"{self.case}: {self.outcome} after {self.seconds:.2f} s, {self.reason}".strip(", ")


@dataclass(frozen=True)
class Job:
    """One input for a child: the case name, the path to probe, its time limit."""

    case: str
    path: str
    seconds: float
    argv: tuple[str, ...] = ()  # for the command-line probe: the arguments after the program


def child_env(work: Path) -> dict[str, str]:
    """The product's user folders inside `work`, never the real user's."""
    env = dict(os.environ)
    env.update(
        PYTHONPATH=os.pathsep.join([str(ROOT / "desktop"), str(ROOT)]),
        CORROBORATE_DATA_DIR=str(work / "data"),
        CORROBORATE_CONFIG_DIR=str(work / "config"),
        CORROBORATE_CACHE_DIR=str(work / "cache"),
        XDG_CONFIG_HOME=str(work / "xdg-config"),
        XDG_DATA_HOME=str(work / "xdg-data"),
        QT_QPA_PLATFORM="offscreen",
        # One math thread: each thread reserves address space counted by RLIMIT_AS.
        OPENBLAS_NUM_THREADS="1",
        OMP_NUM_THREADS="1",
        PYTHONFAULTHANDLER="1",
    )
    return env


def limit_address_space(pid: int) -> None:
    """A runaway allocation in the child fails instead of filling the machine.

    Set from outside right after the start (Linux prlimit) rather than in a preexec_fn,
    which can deadlock when the test process runs threads; the child allocates nothing
    big in its first milliseconds.
    """
    with contextlib.suppress(ProcessLookupError):  # it already ended: nothing to bound
        resource.prlimit(pid, resource.RLIMIT_AS, (ADDRESS_SPACE_BYTES, ADDRESS_SPACE_BYTES))


def run_probe(probe: str, jobs: list[Job], work: Path) -> dict[str, Outcome]:
    """Probe every job, restarting the child after a hang or crash until all are done."""
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Outcome] = {}
    pending = list(jobs)
    attempt = 0
    while pending:
        attempt += 1
        results.update(_run_child(probe, pending, work, attempt))
        pending = [job for job in pending if job.case not in results]
    return results


def _run_child(probe: str, jobs: list[Job], work: Path, attempt: int) -> dict[str, Outcome]:
    spec = work / f"{probe}-{attempt}.spec.json"
    out = work / f"{probe}-{attempt}.out.jsonl"
    err = work / f"{probe}-{attempt}.stderr.txt"
    spec.write_text(
        json.dumps({"probe": probe, "work": str(work), "jobs": [vars(job) for job in jobs]})
    )
    out.write_text("")
    limits = {job.case: job.seconds for job in jobs}
    with open(err, "wb") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.hostile.child", str(spec), str(out)],
            cwd=ROOT,
            env=child_env(work),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    limit_address_space(proc.pid)
    results: dict[str, Outcome] = {}
    current: tuple[str, float] | None = None  # case started and not finished, since when
    launched = time.monotonic()
    offset = 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        offset, current = _collect(out, offset, current, results)
        if pid:
            break
        now = time.monotonic()
        if current is not None and now - current[1] > limits[current[0]]:
            case, started = current
            peak = _peak_mib_of(proc.pid)
            proc.send_signal(signal.SIGKILL)
            _, status, usage = os.wait4(proc.pid, 0)
            results[case] = Outcome(
                case, "hang", now - started, peak, f"still running after {limits[case]:g} s"
            )
            current = None
            break
        if current is None and not results and now - launched > STARTUP_SECONDS:
            proc.send_signal(signal.SIGKILL)
            _, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(POLL_SECONDS)
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    _, current = _collect(out, offset, current, results)
    if current is not None or not results:
        _record_crash(jobs, results, current, proc.returncode, usage.ru_maxrss / 1024, err)
    return results


def _collect(
    out: Path, offset: int, current: tuple[str, float] | None, results: dict[str, Outcome]
) -> tuple[int, tuple[str, float] | None]:
    """Read the child's new complete lines: a start opens a case, a record closes it."""
    with open(out, "rb") as fh:
        fh.seek(offset)
        chunk = fh.read()
    end = chunk.rfind(b"\n") + 1
    for line in chunk[:end].splitlines():
        record = json.loads(line)
        if record.pop("event") == "start":
            current = (record["case"], time.monotonic())
            continue
        case = record.pop("case")
        results[case] = Outcome(
            case=case,
            outcome=record.pop("outcome"),
            seconds=record.pop("seconds"),
            peak_mib=record.pop("peak_mib"),
            reason=record.pop("reason", ""),
            details=record,
        )
        current = None
    return offset + end, current


def _record_crash(
    jobs: list[Job],
    results: dict[str, Outcome],
    current: tuple[str, float] | None,
    returncode: int,
    peak_mib: float,
    err: Path,
) -> None:
    tail = err.read_text(errors="replace").strip().splitlines()[-1:] or [""]
    reason = f"the child process died (exit status {returncode}): {tail[0][:300]}"
    if current is not None:
        case, started = current
        results[case] = Outcome(case, "crash", time.monotonic() - started, peak_mib, reason)
        return
    # It died before its first input: every input of this child is reported, not retried.
    for job in jobs:
        results.setdefault(job.case, Outcome(job.case, "crash", 0.0, peak_mib, reason))


def _peak_mib_of(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_cli(args: list[str], work: Path, seconds: float) -> subprocess.CompletedProcess | None:
    """`corroborate-cli ARGS` as a user runs it, bounded like the children; None on a hang.

    Output is encoded strictly, as Python does in a UTF-8 desktop locale; in the C
    locale it would pass undecodable file names through and hide their failure.
    """
    with subprocess.Popen(
        [sys.executable, "-m", "corroborate.cli", *args],
        cwd=ROOT / "desktop",
        env={**child_env(work), "PYTHONIOENCODING": "utf-8:strict"},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        limit_address_space(proc.pid)
        try:
            stdout, stderr = proc.communicate(timeout=seconds)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            return None
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)
