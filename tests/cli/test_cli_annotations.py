"""`corroborate-cli annotations export|import` over the user's annotation store.

If these break, users cannot get their annotations out of the app for a report, or
cannot bring a colleague's annotations in.
"""

import csv
import json
import os
import shutil

import pytest

from corroborate.cli import main
from corroborate.core.annotations.anchoring import quote_sentence
from corroborate.core.annotations.edits import new_annotation
from corroborate.core.annotations.export import CSV_COLUMNS, web_annotation
from corroborate.core.annotations.store import Store
from corroborate.core.ingest.loading import load_paths
from corroborate.core.model import Status, Target
from tests.cli.process import run_cli


@pytest.fixture
def folders(tmp_path, seeds_dir):
    """Two folders of articles with one annotation each, in the default store."""
    main, other = tmp_path / "main", tmp_path / "other"
    shutil.copytree(seeds_dir, main)
    other.mkdir()
    (other / "wire.txt").write_text("Xi hosted Lee in Beijing. They signed 14 agreements.")
    articles = load_paths([main]).articles
    a, b = articles[0], articles[1]
    wire = load_paths([other]).articles[0]
    with Store() as store:
        store.add(
            new_annotation(
                Status.DISPUTED,
                [quote_sentence(a, a.sentences[6]), quote_sentence(b, b.sentences[2])],
                note='=HYPERLINK("x") — "three" or four days?',
                similarity=64.0,
            )
        )
        store.add(new_annotation(Status.AGREED, [quote_sentence(wire, wire.sentences[1])]))
    return main, other


@pytest.fixture
def cli(capsys):
    """Run `corroborate-cli ARGS` in this process: (exit status, stdout, stderr)."""

    def run(*args):
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse usage errors
            code = exc.code
        out, err = capsys.readouterr()
        return code, out, err

    return run


def csv_rows(path, encoding="utf-8"):
    with open(path, encoding=encoding, newline="") as f:
        return [dict(zip(CSV_COLUMNS, r, strict=True)) for r in list(csv.reader(f))[1:]]


def test_export_all_to_csv(folders, tmp_path):
    out = tmp_path / "all.csv"
    proc = run_cli("annotations", "export", "--csv", str(out))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"written": str(out), "annotations": 2, "rows": 2}
    statuses = sorted(r["status"] for r in csv_rows(out))
    assert statuses == ["agreed", "disputed"]


def test_export_folder_with_status_and_bom(folders, tmp_path, cli):
    main, _ = folders
    out = tmp_path / "disputed.csv"
    code, _, err = cli("annotations", "export", str(main), "--csv", str(out), "--status",
                       "disputed", "--bom")  # fmt: skip
    assert code == 0, err
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    [row] = csv_rows(out, "utf-8-sig")
    assert row["note"] == '\'=HYPERLINK("x") — "three" or four days?'
    assert row["similarity"] == "64"
    assert row["file_a"].startswith(str(main))


def test_folder_restricts_to_its_articles_even_after_an_edit(folders, tmp_path, cli):
    main, other = folders
    wire = other / "wire.txt"
    wire.write_text("Breaking.\n\n" + wire.read_text())  # new content id, same sentence
    out = tmp_path / "other.csv"
    assert cli("annotations", "export", str(other), "--csv", str(out))[0] == 0
    [row] = csv_rows(out)
    assert row["status"] == "agreed" and row["sentence_a"] == "They signed 14 agreements."
    assert row["start_a"] == str(len("Breaking.\n\nXi hosted Lee in Beijing. "))


def test_json_export_then_import_into_another_store(folders, tmp_path, cli, monkeypatch):
    out = tmp_path / "all.json"
    code, _, err = cli("annotations", "export", "--json", str(out))
    assert code == 0, err
    assert json.loads(out.read_text())["total"] == 2
    with Store() as mine:
        exported = mine.annotations()

    monkeypatch.setenv("CORROBORATE_DATA_DIR", str(tmp_path / "colleague"))
    code, first, err = cli("annotations", "import", str(out))
    assert code == 0, err
    assert json.loads(first)["added"] == 2
    again = json.loads(cli("annotations", "import", str(out))[1])
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, 2)
    with Store() as theirs:
        assert theirs.path.parent == tmp_path / "colleague"
        assert theirs.annotations() == exported


def test_failures_exit_1_with_a_reason(folders, tmp_path, cli):
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    code, _, err = cli("annotations", "import", str(bad))
    assert code == 1 and "not JSON" in err
    missing = tmp_path / "missing.json"
    code, _, err = cli("annotations", "import", str(missing))
    assert code == 1 and err == f"could not read {missing}: No such file or directory.\n"
    blocked = tmp_path / "out.csv"
    blocked.mkdir()
    code, _, err = cli("annotations", "export", "--csv", str(blocked))
    assert code == 1 and "could not write" in err


def test_usage_errors_exit_2(tmp_path, cli):
    out = str(tmp_path / "x")
    assert cli("annotations")[0] == 2
    assert cli("annotations", "export")[0] == 2
    assert cli("annotations", "export", "--csv", out, "--json", out)[0] == 2
    assert cli("annotations", "export", "--csv", out, "--status", "none")[0] == 2


def write_items(path, items):
    path.write_text(json.dumps({"type": "AnnotationPage", "items": items}), encoding="utf-8")
    return path


def good_items(count):
    targets = [Target(f"art{n}", "S", "T", f"{n}.txt", 0, 4, "Text") for n in range(count)]
    return [web_annotation(new_annotation(Status.AGREED, [t])) for t in targets]


def test_a_file_with_bad_items_imports_the_rest_and_lists_each_bad_one(tmp_path, cli):
    first, second = good_items(2)
    huge = good_items(1)[0]
    huge["target"][0]["corroborate:start"] = 10**30
    path = write_items(tmp_path / "mixed.json", [first, huge, "junk", second])
    code, out, err = cli("annotations", "import", str(path))
    assert code == 0, "some items were imported: that is a success"
    summary = json.loads(out)
    assert (summary["added"], summary["updated"], summary["unchanged"]) == (2, 0, 0)
    assert [p["index"] for p in summary["problems"]] == [2, 3]
    assert summary["problems"][0]["id"] == huge["id"]
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{path}: item 2 ({huge['id']}): its target 1 has a start offset")
    assert lines[1] == f"{path}: item 3: it is not a Web Annotation."
    with Store() as store:
        assert len(store.annotations()) == 2


def test_a_file_of_only_bad_items_exits_1_and_an_empty_one_exits_0(tmp_path, cli):
    bad = write_items(tmp_path / "bad.json", ["junk", {"type": "Annotation"}])
    code, out, err = cli("annotations", "import", str(bad))
    assert code == 1 and len(json.loads(out)["problems"]) == 2
    assert err.splitlines()[1] == f"{bad}: item 2: it has no id."
    empty = write_items(tmp_path / "empty.json", [])
    code, out, err = cli("annotations", "import", str(empty))
    assert (code, err, json.loads(out)["problems"]) == (0, "", [])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_importing_a_named_pipe_is_refused_instead_of_hanging(tmp_path):
    pipe = tmp_path / "small.json"
    os.mkfifo(pipe)
    proc = run_cli("annotations", "import", str(pipe))  # would time out if it hung
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"could not read {pipe}: it is a named pipe, not a file."


def test_a_store_that_cannot_be_opened_is_not_blamed_on_the_file(tmp_path, cli, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("CORROBORATE_DATA_DIR", str(blocker / "data"))
    small = write_items(tmp_path / "small.json", good_items(1))
    code, _, err = cli("annotations", "import", str(small))
    assert code == 1 and err.strip()
    assert "could not read" not in err and "small.json" not in err
