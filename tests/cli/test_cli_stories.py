"""`corroborate-cli stories PATH...` and `facts --story ID`: stories of a mixed folder.

If these broke, a script could not tell which articles of a folder report which event,
or `facts --story` would quietly work on the wrong articles.
"""

import json
import shutil

from corroborate.cli import main

STORY_KEYS = {"id", "label", "articles", "outlets", "first", "last"}


def stories_of(folder, capsys) -> dict:
    assert main(["stories", str(folder)]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_sample_articles_are_one_story(seeds_dir, capsys):
    data = stories_of(seeds_dir, capsys)
    assert set(data) == {"articles", "stories"}
    (story,) = data["stories"]
    assert set(story) == STORY_KEYS
    assert sorted(story["articles"]) == sorted(a["id"] for a in data["articles"])
    assert story["outlets"] == list(dict.fromkeys(a["source"] for a in data["articles"]))
    assert "Xi Jinping" in story["label"]
    assert story["id"] == stories_of(seeds_dir, capsys)["stories"][0]["id"]  # stable


def test_facts_of_one_story_keep_only_its_articles(tmp_path, seeds_dir, capsys):
    # Two stories: the sample articles, and one unrelated article.
    folder = tmp_path / "mixed"
    shutil.copytree(seeds_dir, folder)
    (folder / "zz-quake.txt").write_text(
        "Quake hits Aceh\n\nA magnitude 6.1 earthquake struck Aceh province in Indonesia on "
        "March 3, killing 12 people. Rescuers in Banda Aceh searched collapsed buildings.\n",
        encoding="utf-8",
    )
    data = stories_of(folder, capsys)
    assert len(data["stories"]) == 2
    largest = data["stories"][0]
    assert main(["facts", str(folder), "--story", largest["id"]]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert sorted(a["id"] for a in facts["articles"]) == sorted(largest["articles"])


def test_facts_with_an_unknown_story_is_one_line_and_exit_2(seeds_dir, capsys):
    assert main(["facts", str(seeds_dir), "--story", "story-000000000000"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "story-000000000000" in lines[0]
