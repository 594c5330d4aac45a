"""`corroborate-cli annotations export|import`: annotations to CSV or JSON and back.

    annotations export [FOLDER] --csv OUT [--status S] [--bom] [--metadata]
                                                   (OUT.xlsx: a workbook)
    annotations export [FOLDER] --json OUT [--status S]
    annotations import FILE.json [--folder FOLDER]

Both use the annotation store in the user data folder (CORROBORATE_DATA_DIR overrides
it). With FOLDER, only annotations on the articles in that folder are exported, found
by content like the window finds them (so a moved or edited file still counts), and
their offsets and file names are those of the files as they are now; with --metadata,
each side's publication date, byline and address, read from those files, follow the
other columns. On import, the
targets of other tools' annotations are matched to the articles in FOLDER, by file
address or by quote; unmatched ones are kept and listed as not found in the window.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from dataclasses import asdict

from ..core.annotations.anchoring import annotations_on
from ..core.annotations.export import STATUS_FILTERS, selected, write_json
from ..core.annotations.importing import AnnotationFormatError, read_json
from ..core.annotations.spreadsheet import write_spreadsheet
from ..core.annotations.store import Store, StoreUnavailable, default_path
from ..core.annotations.table_rows import ArticleMetadata, article_metadata
from ..core.ingest.loading import LoadResult, load_paths
from .load import print_json


def folder_metadata(folder: str, loaded: LoadResult) -> ArticleMetadata:
    """The metadata columns' values from the folder's articles; when none could be read,
    one line says so (and why, when one reason is known) and the columns stay empty."""
    if not loaded.articles:
        why = f" ({loaded.problems[0].reason})" if loaded.problems else ""
        said = f"no article of {folder} could be read{why}: the metadata columns are empty"
        print(said, file=sys.stderr)
    return article_metadata(loaded.articles)


def _export(args: argparse.Namespace) -> int:
    if args.metadata and not (args.csv and args.folder):
        needs = "--metadata needs FOLDER and --csv: the columns come from the folder's articles"
        print(needs, file=sys.stderr)
        return 2
    # Only reads: a read-only store, or one another window is writing, exports all the same.
    with Store.snapshot() as store:
        annotations = store.annotations()
    loaded = load_paths([args.folder]) if args.folder else None
    # With FOLDER: those with a target placed in its articles, relocated to the files as now.
    chosen = annotations_on(loaded.articles, annotations) if loaded else list(annotations)
    metadata = folder_metadata(args.folder, loaded) if loaded and args.metadata else None
    target = args.csv or args.json
    try:
        if args.csv:
            status, bom = args.status, args.bom
            rows = write_spreadsheet(args.csv, chosen, status=status, bom=bom, metadata=metadata)
            summary = {"written": target, "annotations": len(selected(chosen, args.status))}
            summary["rows"] = rows
        else:
            count = write_json(args.json, selected(chosen, args.status))
            summary = {"written": target, "annotations": count}
    except OSError as exc:
        print(f"could not write {target}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print_json(summary)  # outside: a closed stdout is not a failure to write the file
    return 0


def _import(args: argparse.Namespace) -> int:
    """Exit 0 when something was read (or the file holds no items), 1 when nothing was."""
    try:
        articles = load_paths([args.folder]).articles if args.folder else ()
        parsed = read_json(args.file, articles)  # before the store: its errors are the file's
    except AnnotationFormatError as exc:
        print(f"could not read {args.file}: {exc}", file=sys.stderr)
        return 1
    try:
        with Store() as store:
            report = parsed.merge_into(store)
    except StoreUnavailable as exc:  # its message names the store and says why
        print(exc, file=sys.stderr)
        return 1
    except (OSError, sqlite3.Error) as exc:
        print(f"could not update the annotation store {default_path()}: {exc}", file=sys.stderr)
        return 1
    for problem in report.problems:
        print(f"{args.file}: {problem}", file=sys.stderr)
    print_json(
        {
            "read": args.file,
            "added": report.added,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "problems": [asdict(p) for p in report.problems],
        }
    )
    return 1 if report.all_bad else 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("annotations", help="export annotations to CSV or JSON, import JSON")
    actions = parser.add_subparsers(dest="action", required=True)

    export = actions.add_parser("export", help="write annotations to a CSV or JSON file")
    export.add_argument(
        "folder", nargs="?", metavar="FOLDER", help="only annotations on articles in this folder"
    )
    out = export.add_mutually_exclusive_group(required=True)
    out.add_argument(
        "--csv",
        metavar="OUT",
        help="write CSV, or an Excel workbook when OUT ends in .xlsx (one row per pair of sources)",
    )
    out.add_argument("--json", metavar="OUT", help="write W3C Web Annotation JSON")
    export.add_argument(
        "--status", choices=STATUS_FILTERS, default="all", help="only annotations with this status"
    )
    export.add_argument(
        "--bom", action="store_true", help="start the CSV with a byte order mark (for Excel)"
    )
    export.add_argument(
        "--metadata",
        action="store_true",
        help="add each side's publication date, byline and address (published_a, byline_a, "
        "url_a, published_b, byline_b, url_b), read from FOLDER's articles",
    )
    export.set_defaults(func=_export)

    imp = actions.add_parser("import", help="merge a W3C Web Annotation JSON file")
    imp.add_argument("file", metavar="FILE.json")
    imp.add_argument(
        "--folder", metavar="FOLDER", help="match other tools' targets to the articles here"
    )
    imp.set_defaults(func=_import)
