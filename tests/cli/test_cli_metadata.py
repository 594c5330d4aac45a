"""`corroborate-cli load` says what each file declares about its article.

If this broke, a script would get no date, byline or address for an article whose file
gives them, or a missing key instead of null for one that does not.
"""

import json

from tests.cli.process import run_cli

BODY = "Lee arrived in Beijing on Sunday for talks on trade. He met the premier for hours."


def test_load_prints_published_byline_and_url_or_null(tmp_path):
    (tmp_path / "with-header.txt").write_text(
        "---\noutlet: The Daily Star\npublished: 2026-01-04T10:30:00+01:00\n"
        "byline: Jane Smith\nurl: https://example.com/story\n---\n" + BODY,
        encoding="utf-8",
    )
    (tmp_path / "plain.txt").write_text(BODY.replace("Sunday", "Monday"), encoding="utf-8")
    proc = run_cli("load", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    articles = {a["path"].rsplit("/", 1)[-1]: a for a in json.loads(proc.stdout)["articles"]}
    declared = articles["with-header.txt"]
    assert declared["published"] == "2026-01-04T10:30:00+01:00"
    assert declared["byline"] == "Jane Smith"
    assert declared["url"] == "https://example.com/story"
    assert declared["source_read"] == "The Daily Star"
    assert declared["text"] == BODY  # the header is not part of the article
    bare = articles["plain.txt"]
    assert (bare["published"], bare["byline"], bare["url"]) == (None, None, None)
