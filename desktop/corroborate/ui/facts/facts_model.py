"""The Facts table: one row per fact of the folder, one column per source.

The first column says what each fact is (its claim, elided, in full in the tooltip).
Each source cell holds that source's wording of the fact, or nothing when the source
leaves the fact out. Coverage ("4 of 5"), who reported it first and when (from the
articles' publication dates, core/facts/timeline.py), a marker (differing values, or a
fact only one source reports) and the fact's annotation have their own columns. Marks are always an
icon and words: colour only helps.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QStyle

from ...core.annotations.rollup import EMPTY, Rollup, contribution_lines
from ...core.facts.timeline import FirstReport, Moment, article_moments, first_report
from ...core.model import Article, Fact, FactTable
from ..common.icons import named_icon, status_icon
from ..common.kind_filter import KindFilter
from ..common.plain import plain_tooltip
from ..common.table_model import ReadOnlyTableModel
from ..common.theme import tint
from ..state.sources_model import readable_date

AnyIndex = QModelIndex | QPersistentModelIndex

FACT_ROLE = Qt.ItemDataRole.UserRole + 60  # the row's Fact
ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 61  # Article.id of a source column
SENTENCES_ROLE = Qt.ItemDataRole.UserRole + 62  # sentence indices the source reports it in
SORT_ROLE = Qt.ItemDataRole.UserRole + 63

# Filters of the table, also the names of its buttons.
ALL, SHARED, EXCLUSIVE, DIFFERING = "all", "shared", "exclusive", "differing"

# Cells of a source that reports the fact: a faint tint of this colour over the base.
PRESENT_TINT = QColor(40, 130, 200)
PRESENT_SHARE = 0.10
DIFFERING_TINT = QColor(230, 140, 20)
DIFFERING_SHARE = 0.22
DIFFERS_MARK = "⚠"
NO_DATE = "–"
NO_DATES_TIP = "No publication dates were found in these articles"
FIRST_NAMED = 2  # first reporters named in the cell; more are counted ("A, B +3")

# The annotations within a fact (its own, and pairs of its mentions), rolled up.
AnnotationOfFact = Callable[[Fact], Rollup]


def wording(article: Article, sentences: Sequence[int]) -> str:
    """The sentences of one source, each once (a repeated headline is shown once)."""
    texts = dict.fromkeys(article.sentences[i].text for i in sentences)
    return " … ".join(texts)


def claim_of(fact: Fact, table: FactTable | None) -> str:
    """What the fact says, on one line; its central sentence when it has no claim."""
    text = fact.claim
    if not text and table is not None:
        article_id, sentence = fact.representative
        article = next((a for a in table.articles if a.id == article_id), None)
        text = article.sentences[sentence].text if article else ""
    return " ".join(text.split())


def differing_values(fact: Fact) -> list[tuple[str, str]]:
    """The pairs of values that differ, each pair once whatever the order."""
    seen: dict[frozenset[str], tuple[str, str]] = {}
    for d in fact.discrepancies:
        seen.setdefault(frozenset((d.a.value, d.b.value)), (d.a.value, d.b.value))
    return list(seen.values())


def marker_text(fact: Fact, label_of: Callable[[str], str]) -> str:
    if fact.discrepancies:
        values = differing_values(fact)
        first = f"{values[0][0]} vs {values[0][1]}"
        more = f" (+{len(values) - 1} more)" if len(values) > 1 else ""
        return f"differs: {first}{more}"
    if fact.exclusive:
        return f"only in {label_of(fact.articles[0])}"
    return ""


class FactsModel(ReadOnlyTableModel):
    """Columns: fact | coverage | first reported | marker | status | one per source, in
    the table's order.

    The model sorts itself: a proxy sorting 2,000 rows calls `data()` in Python for every
    comparison, which froze the window for half a second. Here each cell's sort key is
    computed once and Python's sort orders the rows.
    """

    CLAIM, COVERAGE, FIRST_REPORTED, MARKER, STATUS = range(5)
    FIRST_SOURCE = 5

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._table: FactTable | None = None
        self._moments: dict[str, Moment] = {}  # Article.id -> publication date
        self._order: dict[str, int] = {}  # Article.id -> column order
        self._first_reports: dict[str, FirstReport] = {}  # by fact id, made when first asked
        self._labels: dict[str, str] = {}
        self._annotation_of: AnnotationOfFact | None = None
        self._wordings: dict[tuple[str, str], str] = {}  # (fact id, article id)
        self._facts: list[Fact] = []  # in the order shown
        self._rows: dict[str, int] = {}  # fact id -> row
        self._sort_column = -1  # -1: the table's own order
        self._sort_order = Qt.SortOrder.AscendingOrder

    # --- state -------------------------------------------------------------------------
    @property
    def table(self) -> FactTable | None:
        return self._table

    def set_table(self, table: FactTable | None, labels: dict[str, str]) -> None:
        self.beginResetModel()
        self._table = table
        articles = table.articles if table else ()
        self._moments = article_moments(articles)
        self._order = {a.id: n for n, a in enumerate(articles)}
        self._first_reports.clear()  # 6,000 mentions take 20 ms: only shown rows are asked
        self._labels = dict(labels)
        self._wordings.clear()
        self._facts = self._sorted(self._sort_column, self._sort_order)
        self._index_rows()
        self.endResetModel()

    def set_labels(self, labels: dict[str, str]) -> None:
        """A source was renamed: headers and markers follow."""
        self._labels = dict(labels)
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rowCount():
            last = self.rowCount() - 1
            self.dataChanged.emit(self.index(0, 0), self.index(last, self.columnCount() - 1))

    def set_annotation_lookup(self, lookup: AnnotationOfFact | None) -> None:
        self._annotation_of = lookup
        self.refresh_annotations()

    def refresh_annotations(self) -> None:
        if self.rowCount():
            last = self.rowCount() - 1
            self.dataChanged.emit(self.index(0, self.STATUS), self.index(last, self.STATUS))

    def label(self, article_id: str) -> str:
        if article_id in self._labels:
            return self._labels[article_id]
        article = self.article(article_id)
        return article.source if article else article_id

    def article(self, article_id: str) -> Article | None:
        articles = self._table.articles if self._table else ()
        return next((a for a in articles if a.id == article_id), None)

    def article_of_column(self, column: int) -> Article | None:
        n = column - self.FIRST_SOURCE
        articles = self._table.articles if self._table else ()
        return articles[n] if 0 <= n < len(articles) else None

    def column_of(self, article_id: str) -> int:
        articles = self._table.articles if self._table else ()
        ids = [a.id for a in articles]
        return self.FIRST_SOURCE + ids.index(article_id) if article_id in ids else -1

    def fact(self, row: int) -> Fact:
        assert self._table is not None
        return self._facts[row]

    def row_of_fact(self, fact_id: str) -> int:
        return self._rows.get(fact_id, -1)

    def rollup(self, row: int) -> Rollup:
        """The annotations within the fact's sentences and their rolled-up status."""
        lookup = self._annotation_of
        return lookup(self.fact(row)) if lookup is not None else EMPTY

    # --- QAbstractTableModel -----------------------------------------------------------
    def row_count(self) -> int:
        return 0 if self._table is None else len(self._facts)

    def column_count(self) -> int:
        return 0 if self._table is None else self.FIRST_SOURCE + len(self._table.articles)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        article = self.article_of_column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if article is not None:
                return self.label(article.id)
            return ("Fact", "Coverage", "First reported", "Marks", "Status")[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            if article is not None:
                return plain_tooltip(f"{self.label(article.id)}: {article.title}")
            return (
                "What the fact says: the words its sources share",
                "How many sources report the fact",
                "Which source published the fact first, and when (the articles' dates)",
                "Values the sources disagree on, or a fact only one source reports",
                "Your verdict on the fact: A agreed, D disputed, U unverified, N note",
            )[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not self.in_range(index):
            return None
        fact = self.fact(index.row())
        column = index.column()
        if role == FACT_ROLE:
            return fact
        if column == self.CLAIM:
            return self._claim_data(fact, role)
        if column == self.COVERAGE:
            return self._coverage_data(fact, role)
        if column == self.FIRST_REPORTED:
            return self._first_data(fact, role)
        if column == self.MARKER:
            return self._marker_data(fact, role)
        if column == self.STATUS:
            return self._status_data(index.row(), role)
        article = self.article_of_column(column)
        assert article is not None
        return self._source_data(fact, article, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by the cells of `column` (-1: the table's own order), ties in table order."""
        self._sort_column, self._sort_order = column, order
        if self._table is None:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        facts = [self._facts[i.row()] for i in persistent]
        self._facts = self._sorted(column, order)
        self._index_rows()
        moved = [
            self.index(self._rows[f.id], i.column()) for f, i in zip(facts, persistent, strict=True)
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _sorted(self, column: int, order: Qt.SortOrder) -> list[Fact]:
        facts = list(self._table.facts) if self._table else []
        if not 0 <= column < self.columnCount():
            return facts
        reverse = order == Qt.SortOrder.DescendingOrder
        if column == self.FIRST_REPORTED:
            # Undated facts stay at the bottom in both directions, as in the Sources dock.
            dated = [f for f in facts if self._earliest_key(f) is not None]
            undated = [f for f in facts if self._earliest_key(f) is None]
            return sorted(dated, key=self._earliest_key, reverse=reverse) + undated
        key = self._sort_key(column)
        # sorted() is stable, also in reverse: equal cells keep the table's order.
        return sorted(facts, key=key, reverse=reverse)

    def _sort_key(self, column: int) -> Callable[[Fact], object]:
        if column == self.CLAIM:
            return lambda fact: claim_of(fact, self._table).casefold()
        if column == self.COVERAGE:
            return lambda fact: fact.coverage
        if column == self.MARKER:
            return lambda fact: (len(fact.discrepancies), int(fact.exclusive))
        if column == self.STATUS:
            lookup = self._annotation_of
            return lambda fact: _status_sort_key(lookup(fact) if lookup else EMPTY)
        article = self.article_of_column(column)
        assert article is not None
        return lambda fact: self._wording(fact, article)

    def _index_rows(self) -> None:
        self._rows = {f.id: n for n, f in enumerate(self._facts)}

    def _wording(self, fact: Fact, article: Article) -> str:
        key = (fact.id, article.id)
        if key not in self._wordings:
            sentences = fact.sentences_of(article.id)
            self._wordings[key] = wording(article, sentences) if sentences else ""
        return self._wordings[key]

    def _claim_data(self, fact: Fact, role: int):
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return claim_of(fact, self._table)  # one line: the view elides it
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(claim_of(fact, self._table))
        return None

    def _coverage_data(self, fact: Fact, role: int):
        # Against its story's sources: a folder of several stories has others too.
        total = len(self._table.peers_of(fact)) if self._table else 0
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{fact.coverage} of {total}"
        if role == SORT_ROLE:
            return fact.coverage
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            reported = ", ".join(self.label(a) for a in fact.articles)
            tip = f"Reported by {reported}"
            if self._table and self._table.stories:
                peers = len(self._table.peers_of(fact))
                tip += f"\n{fact.coverage} of the {peers} sources of its story"
            left_out = self._table.left_out_by(fact) if self._table else ()
            if left_out:
                tip += "\nLeft out by " + ", ".join(self.label(a) for a in left_out)
            return plain_tooltip(tip)
        return None

    def first_report(self, fact: Fact) -> FirstReport:
        if fact.id not in self._first_reports:
            self._first_reports[fact.id] = first_report(fact, self._moments, self._order)
        return self._first_reports[fact.id]

    def _earliest_key(self, fact: Fact):
        earliest = self.first_report(fact).earliest
        return earliest.key if earliest else None

    def _first_data(self, fact: Fact, role: int):
        report = self.first_report(fact)
        if role == SORT_ROLE:
            return self._earliest_key(fact)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return None if report.dated else int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._first_text(report)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._first_tooltip(report))
        return None

    def _first_text(self, report: FirstReport) -> str:
        if report.earliest is None:
            return NO_DATE
        names = [self.label(a) for a in report.first]
        shown = ", ".join(names[:FIRST_NAMED])
        if len(names) > FIRST_NAMED:
            shown += f" +{len(names) - FIRST_NAMED}"
        return f"{shown} · {readable_date(report.earliest.iso)}"

    def _first_tooltip(self, report: FirstReport) -> str:
        """Every reporting source with its full date, first reporters first."""
        if not self._moments:
            return NO_DATES_TIP
        lines = []
        if report.dated:
            lines += [
                f"First reported by {self.label(a)}: {m.iso}"
                for a, m in zip(report.first, report.moments, strict=True)
            ]
            lines += [f"Then {self.label(a)}: {m.iso}" for a, m in report.later]
        else:
            lines.append("None of the sources reporting this fact gives a publication date")
        if report.undated:
            lines.append("No date: " + ", ".join(self.label(a) for a in report.undated))
        return "\n".join(lines)

    def _marker_data(self, fact: Fact, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return marker_text(fact, self.label) or None  # beside an icon (DecorationRole)
        if role == SORT_ROLE:
            return (len(fact.discrepancies), int(fact.exclusive))
        if role == Qt.ItemDataRole.DecorationRole:
            if fact.discrepancies:
                return named_icon("disputed", QStyle.StandardPixmap.SP_MessageBoxWarning)
            if fact.exclusive:
                return QApplication.style().standardIcon(
                    QStyle.StandardPixmap.SP_MessageBoxInformation
                )
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if fact.discrepancies:
                lines = "\n".join(f"• {d.explanation}" for d in fact.discrepancies)
                return plain_tooltip(f"The sources disagree:\n{lines}\nPress D to mark disputed")
            if fact.exclusive:
                return plain_tooltip(f"Only {self.label(fact.articles[0])} reports this")
        return None

    def _status_data(self, row: int, role: int):
        if role not in _STATUS_ROLES:
            return None
        rollup = self.rollup(row)
        if role == SORT_ROLE:
            return _status_sort_key(rollup)
        if rollup.status is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return rollup.summary() + (" ✎" if rollup.noted else "")
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(rollup.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._status_tooltip(rollup))
        return None

    def _status_tooltip(self, rollup: Rollup) -> str:
        """Each annotation within the fact: whose sentences, its status, its note."""
        if len(rollup.annotations) == 1 and rollup.annotations[0].fact_id is not None:
            only = rollup.annotations[0]
            return f"Marked {only.status.value}\n{only.note or 'No note (press N to write one)'}"
        heading = f"{rollup.summary()}: rolled up from {len(rollup.annotations)} annotations"
        return "\n".join([heading, *contribution_lines(rollup.annotations, self.label)])

    def _source_data(self, fact: Fact, article: Article, role: int):
        sentences = fact.sentences_of(article.id)
        if role == ARTICLE_ROLE:
            return article.id
        if role == SENTENCES_ROLE:
            return sentences
        if not sentences:
            return "" if role == SORT_ROLE else None
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self._wording(fact, article)
        if role == Qt.ItemDataRole.BackgroundRole:
            palette = QApplication.palette()
            if self._differing_in(fact, article.id):
                return tint(palette, DIFFERING_TINT, DIFFERING_SHARE)
            return tint(palette, PRESENT_TINT, PRESENT_SHARE)
        if role == Qt.ItemDataRole.ToolTipRole:
            numbers = ", ".join(str(i + 1) for i in sentences)
            noun = "Sentence" if len(sentences) == 1 else "Sentences"
            lines = [f"{self.label(article.id)}, {noun} {numbers}", wording(article, sentences)]
            lines += [f"{DIFFERS_MARK} {d.explanation}" for d in self._differences(fact, article)]
            lines.append("Enter opens it in its article tab; select two cells of a row to compare")
            return plain_tooltip("\n".join(lines))
        return None

    @staticmethod
    def _differing_in(fact: Fact, article_id: str) -> bool:
        return any(article_id in (d.a.article, d.b.article) for d in fact.discrepancies)

    @staticmethod
    def _differences(fact: Fact, article: Article):
        return [d for d in fact.discrepancies if article.id in (d.a.article, d.b.article)]


def _status_sort_key(rollup: Rollup) -> str:
    """By status word, then by how many annotations decide it."""
    if rollup.status is None:
        return ""
    return f"{rollup.status.value} {len(rollup.annotations):06d}"


_STATUS_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ToolTipRole,
    SORT_ROLE,
)


class FactsFilter(KindFilter):
    """Every fact, or only shared, exclusive or differing ones.

    Sorting is the source model's (see FactsModel): the proxy keeps its own sort column at
    -1 and only filters, so it never compares cells itself.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(ALL, parent)
        self.setSortRole(SORT_ROLE)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def accepts_row(self, source_row: int, kind: str | None) -> bool:
        return accepts(self.sourceModel().fact(source_row), kind)


def accepts(fact: Fact, kind: str) -> bool:
    if kind == SHARED:
        return not fact.exclusive
    if kind == EXCLUSIVE:
        return fact.exclusive
    if kind == DIFFERING:
        return bool(fact.discrepancies)
    return True
