"""`corroborate-cli facts PATH... --report FILE.html`: the fact report without the window.

If these break, a fact-checker working from scripts cannot hand a readable report to
editors, or the report leaves out what was annotated in the window.
"""

import json
import shutil

from corroborate.cli import main
from corroborate.core.annotations.anchoring import quote_sentence
from corroborate.core.annotations.edits import new_annotation
from corroborate.core.annotations.store import Store
from corroborate.core.ingest.loading import load_paths
from corroborate.core.model import Status


def test_report_option_writes_html_with_the_stores_annotations(tmp_path, seeds_dir, capsys):
    folder = tmp_path / "news"
    shutil.copytree(seeds_dir, folder)
    a, b = load_paths([folder]).articles[:2]
    with Store() as store:  # the default store: CORROBORATE_DATA_DIR points into tmp_path
        store.add(
            new_annotation(
                Status.DISPUTED,
                [quote_sentence(a, a.sentences[3]), quote_sentence(b, b.sentences[3])],
                note="Ask the <embassy> & check",
            )
        )
        store.set_label(a.id, "Evening Desk")
    out = tmp_path / "report.html"
    assert main(["facts", str(folder), "--report", str(out)]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["written"] == str(out) and summary["annotations"] == 1 and summary["facts"] > 0
    document = out.read_text(encoding="utf-8")
    assert "Evening Desk" in document
    assert "Ask the &lt;embassy&gt; &amp; check" in document
    assert str(tmp_path) not in document  # file names only, never this machine's folders


def test_report_option_reports_a_folder_it_cannot_write(tmp_path, seeds_dir, capsys):
    out = tmp_path / "missing" / "report.html"
    assert main(["facts", str(seeds_dir), "--report", str(out)]) == 1
    assert "could not write" in capsys.readouterr().err
    assert not out.parent.exists()
