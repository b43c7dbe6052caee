"""A web server on 127.0.0.1 that a test starts itself: fixed answers per path, no internet."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    declare_length: bool = True


@dataclass
class Site:
    base: str
    answers: dict[str, Answer]
    requests: list[str]

    def page(self, path: str, body: str | bytes, **options: object) -> str:
        """Serve ``body`` at ``path``; returns its full address."""
        self.answers[path] = Answer(body.encode() if isinstance(body, str) else body, **options)  # type: ignore[arg-type]
        return self.base + path

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        self.answers[path] = Answer(status=status, headers={"Location": to})
        return self.base + path


@contextmanager
def local_site() -> Iterator[Site]:
    site = Site("", {}, [])

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append(self.path)
            answer = site.answers.get(self.path, Answer(b"<html><body><p>Not here</p></body></html>", status=404))
            self.send_response(answer.status)
            if answer.content_type:
                self.send_header("Content-Type", answer.content_type)
            if answer.declare_length:
                self.send_header("Content-Length", str(len(answer.body)))
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(answer.body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the test output is for the tests."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def silent_server() -> Iterator[str]:
    """An address that accepts connections and never answers: a fetch there can only time out."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/slow.html"
    finally:
        listener.close()


def closed_port() -> str:
    """An address on this machine where nothing listens: the connection is refused."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return f"http://127.0.0.1:{port}/page.html"
