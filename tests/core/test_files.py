"""`core.files.write_atomically`, the one way Corroborate writes a file.

If these broke, an export interrupted by a full disk could leave a half-written file in
place of the user's previous one, a temporary file could litter their folder, or a new
export could be readable by nobody but its owner (or writable by everyone).
"""

import os

import pytest

from corroborate.core import files
from corroborate.core.files import current_umask, write_atomically, write_text_atomically


@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    yield
    os.umask(old)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_new_file_gets_the_permissions_the_umask_allows(tmp_path, umask_027):
    out = tmp_path / "report.html"
    write_text_atomically(out, "<p>hi</p>")
    assert current_umask() == 0o027
    assert out.stat().st_mode & 0o777 == 0o640  # not the private 0600 of a temporary file
    assert out.read_text(encoding="utf-8") == "<p>hi</p>"


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_file_written_over_keeps_its_own_permissions(tmp_path):
    out = tmp_path / "export.csv"
    out.write_text("old")
    out.chmod(0o604)
    write_text_atomically(out, "new")
    assert out.read_text() == "new" and out.stat().st_mode & 0o777 == 0o604


def test_a_writer_that_fails_midway_leaves_the_old_file_and_no_temporary_file(tmp_path):
    out = tmp_path / "export.json"
    out.write_text("the previous export")

    def half_then_fail(stream):
        stream.write('{"half": ')
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        write_atomically(out, half_then_fail)
    assert out.read_text() == "the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


def test_an_interruption_leaves_no_new_file_behind(tmp_path):
    out = tmp_path / "new.csv"

    def interrupted(stream):
        stream.write("a,b\r\n")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomically(out, interrupted)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_sync_leaves_the_target_untouched(tmp_path, monkeypatch):
    out = tmp_path / "export.csv"
    out.write_text("old")

    def failing_sync(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(files.os, "fsync", failing_sync)
    with pytest.raises(OSError):
        write_text_atomically(out, "new")
    assert out.read_text() == "old" and len(list(tmp_path.iterdir())) == 1


def test_text_and_line_ends_are_written_exactly_as_given(tmp_path):
    out = tmp_path / "rows.csv"
    write_text_atomically(out, 'é,"x"\r\nlast\n', encoding="utf-8-sig")
    assert out.read_bytes() == '\ufeffé,"x"\r\nlast\n'.encode()


def test_a_missing_folder_is_an_error_not_a_stray_file(tmp_path):
    with pytest.raises(OSError):
        write_text_atomically(tmp_path / "no such folder" / "out.txt", "x")
    assert list(tmp_path.iterdir()) == []
