"""Sentence boundaries with character offsets into the article text.

Every sentence satisfies `text[s.start:s.end] == s.text`, so highlights and annotations
stored as offsets always point at the words the reader saw.
"""

from __future__ import annotations

import re
import threading
import unicodedata

import pysbd

from .model import Sentence

# Bump when the splitting rules change: cached sentence boundaries are then recomputed.
SEGMENTER_VERSION = 2

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85")
# "SEOUL, Nov. 18 (Yonhap) --": a month abbreviation before a day number ends no sentence.
_MONTH_ABBREVIATION = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*$", re.IGNORECASE
)
# pysbd slows down with the square of a line's length; long lines are fed in windows
# cut where a sentence surely ends ("word. Next"), which keeps time linear.
WINDOW = 1500
_SURE_SENTENCE_END = re.compile(r"(?<=[a-z]{3}[.!?])\s+(?=[A-Z])")
_segmenter: pysbd.Segmenter | None = None
_segmenter_lock = threading.Lock()


def _get_segmenter() -> pysbd.Segmenter:
    global _segmenter
    with _segmenter_lock:
        if _segmenter is None:
            _segmenter = pysbd.Segmenter(language="en", clean=False, char_span=False)
        return _segmenter


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, whatever the newline convention."""
    spans, pos = [], 0
    for m in _LINE_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split into sentences; a blank line starts a new paragraph, a line break a new sentence.

    Headlines, datelines and bylines sit on lines of their own, so each line is split on
    its own and never merged with the next; identical lines stay separate sentences.
    """
    out: list[Sentence] = []
    paragraph = 0
    in_paragraph = False
    for l_start, l_end in _lines(text):
        line = text[l_start:l_end]
        if not line.strip():
            if in_paragraph:
                paragraph += 1
                in_paragraph = False
            continue
        in_paragraph = True
        for s_start, s_end in _sentence_spans(line):
            a, b = l_start + s_start, l_start + s_end
            out.append(Sentence(len(out), a, b, text[a:b], paragraph))
    return tuple(out)


def _has_words(s: str) -> bool:
    """False for bare punctuation such as '***' or '—' left between real sentences."""
    return any(unicodedata.category(ch)[0] not in "PZC" for ch in s)


def _sentence_spans(line: str) -> list[tuple[int, int]]:
    spans = []
    for w_start, w_end in _windows(line):
        window = line[w_start:w_end]
        spans += [(w_start + a, w_start + b) for a, b in _cover(window, _pysbd_spans(window))]
    spans = _merge_after_month(line, spans)
    return [_trim(line, a, b) for a, b in spans if _has_words(line[a:b])]


def _windows(line: str) -> list[tuple[int, int]]:
    windows, start = [], 0
    while len(line) - start > 2 * WINDOW:
        cut = _SURE_SENTENCE_END.search(line, start + WINDOW, start + 2 * WINDOW)
        end = cut.start() if cut else line.rfind(" ", start + WINDOW, start + 2 * WINDOW)
        if end <= start:
            end = start + 2 * WINDOW
        windows.append((start, end))
        start = end
    windows.append((start, len(line)))
    return windows


def _pysbd_spans(line: str) -> list[tuple[int, int]]:
    """pysbd's pieces located in the line by search: its own offsets are unreliable."""
    try:
        pieces = _get_segmenter().segment(line)
    except Exception:  # pysbd fails on some odd input; the line then stays one sentence
        return [(0, len(line))]
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in pieces:
        piece = piece.strip()
        found = line.find(piece, cursor) if piece else -1
        if found >= 0:
            spans.append((found, found + len(piece)))
            cursor = found + len(piece)
    return spans or [(0, len(line))]


def _cover(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretch spans over any text pysbd skipped, so no word is ever lost."""
    covered: list[tuple[int, int]] = []
    prev_end = 0
    for a, b in spans:
        if line[prev_end:a].strip():
            if covered:
                covered[-1] = (covered[-1][0], a)
            else:
                a = prev_end
        covered.append((a, b))
        prev_end = b
    if line[prev_end:].strip():
        covered[-1] = (covered[-1][0], len(line))
    return covered


def _merge_after_month(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if (
            merged
            and _MONTH_ABBREVIATION.search(line, merged[-1][0], merged[-1][1])
            and line[a:b].lstrip()[:1].isdigit()
        ):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _trim(line: str, a: int, b: int) -> tuple[int, int]:
    while a < b and line[a].isspace():
        a += 1
    while b > a and line[b - 1].isspace():
        b -= 1
    return a, b
