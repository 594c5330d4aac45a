import json

from tests.cli.process import run_cli
from tests.conftest import SEEDS


def test_load_seeds_prints_five_articles_with_valid_offsets():
    proc = run_cli("load", str(SEEDS))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert len(data["articles"]) == 5
    assert data["problems"] == []
    for article in data["articles"]:
        assert len(article["sentences"]) > 10
        for s in article["sentences"]:
            assert article["text"][s["start"] : s["end"]] == s["text"]


def test_usage_error_exits_2():
    assert run_cli().returncode == 2
    assert run_cli("frobnicate").returncode == 2


def test_problems_reported_and_exit_0(tmp_path):
    (tmp_path / "good.txt").write_text("Lee arrived in Beijing on Sunday. He met Xi.")
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run_cli("load", str(tmp_path))
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert [a["title"] for a in data["articles"]] == [
        "Lee arrived in Beijing on Sunday. He met Xi."
    ]
    assert data["problems"] == [{"path": str(tmp_path / "empty.txt"), "reason": "empty file"}]
