"""Fetching a web page within limits and keeping it (or pasted text) as an article file.

Every server here is on 127.0.0.1 (tests/core/ingest/web_pages.py).
"""

import gzip
import threading
import time

import pytest

from corroborate.core.ingest.fetching import (
    FetchFailed,
    address_from_input,
    fetch_page,
    is_web_address,
    safe_file_stem,
    save_page,
    save_pasted,
    save_pasted_html,
    save_pasted_text,
)
from corroborate.core.ingest.readers import MAX_BYTES, read_article
from corroborate.core.ingest.segment import Cancelled
from corroborate.core.model import Article
from tests.core.ingest.web_pages import ARTICLE_HTML, redirect, send, serving


@pytest.fixture
def server():
    with serving() as running:
        yield running


def _failure(url, **options) -> str:
    with pytest.raises(FetchFailed) as failed:
        fetch_page(url, **options)
    return str(failed.value)


def test_a_page_is_saved_under_its_title_and_reads_as_an_article(server, tmp_path):
    # Broken: Open URL would add nothing, or a file whose article has no text.
    server.page("/news/lee-visit", ARTICLE_HTML)
    page = fetch_page(server.url("/news/lee-visit"))
    assert (page.url, page.content_type, page.charset) == (
        server.url("/news/lee-visit"),
        "text/html",
        "utf-8",
    )
    path = save_page(page, tmp_path)
    assert path == tmp_path / "Lee Visits Beijing for Talks - 127.0.0.1.html"
    saved = path.read_text("utf-8")
    assert f'<link rel="canonical" href="{server.url("/news/lee-visit")}">' in saved
    article = read_article(path)
    assert isinstance(article, Article), article
    assert article.title == "Lee Visits Beijing for Talks"
    assert "three-day state visit" in article.text


def test_a_second_fetch_of_the_same_page_never_overwrites_the_first(server, tmp_path):
    # Broken: annotations on the first copy would point at a file that changed under them.
    server.page("/a", ARTICLE_HTML)
    first = save_page(fetch_page(server.url("/a")), tmp_path)
    first.write_text(first.read_text("utf-8") + "<!-- edited -->", "utf-8")
    second = save_page(fetch_page(server.url("/a")), tmp_path)
    assert second.name == "Lee Visits Beijing for Talks - 127.0.0.1 (2).html"
    assert first.read_text("utf-8").endswith("<!-- edited -->")


def test_a_page_without_a_title_is_named_after_its_address_in_safe_characters(server, tmp_path):
    # Broken: a title such as "../x" or "a:b" would write outside the folder or fail on Windows.
    server.page("/2026/lee_visit.php", "<html><body><p>Text</p></body></html>")
    path = save_page(fetch_page(server.url("/2026/lee_visit.php")), tmp_path)
    assert path.name == "lee visit - 127.0.0.1.html"
    assert safe_file_stem('../Lee: "visit" / talks?.') == "Lee visit talks"
    assert safe_file_stem("CON") == "CON page"
    assert safe_file_stem("x" * 200) == "x" * 80
    assert safe_file_stem("***") == "article"


def test_a_canonical_link_the_page_has_is_kept_and_no_second_one_added(server, tmp_path):
    # Broken: the article's address would point at a mirror instead of the original.
    page = ARTICLE_HTML.replace("<head>", '<head><link rel="canonical" href="https://x.org/a">')
    server.page("/mirror", page)
    saved = save_page(fetch_page(server.url("/mirror")), tmp_path).read_text("utf-8")
    assert saved.count("canonical") == 1 and "https://x.org/a" in saved


def test_the_charset_the_server_declares_is_kept_in_the_saved_file(server, tmp_path):
    # Broken: "Café" fetched from a Latin-1 server would read back as "CafÃ©" or worse.
    body = ARTICLE_HTML.replace("<meta charset='utf-8'>", "").replace("Lee arrived", "Lee arrivé")
    server.page("/latin", body.encode("cp1252"), "text/html; charset=windows-1252")
    path = save_page(fetch_page(server.url("/latin")), tmp_path)
    assert path.read_bytes().count(b"arriv\xe9") == 1  # the bytes as sent
    assert "Lee arrivé" in read_article(path).text


def test_missing_page_says_not_found(server):
    # Broken: the user would see a traceback or an empty article instead of the reason.
    assert _failure(server.url("/nothing")) == "not found (HTTP 404)"
    server.route("/broken", lambda request: send(request, 503, b"down"))
    assert _failure(server.url("/broken")) == "the server failed (HTTP 503)"


def test_an_image_is_not_a_web_page(server):
    server.page("/photo", b"\x89PNG\r\n\x1a\n", "image/png")
    assert _failure(server.url("/photo")) == "not a web page (image/png)"


def test_a_page_declaring_a_size_over_the_limit_is_refused_before_reading(server):
    # Broken: a 2 GB download would fill memory before being refused.
    def huge(request):
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", str(MAX_BYTES + 1))
        request.end_headers()
        request.wfile.write(b"<html>")

    server.route("/huge", huge)
    assert _failure(server.url("/huge")) == "larger than 20 MB"


def test_a_page_streaming_past_the_limit_without_a_length_is_cut_off(server):
    def endless(request):
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Connection", "close")  # no length: the body ends when it closes
        request.end_headers()
        chunk = b"<p>" + b"x" * 65_536 + b"</p>"
        try:
            for _ in range(MAX_BYTES // len(chunk) + 10):
                request.wfile.write(chunk)
        except OSError:
            pass  # the client hung up, as it should

    server.route("/endless", endless)
    assert _failure(server.url("/endless")) == "larger than 20 MB"


def test_a_compressed_page_is_read_and_its_unpacked_size_limited(server, tmp_path):
    # Broken: a small gzip bomb would unpack to gigabytes in memory.
    def gzipped(body):
        packed = gzip.compress(body)
        return lambda request: send(request, 200, packed, headers=[("Content-Encoding", "gzip")])

    server.route("/packed", gzipped(ARTICLE_HTML.encode("utf-8")))
    assert fetch_page(server.url("/packed")).data == ARTICLE_HTML.encode("utf-8")
    server.route("/bomb", gzipped(b" " * (MAX_BYTES + 1)))
    assert _failure(server.url("/bomb")) == "larger than 20 MB"


def test_a_redirect_is_followed_and_the_final_address_kept(server, tmp_path):
    # Broken: the saved page would name the short link, not where the article lives.
    server.route("/short", redirect("/articles/lee"))
    server.page("/articles/lee", ARTICLE_HTML)
    page = fetch_page(server.url("/short"))
    assert page.url == server.url("/articles/lee")
    saved = save_page(page, tmp_path)
    assert f'href="{server.url("/articles/lee")}"' in saved.read_text("utf-8")
    assert read_article(saved).url == server.url("/articles/lee")


def test_redirects_to_other_schemes_and_endless_redirects_are_refused(server):
    # Broken: a page could send the fetch to file:///etc/passwd, or round in circles.
    server.route("/to-file", redirect("file:///etc/passwd"))
    assert _failure(server.url("/to-file")) == "redirected to an address that is not http or https"
    server.route("/loop", redirect("/loop"))
    assert _failure(server.url("/loop")) == "too many redirects (more than 5)"


@pytest.mark.parametrize(
    "address", ["file:///etc/passwd", "ftp://example.com/a", "data:text/html,<p>x</p>"]
)
def test_addresses_that_are_not_http_are_refused(address):
    assert _failure(address) == "not an http or https address"


def test_what_a_person_types_becomes_an_address():
    assert address_from_input(" example.com/news ") == "https://example.com/news"
    assert address_from_input("localhost:8000/a") == "https://localhost:8000/a"
    assert address_from_input("http://x.org") == "http://x.org"
    assert address_from_input("file:///etc/passwd") == "file:///etc/passwd"  # refused later
    assert is_web_address("https://x.org/a") and is_web_address("ftp://x")
    assert not is_web_address("seeds/a.txt") and not is_web_address("C:\\news\\a.txt")


def test_a_refused_connection_says_it_could_not_connect(server):
    port = server.port
    server.httpd.server_close()  # nothing listens on the port any more
    message = _failure(f"http://127.0.0.1:{port}/a")
    assert message.startswith("could not connect: "), message


def _stalling(server, path, before_headers: bool):
    def stall(request):
        if not before_headers:
            request.send_response(200)
            request.send_header("Content-Type", "text/html")
            request.send_header("Content-Length", "100000")
            request.end_headers()
            request.wfile.write(b"<html><body>")
            request.wfile.flush()
        server.released.wait(30)

    server.route(path, stall)
    return server.url(path)


@pytest.mark.parametrize("before_headers", [True, False])
def test_a_server_that_stalls_times_out_on_time(server, before_headers):
    # Broken: the status bar would say "Fetching…" forever.
    url = _stalling(server, "/stall", before_headers)
    started = time.monotonic()
    assert _failure(url, timeout_s=0.5) == "timed out after 0.5 s"
    assert time.monotonic() - started < 2.0


def test_cancel_stops_a_fetch_waiting_on_a_silent_server_at_once(server):
    # Broken: Cancel (or quitting) would wait for the 20 s timeout.
    url = _stalling(server, "/stall", before_headers=False)
    cancel_at = time.monotonic() + 0.3
    seen = []

    def progress(received, expected):
        seen.append((received, expected))
        return time.monotonic() < cancel_at

    with pytest.raises(Cancelled):
        fetch_page(url, progress, timeout_s=20)
    assert time.monotonic() - cancel_at < 1.0
    assert (12, 100000) in seen  # the bytes received so far, of the length declared


def test_cancel_between_chunks_stops_reading(server):
    server.page("/big", "<html><body>" + "<p>word</p>" * 100_000 + "</body></html>")
    calls = threading.local()
    calls.n = 0

    def progress(received, expected):
        calls.n += 1
        return calls.n < 3

    with pytest.raises(Cancelled):
        fetch_page(server.url("/big"), progress)


def test_pasted_text_is_saved_with_its_outlet_in_front_matter(tmp_path):
    # Broken: a pasted article would come back from the folder without its outlet.
    text = "Lee Visits Beijing\r\n\r\nPresident Lee arrived in Beijing on Sunday.\r\n"
    path = save_pasted_text(text, " Yonhap\nNews ", tmp_path)
    assert path == tmp_path / "Lee Visits Beijing - Yonhap News.txt"
    assert path.read_text("utf-8") == (
        "---\noutlet: Yonhap News\n---\n\n"
        "Lee Visits Beijing\n\nPresident Lee arrived in Beijing on Sunday.\n"
    )
    assert save_pasted_text(text, "", tmp_path).name == "Lee Visits Beijing.txt"
    assert save_pasted_text(text, "", tmp_path).name == "Lee Visits Beijing (2).txt"


def test_pasted_html_is_saved_with_its_outlet_as_the_site_name(tmp_path):
    # Broken: the Sources panel would show the file name instead of the outlet given.
    fragment = ARTICLE_HTML.split("<body>")[1].split("</body>")[0]
    path = save_pasted_html(fragment, "Yonhap <News>", tmp_path, "Lee Visits Beijing")
    assert path.name == "Lee Visits Beijing - Yonhap News.html"
    assert '<meta property="og:site_name" content="Yonhap &lt;News&gt;">' in path.read_text()
    article = read_article(path)
    assert isinstance(article, Article), article
    assert article.source == "Yonhap <News>"
    assert "three-day state visit" in article.text


def test_the_outlet_given_replaces_the_site_name_a_pasted_page_had(tmp_path):
    page = ARTICLE_HTML.replace(
        "<head>", '<head><meta property="og:site_name" content="Aggregator">'
    )
    article = read_article(save_pasted_html(page, "Yonhap", tmp_path))
    assert article.source == "Yonhap"
    assert article.path.endswith("Lee Visits Beijing for Talks - Yonhap.html")


def test_pasted_html_without_an_article_in_it_is_kept_as_its_text(tmp_path):
    # Broken: a few lines copied from a page would be refused as "no article text found"
    # although the clipboard also held them as plain text.
    text = "Lee met Xi."  # too few words for a web page
    path = save_pasted(f"<b>{text}</b>", text, "Yonhap", tmp_path)
    assert path.suffix == ".txt" and [p.name for p in tmp_path.iterdir()] == [path.name]
    fragment = ARTICLE_HTML.split("<body>")[1].split("</body>")[0]
    assert save_pasted(fragment, "Lee Visits Beijing for Talks", "", tmp_path).suffix == ".html"
