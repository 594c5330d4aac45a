"""A comparison of two articles: aligned sentences side by side, filters, a threshold."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QWidget,
)

from ...core.alignment.align import DEFAULT_THRESHOLD, align
from ...core.alignment.comparison import Comparison
from ...core.alignment.similarity import Corpus
from ...core.annotations.corrections import apply_corrections
from ...core.model import Alignment, Article
from ..common.empty_hint import EmptyHint
from ..common.plain import no_mnemonic, plain_tooltip, set_plain
from ..common.tasks import LatestTask
from ..common.widgets import RowsPage, filter_bar
from .compare_model import MATCHED, ONLY_A, ONLY_B, ComparisonFilter, ComparisonModel
from .comparison_view import ComparisonView
from .threshold_slider import ThresholdSlider, threshold_steps


def empty_alignment(a: Article, b: Article, threshold: float) -> Alignment:
    """What is shown until the first alignment arrives: no rows at all."""
    return Alignment(a, b, threshold, (), (), ())


class CompareTab(RowsPage):
    """Sentences of article a | score | sentences of article b, in the reading order of one.

    Re-aligning (another threshold, new folder statistics) runs on the thread pool;
    only the newest request's answer is ever shown.
    """

    # Article id and sentence index of each side of the current row (-1: none on that side).
    row_selected = Signal(str, int, str, int)
    open_requested = Signal(str, int)  # article id, sentence index
    summary_changed = Signal(str)
    alignment_applied = Signal(object)  # Alignment, after the rows show it

    def __init__(
        self,
        a: Article,
        b: Article,
        label_a: str,
        label_b: str,
        corpus: Corpus | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.a, self.b = a, b
        self._corpus = corpus
        self._aligner = LatestTask(self)
        self._aligned_once = False
        self._automatic: Comparison | None = None  # the aligner's answer, before corrections
        self._linked: set[tuple[int, int]] = set()
        self._rejected: set[tuple[int, int]] = set()
        self.model = ComparisonModel(Comparison(empty_alignment(a, b, threshold), corpus))
        self.model.set_labels(label_a, label_b)
        self.proxy = ComparisonFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build(threshold)
        self.set_labels(label_a, label_b)
        if corpus is not None:
            self.realign()

    # --- construction --------------------------------------------------------------------
    def _build(self, threshold: float) -> None:
        bar, self.filter_buttons = filter_bar(
            self, "Which rows to list", (None, MATCHED, ONLY_A, ONLY_B), None, self.set_filter
        )
        bar.addSpacing(16)
        # Second row: tools (the window adds its annotation toolbar first), threshold.
        self.tools_row = QHBoxLayout()
        self.tools_row.setContentsMargins(10, 0, 10, 4)
        self.tools_row.setSpacing(4)
        self.tools_row.addStretch(1)

        self.order_box = QComboBox()
        self.order_box.setToolTip("Which article's reading order the rows follow")
        self.order_box.currentIndexChanged.connect(lambda i: self.set_ordered_by_b(i == 1))
        order_label = QLabel("&Order:")
        order_label.setBuddy(self.order_box)
        bar.addWidget(order_label)
        bar.addWidget(self.order_box)
        bar.addStretch(1)

        self.slider = ThresholdSlider(round(threshold))
        self.slider.setFixedWidth(180)
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slider.setToolTip(
            "Score two sentences must reach to be paired (0-100). Higher: fewer, "
            "closer pairs. Each step is a score where a pair appears or goes; the arrow "
            "keys move one step, Page Up/Down five."
        )
        self.slider.threshold_changed.connect(self._on_slider)
        slider_label = QLabel("&Threshold:")
        slider_label.setBuddy(self.slider)
        slider_label.setToolTip(self.slider.toolTip())
        self.threshold_value = QLabel()
        self.threshold_value.setMinimumWidth(
            self.threshold_value.fontMetrics().horizontalAdvance("100") + 4
        )
        self.threshold_value.setToolTip(self.slider.toolTip())
        self.tools_row.addWidget(slider_label)
        self.tools_row.addWidget(self.slider)
        self.tools_row.addWidget(self.threshold_value)

        self.view = ComparisonView()
        self.view.setModel(self.proxy)
        self.empty_hint = EmptyHint(self.view, self._empty_text)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.view.activated.connect(self._on_activated)
        self.waiting = QLabel("Aligning sentences…")
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.waiting)
        self.stack.addWidget(self.view)

        self.lay_out(bar, self.tools_row, body=self.stack)
        self._show_threshold(threshold)

    # --- labels, counts, summary ------------------------------------------------------------
    @property
    def labels(self) -> tuple[str, str]:
        return self.model.labels

    @property
    def title(self) -> str:
        return f"{self.labels[0]} ↔ {self.labels[1]}"

    def set_labels(self, label_a: str, label_b: str) -> None:
        self.model.set_labels(label_a, label_b)
        self.order_box.blockSignals(True)
        current = self.order_box.currentIndex()
        self.order_box.clear()
        self.order_box.addItems([f"as in {label_a}", f"as in {label_b}"])
        self.order_box.setCurrentIndex(max(current, 0))
        self.order_box.blockSignals(False)
        self._update_counts()

    def _update_counts(self) -> None:
        counts = self.model.counts()
        label_a, label_b = self.labels
        texts = {
            None: ("All", sum(counts.values()), "Every row"),
            MATCHED: ("Matched", counts[MATCHED], "Sentences both sources report"),
            ONLY_A: (f"Only in {label_a}", counts[ONLY_A], f"Sentences {label_b} lacks"),
            ONLY_B: (f"Only in {label_b}", counts[ONLY_B], f"Sentences {label_a} lacks"),
        }
        for kind, (name, count, tip) in texts.items():
            button = self.filter_buttons[kind]
            button.setText(no_mnemonic(f"{name} ({count})"))
            shown = tip[:1].lower() + tip[1:] if kind else "every row"  # source names keep case
            button.setToolTip(plain_tooltip(f"Show {shown} ({count})"))
        self.summary_changed.emit(self.summary())

    def summary(self) -> str:
        if not self._aligned_once:
            return "Aligning sentences…"
        counts = self.model.counts()
        label_a, label_b = self.labels
        return (
            f"{counts[MATCHED]} matched · {counts[ONLY_A]} only in {label_a} · "
            f"{counts[ONLY_B]} only in {label_b} · threshold {self.threshold}"
        )

    # --- filter and order ---------------------------------------------------------------
    def _empty_text(self) -> str:
        """Why no row shows: a filter with nothing to list, or no sentences at all."""
        if not self.model.rowCount():
            return "Neither article has a sentence to compare."
        if self.proxy.kind == MATCHED:
            return (
                f"No sentence pairs reach the threshold of {self.threshold}. Move the "
                "Threshold slider to the left to pair less similar sentences."
            )
        return "Every sentence of this source is matched in the other."

    def set_filter(self, kind: str | None) -> None:
        self.proxy.set_kind(kind)
        if not self.filter_buttons[kind].isChecked():
            self.filter_buttons[kind].setChecked(True)
        current = self.view.currentIndex()
        if current.isValid():
            self.view.scrollTo(current)

    def set_ordered_by_b(self, by_b: bool) -> None:
        if by_b == self.model.ordered_by_b:
            return
        remembered = self._remember_current()
        self.model.set_ordered_by_b(by_b)
        self._restore_current(remembered)
        if self.order_box.currentIndex() != int(by_b):
            self.order_box.setCurrentIndex(int(by_b))

    # --- threshold and re-aligning ---------------------------------------------------------
    @property
    def threshold(self) -> int:
        return self.slider.threshold()

    @property
    def is_aligning(self) -> bool:
        return self._aligner.running

    def set_threshold(self, value: int) -> None:
        self.slider.set_threshold(value)

    def _show_threshold(self, value: float) -> None:
        self.threshold_value.setText(f"{value:.0f}")

    def _on_slider(self, value: int) -> None:
        self._show_threshold(value)
        self.realign()

    def set_corpus(self, corpus: Corpus) -> None:
        """New folder statistics (files were added): the scores change, so re-align."""
        self._corpus = corpus
        self.model.set_corpus(corpus)
        self.realign()

    def realign(self) -> None:
        if self._corpus is None:
            return  # set_corpus() starts the first alignment
        a, b, corpus, threshold = self.a, self.b, self._corpus, float(self.threshold)
        self._aligner.start(
            lambda _progress: (
                Comparison(align(a, b, corpus, threshold), corpus).prepared(),
                threshold_steps(corpus.score_matrix(a, b)),
            ),
            self._on_aligned,
        )

    def _on_aligned(
        self, result: tuple[Comparison, list[int]] | None, error: BaseException | None
    ) -> None:
        if error is not None:
            set_plain(self.waiting, f"Could not align these articles: {error}")
            self.stack.setCurrentWidget(self.waiting)
            return
        assert result is not None
        comparison, steps = result
        self.slider.set_steps(steps)
        self._automatic = comparison
        self._show_alignment()

    def set_corrections(self, linked: set[tuple[int, int]], rejected: set[tuple[int, int]]) -> None:
        """Sentence pairs (a, b) linked or rejected by hand, laid over every alignment."""
        if (linked, rejected) == (self._linked, self._rejected):
            return
        self._linked, self._rejected = set(linked), set(rejected)
        if self._automatic is not None:
            self._show_alignment()

    def _show_alignment(self) -> None:
        assert self._automatic is not None
        alignment = apply_corrections(
            self._automatic.alignment, self._linked, self._rejected, self._link_score
        )
        remembered = self._remember_current()
        self.model.set_manual_links(self._linked)
        self.model.set_comparison(self._automatic.realigned(alignment))
        self._aligned_once = True
        was_waiting = self.stack.currentWidget() is not self.view
        self.stack.setCurrentWidget(self.view)
        if was_waiting and self.isAncestorOf(self.window().focusWidget()):
            # The rows were hidden when the tab took the focus: Qt gave it to a button.
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._restore_current(remembered)
        self._update_counts()
        self.alignment_applied.emit(alignment)

    def _link_score(self, i: int, j: int) -> float:
        if self._corpus is None:
            return 0.0
        return float(self._corpus.score_matrix(self.a, self.b)[i, j])

    # --- current row ----------------------------------------------------------------------
    def _remember_current(self) -> tuple[str, int, int, int] | None:
        """The sentence the current row starts with, and how far down the view its row is,
        to find it again after a reset and leave it where the reader's eyes are."""
        current = self.view.currentIndex()
        if not current.isValid():
            return None
        row = self.model.row(self.proxy.mapToSource(current).row())
        top = self.view.visualRect(current).top()
        side, sentence = ("a", row.a[0]) if row.a else ("b", row.b[0])
        return side, sentence, current.column(), top

    def _restore_current(self, remembered: tuple[str, int, int, int] | None) -> None:
        if remembered is None:
            return
        side, sentence, column, top = remembered
        source_row = self.model.row_of_sentence(side, sentence)
        if source_row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(source_row, column))
        if index.isValid():
            self._select(index)
            self.view.keep_row_at(index.row(), top)

    def _select(self, index: QModelIndex) -> None:
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)

    def show_sentence(self, side: str, sentence: int) -> bool:
        """Select the row holding sentence `sentence` of side "a" or "b"; False if none."""
        source_row = self.model.row_of_sentence(side, sentence)
        if source_row < 0:
            return False
        if not self.proxy.mapFromSource(self.model.index(source_row, 0)).isValid():
            self.set_filter(None)  # the row is filtered out: show every row
        self._select(self.proxy.mapFromSource(self.model.index(source_row, ComparisonModel.A)))
        return True

    @property
    def is_aligned(self) -> bool:
        return self._aligned_once

    def current_source_row(self) -> int:
        current = self.view.currentIndex()
        return self.proxy.mapToSource(current).row() if current.isValid() else -1

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.model.row(self.proxy.mapToSource(current).row())
        self.row_selected.emit(
            self.a.id, row.a[0] if row.a else -1, self.b.id, row.b[0] if row.b else -1
        )

    def _on_activated(self, index: QModelIndex) -> None:
        row = self.model.row(self.proxy.mapToSource(index).row())
        prefer_b = index.column() == ComparisonModel.B
        if (prefer_b and row.b) or not row.a:
            self.open_requested.emit(self.b.id, row.b[0])
        else:
            self.open_requested.emit(self.a.id, row.a[0])

    # --- differences ------------------------------------------------------------------------
    def next_difference(self) -> bool:
        return self.step_to(self.is_difference, +1)

    def previous_difference(self) -> bool:
        return self.step_to(self.is_difference, -1)

    def is_difference(self, row: int) -> bool:
        """What Alt+Down stops at: a sentence the other source lacks, or a flagged value.
        A paraphrase is no difference: nearly every matched pair is worded differently."""
        r = self.model.row(row)
        return r.kind != MATCHED or self.is_flagged(row)

    def is_flagged(self, row: int) -> bool:
        return bool(self.model.discrepancies_of(self.model.row(row)))

    def is_unannotated(self, row: int) -> bool:
        return self.model.annotation(row) is None

    def step_to(self, wanted: Callable[[int], bool], step: int) -> bool:
        """Move to the next (or previous, step -1) row shown for which `wanted(row)` holds."""
        count = self.proxy.rowCount()
        current = self.view.currentIndex()
        # Without a selected row, start from the top (or the bottom, going up).
        if current.isValid() and self.view.selectionModel().isRowSelected(current.row()):
            row, column = current.row(), current.column()
        else:
            row, column = (-1 if step > 0 else count), ComparisonModel.A
        row += step
        while 0 <= row < count:
            if wanted(self.proxy.mapToSource(self.proxy.index(row, 0)).row()):
                self._select(self.proxy.index(row, column))
                return True
            row += step
        return False
