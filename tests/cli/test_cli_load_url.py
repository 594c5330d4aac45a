"""`corroborate-cli load https://…`: web pages fetched, saved, then read like files."""

import json

import pytest

from corroborate.cli import main
from tests.conftest import SEEDS
from tests.core.ingest.web_pages import ARTICLE_HTML, serving


@pytest.fixture
def server():
    with serving() as running:
        server = running
        server.page("/lee", ARTICLE_HTML)
        yield server


def test_a_web_address_is_saved_into_the_folder_given_and_read(server, tmp_path, capsys):
    # Broken: a script loading a page would get nothing, or a file nowhere to be found.
    folder = tmp_path / "fetched"
    assert main(["load", server.url("/lee"), "--save-to", str(folder)]) == 0
    out = capsys.readouterr()
    (article,) = json.loads(out.out)["articles"]
    saved = folder / "Lee Visits Beijing for Talks - 127.0.0.1.html"
    assert article["path"] == str(saved)
    assert saved.is_file() and "three-day state visit" in article["text"]
    assert f"saved as {saved}" in out.err


def test_pages_are_saved_in_the_current_folder_by_default_beside_other_paths(
    server, tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    assert main(["load", str(SEEDS / "crbc-news.txt"), server.url("/lee")]) == 0
    articles = json.loads(capsys.readouterr().out)["articles"]
    assert [a["path"] for a in articles] == [
        str(SEEDS / "crbc-news.txt"),
        str(tmp_path / "Lee Visits Beijing for Talks - 127.0.0.1.html"),
    ]


def test_a_page_that_cannot_be_fetched_is_one_line_and_exit_1(server, tmp_path, capsys):
    # Broken: a script would see a traceback, or exit 0 as if the page had been read.
    missing = server.url("/gone")
    status = main(["load", missing, str(SEEDS / "crbc-news.txt"), "--save-to", str(tmp_path)])
    assert status == 1
    out = capsys.readouterr()
    assert out.err.strip() == f"corroborate-cli load: {missing}: not found (HTTP 404)"
    data = json.loads(out.out)
    assert [a["path"] for a in data["articles"]] == [str(SEEDS / "crbc-news.txt")]
    assert data["problems"] == [{"path": missing, "reason": "not found (HTTP 404)"}]
    assert list(tmp_path.iterdir()) == []  # nothing half-saved


def test_a_file_address_is_refused(tmp_path, capsys):
    assert main(["load", "file:///etc/passwd", "--save-to", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "corroborate-cli load: file:///etc/passwd: not an http or https address"
