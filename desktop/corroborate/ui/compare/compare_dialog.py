"""Compare → New Comparison: pick the two articles to line up."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.model import Article
from ..common.plain import plain_tooltip


class NewComparisonDialog(QDialog):
    """Two combo boxes over the loaded articles; OK needs two different ones.

    `scope`: the ids of the articles to offer (the current story's); None offers all.
    `first` and `second` are positions in `articles`; one outside the scope gives way to
    the first articles inside it."""

    def __init__(
        self,
        articles: Sequence[Article],
        labels: Sequence[str],
        first: int = 0,
        second: int = 1,
        parent: QWidget | None = None,
        scope: Collection[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New Comparison")
        offered = [i for i, a in enumerate(articles) if scope is None or a.id in scope]
        if len(offered) < 2:  # too few to compare: offer them all rather than nothing
            offered = list(range(len(articles)))
        first, second = self._offered_pair(offered, first, second)
        self.articles = [articles[i] for i in offered]
        labels = [labels[i] for i in offered]
        self.first = self._combo(labels, first, "The article whose sentences fill the left column")
        self.second = self._combo(
            labels, second, "The article whose sentences fill the right column"
        )
        swap = QPushButton("&Swap")
        swap.setToolTip("Exchange the left and right articles")
        swap.clicked.connect(self.swap)
        self.hint = QLabel("Choose two different articles.")
        self.hint.setWordWrap(True)

        form = QFormLayout()
        form.addRow("&Left:", self.first)
        form.addRow("&Right:", self.second)
        swap_row = QHBoxLayout()
        swap_row.addWidget(swap)
        swap_row.addStretch(1)
        form.addRow("", swap_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Compare")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.first.currentIndexChanged.connect(self._validate)
        self.second.currentIndexChanged.connect(self._validate)
        self._validate()
        self.resize(640, self.sizeHint().height())

    @staticmethod
    def _offered_pair(offered: list[int], first: int, second: int) -> tuple[int, int]:
        """Positions in `offered` of the two articles asked for, or of the first offered."""
        spare = iter(i for i in range(len(offered)) if offered[i] not in (first, second))
        chosen = []
        for wanted in (first, second):
            chosen.append(offered.index(wanted) if wanted in offered else next(spare, 0))
        return chosen[0], chosen[1]

    def _combo(self, labels: Sequence[str], current: int, tooltip: str) -> QComboBox:
        combo = QComboBox()
        for article, label in zip(self.articles, labels, strict=True):
            combo.addItem(f"{label} — {article.title}")
            tip = plain_tooltip(f"{label}\n{article.title}")
            combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(0, min(current, combo.count() - 1)))
        combo.setToolTip(tooltip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(30)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return combo

    def swap(self) -> None:
        first, second = self.first.currentIndex(), self.second.currentIndex()
        self.first.setCurrentIndex(second)
        self.second.setCurrentIndex(first)

    def _validate(self) -> None:
        valid = self.first.currentIndex() != self.second.currentIndex()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(valid)
        self.hint.setVisible(not valid)

    def chosen(self) -> tuple[Article, Article]:
        return self.articles[self.first.currentIndex()], self.articles[self.second.currentIndex()]
