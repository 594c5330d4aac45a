"""Articles from a web address or the clipboard, kept as files in a folder.

A page is fetched within fixed limits (http and https only, a total time, the size limit
of article files, at most a few redirects, each checked again), and every failure is one
sentence. What was fetched or pasted is then written into a folder under a name made from
its title, never over an existing file, so annotations anchor to a file that stays and
the article reopens with the folder. The saved file is read like any other.
"""

from __future__ import annotations

import html
import http.client
import re
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

from ..files import write_atomically
from ..model import Article
from .readers import MAX_BYTES, read_article
from .segment import Cancelled

Progress = Callable[[int, int], bool]  # (bytes received, bytes expected or 0) -> keep going?

TIMEOUT_S = 20.0
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_CANCEL_POLL_S = 0.1
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_USER_AGENT = "Mozilla/5.0 (compatible; Corroborate; +reading one article)"
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_NAME_LIMIT = 80  # characters of a title kept in a file name
# Names Windows keeps for devices, whatever their extension.
_RESERVED_NAMES = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{d}{i}" for d in ("com", "lpt") for i in range(1, 10)}
)


class FetchFailed(Exception):
    """A page that could not be fetched; the message is one sentence for the user."""


@dataclass(frozen=True, slots=True)
class FetchedPage:
    data: bytes
    url: str  # where the page was found, after redirects
    content_type: str  # "text/html"
    charset: str | None  # as the server declared it, if it did


def is_web_address(text: str) -> bool:
    """Whether a command-line argument names a web address ("scheme://…"), not a path."""
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", text.strip()))


def address_from_input(text: str) -> str:
    """What a person typed, as an address: "example.com/a" means https://example.com/a."""
    text = text.strip()
    # "host:8080/path" has no scheme: a digit follows the colon.
    if "://" not in text and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:(?!\d)", text):
        return f"https://{text}"
    return text


def fetch_page(
    url: str,
    progress: Progress | None = None,
    timeout_s: float = TIMEOUT_S,
    max_bytes: int = MAX_BYTES,
) -> FetchedPage:
    """The web page at `url`, or FetchFailed saying why not.

    `progress(received, expected)` is called between chunks, and every 0.1 s while the
    server keeps silent; returning False raises `segment.Cancelled` and closes the
    connection at once instead of waiting for the timeout.
    """
    deadline = time.monotonic() + timeout_s
    for _ in range(MAX_REDIRECTS + 1):
        with _Exchange(url, deadline, timeout_s, progress) as exchange:
            target = _redirect_target(exchange.response, url)
            if target is None:
                return exchange.read_page(max_bytes)
        url = target
    raise FetchFailed(f"too many redirects (more than {MAX_REDIRECTS})")


def _split(url: str):
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a port that is no number)
    except ValueError as exc:
        raise FetchFailed(f"not a valid web address: {exc}") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchFailed("not an http or https address")
    if not parts.hostname:
        raise FetchFailed("not a valid web address: it names no server")
    return parts


def _request_path(parts) -> str:
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    # Non-ASCII in a path or query is sent percent-encoded, as browsers do.
    return quote(path, safe="/?&=%:@!$'()*+,;~-._")


class _Exchange:
    """One request and its response; a watchdog thread shuts the connection once
    `progress` says stop, so a silent server never holds a cancelled fetch (or the
    program's exit) until the timeout."""

    def __init__(self, url: str, deadline: float, timeout_s: float, progress) -> None:
        self.url, self.deadline, self.timeout_s = url, deadline, timeout_s
        self.progress = progress
        self.counts = [0, 0]  # bytes received, bytes expected: what the watchdog reports
        self.cancelled = threading.Event()
        self._stop_watching = threading.Event()
        self.sock: socket.socket | None = None
        self.response: http.client.HTTPResponse | None = None

    def __enter__(self) -> _Exchange:
        parts = _split(self.url)
        https = parts.scheme.lower() == "https"
        kind = http.client.HTTPSConnection if https else http.client.HTTPConnection
        self.connection = kind(parts.hostname, parts.port, timeout=self._remaining())
        try:
            self._keep_going()
            self.connection.connect()
            # Kept here: the connection forgets its socket once a response will close it.
            self.sock = self.connection.sock
            if self.progress is not None:
                threading.Thread(target=self._watch, name="corroborate-fetch", daemon=True).start()
            self.connection.request("GET", _request_path(parts), headers=_HEADERS)
            self.response = self.connection.getresponse()
        except BaseException as exc:
            self.__exit__()
            raise self._failure(exc) from None
        return self

    def __exit__(self, *_exc) -> None:
        self._stop_watching.set()
        if self.response is not None:
            self.response.close()
        self.connection.close()

    def _watch(self) -> None:
        while not self._stop_watching.wait(_CANCEL_POLL_S):
            if not self.progress(*self.counts):
                self.cancelled.set()
                with suppress(OSError):  # already closed: nothing is waiting on it
                    self.sock.shutdown(socket.SHUT_RDWR)  # the blocked read returns now
                return

    def _keep_going(self) -> None:
        if self.cancelled.is_set() or (
            self.progress is not None and not self.progress(*self.counts)
        ):
            raise Cancelled()

    def _remaining(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise FetchFailed(f"timed out after {self.timeout_s:g} s")
        return left

    def _failure(self, exc: BaseException) -> BaseException:
        return Cancelled() if self.cancelled.is_set() else _failure(exc, self.timeout_s)

    def read_page(self, max_bytes: int) -> FetchedPage:
        response = self.response
        if response.status >= 400:
            raise FetchFailed(_status_reason(response))
        if response.status != 200:
            raise FetchFailed(f"the server did not send the page (HTTP {response.status})")
        header = Message()
        header["Content-Type"] = response.getheader("Content-Type") or "text/html"
        content_type = header.get_content_type()
        if content_type not in _HTML_TYPES:
            raise FetchFailed(f"not a web page ({content_type})")
        self.counts[1] = _declared_length(response)
        if self.counts[1] > max_bytes:
            raise FetchFailed(_too_large(max_bytes))
        data = _decompressed(
            self._read_body(max_bytes), response.getheader("Content-Encoding"), max_bytes
        )
        return FetchedPage(data, self.url, content_type, header.get_param("charset"))

    def _read_body(self, max_bytes: int) -> bytes:
        chunks: list[bytes] = []
        while True:
            self._keep_going()
            try:
                self.sock.settimeout(self._remaining())  # the whole fetch ends at the deadline
                chunk = self.response.read1(_CHUNK)
            except BaseException as exc:
                raise self._failure(exc) from None
            self._keep_going()
            if not chunk:
                return b"".join(chunks)
            self.counts[0] += len(chunk)
            if self.counts[0] > max_bytes:
                raise FetchFailed(_too_large(max_bytes))
            chunks.append(chunk)


_HEADERS = {
    "User-Agent": _USER_AGENT,
    "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
    "Accept-Encoding": "gzip, deflate",
}


def _too_large(max_bytes: int) -> str:
    return f"larger than {max_bytes // 1024 // 1024} MB"


def _redirect_target(response: http.client.HTTPResponse, url: str) -> str | None:
    if response.status not in _REDIRECTS:
        return None
    location = response.getheader("Location")
    if not location:
        raise FetchFailed(f"the server sent a redirect (HTTP {response.status}) to nowhere")
    target = urljoin(url, location.strip())
    if urlsplit(target).scheme.lower() not in ("http", "https"):
        raise FetchFailed("redirected to an address that is not http or https")
    return target


def _declared_length(response) -> int:
    try:
        return max(int(response.getheader("Content-Length") or 0), 0)
    except ValueError:
        return 0


def _decompressed(data: bytes, encoding: str | None, max_bytes: int) -> bytes:
    encoding = (encoding or "identity").strip().lower()
    if encoding in ("identity", ""):
        return data
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchFailed(f"the server sent the page compressed as {encoding}, which is not read")
    wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
    try:
        inflater = zlib.decompressobj(wbits)
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error:
        raise FetchFailed("the server sent a damaged compressed page") from None
    if len(out) > max_bytes:
        raise FetchFailed(_too_large(max_bytes))
    return out


def _status_reason(response: http.client.HTTPResponse) -> str:
    named = {
        401: "the page needs a login",
        403: "the server refused to send the page",
        404: "not found",
        410: "the page was removed",
        429: "the server asked to wait: too many requests",
    }
    if response.status in named:
        return f"{named[response.status]} (HTTP {response.status})"
    if response.status >= 500:
        return f"the server failed (HTTP {response.status})"
    return f"the server refused the request (HTTP {response.status} {response.reason})".strip()


def _failure(exc: BaseException, timeout_s: float) -> BaseException:
    """The one sentence for a failed connection or read; anything else passes unchanged."""
    if isinstance(exc, FetchFailed | Cancelled):
        return exc
    if isinstance(exc, TimeoutError | socket.timeout):
        return FetchFailed(f"timed out after {timeout_s:g} s")
    if isinstance(exc, socket.gaierror):
        return FetchFailed("could not connect: no server has this name")
    if isinstance(exc, ssl.SSLCertVerificationError):
        return FetchFailed(f"could not connect securely: {exc.verify_message or exc}")
    if isinstance(exc, http.client.IncompleteRead):
        return FetchFailed("the connection closed before the whole page arrived")
    if isinstance(exc, http.client.HTTPException):
        return FetchFailed(f"the server's answer could not be read ({type(exc).__name__})")
    if isinstance(exc, OSError):
        detail = (exc.strerror or str(exc) or type(exc).__name__).rstrip(".")
        return FetchFailed(f"could not connect: {detail[:1].lower()}{detail[1:]}")
    return exc


# --- keeping what was fetched or pasted as a file ----------------------------------------
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title", re.IGNORECASE | re.DOTALL)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)
_HTML_TAG = re.compile(r"<html(?:\s[^>]*)?>", re.IGNORECASE)
_CANONICAL = re.compile(r"""<link\b[^>]*\brel\s*=\s*["']?canonical\b""", re.IGNORECASE)
_META_CHARSET = re.compile(r"<meta\b[^>]*charset", re.IGNORECASE)
_SITE_NAME = re.compile(
    r"""<meta\b[^>]*\bproperty\s*=\s*["']?og:site_name\b[^>]*>""", re.IGNORECASE
)


def fetch_into(url: str, folder: str | Path, progress: Progress | None = None) -> Path:
    """Fetch `url` and save it into `folder` (see `save_page`); once cancelled, nothing
    is saved."""
    page = fetch_page(url, progress)
    if progress is not None and not progress(len(page.data), len(page.data)):
        raise Cancelled()
    return save_page(page, folder)


def save_page(page: FetchedPage, folder: str | Path) -> Path:
    """Write a fetched page into `folder` as `.html`, named after its title; the bytes
    are kept as sent, with the page's address added as its canonical link when it has
    none, and the server's charset declared when the page does not say its own."""
    markup = page.data.decode("latin-1")  # one character per byte: the bytes stay as sent
    added = []
    if not _CANONICAL.search(markup):
        added.append(f'<link rel="canonical" href="{html.escape(_ascii_url(page.url))}">')
    if page.charset and not _META_CHARSET.search(markup[:4096]):
        added.append(f'<meta charset="{html.escape(page.charset)}">')
    # A page in UTF-16 or UTF-32 would be damaged by ASCII inserted into it.
    if added and not page.data.startswith((b"\xff\xfe", b"\xfe\xff")):
        markup = _in_head(markup, "".join(added))
    title = _page_title(page.data, page.charset) or _name_from_url(page.url)
    host = (urlsplit(page.url).hostname or "").removeprefix("www.")
    return _write_new(folder, _named(title, host), ".html", markup, "latin-1")


def save_pasted_html(markup: str, outlet: str, folder: str | Path, title: str = "") -> Path:
    """Write HTML from the clipboard into `folder` as `.html`; the outlet is written as
    the page's site name (og:site_name), which the HTML reader takes for the outlet."""
    outlet = _one_line(outlet)
    meta = '<meta charset="utf-8">'
    if outlet:
        markup = _SITE_NAME.sub("", markup)  # the name the user gave wins
        meta += f'<meta property="og:site_name" content="{html.escape(outlet)}">'
    if _HTML_TAG.search(markup) or _HEAD.search(markup):
        markup = _in_head(markup, meta)
    else:  # a fragment, as browsers put on the clipboard
        markup = f"<!DOCTYPE html>\n<html><head>{meta}</head><body>\n{markup}\n</body></html>\n"
    title = title or _page_title(markup.encode("utf-8"), "utf-8") or "pasted article"
    return _write_new(folder, _named(title, outlet), ".html", markup, "utf-8")


def save_pasted(markup: str, text: str, outlet: str, folder: str | Path) -> Path:
    """What was on the clipboard as an article file: its HTML when it has any and an
    article can be read from it (links and emphasis kept for the reader), else its text."""
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    if markup.strip():
        path = save_pasted_html(markup, outlet, folder, first_line[:_NAME_LIMIT])
        if not text.strip() or isinstance(read_article(path), Article):
            return path
        path.unlink()  # a fragment the HTML reader finds no article in: the text is kept
    return save_pasted_text(text, outlet, folder)


def save_pasted_text(text: str, outlet: str, folder: str | Path) -> Path:
    """Write plain text from the clipboard into `folder` as `.txt`, the outlet in a
    front-matter block at the top (`outlet: NAME`), which the text reader takes for it."""
    outlet = _one_line(outlet)
    body = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n") + "\n"
    if outlet:
        body = f"---\noutlet: {outlet}\n---\n\n{body}"
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    return _write_new(folder, _named(first_line or "pasted article", outlet), ".txt", body, "utf-8")


def _named(title: str, origin: str) -> str:
    """ "Headline - example.com": where it came from is in the name, and a file named
    only after its headline would have that headline taken for the outlet's name (a
    line spelling the file's name is an outlet: core/ingest/titles.py)."""
    title = safe_file_stem(title)
    return f"{title} - {safe_file_stem(origin)}" if safe_file_stem(origin, "") else title


def safe_file_stem(title: str, fallback: str = "article") -> str:
    """A file name (without suffix) from a title: letters, digits, spaces, hyphens and
    inner dots only, short, and never a name Windows keeps for a device."""
    stem = re.sub(r"[^\w\-. ]+", " ", title.replace("_", " "))
    stem = re.sub(r"\s+", " ", stem).strip(" -.")
    if len(stem) > _NAME_LIMIT:
        stem = stem[:_NAME_LIMIT].rsplit(" ", 1)[0].rstrip(" -.") or stem[:_NAME_LIMIT]
    if not stem:
        stem = fallback
    if stem.split(".")[0].lower() in _RESERVED_NAMES:
        stem = f"{stem} page"
    return stem


def _write_new(folder: str | Path, stem: str, suffix: str, text: str, encoding: str) -> Path:
    """Write `text` atomically under a new name: "Stem.html", else "Stem (2).html"…"""
    folder = Path(folder)
    for number in range(1, 10_000):
        path = folder / (f"{stem}{suffix}" if number == 1 else f"{stem} ({number}){suffix}")
        try:
            # Claimed first, so no other file of that name is ever replaced.
            with open(path, "x"):
                pass
        except FileExistsError:
            continue
        try:
            write_atomically(path, lambda out: out.write(text), encoding)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return path
    raise FileExistsError(f"too many files named {stem}{suffix} in {folder}")


def _in_head(markup: str, tags: str) -> str:
    """`tags` just inside the page's <head> (or <html>, or at the start)."""
    for pattern in (_HEAD, _HTML_TAG):
        found = pattern.search(markup)
        if found:
            return f"{markup[: found.end()]}{tags}{markup[found.end() :]}"
    return f"{tags}\n{markup}"


def _page_title(data: bytes, charset: str | None) -> str:
    found = _TITLE.search(data[: 256 * 1024])
    if not found:
        return ""
    title = found.group(1)
    try:
        raw = title.decode(charset or "utf-8")
    except (LookupError, UnicodeDecodeError):  # no charset said, or a wrong one
        raw = title.decode("cp1252", errors="replace")
    return " ".join(html.unescape(raw).split())


def _name_from_url(url: str) -> str:
    parts = urlsplit(url)
    last = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])
    last = re.sub(r"\.(?:s?html?|php|aspx?|jsp)$", "", last, flags=re.IGNORECASE)
    return last or parts.hostname or "page"


def _ascii_url(url: str) -> str:
    """The address with anything but ASCII percent-encoded, so it fits any page's charset."""
    return quote(url, safe="/?&=%:@!$'()*+,;~-._#[]")


def _one_line(text: str) -> str:
    return " ".join(text.split())
