"""Pipes, sockets and devices among the articles: skipped with a reason, never opened.

Broken, the app would freeze on "Loading…" forever: opening a named pipe waits for a
writer that never comes, and reading /dev/zero never ends. Every load here runs in a
thread with a deadline, so a regression fails instead of hanging the test run.
"""

import os
import shutil
import socket
import stat
import threading
import time

import pytest

from corroborate.core.ingest import opening
from corroborate.core.ingest.loading import load_paths
from corroborate.core.ingest.readers import read_article
from corroborate.core.model import LoadProblem
from tests.conftest import SEEDS

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def within(seconds: float, work):
    """The result of work(), or a failure once `seconds` pass without one."""
    outcome = {}

    def run():
        outcome["value"] = work()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still blocked after {seconds} s"
    return outcome["value"]


def seed_folder(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    return folder


@needs_fifo
def test_folder_with_a_named_pipe_loads_the_five_articles_at_once(tmp_path):
    folder = seed_folder(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    load_paths([SEEDS])  # sentences cached: what remains to time is the reading itself
    start = time.perf_counter()
    result = within(5, lambda: load_paths([folder]))
    elapsed = time.perf_counter() - start
    assert len(result.articles) == 5
    assert result.problems == (
        LoadProblem(str(folder / "pipe.txt"), "a named pipe, not a file: skipped", skipped=True),
    )
    assert elapsed < 1, f"loading took {elapsed:.2f} s"


@needs_fifo
def test_a_named_pipe_named_directly_is_not_opened(tmp_path):
    os.mkfifo(tmp_path / "feed.md")
    result = within(5, lambda: read_article(tmp_path / "feed.md"))
    assert result == LoadProblem(
        str(tmp_path / "feed.md"), "a named pipe, not a file: skipped", skipped=True
    )


@needs_fifo
def test_a_link_to_a_named_pipe_is_followed_and_skipped(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "article.txt").symlink_to(tmp_path / "pipe")
    result = within(5, lambda: read_article(tmp_path / "article.txt"))
    assert result.reason == "a named pipe, not a file: skipped"


@needs_fifo
def test_a_pipe_swapped_in_after_the_check_does_not_block(tmp_path, monkeypatch):
    # Another program replaces the file between the check and the open.
    swapped = tmp_path / "swapped.txt"
    os.mkfifo(swapped)
    regular, real_stat = os.stat(SEEDS / "crbc-news.txt"), os.stat

    def stat_before_the_swap(path, *args, **kwargs):
        return regular if str(path) == str(swapped) else real_stat(path, *args, **kwargs)

    monkeypatch.setattr(opening.os, "stat", stat_before_the_swap)
    result = within(5, lambda: read_article(swapped))
    assert result.reason == "a named pipe, not a file: skipped"


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_a_socket_is_skipped(tmp_path):
    path = tmp_path / "s.txt"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
    except OSError as exc:  # some file systems refuse sockets
        pytest.skip(f"cannot bind a socket here: {exc}")
    try:
        result = within(5, lambda: read_article(path))
    finally:
        server.close()
    assert result.reason == "a socket, not a file: skipped" and result.skipped


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_device_is_skipped_not_read_forever(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    result = within(5, lambda: load_paths([tmp_path]))
    assert stat.S_ISCHR(os.stat("/dev/zero").st_mode)
    assert [(p.reason, p.skipped) for p in result.problems] == [
        ("a device, not a file: skipped", True)
    ]


def test_a_folder_named_as_a_file_is_a_problem_not_a_crash(tmp_path):
    (tmp_path / "looks-like.txt").mkdir()
    result = read_article(tmp_path / "looks-like.txt")
    assert result.reason == "this is a folder, not a file" and not result.skipped


@needs_fifo
def test_listing_a_folder_of_pipes_never_opens_them(tmp_path):
    # Report detection sniffs .html files: it must not open a pipe named like one.
    for name in ("report.html", "page.htm", "notes.txt"):
        os.mkfifo(tmp_path / name)
    result = within(5, lambda: load_paths([tmp_path]))
    assert sorted(p.reason for p in result.problems) == [
        "a named pipe, not a file: skipped"
    ] * 2 + ["skipped: looks like notes about the folder; add it with Add Files to read it"]
