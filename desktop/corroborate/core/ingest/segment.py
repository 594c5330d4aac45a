"""Sentence boundaries with character offsets into the article text.

Every sentence satisfies `text[s.start:s.end] == s.text`, so highlights and annotations
stored as offsets always point at the words the reader saw.

pysbd finds the boundaries, but it costs several microseconds per character and far more
on lines of many tiny sentences. Time stays linear in the length of the text: lines that
cannot hold a boundary skip pysbd, long lines are fed in bounded windows, and once an
article has used up `PYSBD_BUDGET` (about 200,000 characters of ordinary prose, far more
than any news article) the rest is split by the quicker rules of `quick_split`.
"""

from __future__ import annotations

import re
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator

import pysbd

from ..model import Sentence
from . import pysbd_patterns
from .quick_split import quick_spans

pysbd_patterns.install()

# Bump when the splitting rules change: cached sentence boundaries are then recomputed.
SEGMENTER_VERSION = 3

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85")
# "SEOUL, Nov. 18 (Yonhap) --": a month abbreviation before a day number ends no sentence.
_MONTH = r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\."
_MONTH_ABBREVIATION = re.compile(_MONTH + r"\s*$", re.IGNORECASE)
_ANY_MONTH_ABBREVIATION = re.compile(_MONTH, re.IGNORECASE)
# pysbd slows down with the square of a line's length; long lines are fed in windows
# cut where a sentence surely ends ("word. Next"), which keeps time linear.
WINDOW = 1500
_SURE_SENTENCE_END = re.compile(r"(?<=[a-z]{3}[.!?])\s+(?=[A-Z])")
# pysbd splits a line only at its sentence punctuation, at quotes and brackets, or at the
# placeholder symbols it uses itself; a line with none of these comes back whole.
_BOUNDARY_HINTS = ".!?…()[]\"'«°»ûũƪǃȸȹʼ،ᓰᓱᓳᓴᓷᓸ‘’“”⁃∮∯⌬⎋☄☇☈☉☏☝♝♟♨♬♭✂。「」！（）．？"
_MAY_SPLIT = re.compile("[" + re.escape(_BOUNDARY_HINTS) + "]")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_NON_SPACE = re.compile(r"\S")
_CONTENT = re.compile(r"\S(?:.*\S)?", re.DOTALL)  # a span without its outer spaces
# Estimated pysbd work per article, in characters of ordinary prose (~2-4 µs each).
PYSBD_BUDGET = 250_000
_CALL_COST = 30  # one call costs as much as ~30 characters
# How often `keep_going` is asked, in seconds of work.
CHECK_INTERVAL = 0.05

# pysbd keeps the text being split on the segmenter, so each thread needs its own.
_per_thread = threading.local()


class Cancelled(Exception):
    """Raised when the caller's `keep_going` says to stop splitting."""


def _get_segmenter() -> pysbd.Segmenter:
    segmenter = getattr(_per_thread, "segmenter", None)
    if segmenter is None:
        segmenter = pysbd.Segmenter(language="en", clean=False, char_span=False)
        _per_thread.segmenter = segmenter
    return segmenter


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line, whatever the newline convention."""
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def split_sentences(
    text: str, keep_going: Callable[[], bool] | None = None
) -> tuple[Sentence, ...]:
    """Split into sentences; a blank line starts a new paragraph, a line break a new sentence.

    Headlines, datelines and bylines sit on lines of their own, so each line is split on
    its own and never merged with the next; identical lines stay separate sentences.
    `keep_going()` is asked about every `CHECK_INTERVAL` seconds of work; when it returns
    False, `Cancelled` is raised.
    """
    splitter = _Splitter(keep_going)
    out: list[Sentence] = []
    paragraph = 0
    in_paragraph = False
    for l_start, l_end in _lines(text):
        if keep_going is not None:
            splitter.check()
        line = text[l_start:l_end]
        content = _CONTENT.search(line)
        if content is None:  # a blank line
            if in_paragraph:
                paragraph += 1
                in_paragraph = False
            continue
        in_paragraph = True
        if len(line) <= 2 * WINDOW and not _MAY_SPLIT.search(line):
            # A headline, a byline or one of a million "a" lines: one sentence at most.
            if _LETTER_OR_DIGIT.search(line) or _has_words(line):
                a, b = content.span()
                out.append(Sentence(len(out), l_start + a, l_start + b, content.group(), paragraph))
            continue
        for s_start, s_end in splitter.sentence_spans(line):
            a, b = l_start + s_start, l_start + s_end
            out.append(Sentence(len(out), a, b, text[a:b], paragraph))
    return tuple(out)


class _Splitter:
    """The work of one `split_sentences` call: its pysbd budget and its cancel checks."""

    def __init__(self, keep_going: Callable[[], bool] | None) -> None:
        self.keep_going = keep_going
        self.budget = PYSBD_BUDGET
        self.next_check = time.monotonic() + CHECK_INTERVAL

    def check(self) -> None:
        if self.keep_going is not None and time.monotonic() >= self.next_check:
            if not self.keep_going():
                raise Cancelled
            self.next_check = time.monotonic() + CHECK_INTERVAL

    def sentence_spans(self, line: str) -> list[tuple[int, int]]:
        if len(line) <= 2 * WINDOW:  # one window, no copy
            spans = self._window_spans(line)
        else:
            spans = []
            for w_start, w_end in _windows(line):
                self.check()
                pieces = self._window_spans(line[w_start:w_end])
                spans += [(w_start + a, w_start + b) for a, b in pieces]
        return _visible(line, _merge_after_month(line, spans))

    def _window_spans(self, window: str) -> list[tuple[int, int]]:
        """Spans covering the whole window, so no word is ever lost."""
        if not _MAY_SPLIT.search(window):
            return [(0, len(window))]
        if self.budget <= 0:
            return quick_spans(window)
        self.budget -= _pysbd_cost(window)
        return _cover(window, _pysbd_spans(window))


def _pysbd_cost(window: str) -> int:
    """pysbd's time on the window, in characters of prose: it grows with the square of
    the window's length and of its number of sentences ("Yes. Yes. Yes.")."""
    n = len(window)
    ends = window.count(".") + window.count("!") + window.count("?")
    return _CALL_COST + n + n * n // 4400 + ends * ends // 16


def _has_words(s: str) -> bool:
    """False for bare punctuation such as '***' or '—' left between real sentences."""
    if _LETTER_OR_DIGIT.search(s):  # the usual case, without a Python loop
        return True
    return any(unicodedata.category(ch)[0] not in "PZC" for ch in s)


def _windows(line: str) -> Iterator[tuple[int, int]]:
    """Windows one at a time, so cancelling a 20 MB line need not wait for all of them."""
    start = 0
    while len(line) - start > 2 * WINDOW:
        cut = _SURE_SENTENCE_END.search(line, start + WINDOW, start + 2 * WINDOW)
        end = cut.start() if cut else line.rfind(" ", start + WINDOW, start + 2 * WINDOW)
        if end <= start:
            end = start + 2 * WINDOW
        yield start, end
        start = end
    yield start, len(line)


def _pysbd_spans(line: str) -> list[tuple[int, int]]:
    """pysbd's pieces located in the line by search: its own offsets are unreliable."""
    try:
        pieces = pysbd_pieces(_get_segmenter(), line)
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


def pysbd_pieces(segmenter: pysbd.Segmenter, text: str) -> list[str]:
    """`segmenter.segment(text)`, its sentences each with the spaces after it, found faster.

    pysbd locates each sentence in the text with a regular expression made from that
    sentence, so every call compiles new patterns and pushes pysbd's own out of `re`'s
    cache: 40 % of its time on news prose. `str.find` gives the same pieces.
    """
    if not text:
        return []
    pieces: list[str] = []
    prior_end = 0
    for sentence in segmenter.processor(text).process():
        if not sentence:  # never seen; pysbd's own search handles it
            return segmenter.segment(text)
        # The first occurrence ending past the previous piece, as pysbd's finditer finds it.
        position = 0
        while (start := text.find(sentence, position)) >= 0:
            end = start + len(sentence)
            # and the spaces after it, which pysbd's pattern takes with "\s*"
            while end < len(text) and text[end].isspace():
                end += 1
            if end > prior_end:
                pieces.append(text[start:end])
                prior_end = end
                break
            position = end
    return pieces


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
    if not _ANY_MONTH_ABBREVIATION.search(line):
        return spans
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if (
            merged
            and _starts_with_digit(line, a, b)  # cheap, so tested first
            and b - merged[-1][0] <= 2 * WINDOW  # a sentence never outgrows a window
            and _MONTH_ABBREVIATION.search(line, merged[-1][0], merged[-1][1])
        ):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _visible(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans without surrounding spaces; those with no word in them dropped."""
    out = []
    for a, b in spans:
        content = _CONTENT.search(line, a, b)
        if content is None:
            continue
        a, b = content.span()
        if _LETTER_OR_DIGIT.search(line, a, b) or _has_words(line[a:b]):
            out.append((a, b))
    return out


def _starts_with_digit(line: str, a: int, b: int) -> bool:
    first = _NON_SPACE.search(line, a, b)
    return first is not None and line[first.start()].isdigit()
