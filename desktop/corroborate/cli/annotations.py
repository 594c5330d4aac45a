"""`corroborate-cli annotations export|import`: annotations to CSV or JSON and back.

    annotations export [FOLDER] --csv OUT [--status S] [--bom]
    annotations export [FOLDER] --json OUT [--status S]
    annotations import FILE.json

Both use the annotation store in the user data folder (CORROBORATE_DATA_DIR overrides
it). With FOLDER, only annotations on the articles in that folder are exported, found
by content like the window finds them (so a moved or edited file still counts), and
their offsets and file names are those of the files as they are now.
"""

from __future__ import annotations

import argparse
import sys

from ..core.anchoring import annotations_on
from ..core.export import (
    STATUS_FILTERS,
    AnnotationFormatError,
    import_json,
    selected,
    write_csv,
    write_json,
)
from ..core.loading import load_paths
from ..core.model import Annotation
from ..core.store import Store
from .load import print_json


def annotations_in_folder(annotations: tuple[Annotation, ...], folder: str) -> list[Annotation]:
    """Annotations with at least one target placed in the folder's articles, relocated."""
    return annotations_on(load_paths([folder]).articles, annotations)


def _export(args: argparse.Namespace) -> int:
    with Store() as store:
        annotations = store.annotations()
    chosen = annotations_in_folder(annotations, args.folder) if args.folder else list(annotations)
    try:
        if args.csv:
            rows = write_csv(args.csv, chosen, status=args.status, bom=args.bom)
            count = len(selected(chosen, args.status))
            print_json({"written": args.csv, "annotations": count, "rows": rows})
        else:
            count = write_json(args.json, selected(chosen, args.status))
            print_json({"written": args.json, "annotations": count})
    except OSError as exc:
        target = args.csv or args.json
        print(f"could not write {target}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0


def _import(args: argparse.Namespace) -> int:
    try:
        with Store() as store:
            added, updated, unchanged = import_json(store, args.file)
    except AnnotationFormatError as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"could not read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print_json({"read": args.file, "added": added, "updated": updated, "unchanged": unchanged})
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("annotations", help="export annotations to CSV or JSON, import JSON")
    actions = parser.add_subparsers(dest="action", required=True)

    export = actions.add_parser("export", help="write annotations to a CSV or JSON file")
    export.add_argument(
        "folder", nargs="?", metavar="FOLDER", help="only annotations on articles in this folder"
    )
    out = export.add_mutually_exclusive_group(required=True)
    out.add_argument("--csv", metavar="OUT", help="write CSV (one row per sentence pair)")
    out.add_argument("--json", metavar="OUT", help="write W3C Web Annotation JSON")
    export.add_argument(
        "--status", choices=STATUS_FILTERS, default="all", help="only annotations with this status"
    )
    export.add_argument(
        "--bom", action="store_true", help="start the CSV with a byte order mark (for Excel)"
    )
    export.set_defaults(func=_export)

    imp = actions.add_parser("import", help="merge a W3C Web Annotation JSON file")
    imp.add_argument("file", metavar="FILE.json")
    imp.set_defaults(func=_import)
