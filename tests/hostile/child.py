"""The child side of the harness: run one probe on many inputs, one JSON line each.

`python -m tests.hostile.child SPEC OUT` writes {"event": "start", "case": ...} before
each input and the outcome after it, flushed at once, so the parent knows which input
was running when the child had to be killed. Peak memory is per input: the kernel's
high-water mark is reset before each one.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import time
import traceback
from pathlib import Path
from typing import Any

EXCERPT = 300


def main() -> None:
    spec = json.loads(Path(sys.argv[1]).read_text())
    work = Path(spec["work"])
    probe = PROBES[spec["probe"]]
    if probe is not probe_selftest:
        _preload()
    with open(sys.argv[2], "a", encoding="utf-8") as out:
        for job in spec["jobs"]:
            _emit(out, {"event": "start", "case": job["case"]})
            _reset_peak()
            resident_before = _resident_mib()
            started = time.perf_counter()
            try:
                record = probe(job, work / _slug(job["case"]))
            except BaseException as exc:  # the harness reports it; the next input still runs
                record = {
                    "outcome": "exception",
                    "reason": f"{type(exc).__name__}: {str(exc)[:EXCERPT]}",
                    "traceback": traceback.format_exc()[-2000:],
                }
            record.update(
                event="done",
                case=job["case"],
                seconds=time.perf_counter() - started,
                peak_mib=_peak_mib(),
                # Memory kept from earlier inputs of this child counts in the peak too.
                resident_before_mib=resident_before,
            )
            _emit(out, record)


def _preload() -> None:
    """Import the readers' libraries first, as the running app has: inputs are timed alone."""
    import charset_normalizer  # noqa: F401
    import docx  # noqa: F401
    import markdown_it  # noqa: F401
    import pypdf  # noqa: F401
    import trafilatura  # noqa: F401

    from corroborate.core.ingest import loading, readers  # noqa: F401
    from corroborate.core.ingest.segment import split_sentences

    split_sentences("Warm up. The segmenter loads its rules once.")


def _emit(out, record: dict) -> None:
    out.write(json.dumps(record) + "\n")
    out.flush()


def _slug(case: str) -> str:
    return case.replace("/", "__")


def _reset_peak() -> None:
    # Linux: writing 5 resets VmHWM to the current resident size. Where that fails, the
    # peak covers earlier inputs too: an upper bound.
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _status_mib(field: str) -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _peak_mib() -> float:
    peak = _status_mib("VmHWM")
    if peak is None:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return peak


def _resident_mib() -> float:
    return _status_mib("VmRSS") or 0.0


# --- probes -------------------------------------------------------------------------


def probe_read(job: dict, _scratch: Path) -> dict:
    from corroborate.core.ingest.readers import read_article
    from corroborate.core.model import LoadProblem

    item = read_article(job["path"])
    if isinstance(item, LoadProblem):
        return {"outcome": "problem", "reason": item.reason, "skipped": _skipped(item)}
    return {"outcome": "article", **article_summary(item)}


def article_summary(article: Any) -> dict:
    text = article.text
    return {
        "title": article.title,
        "source": article.source,
        "format": article.format,
        "chars": len(text),
        "sentence_count": len(article.sentences),
        "offsets_ok": all(text[s.start : s.end] == s.text for s in article.sentences),
        "utf8_ok": _encodes(text) and _encodes(article.title) and _encodes(article.source),
        "head": text[:EXCERPT],
        "tail": text[-EXCERPT:],
    }


def _encodes(text: str) -> bool:
    """False for lone surrogates, which neither SQLite nor a UTF-8 file can hold."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _skipped(problem: Any) -> bool | None:
    # None until LoadProblem has the field: the tests then say so instead of crashing.
    return getattr(problem, "skipped", None)


def probe_load(job: dict, _scratch: Path) -> dict:
    from corroborate.core.ingest.loading import load_paths

    result = load_paths([job["path"]])
    return {
        "outcome": "loaded",
        "cancelled": result.cancelled,
        "articles": [
            {"name": Path(a.path).name, "title": a.title, "sentence_count": len(a.sentences)}
            for a in result.articles
        ],
        "problems": [
            {"name": Path(p.path).name, "reason": p.reason, "skipped": _skipped(p)}
            for p in result.problems
        ],
    }


def probe_import(job: dict, scratch: Path) -> dict:
    """Import into a fresh store, then read the store back and export it, as a user would."""
    from corroborate.core.annotations.export import write_json
    from corroborate.core.annotations.store import Store

    import_json, format_error = _importer()
    scratch.mkdir(parents=True, exist_ok=True)
    with Store(scratch / "annotations.sqlite3") as store:
        try:
            report = import_json(store, job["path"])
        except (format_error, OSError) as exc:
            record = {"outcome": "refused", "reason": str(exc)}
        else:
            record = {"outcome": "imported", **_import_counts(report)}
        stored = store.annotations()
        record["stored_ids"] = sorted(a.id for a in stored)[:50]
        record["stored_count"] = len(stored)
        write_json(scratch / "export.json", stored)  # what the user does next
    return record


def _importer() -> tuple[Any, type[Exception]]:
    try:  # the importer has its own module since the annotation import was reworked
        from corroborate.core.annotations.importing import AnnotationFormatError, import_json
    except ImportError:
        from corroborate.core.annotations.export import AnnotationFormatError, import_json
    return import_json, AnnotationFormatError


def _import_counts(report: Any) -> dict:
    if isinstance(report, tuple):  # (added, updated, unchanged) before the rework
        added, updated, unchanged = report
        problems: list[str] = []
    else:
        added, updated, unchanged = report.added, report.updated, report.unchanged
        problems = [str(p) for p in getattr(report, "problems", ())]
    return {
        "added": added,
        "updated": updated,
        "unchanged": unchanged,
        "item_problems": problems[:20],
        "reason": f"added {added}, updated {updated}, unchanged {unchanged}, "
        f"{len(problems)} items refused",
    }


def probe_cli(job: dict, scratch: Path) -> dict:
    """`corroborate-cli ARGV` in this process, with stdout and stderr as a pipe has them.

    Much cheaper than a process per input; an exception escaping `main` is exactly what
    would print a traceback from the real command.
    """
    import os
    from contextlib import redirect_stderr, redirect_stdout

    from corroborate.cli import main as cli_main

    scratch.mkdir(parents=True, exist_ok=True)
    os.environ["CORROBORATE_DATA_DIR"] = str(scratch / "data")  # a fresh store per input
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # strict, as for a pipe
    stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
    record: dict[str, Any] = {}
    try:
        with redirect_stdout(stdout), redirect_stderr(stderr):
            try:
                code = cli_main(list(job["argv"]))
            except SystemExit as exc:
                code = exc.code
            stdout.flush()
    except Exception as exc:
        code = 1
        record = {
            "outcome": "traceback",
            "reason": f"{type(exc).__name__}: {str(exc)[:EXCERPT]}",
            "traceback": traceback.format_exc()[-2000:],
        }
    stderr.flush()
    err = stderr.buffer.getvalue().decode("utf-8", "replace")
    record.setdefault("outcome", "exited")
    record.setdefault("reason", err.strip()[:EXCERPT])
    record.update(code=code, stderr=err[-2000:], stdout_json=_is_json(stdout.buffer.getvalue()))
    return record


def _is_json(data: bytes) -> bool:
    try:
        json.loads(data)
    except ValueError:
        return False
    return True


def probe_selftest(job: dict, _scratch: Path) -> dict:
    """Misbehaviour on request, so the harness's own bounds can be shown to work."""
    import os

    action = job["path"]
    if action == "sleep":
        time.sleep(3600)
    elif action == "allocate":  # past the address-space limit: MemoryError, not a full machine
        bytearray(4 * 1024**3)
    elif action == "abort":
        os.abort()
    elif action == "touch":  # 300 MiB really resident, so the peak must show it
        block = bytearray(300 * 1024**2)
        block[::4096] = b"x" * len(block[::4096])
    return {"outcome": "problem", "reason": action}


PROBES = {
    "read": probe_read,
    "load": probe_load,
    "import": probe_import,
    "cli": probe_cli,
    "selftest": probe_selftest,
}


if __name__ == "__main__":
    main()
