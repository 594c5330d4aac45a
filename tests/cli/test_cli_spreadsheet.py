"""`corroborate-cli annotations export --csv OUT.xlsx` writes a workbook, not CSV.

If this breaks, a user asking the command line for a workbook gets a CSV file named
.xlsx, which spreadsheets refuse to open.
"""

import json
import zipfile

from corroborate.cli import main
from corroborate.core.annotations.edits import new_annotation
from corroborate.core.annotations.store import Store
from corroborate.core.model import Status, Target


def test_an_xlsx_suffix_writes_a_workbook_whose_notes_stay_text(tmp_path, capsys):
    quote = Target("a1", "", "Title", "/news/wire.txt", 0, 5, "Seven")
    other = Target("b2", "Daily", "Title", "/news/daily.txt", 0, 5, "Seven")
    with Store() as store:
        store.add(new_annotation(Status.DISPUTED, [quote, other], note="00123"))
    out = tmp_path / "notes.xlsx"
    assert main(["annotations", "export", "--csv", str(out)]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["annotations"], summary["rows"]) == (1, 1)
    with zipfile.ZipFile(out) as book:
        strings = book.read("xl/sharedStrings.xml").decode()
    # The note kept its zeros; the outlet with no label is named by its file.
    assert "<t>00123</t>" in strings and "<t>wire.txt</t>" in strings
