"""Fetching a web page or feed with the standard library, bounded in every way a server can stall us.

A timeout on each network wait, a cap on the bytes read and on redirects, a check that the answer
is a page or a feed, and one line saying what went wrong for each way it can fail. A fetch can be
cancelled from another thread (the app's escape key) between two reads.
"""

from __future__ import annotations

import email.message
import http.client
import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from factcheck_tui import __version__
from factcheck_tui.core.errors import FactcheckError, InputError
from factcheck_tui.core.limits import DEFAULT_LIMITS, over_limit
from factcheck_tui.core.matching.cancel import Cancel, cancelled

TIMEOUT_SECONDS = 20.0
MAX_REDIRECTS = 5
CHUNK_BYTES = 64 * 1024
WHAT = "a web page"
USER_AGENT = f"factcheck-tui/{__version__} (newsroom fact-checking)"
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)
# Servers that do not say what they send, or call everything text/plain, are read and sniffed.
SNIFFED_TYPES = frozenset({"", "text/plain", "application/octet-stream"})
_ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.1"


class FetchCancelled(FactcheckError):
    """The reviewer stopped the fetch."""


@dataclass(frozen=True)
class Fetched:
    url: str
    """Where the content came from after redirects."""
    content_type: str
    body: bytes
    charset: str = ""
    """The encoding the server declared in Content-Type, if any."""


class _CappedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: object,
        code: int,
        msg: str,
        headers: email.message.Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise InputError(f"{req.full_url}: redirects to {newurl}, which is not a web page")
        if len(getattr(req, "redirect_dict", {})) >= MAX_REDIRECTS:
            raise InputError(f"{req.full_url}: more than {MAX_REDIRECTS} redirects; open the link in a browser")
        return super().redirect_request(req, fp, code, msg, headers, newurl)  # type: ignore[arg-type]


def fetch(
    url: str,
    *,
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = DEFAULT_LIMITS.article_file_bytes,
    cancel: Cancel = None,
) -> Fetched:
    """The body of an HTML page or a feed at ``url``; anything else is refused with one line."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT})
    try:
        # Built per fetch: the proxy settings are read from the environment as it is now.
        with urllib.request.build_opener(_CappedRedirects()).open(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type() if response.headers.get("Content-Type") else ""
            if content_type not in PAGE_TYPES | FEED_TYPES | SNIFFED_TYPES:
                raise InputError(f"{url}: is {content_type}, not a web page or a feed")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise over_limit(url, int(declared), max_bytes, WHAT)
            body = _read_capped(response, url, max_bytes, cancel)
            charset = response.headers.get_content_charset() or ""
            return Fetched(url=response.geturl(), content_type=content_type, body=body, charset=charset)
    except urllib.error.HTTPError as error:
        raise InputError(f"{url}: the server answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise InputError(f"{url}: {_reason(error.reason, url, timeout)}") from None
    except TimeoutError:
        raise InputError(f"{url}: no answer within {timeout:g} seconds") from None
    except (http.client.HTTPException, ConnectionError, ssl.SSLError) as error:
        raise InputError(f"{url}: {_reason(error, url, timeout)}") from None
    except ValueError as error:
        raise InputError(f"{url}: is not an address that can be fetched ({error})") from None


def _read_capped(response: http.client.HTTPResponse, url: str, max_bytes: int, cancel: Cancel) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(CHUNK_BYTES):
        if cancelled(cancel):
            raise FetchCancelled(f"{url}: cancelled")
        size += len(chunk)
        if size > max_bytes:
            raise over_limit(url, None, max_bytes, WHAT)
        chunks.append(chunk)
    return b"".join(chunks)


def _reason(reason: object, url: str, timeout: float) -> str:
    host = urlsplit(url).hostname or url
    if isinstance(reason, socket.gaierror):
        return f"cannot find the server {host} (DNS lookup failed)"
    if isinstance(reason, ConnectionRefusedError):
        return f"{host} refused the connection"
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"no answer within {timeout:g} seconds"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"{host} did not prove who it is ({reason.verify_message})"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection to {host} failed ({reason.reason or reason})"
    if isinstance(reason, ConnectionResetError):
        return f"{host} dropped the connection"
    if isinstance(reason, OSError) and reason.strerror:
        return f"cannot reach {host} ({reason.strerror})"
    return f"cannot fetch it ({reason})"
