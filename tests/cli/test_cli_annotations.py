"""`corroborate-cli annotations export|import` over the user's annotation store.

If these break, users cannot get their annotations out of the app for a report, or
cannot bring a colleague's annotations in.
"""

import csv
import json
import shutil

import pytest

from corroborate.cli import main
from corroborate.core.anchoring import quote_sentence
from corroborate.core.edits import new_annotation
from corroborate.core.export import CSV_COLUMNS
from corroborate.core.loading import load_paths
from corroborate.core.model import Status
from corroborate.core.store import Store
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
    code, _, err = cli("annotations", "import", str(tmp_path / "missing.json"))
    assert code == 1 and "could not read" in err
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
