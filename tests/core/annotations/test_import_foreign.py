"""Web Annotations written by other tools import, and export again as they came.

If these break, a user importing a colleague's Hypothesis or Recogito annotations gets
most of them refused ("no status"), or exports them back with their addresses, authors
and tags gone, so the other tool no longer recognises its own annotations.
"""

import json
import sqlite3

from corroborate.core.annotations.export import write_json
from corroborate.core.annotations.importing import import_json, read_json
from corroborate.core.annotations.store import MIGRATIONS, Store
from corroborate.core.model import Article, Status

QUOTE = "The ministry confirmed the four-day visit"
TEXT = f"Seoul, Monday.\n\n{QUOTE} on Monday. Officials declined to comment.\n"

COMMENTING = {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    "id": "https://hypothes.is/a/Zz99",
    "type": "Annotation",
    "motivation": "commenting",
    "created": "2026-03-01T10:00:00+00:00",
    "modified": "2026-03-01T10:05:00+00:00",
    "creator": {"id": "acct:reader@hypothes.is", "type": "Person", "name": "A Reader"},
    "body": [
        {
            "type": "TextualBody",
            "value": "Other outlets say three days.",
            "format": "text/markdown",
        },
        {"type": "TextualBody", "purpose": "tagging", "value": "duration"},
        {"type": "TextualBody", "purpose": "tagging", "value": "check"},
    ],
    "target": {
        "source": "https://news.example.org/2026/03/visit.html",
        "selector": {"type": "TextQuoteSelector", "exact": QUOTE, "prefix": "Monday.\n\n"},
    },
}
BODY_VALUE = {
    "id": "http://example.org/anno/7",
    "type": "Annotation",
    "bodyValue": "Compare with the wire copy.",
    "target": {
        "source": "http://example.org/page",
        "selector": [{"type": "TextQuoteSelector", "exact": "Officials declined to comment."}],
    },
}
ARRAY_TYPED = {
    "id": "urn:example:highlight-1",
    "type": ["Annotation"],
    "motivation": ["highlighting"],
    "target": [
        {
            "source": "http://example.org/other",
            "selector": [{"type": ["TextQuoteSelector"], "exact": "Seoul, Monday."}],
        }
    ],
}
ASSESSED = {  # another tool's verdict, with the positions a browser extension records
    "id": "https://annotations.example.net/v/3",
    "type": "Annotation",
    "motivation": "assessing",
    "body": {"type": "TextualBody", "purpose": "assessing", "value": "inaccurate"},
    "target": {
        "source": "https://news.example.org/2026/03/visit.html",
        "selector": [
            {"type": "RangeSelector", "startSelector": {"type": "XPathSelector", "value": "/p[2]"}},
            {"type": "TextPositionSelector", "start": 120, "end": 162},
            {"type": "TextQuoteSelector", "exact": QUOTE},
        ],
    },
}
BAD = {"id": "urn:example:broken", "type": "Annotation", "body": {"value": "no target"}}


def loaded(path):
    """The article as core/ingest reads a plain text file: line ends made LF, edges trimmed."""
    text = path.read_bytes().decode("utf-8").replace("\r\n", "\n").strip("\n")
    return Article(f"id-{path.stem}", str(path), "Visit", "Wire", "txt", text)


def write(path, *items):
    path.write_text(json.dumps({"type": "AnnotationPage", "items": list(items)}), encoding="utf-8")
    return path


def exported_items(path):
    return json.loads(path.read_text(encoding="utf-8"))["first"]["items"]


def test_commenting_body_value_and_array_typed_annotations_import_unverified(tmp_path):
    parsed = read_json(write(tmp_path / "h.json", COMMENTING, BODY_VALUE, ARRAY_TYPED))
    assert parsed.problems == ()
    by_id = {a.id: a for a in parsed.annotations}
    assert set(by_id) == {COMMENTING["id"], BODY_VALUE["id"], ARRAY_TYPED["id"]}
    assert all(a.status == Status.UNVERIFIED for a in parsed.annotations)
    assert by_id[COMMENTING["id"]].note == "Other outlets say three days."
    assert by_id[BODY_VALUE["id"]].note == "Compare with the wire copy."
    assert by_id[ARRAY_TYPED["id"]].targets[0].exact == "Seoul, Monday."


def test_one_bad_item_among_good_ones_costs_only_itself(tmp_path):
    path = write(tmp_path / "mixed.json", COMMENTING, BAD, BODY_VALUE)
    with Store() as store:
        kept = store.annotations()
        report = import_json(store, path)
        assert report.added == 2
        [problem] = report.problems
        assert (problem.index, problem.id) == (2, "urn:example:broken")
        assert "no target" in problem.reason
        assert {a.id for a in store.annotations()} - {a.id for a in kept} == {
            COMMENTING["id"],
            BODY_VALUE["id"],
        }


def test_round_trip_gives_back_id_source_creator_motivation_and_tags(tmp_path):
    items = (COMMENTING, BODY_VALUE, ARRAY_TYPED, ASSESSED)
    with Store() as store:
        import_json(store, write(tmp_path / "in.json", *items))
        out = tmp_path / "out.json"
        write_json(out, store.annotations())
    again = {item["id"]: item for item in exported_items(out)}
    for original in items:
        back = again[original["id"]]
        assert back["type"] == original["type"]
        assert back.get("motivation") == original.get("motivation")
        assert back["target"] == original["target"]  # source and selectors as written
        assert back.get("creator") == original.get("creator")
        assert back.get("body") == original.get("body")
        assert back.get("bodyValue") == original.get("bodyValue")
        # Nothing invented: no position the file did not give, no verdict not made.
        given = json.dumps(original)
        for invented in ("TextPositionSelector", "assessing", "corroborate:"):
            assert (invented in json.dumps(back)) == (invented in given), invented


def test_a_verdict_and_note_given_in_the_app_are_exported_with_the_tags(tmp_path):
    with Store() as store:
        import_json(store, write(tmp_path / "in.json", COMMENTING))
        store.set_status(COMMENTING["id"], Status.DISPUTED)
        store.set_note(COMMENTING["id"], "Three days, says the wire.")
        out = tmp_path / "out.json"
        write_json(out, store.annotations())
    [back] = exported_items(out)
    assert back["id"] == COMMENTING["id"] and back["creator"] == COMMENTING["creator"]
    purposes = [(b.get("purpose"), b["value"]) for b in back["body"]]
    assert purposes == [
        ("assessing", "disputed"),
        (None, "Three days, says the wire."),
        ("tagging", "duration"),
        ("tagging", "check"),
    ]
    with Store(tmp_path / "other.sqlite3") as other:
        import_json(other, out)
        [a] = other.annotations()
        assert (a.status, a.note) == (Status.DISPUTED, "Three days, says the wire.")


def test_a_target_is_matched_by_file_address_or_quote_else_kept_as_orphan(tmp_path):
    article_path = tmp_path / "visit.txt"
    article_path.write_text(TEXT, encoding="utf-8")
    article = loaded(article_path)
    by_file = {
        **BODY_VALUE,
        "id": "urn:example:by-file",
        "target": {
            "source": article_path.as_uri(),
            "selector": {"type": "TextQuoteSelector", "exact": "Officials declined to comment."},
        },
    }
    nowhere = {
        **ARRAY_TYPED,
        "id": "urn:example:nowhere",
        "target": {
            "source": "http://example.org/x",
            "selector": {"type": "TextQuoteSelector", "exact": "A sentence in no article."},
        },
    }
    parsed = read_json(write(tmp_path / "m.json", COMMENTING, by_file, nowhere), [article])
    by_id = {a.id: a.targets[0] for a in parsed.annotations}
    for matched in (by_id[COMMENTING["id"]], by_id["urn:example:by-file"]):
        assert matched.article == article.id
        assert article.text[matched.start : matched.end] == matched.exact
    orphan = by_id["urn:example:nowhere"]
    assert orphan.article == "" and orphan.exact == "A sentence in no article."
    assert orphan.path == "http://example.org/x"


def test_a_position_in_a_crlf_file_is_read_as_the_files_own_offsets(tmp_path):
    article_path = tmp_path / "crlf.txt"
    article_path.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8"))
    article = loaded(article_path)
    file_text = article_path.read_bytes().decode("utf-8")
    start = file_text.index(QUOTE)
    foreign = {
        "id": "urn:example:positioned",
        "type": "Annotation",
        "target": {
            "source": article_path.as_uri(),
            "selector": [
                {"type": "TextQuoteSelector", "exact": QUOTE},
                {"type": "TextPositionSelector", "start": start, "end": start + len(QUOTE)},
            ],
        },
    }
    [a] = read_json(write(tmp_path / "p.json", foreign)).annotations
    t = a.targets[0]
    assert article.text[t.start : t.end] == QUOTE and t.start == start - 2  # two CRLFs before


def test_a_version_1_store_gains_the_extras_column_and_keeps_its_annotations(tmp_path):
    path = tmp_path / "v1.sqlite3"
    Store(path, migrations=MIGRATIONS[:1]).close()
    with sqlite3.connect(path) as conn:  # a row as version 1 wrote it
        conn.execute(
            "INSERT INTO annotations VALUES ('old', 'agreed', 'kept', "
            "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', NULL, '', NULL)"
        )
    conn.close()
    with Store(path) as upgraded:
        assert upgraded.version == len(MIGRATIONS)
        old = upgraded.get("old")
        assert (old.note, old.extras) == ("kept", "")
        import_json(upgraded, write(tmp_path / "in.json", COMMENTING))
    with Store(path) as reopened:
        kept = json.loads(reopened.get(COMMENTING["id"]).extras)
        assert kept["members"]["creator"] == COMMENTING["creator"]
