from __future__ import annotations

import socket
import threading

import pytest

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.intake.fetch import FetchCancelled, fetch
from support.web_server import Answer, Site, closed_port, silent_server

PAGE = "<html><body><p>Ships left on Monday.</p></body></html>"


def test_a_page_is_fetched_through_redirects(site: Site) -> None:
    final = site.page("/news/port.html", PAGE)
    start = site.redirect("/p/1", site.redirect("/short", final, status=301))
    fetched = fetch(start)
    assert fetched.url == final
    assert fetched.content_type == "text/html"
    assert fetched.body == PAGE.encode()


def test_redirects_are_capped(site: Site) -> None:
    for hop in range(8):
        site.redirect(f"/hop/{hop}", f"{site.base}/hop/{hop + 1}")
    with pytest.raises(InputError, match=r"/hop/\d: more than 5 redirects"):
        fetch(f"{site.base}/hop/0")


def test_each_failure_is_one_line(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError, match=r"/missing\.html: the server answered 404 Not Found$"):
        fetch(f"{site.base}/missing.html")
    picture = site.page("/photo.png", b"\x89PNG\r\n", content_type="image/png")
    with pytest.raises(InputError, match=r"photo\.png: is image/png, not a web page or a feed$"):
        fetch(picture)
    big = site.page("/big.html", "<p>" + "x" * 5000 + "</p>")
    with pytest.raises(InputError, match=r"big\.html: is 5.01 KB, over the 1 KB limit for a web page \(see \[limits\]"):
        fetch(big, max_bytes=1000)
    site.answers["/streamed.html"] = Answer(("<p>" + "x" * 200_000 + "</p>").encode(), declare_length=False)
    with pytest.raises(InputError, match=r"streamed\.html: goes on past the 100 KB limit for a web page"):
        fetch(f"{site.base}/streamed.html", max_bytes=100_000)
    refused = closed_port()
    with pytest.raises(InputError, match=r"^http://127\.0\.0\.1:\d+/page\.html: 127\.0\.0\.1 refused the connection$"):
        fetch(refused)


def test_a_server_that_never_answers_times_out() -> None:
    with silent_server() as address, pytest.raises(InputError, match=r"slow\.html: no answer within 0\.3 seconds$"):
        fetch(address, timeout=0.3)


def test_an_unknown_host_is_a_dns_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.raises(
        InputError, match=r"^https://news\.invalid/a: cannot find the server news\.invalid \(DNS lookup failed\)$"
    ):
        fetch("https://news.invalid/a")


def test_a_fetch_can_be_cancelled_while_it_reads(site: Site) -> None:
    address = site.page("/long.html", "<p>" + "word " * 100_000 + "</p>")
    stop = threading.Event()
    stop.set()
    with pytest.raises(FetchCancelled):
        fetch(address, cancel=stop)
