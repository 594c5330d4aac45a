"""Qt item models over core results; they hold references, never copies."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from functools import cache
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from ...core.ingest.titles import source_from_filename
from ...core.model import Article, LoadProblem
from ..common.plain import plain_tooltip
from ..common.table_model import ReadOnlyTableModel

ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1
PATH_ROLE = Qt.ItemDataRole.UserRole + 2
SKIPPED_ROLE = Qt.ItemDataRole.UserRole + 3  # True for files left out on purpose
# A source named after its file, not found in it, is marked until someone renames it.
GUESSED_MARK = "  (from file name)"
GUESSED_TIP = (
    "No outlet name was found in the article, so this one was made from the file name. "
    "Double-click or press F2 to give the real outlet."
)

AnyIndex = QModelIndex | QPersistentModelIndex


def readable_date(iso: str | None) -> str:
    """'2026-01-04' -> '4 Jan 2026' in the user's language; a time with an offset is
    first moved to the local time zone. Empty when there is no date."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    day: date = moment.astimezone().date() if moment.tzinfo else moment.date()
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


class SourcesModel(ReadOnlyTableModel):
    """One row per loaded article. The Source column is editable (rename an outlet).

    Rows can be sorted by any column (`sort`, which a view with sorting enabled calls);
    `articles` stays in the order they were loaded, and row numbers (`article_at`,
    `row_of`) always follow the rows as shown, so selections map to the right article.
    """

    COLUMNS = ("Source", "Title", "Published", "Byline", "Sentences", "Format", "File")
    SOURCE, TITLE, PUBLISHED, BYLINE, SENTENCES, FORMAT, FILE = range(7)
    LOAD_ORDER = -1  # the "column" to sort by to show rows as they were loaded

    label_changed = Signal(str, str)  # article id, new label

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._articles: list[Article] = []  # as loaded
        self._rows: list[Article] = []  # as shown
        self._labels: dict[str, str] = {}
        self._sorted_by = (self.LOAD_ORDER, Qt.SortOrder.AscendingOrder)

    # --- data access -------------------------------------------------------------
    @property
    def articles(self) -> list[Article]:
        """In the order they were loaded, however the rows are sorted."""
        return list(self._articles)

    def label(self, article: Article) -> str:
        return self._labels.get(article.id, article.source)

    def is_guessed(self, article: Article) -> bool:
        """The outlet was not found in the file, so its name was made from the file name
        (and nobody has renamed it since): it may not be the outlet at all."""
        if article.id in self._labels:
            return False
        return article.source == source_from_filename(Path(article.path))

    def article_at(self, row: int) -> Article:
        return self._rows[row]

    def row_of(self, article_id: str) -> int:
        for row, article in enumerate(self._rows):
            if article.id == article_id:
                return row
        return -1

    # --- changes -------------------------------------------------------------------
    def set_articles(self, articles: Sequence[Article]) -> None:
        self.beginResetModel()
        self._articles = list(articles)
        self._rows = self._in_order(self._articles)
        self.endResetModel()

    def add_articles(self, articles: Sequence[Article]) -> list[Article]:
        """Append the articles not already present; return those added."""
        known = {a.id for a in self._articles}
        new = []
        for article in articles:
            if article.id not in known:
                known.add(article.id)
                new.append(article)
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._articles.extend(new)
            self._rows.extend(new)
            self.endInsertRows()
            if self._sorted_by[0] != self.LOAD_ORDER:
                self.sort(*self._sorted_by)
        return new

    def remove_article(self, article_id: str) -> None:
        row = self.row_of(article_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            removed = self._rows.pop(row)
            self._articles.remove(removed)
            self.endRemoveRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Show the rows sorted by `column` (LOAD_ORDER: as loaded); selections follow."""
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self._rows
        self._rows = self._in_order(self._articles)
        rows = {article.id: row for row, article in enumerate(self._rows)}
        moved_from = self.persistentIndexList()
        moved_to = [
            self.index(rows[before[index.row()].id], index.column())
            if 0 <= index.row() < len(before)
            else QModelIndex()
            for index in moved_from
        ]
        self.changePersistentIndexList(moved_from, moved_to)
        self.layoutChanged.emit()

    def _in_order(self, articles: list[Article]) -> list[Article]:
        column, order = self._sorted_by
        if column == self.LOAD_ORDER or not 0 <= column < len(self.COLUMNS):
            return list(articles)
        keyed = [(self._sort_key(article, column), article) for article in articles]
        # Rows without a value (no date, no byline) stay at the bottom either way.
        known = [pair for pair in keyed if pair[0] != ""]
        known.sort(key=lambda pair: pair[0], reverse=order == Qt.SortOrder.DescendingOrder)
        return [article for _, article in known] + [a for key, a in keyed if key == ""]

    def _sort_key(self, article: Article, column: int) -> str | int:
        if column == self.SENTENCES:
            return len(article.sentences)
        if column == self.PUBLISHED:
            return article.published or ""  # ISO 8601 sorts as text
        return str(self._shown_value(article, column)).casefold()

    def _shown_value(self, article: Article, column: int) -> str | int:
        if column == self.PUBLISHED:  # only this cell's value is made: views ask often
            return readable_date(article.published)
        if column == self.SENTENCES:
            return len(article.sentences)
        if column == self.FILE:
            return Path(article.path).name
        return {
            self.SOURCE: self.label(article),
            self.TITLE: article.title,
            self.BYLINE: article.byline or "",
            self.FORMAT: article.format,
        }[column]

    def set_label(self, article_id: str, label: str) -> None:
        row = self.row_of(article_id)
        label = label.strip()
        if row < 0:
            return
        if label and label != self._rows[row].source:
            self._labels[article_id] = label
        else:
            self._labels.pop(article_id, None)
        index = self.index(row, self.SOURCE)
        self.dataChanged.emit(index, index)
        self.label_changed.emit(article_id, self.label(self._rows[row]))

    # --- QAbstractTableModel -------------------------------------------------------
    def row_count(self) -> int:
        return len(self._rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        # Dragged onto a story in the Stories panel, an article moves there.
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
        )
        if index.column() == self.SOURCE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not self.in_range(index):
            return None
        article = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole and column == self.SOURCE:
            guessed = self.is_guessed(article)
            return f"{self.label(article)}{GUESSED_MARK if guessed else ''}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._shown_value(article, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(article, column))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SENTENCES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == self.SOURCE and self.is_guessed(article):
            font = QFont()
            font.setItalic(True)
            return font
        if role == ARTICLE_ROLE:
            return article.id
        if role == PATH_ROLE:
            return article.path
        return None

    def _tooltip(self, article: Article, column: int) -> str:
        if column == self.SOURCE:
            if self.is_guessed(article):
                return f"{self.label(article)}\n{GUESSED_TIP}"
            return f"{self.label(article)}\nDouble-click or press F2 to rename this source"
        if column == self.PUBLISHED:
            return f"Published {article.published}" if article.published else "No date in the file"
        if column == self.BYLINE:
            return article.byline or "No byline in the file"
        if column == self.FILE:
            return f"{article.path}\n{article.url}" if article.url else article.path
        return article.title

    def setData(self, index: AnyIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.SOURCE:
            return False
        text = str(value).strip()
        if not text:
            return False
        self.set_label(self._rows[index.row()].id, text)
        return True


# How each kind of problem row reads: the word says it, the icon only repeats it.
SKIPPED_TEXT = "Skipped"
UNREADABLE_TEXT = "Could not read"
SKIPPED_TIP = "Left out on purpose; nothing is wrong with the file"
UNREADABLE_TIP = "This file could not be read as an article"


@cache
def problem_icon(skipped: bool) -> QIcon:
    icon = QStyle.StandardPixmap.SP_MessageBoxInformation
    if not skipped:
        icon = QStyle.StandardPixmap.SP_MessageBoxWarning
    return QApplication.style().standardIcon(icon)


class ProblemsModel(ReadOnlyTableModel):
    """One row per file left out: skipped on purpose (a read-me, a duplicate of an open
    article) or could not be read, with the reason in plain words."""

    COLUMNS = ("Kind", "File", "Reason", "Folder")
    KIND, FILE, REASON, FOLDER = range(4)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._problems: list[LoadProblem] = []

    @property
    def problems(self) -> list[LoadProblem]:
        return list(self._problems)

    def clear(self) -> None:
        self.beginResetModel()
        self._problems = []
        self.endResetModel()

    def add_problems(self, problems: Sequence[LoadProblem]) -> None:
        known = {(p.path, p.reason) for p in self._problems}
        new = [p for p in problems if (p.path, p.reason) not in known]
        if new:
            first = len(self._problems)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._problems.extend(new)
            self.endInsertRows()

    def row_count(self) -> int:
        return len(self._problems)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not self.in_range(index):
            return None
        problem = self._problems[index.row()]
        path = Path(problem.path)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            kind = SKIPPED_TEXT if problem.skipped else UNREADABLE_TEXT
            return (kind, path.name, problem.reason, str(path.parent))[column]
        if role == Qt.ItemDataRole.DecorationRole and column == self.KIND:
            return problem_icon(problem.skipped)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.KIND:
                return SKIPPED_TIP if problem.skipped else UNREADABLE_TIP
            return plain_tooltip(f"{problem.path}\n{problem.reason}")
        if role == PATH_ROLE:
            return problem.path
        if role == SKIPPED_ROLE:
            return problem.skipped
        return None


def count_problems(problems: Sequence[LoadProblem]) -> tuple[int, int]:
    """(skipped on purpose, could not be read) among `problems`."""
    skipped = sum(p.skipped for p in problems)
    return skipped, len(problems) - skipped
