"""Sentence boundaries with character offsets into the article text."""

from __future__ import annotations

import re

import pysbd

from .model import Sentence

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n|\r\n[ \t]*\r\n")
_segmenter: pysbd.Segmenter | None = None


def _get_segmenter() -> pysbd.Segmenter:
    global _segmenter
    if _segmenter is None:
        _segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return _segmenter


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def _lines(text: str, start: int, end: int):
    """Single lines inside a paragraph: headlines and datelines stand alone."""
    pos = start
    for line in text[start:end].split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split into sentences; each satisfies text[s.start:s.end] == s.text."""
    out: list[Sentence] = []
    para_index = 0
    for p_start, p_end in _paragraph_spans(text):
        if not text[p_start:p_end].strip():
            continue
        for l_start, l_end in _lines(text, p_start, p_end):
            chunk = text[l_start:l_end]
            if not chunk.strip():
                continue
            for s_start, s_end in _sentence_spans(chunk):
                a, b = l_start + s_start, l_start + s_end
                out.append(Sentence(len(out), a, b, text[a:b], para_index))
        para_index += 1
    return tuple(out)


def _sentence_spans(chunk: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = 0
    try:
        pieces = _get_segmenter().segment(chunk)
    except Exception:  # pysbd can choke on odd input; fall back to the whole line
        pieces = []
    for piece in pieces:
        found = chunk.find(piece.sent.strip(), cursor) if piece.sent.strip() else -1
        if found < 0:
            continue
        end = found + len(piece.sent.strip())
        spans.append((found, end))
        cursor = end
    if not spans:
        spans = [(0, len(chunk))]
    return [_trim(chunk, a, b) for a, b in _cover(chunk, spans) if chunk[a:b].strip()]


def _cover(chunk: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Make spans cover all non-blank text, so no words are lost between pieces."""
    covered: list[tuple[int, int]] = []
    prev_end = 0
    for a, b in spans:
        if chunk[prev_end:a].strip():
            if covered:
                covered[-1] = (covered[-1][0], a)
            else:
                a = prev_end
        covered.append((a, b))
        prev_end = b
    if chunk[prev_end:].strip():
        covered[-1] = (covered[-1][0], len(chunk))
    return covered


def _trim(chunk: str, a: int, b: int) -> tuple[int, int]:
    while a < b and chunk[a].isspace():
        a += 1
    while b > a and chunk[b - 1].isspace():
        b -= 1
    return a, b
