"""Small reusable widgets: the drop hint overlay, the empty state, the status-bar progress;
the first window's geometry and where the keyboard enters a panel."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

# A task that finishes sooner than this never shows a progress bar (no flicker).
PROGRESS_DELAY_MS = 100


class DropOverlay(QWidget):
    """Covers its parent while files are dragged over the window: "Drop to add"."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.message = "Drop to add these articles"
        self.hide()
        parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def show_hint(self, message: str) -> None:
        self.message = message
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        fill = QColor(highlight)
        fill.setAlpha(40)
        painter.fillRect(self.rect(), fill)
        pen = QPen(highlight, 3, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(self.rect().adjusted(8, 8, -8, -8), 12, 12)
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.message)


class EmptyState(QWidget):
    """Shown instead of the tabs when nothing is open: how to get started."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = enlarge(QLabel("No articles open"), 1.6)
        hint = QLabel(
            "Drop article files or folders anywhere on this window,\n"
            "or use File → Open Folder… (Ctrl+O).\n\n"
            "Supported: .txt, .md, .html, .docx, .pdf"
        )
        for label in (title, hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextFormat(Qt.TextFormat.PlainText)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addStretch(1)


class StatusProgress(QWidget):
    """A progress bar and Cancel button for the status bar, shown only for slow tasks."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop this operation")
        self.cancel_button.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.show)
        self.hide()

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until the first report
        self._timer.start(PROGRESS_DELAY_MS)

    def report(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def finish(self) -> None:
        self._timer.stop()
        self.hide()


# First start: this window size, at most this share of the screen, centred.
DEFAULT_SIZE = QSize(1280, 800)
MAX_SCREEN_SHARE = 0.85
BOTTOM_DOCK_HEIGHT = 200
RIGHT_DOCK_WIDTH = 320


def first_focusable(pane: QWidget) -> QWidget | None:
    """The widget Tab would reach first inside `pane`, preferring a list or an editor."""
    if pane.focusProxy() is not None and pane.focusProxy().isVisible():
        return pane.focusProxy()
    chain, widget = [], pane.nextInFocusChain()
    while widget is not pane and widget not in chain and len(chain) < 1000:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    reachable = [
        w
        for w in chain
        if pane.isAncestorOf(w)
        and w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    preferred = [w for w in reachable if isinstance(w, QAbstractItemView | QPlainTextEdit)]
    return (preferred or reachable or [None])[0]


def default_geometry(available: QRect) -> QRect:
    """The first window: DEFAULT_SIZE, shrunk to fit small screens, centred on `available`."""
    width = min(DEFAULT_SIZE.width(), round(available.width() * MAX_SCREEN_SHARE))
    height = min(DEFAULT_SIZE.height(), round(available.height() * MAX_SCREEN_SHARE))
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect


def focus_next_pane(panes: Sequence[QWidget], step: int) -> QWidget | None:
    """Focus the first widget of the pane `step` away from the one holding the focus."""
    focused = QApplication.focusWidget()
    here = next((n for n, p in enumerate(panes) if focused is p or p.isAncestorOf(focused)), -1)
    for n in range(1, len(panes) + 1):
        target = first_focusable(panes[(here + step * n) % len(panes)])
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return target
    return None


def local_paths(event) -> list[str]:
    """The local files and folders a drag carries."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


def drop_hint(paths: Sequence[str], opens_folder: bool) -> str:
    """What dropping `paths` will do: "Drop to add 3 files", "Drop to open the folder …"."""
    if opens_folder:
        return f"Drop to open the folder “{Path(paths[0]).name}”"
    folders = sum(Path(p).is_dir() for p in paths)
    parts = [
        counted(n, noun) for n, noun in ((len(paths) - folders, "file"), (folders, "folder")) if n
    ]
    return "Drop to add " + " and ".join(parts)


def counted(n: int, noun: str) -> str:
    """'1 article', '3 articles': status messages read as sentences, not 'article(s)'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def enlarge(label: QLabel, scale: float) -> QLabel:
    """Make `label` a bold heading `scale` times the normal size."""
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def filter_bar(
    parent: QWidget, tooltip: str, kinds: Sequence, initial, on_filter: Callable[[object], None]
) -> tuple[QHBoxLayout, dict[object, QToolButton]]:
    """A "Show:" row of exclusive toggle buttons, one per kind (texts are set by the caller,
    usually with counts); choosing one calls `on_filter(kind)`."""
    group = QButtonGroup(parent)
    group.setExclusive(True)
    bar = QHBoxLayout()
    bar.setContentsMargins(10, 8, 10, 4)
    bar.setSpacing(4)
    show = QLabel("Show:")
    show.setToolTip(tooltip)
    bar.addWidget(show)
    buttons: dict[object, QToolButton] = {}
    for kind in kinds:
        button = QToolButton()
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setChecked(kind == initial)
        button.toggled.connect(lambda on, k=kind: on and on_filter(k))
        group.addButton(button)
        buttons[kind] = button
        bar.addWidget(button)
    return bar, buttons


class RowsPage(QWidget):
    """A tab of filter rows over a table (or a waiting message in its place).

    Given the focus, it hands it to its rows. Not a focus proxy: with one, Tab from the
    rows would skip the filters above them. Subclasses set `self.view`.
    """

    view: QWidget

    def lay_out(self, *rows: QLayout, body: QWidget) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for row in rows:
            layout.addLayout(row)
        layout.addWidget(body, 1)

    def focusInEvent(self, event) -> None:
        self.view.setFocus(event.reason())
