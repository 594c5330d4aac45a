"""`corroborate-cli align A B`: the scripted form of the compare view.

If these broke, scripts reading the JSON or the CSV table would get a different shape,
spreadsheets could run a cell as a formula, or a typo in a path would print a traceback.
"""

import csv
import json
from pathlib import Path

from corroborate.cli import align as align_command
from corroborate.cli.align import csv_rows
from corroborate.core.ingest.readers import read_article
from tests.cli.test_cli_load import run_cli
from tests.conftest import SEEDS

A = SEEDS / "crbc-news.txt"
B = SEEDS / "ssbcrackexams.txt"
STATE_VISIT = SEEDS / "state-visit-economic-security-talks.txt"


def test_a_four_day_visit_against_a_three_day_one_is_a_discrepancy_in_json_and_csv(tmp_path):
    out = tmp_path / "pairs.csv"
    proc = run_cli("align", str(A), str(STATE_VISIT), "--csv", str(out))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    found = [d for m in data["matches"] for d in m["discrepancies"]]
    durations = [d for d in found if d["kind"] == "duration" and "four-day" in d["explanation"]]
    assert durations, found
    four_day = durations[0]
    assert "three-day" in four_day["explanation"]
    assert four_day["a"]["value"] == "four-day" and four_day["b"]["value"] == "three-day"
    a_text = data["a"]["text"]
    assert a_text[four_day["a"]["start"] : four_day["a"]["end"]] == "four-day"
    with out.open(encoding="utf-8", newline="") as f:
        cells = [r["discrepancies"] for r in csv.DictReader(f) if r["kind"] == "match"]
    assert four_day["explanation"] in cells


def test_the_two_articles_are_read_once(monkeypatch):
    reads = []

    def counting(path, *args, **kwargs):
        reads.append(Path(path).name)
        return read_article(path, *args, **kwargs)

    monkeypatch.setattr("corroborate.core.ingest.loading.read_article", counting)
    monkeypatch.setattr(align_command, "read_article", counting)
    a, b = align_command._read_one(str(A)), align_command._read_one(str(STATE_VISIT))
    corpus = align_command._folder_corpus(a, b)
    assert reads.count(A.name) == 1 and reads.count(STATE_VISIT.name) == 1
    assert len(reads) == len(corpus.articles) == len(set(reads))


def test_json_has_both_articles_matches_with_diffs_and_unmatched_sentences():
    proc = run_cli("align", str(A), str(B))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) >= {"a", "b", "matches", "only_a", "only_b"}
    assert data["a"]["path"].endswith("crbc-news.txt") and data["a"]["sentences"]
    assert len(data["matches"]) >= 5
    sentences_a = data["a"]["sentences"]
    for m in data["matches"]:
        assert set(m) >= {"a", "b", "score", "diff", "discrepancies"}
        assert 0 <= m["score"] <= 100
        joined = " ".join(sentences_a[i]["text"] for i in m["a"])
        assert m["diff"][0]["a_start"] == 0 and m["diff"][-1]["a_end"] == len(joined)
        assert {op["kind"] for op in m["diff"]} <= {"equal", "insert", "delete", "replace"}
    linked = {i for m in data["matches"] for i in m["a"]}
    assert sorted(set(range(len(sentences_a))) - linked) == data["only_a"]


def test_higher_threshold_prints_fewer_matches():
    default = json.loads(run_cli("align", str(A), str(B)).stdout)
    strict = json.loads(run_cli("align", str(A), str(B), "--threshold", "60").stdout)
    assert len(strict["matches"]) < len(default["matches"])


def test_csv_round_trips_the_matches(tmp_path):
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "pairs.csv"
    proc = run_cli("align", str(A), str(B), "--csv", str(out))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    matches = [r for r in rows if r["kind"] == "match"]
    assert [[int(x) for x in r["a_sentences"].split()] for r in matches] == [
        m["a"] for m in data["matches"]
    ]
    assert [float(r["score"]) for r in matches] == [round(m["score"], 2) for m in data["matches"]]
    assert [json.loads(r["diff"]) for r in matches] == [m["diff"] for m in data["matches"]]
    assert [int(r["a_sentences"]) for r in rows if r["kind"] == "only_a"] == data["only_a"]
    assert [int(r["b_sentences"]) for r in rows if r["kind"] == "only_b"] == data["only_b"]
    assert list(out.parent.iterdir()) == [out]  # no temporary file left behind


def test_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised():
    sentence = {"index": 0, "start": 0, "end": 9, "text": "=HYPERLINK(1)"}
    payload = {
        "a": {"sentences": [sentence]},
        "b": {"sentences": [dict(sentence, text="-1 +2 @x")]},
        "matches": [{"a": [0], "b": [0], "score": 50.0, "confidence": "possible", "diff": []}],
        "only_a": [],
        "only_b": [],
    }
    row = csv_rows(payload)[0]
    assert row[5] == "'=HYPERLINK(1)" and row[6] == "'-1 +2 @x"


def test_each_pair_says_whether_it_is_solid_or_only_possible():
    """A reader of the JSON or the spreadsheet knows which pairs to check by hand."""
    proc = run_cli("align", str(A), str(B))
    payload = json.loads(proc.stdout)
    levels = {m["confidence"] for m in payload["matches"]}
    assert levels == {"solid", "possible"}
    for m in payload["matches"]:
        assert (m["confidence"] == "solid") == (m["score"] >= payload["solid_score"])


def test_bad_path_is_a_clear_message_and_exit_1(tmp_path):
    proc = run_cli("align", str(A), str(tmp_path / "missing.txt"))
    assert proc.returncode == 1
    assert "missing.txt" in proc.stderr and "no such file" in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    proc = run_cli("align", str(SEEDS), str(A))
    assert proc.returncode == 1 and "folder" in proc.stderr
