"""Files within the size limit that are hostile to sentence splitting, built in code.

Each builder writes one file of about `scale` times the size a tester found slow
(scale 1 is the full size) and returns its path.
"""

from __future__ import annotations

from pathlib import Path

# Varied news prose: abbreviations, decimals, quotes and parentheses, the work pysbd does.
NEWS_SENTENCES = (
    "SEOUL, Nov. 18 (Yonhap) -- President Lee left for Beijing on Sunday.",
    "Mr. Lee will meet Chinese President Xi Jinping on Monday, officials said.",
    '"We expect a productive summit," a spokesman told reporters.',
    "Trade between the two countries rose 3.5% last year to $310.2 billion.",
    "The U.S. State Department declined to comment on the visit.",
    "Talks will cover supply chains, tourism and North Korea (among other issues).",
    "Is a free trade deal likely? Analysts doubt it.",
    "Dr. Kim of Seoul National University called the trip a reset.",
)
_WORDS = (
    "the minister said trade talks between both governments would continue next week "
    "in the capital after officials from several ministries met again on tuesday"
).split()


def _size(full_bytes: int, scale: float) -> int:
    return max(1, int(full_bytes * scale))


def one_letter_lines(folder: Path, scale: float = 1.0) -> Path:
    """2 MB of "a" lines: a million one-letter sentences."""
    path = folder / "one-letter-lines.txt"
    path.write_text("a\n" * _size(1_000_000, scale), encoding="utf-8")
    return path


def tiny_sentences_on_one_line(folder: Path, scale: float = 1.0) -> Path:
    """5 MB of "Yes. ": a million tiny sentences and no line break."""
    path = folder / "tiny-sentences.txt"
    path.write_text("Yes. " * _size(1_000_000, scale), encoding="utf-8")
    return path


def words_without_punctuation(folder: Path, scale: float = 1.0) -> Path:
    """15 MB of words with no punctuation and no line break: no sentence ever ends."""
    path = folder / "no-punctuation.txt"
    target = _size(15_000_000, scale)
    # Word order varies so no two windows of the text are alike.
    line = " ".join(_WORDS[(i * 7 + i // len(_WORDS)) % len(_WORDS)] for i in range(9973))
    repeats = target // (len(line) + 1) + 1
    path.write_text(" ".join([line] * repeats)[:target], encoding="utf-8")
    return path


def prose_on_one_line(folder: Path, scale: float = 1.0) -> Path:
    """20 MB of news prose with no line break, as a file whose newlines were lost."""
    path = folder / "single-line.txt"
    target = _size(20_000_000, scale)
    sentences = []
    size = 0
    i = 0
    while size < target:
        # A counter in every sentence keeps sentences distinct, as in a real long text.
        sentence = NEWS_SENTENCES[i % len(NEWS_SENTENCES)].replace("Sunday", f"day {i}")
        sentences.append(sentence)
        size += len(sentence) + 1
        i += 1
    path.write_text(" ".join(sentences)[:target].rstrip(), encoding="utf-8")
    return path


def page_of_many_paragraphs(folder: Path, scale: float = 1.0) -> Path:
    """A web page of 100,000 paragraphs."""
    path = folder / "many-paragraphs.html"
    count = _size(100_000, scale)
    paragraphs = "\n".join(
        f"<p>{NEWS_SENTENCES[i % len(NEWS_SENTENCES)]} Paragraph {i} of the report.</p>"
        for i in range(count)
    )
    path.write_text(
        "<!DOCTYPE html><html><head><title>Summit report</title></head><body><article>"
        f"<h1>Summit report</h1>{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    return path


ALL_CASES = (
    one_letter_lines,
    tiny_sentences_on_one_line,
    words_without_punctuation,
    prose_on_one_line,
    page_of_many_paragraphs,
)
