"""Folders whose trick is a name: each loaded with `load_paths` as the app opens a folder."""

from __future__ import annotations

from . import make_names as names
from . import make_special as special
from .case import Case, Outcome

SEEDS_SECONDS = 1.0


def _named(got: Outcome, kind: str, name: str) -> dict | None:
    return next((item for item in got.details.get(kind, ()) if item["name"] == name), None)


def _companion_loaded(got: Outcome) -> str | None:
    if _named(got, "articles", names.COMPANION) is None:
        return "the ordinary article beside it did not load"
    return None


def reported_as_skipped(name: str):
    """The file is listed as skipped (LoadProblem.skipped), never dropped without a word."""

    def check(got: Outcome) -> str | None:
        if _named(got, "articles", name) is not None:
            return f"{name} was loaded as an article"
        problem = _named(got, "problems", name)
        if problem is None:
            return f"{name} was skipped silently: the folder's problems do not list it"
        if problem["skipped"] is None:
            return "LoadProblem has no `skipped` field: a skipped file looks like a broken one"
        if problem["skipped"] is not True:
            return f"{name} is listed as a broken file, not as skipped: {problem['reason']!r}"
        return _companion_loaded(got)

    return check


def loads_as_article(name: str | bytes):
    shown = name if isinstance(name, str) else name.decode("utf-8", "surrogateescape")

    def check(got: Outcome) -> str | None:
        if _named(got, "articles", shown) is None:
            problem = _named(got, "problems", shown)
            because = f": {problem['reason']}" if problem else ", and it is not listed at all"
            return f"the article named {shown!r} did not load{because}"
        return _companion_loaded(got)

    return check


def seeds_load(*not_articles: str):
    def check(got: Outcome) -> str | None:
        loaded = {a["name"] for a in got.details.get("articles", ())}
        missing = names.seed_names() - loaded
        if missing:
            return f"sample articles missing: {sorted(missing)}"
        wrong = [name for name in not_articles if name in loaded]
        return f"loaded as articles: {wrong}" if wrong else None

    return check


def _pipes(folder):
    special.fifo(folder / "pipe.txt")
    special.fifo(folder / "pipe.md")


_NOTES = "# About this folder\n\nArticles collected on 5 January 2026 for the comparison.\n"
_ODD_NAMES: tuple[tuple[str, str | bytes], ...] = (
    ("newline", "two\nlines.txt"),
    ("long-ascii", "x" * 251 + ".txt"),
    ("long-multibyte", "é" * 125 + ".txt"),
    ("markup", "<img src=x onerror=alert(1)>.txt"),
    ("rtl-override", "invoice\u202etxt.exe.txt"),
    ("not-utf8", b"caf\xe9.txt"),
    ("leading-dash", "-rf.txt"),
    ("only-spaces", "   .txt"),
)

# First in its family, so the sample articles are split cold, not from the memory cache.
FOLDER_CASES = [
    Case(
        "names/pipes-beside-seeds",
        names.seeds_beside(_pipes),
        "named pipes in the folder must not hold up the articles beside them",
        seconds=SEEDS_SECONDS,
        check=seeds_load(),
    ),
    *(
        Case(
            f"names/{label}",
            names.folder_notes(name, _NOTES),
            f"{name} beside the articles must be listed as skipped, not vanish unexplained",
            check=reported_as_skipped(name),
        )
        for label, name in (
            ("readme", "README.md"),
            ("notes", "notes.txt"),
            ("licence", "LICENSE"),
            ("changelog", "CHANGELOG.md"),
        )
    ),
    *(
        Case(
            f"names/{label}",
            names.article_named(name),
            "an article with an odd file name is still an article",
            check=loads_as_article(name),
        )
        for label, name in _ODD_NAMES
    ),
    Case(
        "names/report-beside-seeds",
        names.seeds_beside(names.corroborate_report),
        "a Corroborate report saved in the folder would show up as one more outlet",
        check=seeds_load("corroborate-report.html"),
    ),
]
