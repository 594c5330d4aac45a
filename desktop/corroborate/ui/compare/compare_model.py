"""The rows of a comparison: matched pairs and unmatched sentences of two articles.

The model holds a `core.alignment.comparison.Comparison` and, per row, only sentence
indices. Word differences, score explanations and discrepancies come from the
comparison the first time a row is shown (or hovered), which keeps them by the
sentences involved, so they survive re-aligning with another threshold.
"""

from __future__ import annotations

import html
from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ...core.alignment.comparison import Comparison
from ...core.alignment.confidence import POSSIBLE, confidence
from ...core.alignment.explanation import plain_explanation
from ...core.alignment.key_content import KeyContent, pair_content
from ...core.alignment.similarity import Corpus
from ...core.model import Alignment, Discrepancy
from ...core.text.words import word_tokens
from ..common.discrepancy_hints import (
    DIFFERS_CLASS,
    PANEL_HINT,
    layered_html,
)
from ..common.kind_filter import KindFilter
from ..common.plain import plain_tooltip
from ..common.table_model import ReadOnlyTableModel

AnyIndex = QModelIndex | QPersistentModelIndex

# Row kinds, also the filter names.
MATCHED, ONLY_A, ONLY_B = "matched", "only_a", "only_b"

# Item data roles (DisplayRole is the plain text of a cell).
KIND_ROLE = Qt.ItemDataRole.UserRole + 20  # MATCHED / ONLY_A / ONLY_B
SENTENCES_ROLE = Qt.ItemDataRole.UserRole + 21  # (a indices, b indices) of the row
HTML_ROLE = Qt.ItemDataRole.UserRole + 22  # escaped text, changed or shared words marked
SCORE_ROLE = Qt.ItemDataRole.UserRole + 23  # 0-100, None when unmatched
DIFFERENCE_ROLE = Qt.ItemDataRole.UserRole + 24  # True when the row differs between sources
ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 25  # the row's Annotation, or None
MANUAL_ROLE = Qt.ItemDataRole.UserRole + 26  # True when a person linked the row's sentences
DISCREPANCY_ROLE = Qt.ItemDataRole.UserRole + 27  # the row's Discrepancy records (matched rows)
CONFIDENCE_ROLE = Qt.ItemDataRole.UserRole + 28  # "solid" or "possible", None when unmatched

# CSS classes of changed words (near-identical pairs) and of the key content both sides
# share (paraphrases); the delegate's style sheet gives them their colours.
REMOVED_CLASS, ADDED_CLASS, SHARED_CLASS = "removed", "added", "shared"

# The annotation of a row's sentences, if any (set by the window's annotation session).
AnnotationLookup = Callable[["CompareRow"], Any]
# The annotations covering a row's sentences and more (a fact's): a Rollup, shown as
# inherited when the row has none of its own.
InheritedLookup = Callable[["CompareRow"], Any]


class CompareRow(NamedTuple):
    kind: str
    a: tuple[int, ...]  # sentence indices of article a (empty when only in b)
    b: tuple[int, ...]
    match: int  # index into Alignment.matches, -1 when unmatched


def arrange_rows(alignment: Alignment, by_b: bool = False) -> list[CompareRow]:
    """Rows in reading order of one article; unmatched sentences of the other article
    sit right after the row holding their nearest preceding matched sentence (those
    before its first match, right before the row holding that match)."""
    pairs = [(m.a, m.b) for m in alignment.matches]
    lead_only, other_only = alignment.only_a, alignment.only_b
    if by_b:
        pairs = [(b, a) for a, b in pairs]
        lead_only, other_only = other_only, lead_only
    lead_kind, other_kind = (ONLY_B, ONLY_A) if by_b else (ONLY_A, ONLY_B)

    lead: list[tuple[int, CompareRow]] = [
        (lead_idx[0], CompareRow(MATCHED, *_sides(lead_idx, other_idx, by_b), n))
        for n, (lead_idx, other_idx) in enumerate(pairs)
    ]
    lead += [(i, CompareRow(lead_kind, *_sides((i,), (), by_b), -1)) for i in lead_only]
    lead.sort(key=lambda item: item[0])
    rows = [row for _, row in lead]

    # Matched sentences of the other article, sorted, with the lead row holding each.
    anchors = sorted(
        (j, pos)
        for pos, row in enumerate(rows)
        if row.kind == MATCHED
        for j in (row.a if by_b else row.b)
    )
    anchor_keys = [j for j, _ in anchors]
    after: dict[int, list[CompareRow]] = {}
    before: dict[int, list[CompareRow]] = {}
    for j in other_only:
        k = bisect_left(anchor_keys, j) - 1
        row = CompareRow(other_kind, *_sides((), (j,), by_b), -1)
        if k >= 0:
            after.setdefault(anchors[k][1], []).append(row)
        elif anchors:  # before the other article's first match: just above that match,
            before.setdefault(anchors[0][1], []).append(row)  # not at the very top
        else:
            after.setdefault(-1, []).append(row)
    merged = list(after.get(-1, []))
    for pos, row in enumerate(rows):
        merged.extend(before.get(pos, []))
        merged.append(row)
        merged.extend(after.get(pos, []))
    return merged


def _sides(lead, other, by_b: bool) -> tuple[tuple[int, ...], tuple[int, ...]]:
    return (other, lead) if by_b else (lead, other)


def normalised_words(text: str) -> tuple[str, ...]:
    """What two sentences must share to count as saying the same: case, quotes, dashes
    and punctuation are ignored."""
    return tuple(t.norm for t in word_tokens(text))


def marked_html(text: str, spans: Sequence[tuple[int, int]], css_class: str) -> str:
    """`text` escaped for rich text, with each (start, end) span wrapped in a class;
    line breaks (between the sentences of a row) kept."""
    out, pos = [], 0
    for start, end in sorted(spans):
        while end > start and text[end - 1].isspace():  # mark words, not the gap after
            end -= 1
        if start < pos or end <= start:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f'<span class="{css_class}">{html.escape(text[start:end])}</span>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


class ComparisonModel(ReadOnlyTableModel):
    """Columns: sentence(s) of A | score | sentence(s) of B | annotation status."""

    A, SCORE, B, STATUS = range(4)

    def __init__(self, comparison: Comparison | Alignment, parent=None) -> None:
        super().__init__(parent)
        if isinstance(comparison, Alignment):
            comparison = Comparison(comparison)
        self._comparison = comparison
        self._alignment = comparison.alignment
        self._by_b = False
        self._labels = (self._alignment.a.source, self._alignment.b.source)
        self._rows = arrange_rows(self._alignment)
        self._diffs: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[str, str]] = {}
        self._explanations: dict[tuple[tuple[int, ...], tuple[int, ...]], str] = {}
        self._differs: dict[tuple[tuple[int, ...], tuple[int, ...]], bool] = {}
        self._annotation_of: AnnotationLookup | None = None
        self._inherited_of: InheritedLookup | None = None
        self._manual: set[tuple[int, int]] = set()

    # --- state -----------------------------------------------------------------------
    @property
    def alignment(self) -> Alignment:
        return self._alignment

    @property
    def comparison(self) -> Comparison:
        return self._comparison

    @property
    def ordered_by_b(self) -> bool:
        return self._by_b

    @property
    def labels(self) -> tuple[str, str]:
        return self._labels

    def set_alignment(self, alignment: Alignment) -> None:
        """Show a new alignment of the same two articles (another threshold)."""
        self.set_comparison(self._comparison.realigned(alignment))

    def set_comparison(self, comparison: Comparison) -> None:
        """Show another comparison of the same two articles; what the one shown so far
        worked out is kept."""
        self.beginResetModel()
        self._comparison = comparison.adopting(self._comparison)
        self._alignment = comparison.alignment
        self._rows = arrange_rows(self._alignment, self._by_b)
        self.endResetModel()

    def set_ordered_by_b(self, by_b: bool) -> None:
        if by_b != self._by_b:
            self.beginResetModel()
            self._by_b = by_b
            self._rows = arrange_rows(self._alignment, by_b)
            self.endResetModel()

    def set_corpus(self, corpus: Corpus | None) -> None:
        """New folder word weights: what is key content, and so the score explanations and
        the marked text, are worked out again."""
        self._comparison = self._comparison.with_corpus(corpus)
        self._explanations.clear()
        self._diffs.clear()

    def set_labels(self, label_a: str, label_b: str) -> None:
        self._labels = (label_a, label_b)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.A, self.B)

    def set_annotation_lookup(self, lookup: AnnotationLookup | None) -> None:
        self._annotation_of = lookup
        self.refresh_annotations()

    def refresh_annotations(self) -> None:
        """Annotations changed: repaint the status column."""
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, self.STATUS), self.index(last, self.STATUS))

    def set_manual_links(self, pairs: set[tuple[int, int]]) -> None:
        """Sentence pairs (a, b) linked by hand, marked in their score cell."""
        self._manual = set(pairs)

    def annotation(self, row: int):
        lookup = self._annotation_of
        return lookup(self._rows[row]) if lookup is not None else None

    def set_inherited_lookup(self, lookup: InheritedLookup | None) -> None:
        self._inherited_of = lookup
        self.refresh_annotations()

    def inherited(self, row: int):
        """The roll-up of the annotations covering the row, None when nothing covers it."""
        lookup = self._inherited_of
        found = lookup(self._rows[row]) if lookup is not None else None
        return found if found is not None and found.status is not None else None

    def is_manual(self, row: int) -> bool:
        r = self._rows[row]
        return len(r.a) == 1 and len(r.b) == 1 and (r.a[0], r.b[0]) in self._manual

    def row(self, row: int) -> CompareRow:
        return self._rows[row]

    def row_of_sentence(self, side: str, sentence: int) -> int:
        """The row showing sentence `sentence` of article `side` ("a" or "b"), or -1."""
        for n, row in enumerate(self._rows):
            if sentence in (row.a if side == "a" else row.b):
                return n
        return -1

    def counts(self) -> dict[str, int]:
        a = self._alignment
        return {MATCHED: len(a.matches), ONLY_A: len(a.only_a), ONLY_B: len(a.only_b)}

    # --- lazily computed per row -------------------------------------------------------
    def text(self, indices: Sequence[int], side: str) -> str:
        """The sentences of one side of a row, one per line."""
        article = self._alignment.a if side == "a" else self._alignment.b
        return "\n".join(article.sentences[i].text for i in indices)

    def is_difference(self, row: int) -> bool:
        """Unmatched, or matched with texts that differ after normalisation."""
        r = self._rows[row]
        if r.kind != MATCHED:
            return True
        key = (r.a, r.b)
        if key not in self._differs:
            self._differs[key] = normalised_words(self.text(r.a, "a")) != normalised_words(
                self.text(r.b, "b")
            )
        return self._differs[key]

    def key_content_of(self, r: CompareRow) -> KeyContent:
        """What matters in a matched row: shared key content and differing values."""
        return pair_content(self._comparison, r.a, r.b)

    def _diff_html(self, r: CompareRow) -> tuple[str, str]:
        """A near-identical pair shows its word diff; a paraphrase, where a diff would mark
        nearly every word, shows the key content both share. Differing values are marked
        in both."""
        key = (r.a, r.b)
        if key not in self._diffs:
            text_a, text_b = self.text(r.a, "a"), self.text(r.b, "b")
            # Both the comparison and key_content join sentences by a space, the row by a
            # line break: one character each, so the offsets hold.
            content = self.key_content_of(r)
            if content.near_identical:
                ops = [op for op in self._comparison.word_diff(r.a, r.b) if op.kind != "equal"]
                marked_a = [(op.a_start, op.a_end) for op in ops if op.kind != "insert"]
                marked_b = [(op.b_start, op.b_end) for op in ops if op.kind != "delete"]
                class_a, class_b = REMOVED_CLASS, ADDED_CLASS
            else:
                marked_a, marked_b = content.a.key, content.b.key
                class_a = class_b = SHARED_CLASS
            self._diffs[key] = (
                layered_html(text_a, ((marked_a, class_a), (content.a.differs, DIFFERS_CLASS))),
                layered_html(text_b, ((marked_b, class_b), (content.b.differs, DIFFERS_CLASS))),
            )
        return self._diffs[key]

    def _html(self, r: CompareRow, column: int) -> str:
        if r.kind == MATCHED:
            return self._diff_html(r)[0 if column == self.A else 1]
        indices = r.a if column == self.A else r.b
        return marked_html(self.text(indices, "a" if column == self.A else "b"), (), "")

    def discrepancies_of(self, r: CompareRow) -> tuple[Discrepancy, ...]:
        """Typed differences of a matched row, found on first use (unmatched rows: none)."""
        if r.kind != MATCHED:
            return ()
        return self._comparison.discrepancies(r.a, r.b)

    def explanation(self, row: int) -> str:
        """Why a pair was matched, in plain words (not yet escaped)."""
        r = self._rows[row]
        if r.kind != MATCHED:
            side = self._labels[0] if r.kind == ONLY_A else self._labels[1]
            other = self._labels[1] if r.kind == ONLY_A else self._labels[0]
            return f"Only in {side}: no sentence of {other} scores above the threshold."
        key = (r.a, r.b)
        if key not in self._explanations:
            self._explanations[key] = self._explain(r)
        return self._explanations[key]

    def _explain(self, r: CompareRow) -> str:
        score = self._alignment.matches[r.match].score
        return plain_explanation(score, self.key_content_of(r))

    # --- QAbstractTableModel ---------------------------------------------------------------
    def row_count(self) -> int:
        return len(self._rows)

    def column_count(self) -> int:
        return 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 4:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self._labels[0], "Score", self._labels[1], "Status")[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == self.SCORE:
                return "How much the two sentences say the same thing, 0-100"
            if section == self.STATUS:
                return "Your verdict on the row: A agreed, D disputed, U unverified, N note"
            article = self._alignment.a if section == self.A else self._alignment.b
            label = self._labels[0 if section == self.A else 1]
            marked = "tinted red" if section == self.A else "tinted green"
            return plain_tooltip(
                f"{label}: {article.title}\nIn a near word-for-word pair, words {marked} and "
                "underlined are worded differently (or missing) in the other source. In a "
                "paraphrase, what both say (names, rare words) is tinted blue, and a value "
                "they state differently is bold and underlined."
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and section == self.SCORE:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not self.in_range(index):
            return None
        r = self._rows[index.row()]
        column = index.column()
        score = self._alignment.matches[r.match].score if r.match >= 0 else None
        if column == self.STATUS:
            return self._status_data(index.row(), role)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.SCORE:
                if score is None:
                    return None
                # The question mark tells a possible pair from a solid one at a glance.
                return f"{score:.0f}?" if confidence(score) == POSSIBLE else f"{score:.0f}"
            indices = r.a if column == self.A else r.b
            return self.text(indices, "a" if column == self.A else "b") if indices else None
        if role == HTML_ROLE and column != self.SCORE:
            return self._html(r, column) if (r.a if column == self.A else r.b) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index.row(), r, column)
        if role == KIND_ROLE:
            return r.kind
        if role == SENTENCES_ROLE:
            return (r.a, r.b)
        if role == SCORE_ROLE:
            return score
        if role == CONFIDENCE_ROLE:
            return None if score is None else confidence(score)
        if role == DIFFERENCE_ROLE:
            return self.is_difference(index.row())
        if role == MANUAL_ROLE:
            return self.is_manual(index.row())
        if role == DISCREPANCY_ROLE:
            return self.discrepancies_of(r)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SCORE:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _status_data(self, row: int, role: int):
        """The status column: the delegate paints icon and word from ANNOTATION_ROLE; a row
        without its own annotation shows the covering one's status, as inherited."""
        if role == KIND_ROLE:
            return self._rows[row].kind
        if role == DISCREPANCY_ROLE:
            return self.discrepancies_of(self._rows[row])
        if role not in (ANNOTATION_ROLE, *_STATUS_ROLES):
            return None
        annotation = self.annotation(row)
        inherited = self.inherited(row) if annotation is None else None
        if role == ANNOTATION_ROLE:
            return annotation if inherited is None else _deciding(inherited)
        if role == Qt.ItemDataRole.ToolTipRole:
            found = self.discrepancies_of(self._rows[row])
            lines = [f"⚠ {d.explanation}" for d in found] + ([PANEL_HINT] if found else [])
            if annotation is not None:
                lines.insert(0, f"Marked {annotation.status.value}")
                lines.insert(1, annotation.note or "No note (press N to write one)")
            elif inherited is not None:
                lines[:0] = [_inherited_line(a) for a in inherited.annotations]
            return plain_tooltip("\n".join(lines)) if lines else None
        if annotation is not None:
            return annotation.status.value.capitalize()
        if inherited is not None:
            return f"{inherited.status.value.capitalize()} ({_inherited_from(inherited)})"
        return None

    def _tooltip(self, row: int, r: CompareRow, column: int) -> str:
        if column == self.SCORE:
            if self.is_manual(row):
                return plain_tooltip(f"Linked by you.\n{self.explanation(row)}")
            return plain_tooltip(self.explanation(row))
        indices = r.a if column == self.A else r.b
        label = self._labels[0 if column == self.A else 1]
        if not indices:
            return plain_tooltip(f"Not in {label}")
        numbers = ", ".join(str(i + 1) for i in indices)
        noun = "Sentence" if len(indices) == 1 else "Sentences"
        return plain_tooltip(
            f"{label}, {noun} {numbers}\nDouble-click or press Enter to open it in its article tab"
        )


_STATUS_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


def _deciding(inherited):
    """The covering annotation whose status the row shows (the oldest with it)."""
    return next(a for a in inherited.annotations if a.status == inherited.status)


def _inherited_from(inherited) -> str:
    return "fact" if all(a.fact_id for a in inherited.annotations) else "inherited"


def _inherited_line(annotation) -> str:
    on = "the fact" if annotation.fact_id else "sentences including these"
    note = annotation.note or "no note"
    return f"Marked {annotation.status.value} on {on}: {note}"


class ComparisonFilter(KindFilter):
    """Shows all rows, or only one kind (matched / only in A / only in B)."""

    def __init__(self, parent=None) -> None:
        super().__init__(None, parent)

    def accepts_row(self, source_row: int, kind: str | None) -> bool:
        return self.sourceModel().row(source_row).kind == kind
