"""Opening a folder: every file left out is either listed with its reason or Corroborate's own.

Broken, a person would see fewer tabs than files and no word why, or would find last
week's report (or a read-me) compared as if it were one more news article.
"""

import os

import pytest

from corroborate.core.alignment.similarity import Corpus
from corroborate.core.facts.find import find_facts
from corroborate.core.ingest.generator import is_own_report
from corroborate.core.ingest.loading import load_paths
from corroborate.core.ingest.readers import read_article
from corroborate.core.model import Article, LoadProblem
from corroborate.core.report.html import render_report, write_report
from tests.conftest import SEEDS

BODY = "Lee arrived in Beijing on Sunday. He met Xi Jinping on Monday. They discussed trade."
ADD_FILES = "add it with Add Files to read it"


def names_and_reasons(result):
    return [(os.path.basename(p.path), p.reason, p.skipped) for p in result.problems]


def test_read_me_licence_change_log_and_notes_are_listed_as_skipped(tmp_path):
    (tmp_path / "article.txt").write_text(BODY)
    for name in ("README.md", "LICENSE", "licence.txt", "CHANGELOG.md", "Notes.txt"):
        (tmp_path / name).write_text("About this folder and its sources.")
    result = load_paths([tmp_path])
    assert [a.path for a in result.articles] == [str(tmp_path / "article.txt")]
    assert sorted(names_and_reasons(result)) == [
        ("CHANGELOG.md", f"skipped: looks like a change log; {ADD_FILES}", True),
        ("LICENSE", f"skipped: looks like a licence; {ADD_FILES}", True),
        ("Notes.txt", f"skipped: looks like notes about the folder; {ADD_FILES}", True),
        ("README.md", f"skipped: looks like a read-me; {ADD_FILES}", True),
        ("licence.txt", f"skipped: looks like a licence; {ADD_FILES}", True),
    ]


def test_the_sample_folder_says_its_read_me_was_skipped():
    result = load_paths([SEEDS])
    assert len(result.articles) == 5
    assert names_and_reasons(result) == [
        ("README.md", f"skipped: looks like a read-me; {ADD_FILES}", True)
    ]


def test_a_read_me_named_directly_is_read(tmp_path):
    (tmp_path / "README.md").write_text(f"# Field notes\n\n{BODY}")
    result = load_paths([tmp_path / "README.md"])
    assert [a.title for a in result.articles] == ["Field notes"] and result.problems == ()


def _report_of(folder):
    articles = load_paths([folder]).articles
    return render_report(find_facts(Corpus(articles)), [])


def _two_articles(folder):
    (folder / "a.txt").write_text(f"Wire One\n\n{BODY} Seoul welcomed the visit.")
    (folder / "b.txt").write_text(f"Wire Two\n\n{BODY} Markets rose on the news.")


def test_a_report_saved_beside_the_articles_is_not_read_back_as_an_article(tmp_path):
    _two_articles(tmp_path)
    articles = load_paths([tmp_path]).articles
    write_report(tmp_path / "report.html", find_facts(Corpus(articles)), [])
    # A web page that merely mentions the program is still an article.
    (tmp_path / "page.html").write_text(
        "<html><head><title>Review</title></head><body><article><p>Corroborate compares "
        "news articles about the same event, sentence by sentence, for editors.</p>"
        "</article></body></html>"
    )
    result = load_paths([tmp_path])
    assert sorted(os.path.basename(a.path) for a in result.articles) == [
        "a.txt",
        "b.txt",
        "page.html",
    ]
    assert result.problems == ()


def test_a_report_named_directly_is_read(tmp_path):
    _two_articles(tmp_path)
    (tmp_path / "report.html").write_text(_report_of(tmp_path))
    assert isinstance(read_article(tmp_path / "report.html"), Article)
    result = load_paths([tmp_path / "report.html"])
    assert len(result.articles) == 1 and result.problems == ()


def test_report_head_carries_the_generator_and_version(tmp_path):
    from corroborate import __version__

    _two_articles(tmp_path)
    head = _report_of(tmp_path)[:2000]
    assert f'<meta name="generator" content="Corroborate {__version__}">' in head
    assert is_own_report(head.encode())
    assert not is_own_report(b'<meta name="generator" content="WordPress 6.5">')


def test_same_text_as_an_article_already_open_is_skipped_naming_it(tmp_path):
    crbc = read_article(SEEDS / "crbc-news.txt")
    copy = tmp_path / "crbc copy.txt"
    copy.write_bytes((SEEDS / "crbc-news.txt").read_bytes())
    (tmp_path / "other.txt").write_text(BODY)
    result = load_paths([tmp_path], already_open={crbc.id: crbc.path})
    assert [os.path.basename(a.path) for a in result.articles] == ["other.txt"]
    assert result.problems == (
        LoadProblem(str(copy), "skipped: same text as crbc-news.txt, already open", skipped=True),
    )


def test_same_text_twice_in_one_load_names_the_first_file(tmp_path):
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.txt").write_text(BODY)
    result = load_paths([tmp_path])
    assert [os.path.basename(a.path) for a in result.articles] == ["a.txt"]
    assert names_and_reasons(result) == [("b.txt", "skipped: same text as a.txt", True)]


def test_a_link_to_another_folder_is_listed_not_followed(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.txt").write_text(BODY)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "more").symlink_to(tmp_path / "elsewhere")
    result = load_paths([tmp_path / "articles"])
    assert result.articles == ()
    assert names_and_reasons(result) == [
        ("more", "skipped: a link to another folder; open that folder to read it", True)
    ]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything")
def test_a_sub_folder_that_cannot_be_opened_is_reported(tmp_path):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text(BODY)
    (tmp_path / "locked").chmod(0)
    try:
        result = load_paths([tmp_path])
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert names_and_reasons(result) == [
        ("locked", "permission denied: you are not allowed to open this folder", False)
    ]


def test_a_sub_folder_that_cannot_be_opened_is_reported_simulated(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "good.txt").write_text(BODY)
    real_scandir = os.scandir

    def denying_scandir(path="."):
        if os.fspath(path) == str(tmp_path / "locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", denying_scandir)
    result = load_paths([tmp_path])
    assert len(result.articles) == 1
    assert names_and_reasons(result) == [
        ("locked", "permission denied: you are not allowed to open this folder", False)
    ]


def test_files_named_directly_are_never_dropped_silently(tmp_path):
    # Images and hidden files found in a folder are skipped quietly; picked by hand,
    # they get a reason, so choosing them in Add Files never looks like nothing happened.
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / ".draft.txt").write_text(BODY)
    result = load_paths([tmp_path / "photo.png", tmp_path / ".draft.txt"])
    assert [os.path.basename(a.path) for a in result.articles] == [".draft.txt"]
    assert names_and_reasons(result) == [
        (
            "photo.png",
            "not supported: “.png” files cannot be read, only .txt, .md, .html, .docx and .pdf",
            False,
        )
    ]
    assert load_paths([tmp_path]).articles == ()  # found in the folder: quiet


def test_a_broken_link_named_directly_says_so(tmp_path):
    (tmp_path / "latest").symlink_to(tmp_path / "moved-away")
    result = load_paths([tmp_path / "latest"])
    assert names_and_reasons(result) == [
        ("latest", "broken link: the file it points to does not exist", False)
    ]
