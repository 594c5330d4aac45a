"""A web server on 127.0.0.1 for fetching tests: each path answers as the test says.

`server.route(path, handler)` sets what a path does; `handler(request)` is called on the
server's thread with the `BaseHTTPRequestHandler`. Helpers below cover the usual answers.
Handlers that stall wait on `server.released`, set when the test ends, so none outlives it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE_HTML = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'>"
    "<title>Lee Visits Beijing for Talks</title></head><body><article>"
    "<h1>Lee Visits Beijing for Talks</h1>"
    "<p>President Lee arrived in Beijing on Sunday for a three-day state visit.</p>"
    "<p>He met President Xi on Monday and the two leaders discussed trade and security.</p>"
    "<p>Officials said the talks lasted more than two hours and ended with a joint statement.</p>"
    "</article></body></html>"
)

Handler = Callable[[BaseHTTPRequestHandler], None]


class PageServer:
    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.released = threading.Event()
        routes = self.routes

        class _Request(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
                handler = routes.get(self.path.split("?")[0])
                if handler is None:
                    send(self, 404, b"<html><body>Not here</body></html>")
                else:
                    handler(self)

            def log_message(self, *args) -> None:  # quiet in test output
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Request)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, handler: Handler) -> None:
        self.routes[path] = handler

    def page(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8"):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.route(path, lambda request: send(request, 200, data, content_type))


def send(request, status: int, body: bytes, content_type: str = "text/html", headers=()) -> None:
    request.send_response(status)
    request.send_header("Content-Type", content_type)
    request.send_header("Content-Length", str(len(body)))
    for name, value in headers:
        request.send_header(name, value)
    request.end_headers()
    request.wfile.write(body)


def redirect(location: str) -> Handler:
    return lambda request: send(request, 302, b"", headers=[("Location", location)])


@contextmanager
def serving() -> Iterator[PageServer]:
    server = PageServer()
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.released.set()
        server.httpd.shutdown()
        server.httpd.server_close()
        thread.join(5)
