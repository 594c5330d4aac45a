"""The checks `make package-test` runs on a frozen build can tell a broken build from a good one.

If this breaks, `make package-test` passes a build whose window stays blank or whose readers
cannot open some formats, so users would be the first to find out.
"""

from __future__ import annotations

import os

import check_bundle
from PySide6.QtGui import QColor, QImage
from sample_formats import write_samples

from corroborate.core.ingest.loading import load_paths
from tests.conftest import SEEDS


def test_flat_or_tiny_screenshot_is_rejected(qapp, tmp_path):
    flat = QImage(1280, 800, QImage.Format.Format_RGB32)
    flat.fill(QColor("#efefef"))
    flat.save(str(tmp_path / "flat.png"))
    problems = check_bundle.screenshot_problems(tmp_path / "flat.png")
    assert any("one colour" in p for p in problems)
    assert any("bytes" in p for p in problems)
    assert check_bundle.screenshot_problems(tmp_path / "missing.png")


def test_busy_screenshot_passes_and_differs_from_flat(qapp, tmp_path):
    noisy = QImage(os.urandom(400 * 300 * 4), 400, 300, QImage.Format.Format_RGB32).copy()
    noisy.save(str(tmp_path / "busy.png"))
    flat = QImage(400, 300, QImage.Format.Format_RGB32)
    flat.fill(QColor("#efefef"))
    flat.save(str(tmp_path / "flat.png"))
    assert check_bundle.screenshot_problems(tmp_path / "busy.png") == []
    assert check_bundle.changed_share(tmp_path / "busy.png", tmp_path / "flat.png") > 0.9
    assert check_bundle.changed_share(tmp_path / "busy.png", tmp_path / "busy.png") == 0


def test_sample_formats_all_load_with_their_sentences(qapp, tmp_path):
    text = (SEEDS / "crbc-news.txt").read_text(encoding="utf-8")
    paths = write_samples(text, tmp_path)
    result = load_paths([str(tmp_path)])
    assert result.problems == ()
    assert sorted(a.format for a in result.articles) == sorted(["txt", "md", "html", "docx", "pdf"])
    for article in result.articles:
        assert len(article.sentences) >= check_bundle.MIN_SENTENCES_PER_SAMPLE, article.path
    assert len(paths) == len(result.articles)
