"""`corroborate-cli facts PATH...`: the scripted form of the fact view.

If these broke, scripts reading the JSON would get another shape, mentions would point
at articles or sentences that are not in the output, or an unreadable file would stop
the command instead of being reported.
"""

import json

from tests.cli.test_cli_load import run_cli
from tests.conftest import SEEDS

ARTICLE_KEYS = {"id", "path", "title", "source", "source_read", "format", "text", "sentences",
                "published", "byline", "url"}  # fmt: skip
SIDE_KEYS = {"article", "sentence", "start", "end", "value"}


def test_json_lists_articles_and_facts_that_point_into_them():
    proc = run_cli("facts", str(SEEDS))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"articles", "facts", "inconsistencies"}
    assert len(data["articles"]) == 5 and all(set(a) == ARTICLE_KEYS for a in data["articles"])
    texts = {a["id"]: a["text"] for a in data["articles"]}
    counts = {a["id"]: len(a["sentences"]) for a in data["articles"]}
    coverages = [f["coverage"] for f in data["facts"]]
    assert coverages == sorted(coverages, reverse=True) and coverages[0] == 5
    assert 1 in coverages  # exclusive facts are listed too
    assert len({f["id"] for f in data["facts"]}) == len(data["facts"])
    sentences = {
        a["id"]: [(s["start"], s["end"]) for s in a["sentences"]] for a in data["articles"]
    }
    found, claims = [], []
    for fact in data["facts"]:
        assert set(fact) == {
            "id", "claim", "mentions", "coverage", "representative", "discrepancies"
        }  # fmt: skip
        assert isinstance(fact["id"], str) and fact["id"]
        assert isinstance(fact["claim"], str) and fact["claim"]
        claims.append(fact["claim"])
        assert fact["coverage"] == len({m["article"] for m in fact["mentions"]})
        for m in fact["mentions"]:
            assert set(m) == {"article", "sentences", "start", "end", "repeats"} and m["sentences"]
            assert all(0 <= i < counts[m["article"]] for i in m["sentences"])
            # The span stating the fact lies inside one of the mention's sentences.
            bounds = [sentences[m["article"]][i] for i in m["sentences"]]
            assert any(s <= m["start"] < m["end"] <= e for s, e in bounds), m
            assert not set(m["repeats"]) & set(m["sentences"])
        rep = fact["representative"]
        assert any(
            m["article"] == rep["article"] and rep["sentence"] in m["sentences"]
            for m in fact["mentions"]
        )
        for d in fact["discrepancies"]:
            assert set(d) == {"kind", "explanation", "a", "b"}
            for side in (d["a"], d["b"]):
                assert set(side) == SIDE_KEYS
                assert texts[side["article"]][side["start"] : side["end"]] == side["value"]
            found.append((d["kind"], d["a"]["value"], d["b"]["value"]))
    assert any(k == "duration" and {a, b} == {"three-day", "four-day"} for k, a, b in found)
    # Every fact says something the others do not.
    assert len(set(claims)) == len(claims)


def test_a_missing_path_is_reported_and_the_rest_still_grouped(tmp_path):
    proc = run_cli("facts", str(SEEDS / "crbc-news.txt"), str(tmp_path / "nope.txt"))
    assert proc.returncode == 0
    assert "nope.txt" in proc.stderr
    data = json.loads(proc.stdout)
    assert len(data["articles"]) == 1
    assert data["facts"] and all(f["coverage"] == 1 for f in data["facts"])


def test_json_lists_the_article_that_contradicts_itself_and_no_other():
    data = json.loads(run_cli("facts", str(SEEDS)).stdout)
    paths = {a["id"]: a["path"] for a in data["articles"]}
    [entry] = data["inconsistencies"]
    assert "state-visit" in paths[entry["article"]]
    [found] = entry["found"]
    assert found["kind"] == "self-contradiction"
    text = (SEEDS / "state-visit-economic-security-talks.txt").read_text(encoding="utf-8")
    for side, value in (("a", "three-day"), ("b", "January 8")):
        assert found[side]["value"] == value
        assert text[found[side]["start"] : found[side]["end"]] == value
