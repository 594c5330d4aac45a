import json

from corroborate.cli import main
from corroborate.core.annotations.store import Store
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


def test_names_given_in_the_window_and_absolute_paths_are_used(tmp_path, monkeypatch, capsys):
    # Broken: a script reads "Reset Strained Relations" where the window says "Yonhap",
    # and exports name files relative to wherever the command happened to run.
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "reset-strained-relations.txt").write_text(
        "Lee arrived in Beijing on Sunday. He met Xi on Monday.\n"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["load", "news"]) == 0
    (article,) = json.loads(capsys.readouterr().out)["articles"]
    assert article["path"] == str(folder / "reset-strained-relations.txt")  # absolute
    assert article["source"] == article["source_read"] == "Reset Strained Relations"
    with Store() as store:
        store.set_label(article["id"], "Yonhap")
    for command in (["load", "news"], ["facts", "news"]):
        assert main(command) == 0
        (shown,) = json.loads(capsys.readouterr().out)["articles"]
        assert (shown["source"], shown["source_read"]) == ("Yonhap", "Reset Strained Relations")
