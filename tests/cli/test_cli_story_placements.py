"""`corroborate-cli stories` and `facts --story` group articles as the user placed them
in the window (the placements kept in the annotation store).

If these broke, a script would list the stories the grouping found while the window shows
the ones the user corrected, and `facts --story` with an id seen in one would fail in
the other.
"""

import json
import shutil

from corroborate.cli import main
from corroborate.core.annotations.store import Store
from corroborate.core.annotations.story_placements import StoryPlacement

QUAKE = (
    "Quake hits Aceh\n\nA magnitude 6.1 earthquake struck Aceh province in Indonesia on "
    "March 3, killing 12 people. Rescuers in Banda Aceh searched collapsed buildings.\n"
)


def run_json(capsys, *argv: str) -> dict:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_stories_and_facts_follow_the_placements_of_the_window(tmp_path, seeds_dir, capsys):
    folder = tmp_path / "mixed"
    shutil.copytree(seeds_dir, folder)
    (folder / "zz-quake.txt").write_text(QUAKE, encoding="utf-8")
    found = run_json(capsys, "stories", str(folder))
    assert len(found["stories"]) == 2
    seeds, quake = found["stories"]
    # In the window: the quake article and one sample article made one story.
    picked = [seeds["articles"][0], quake["articles"][0]]
    with Store() as store:
        store.place_in_stories([StoryPlacement(a, "group-by-hand", "t") for a in picked])
    placed = run_json(capsys, "stories", str(folder))
    together = next(s for s in placed["stories"] if set(s["articles"]) == set(picked))
    rest = next(s for s in placed["stories"] if s is not together)
    assert sorted(rest["articles"]) == sorted(seeds["articles"][1:])
    assert together["id"] not in {seeds["id"], quake["id"]}
    assert len(together["outlets"]) == 2 and together["label"]

    facts = run_json(capsys, "facts", str(folder), "--story", together["id"])
    assert sorted(a["id"] for a in facts["articles"]) == sorted(picked)
    # The id of the story as found is no longer one: it exits 2, as for any unknown id.
    assert main(["facts", str(folder), "--story", seeds["id"]]) == 2
    assert seeds["id"] in capsys.readouterr().err


def test_an_unreadable_store_groups_as_found_and_says_so(tmp_path, seeds_dir, capsys):
    """The articles' stories never depend on the store: a damaged one is said, not fatal."""
    with Store() as store:
        path = store.path
    path.write_bytes(b"not a database at all, just damage" * 10)
    assert main(["stories", str(seeds_dir)]) == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)["stories"]) == 1
    assert captured.err.count("\n") == 1  # one line, naming both things not followed
    assert "stories and source names given in the window not used" in captured.err
