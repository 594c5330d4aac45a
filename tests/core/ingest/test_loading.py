"""Whole folders: good files load, each broken file is one problem, progress moves forward."""

import os
import time

from corroborate.core.ingest import readers
from corroborate.core.ingest.loading import load_paths
from tests.conftest import SEEDS
from tests.core.ingest.documents import make_docx, make_encrypted_pdf, make_pdf, pdf_bytes

BODY = "Lee arrived in Beijing on Sunday. He met Xi Jinping on Monday. They discussed trade."


def test_seed_folder_loads_five_articles():
    result = load_paths([SEEDS])
    assert len(result.articles) == 5 and not result.cancelled
    # Only the folder's read-me is left out, and it says so.
    assert [(p.path, p.skipped) for p in result.problems] == [(str(SEEDS / "README.md"), True)]


def test_mixed_folder_one_clear_problem_per_broken_file(tmp_path):
    # Good files in every format.
    (tmp_path / "good.txt").write_text(f"Good Text\n\n{BODY}")
    (tmp_path / "good.md").write_text(f"# Good Markdown\n\n{BODY} It rained.")
    make_docx(tmp_path / "good.docx", ["Good Word", f"{BODY} Markets rose."])
    make_pdf(tmp_path / "good.pdf", ["Good PDF", f"{BODY} Talks ended."])
    (tmp_path / "good.html").write_text(
        f"<html><head><title>Good Page</title></head><body><article><p>{BODY} "
        "The leaders agreed to meet again next year in Seoul.</p></article></body></html>"
    )
    # Ten kinds of broken file.
    broken = {
        "empty.txt": "empty file",
        "blank.md": "empty file: it holds only blank space",
        "binary.txt": "binary file, not text",
        "damaged.docx": "not a Word document: the file is damaged",
        "damaged.pdf": "not a PDF document: the file is damaged or cut short",
        "scanned.pdf": "no text in this PDF: it is probably a scanned image",
        "locked.pdf": "the PDF is password-protected",
        "huge.txt": "too large: 21.0 MB (the limit is 20 MB)",
        "menu.html": "no article text found in this web page",
        "old.doc": "not supported: an old Word 97–2003 document",
    }
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("\n   \n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "damaged.docx").write_bytes((tmp_path / "good.docx").read_bytes()[:500])
    (tmp_path / "damaged.pdf").write_bytes(pdf_bytes(["cut"])[:100])
    make_pdf(tmp_path / "scanned.pdf", [])
    make_encrypted_pdf(tmp_path / "locked.pdf", ["Secret."], password="pw")
    with open(tmp_path / "huge.txt", "wb") as fh:
        fh.truncate(21 * 1024 * 1024)
    (tmp_path / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    # Not articles at all: skipped without a word.
    (tmp_path / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / "~$good.docx").write_bytes(b"lock")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "secret.txt").write_text(BODY)
    # Skipped on purpose, and listed as such.
    (tmp_path / "README.md").write_text("About this folder.")

    result = load_paths([tmp_path])

    titles = sorted(a.title for a in result.articles)
    assert titles == ["Good Markdown", "Good PDF", "Good Page", "Good Text", "Good Word"]
    broken_found = [p for p in result.problems if not p.skipped]
    reasons = {p.path.rsplit("/", 1)[-1]: p.reason for p in broken_found}
    assert len(broken_found) == len(broken) == 10
    assert set(reasons) == set(broken)
    for name, expected in broken.items():
        assert reasons[name].startswith(expected), (name, reasons[name])
    assert [p.path for p in result.problems if p.skipped] == [str(tmp_path / "README.md")]


def test_file_deleted_between_listing_and_reading(tmp_path, monkeypatch):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"{name} says hello. {BODY}")
    real_list = readers.list_article_files

    def list_then_delete(paths):
        files, problems = real_list(paths)
        (tmp_path / "a.txt").unlink()  # another program moves it away meanwhile
        return files, problems

    monkeypatch.setattr("corroborate.core.ingest.loading.list_article_files", list_then_delete)
    result = load_paths([tmp_path])
    assert [a.path for a in result.articles] == [str(tmp_path / "b.txt")]
    assert [(p.path, p.reason) for p in result.problems] == [
        (str(tmp_path / "a.txt"), "file disappeared while loading (moved or deleted)")
    ]


def test_500_files_load_quickly_with_monotonic_progress(tmp_path):
    for i in range(500):
        (tmp_path / f"{i:03d}.txt").write_text(
            f"Report {i}\n\nOfficials said {i} people attended on Monday. {BODY}"
        )
    calls = []

    def progress(done, total):
        calls.append((done, total))
        return True

    start = time.perf_counter()
    result = load_paths([tmp_path], progress)
    elapsed = time.perf_counter() - start
    assert len(result.articles) == 500 and result.problems == ()
    assert elapsed < 30, f"500 small files took {elapsed:.1f} s"
    dones = [d for d, _ in calls]
    assert dones == sorted(dones) and dones[0] == 0 and dones[-1] == 500
    assert {t for _, t in calls} == {500}


def test_cancel_keeps_what_was_read(tmp_path):
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"Article {i}. {BODY}")
    result = load_paths([tmp_path], lambda done, total: done < 2)
    assert result.cancelled and len(result.articles) == 2


def test_same_text_twice_is_one_article_and_one_problem(tmp_path):
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "copy of a.txt").write_text(BODY)
    result = load_paths([tmp_path])
    assert len(result.articles) == 1
    assert [(p.reason, p.skipped) for p in result.problems] == [
        ("skipped: same text as a.txt", True)
    ]


def test_explicit_paths_missing_hidden_and_images(tmp_path):
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / ".DS_Store").write_bytes(b"x")
    result = load_paths(
        [tmp_path / "photo.png", tmp_path / ".DS_Store", tmp_path / "nothing-here.txt"]
    )
    assert result.articles == ()
    assert [p.reason for p in result.problems] == [
        "not supported: “.png” files cannot be read, only .txt, .md, .html, .docx and .pdf",
        "not supported: the name has no extension such as .txt, .md, .html, .docx and .pdf",
        "no such file or folder",
    ]


def test_a_path_the_system_rejects_is_a_problem_not_a_crash():
    result = load_paths(["bad\0name.txt", SEEDS / "crbc-news.txt"])
    assert [a.source for a in result.articles] == ["CRBC News"]
    assert [p.path for p in result.problems] == ["bad\0name.txt"]


def test_cancel_while_one_large_file_is_split_ends_the_load_promptly(tmp_path):
    # Broken: pressing Cancel on a 15 MB file would leave "Loading…" up for minutes.
    (tmp_path / "a-small.txt").write_text(f"Small One\n\n{BODY}")
    token = os.urandom(4).hex()  # text never split before, in memory or on disk
    paragraph = f"Officials in Seoul said talks went well ({token}). {BODY}\n\n"
    with open(tmp_path / "b-large.txt", "w") as out:
        out.write(paragraph * (15 * 1024 * 1024 // len(paragraph)))
    started = time.perf_counter()

    def progress(done, total):
        return time.perf_counter() - started < 0.2

    result = load_paths([tmp_path], progress)
    elapsed = time.perf_counter() - started
    assert result.cancelled
    assert [a.title for a in result.articles] == ["Small One"]
    assert elapsed < 2.5, f"cancelling took {elapsed:.1f} s"
