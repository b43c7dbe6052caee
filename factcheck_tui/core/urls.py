"""Evidence links: accept what a reviewer pastes, store an absolute http(s) URL."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from factcheck_tui.core.errors import InputError

_BARE_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#]\S*)?$", re.IGNORECASE)
# A regular expression rather than urlsplit: importing an archive checks a hundred thousand of these.
_WEB_ADDRESS = re.compile(r"https?://[^\s/?#@]*@?[^\s/?#@]+[^\s]*", re.IGNORECASE)


def is_web_address(url: str) -> bool:
    """An absolute http(s) address with a host and no whitespace."""
    return _WEB_ADDRESS.fullmatch(url) is not None


# Schemes an address may have to be opened or linked: a ``javascript:`` or ``file:`` address from
# untrusted input (a backup, an imported check) would run code or read local files.
SAFE_SCHEMES = ("http", "https", "mailto")


def has_safe_scheme(url: str) -> bool:
    """A web or mail address (checked by its scheme only): what the app opens and reports link."""
    scheme, colon, _ = url.strip().partition(":")
    return bool(colon) and scheme.lower() in SAFE_SCHEMES


def normalise_url(raw: str) -> str:
    url = raw.strip()
    if _BARE_DOMAIN.match(url):
        url = f"https://{url}"
    if not is_web_address(url):
        raise InputError(f"{raw!r} is not a web address (expected https://...)")
    return url


# Tracking parameters a shared link picks up on its way: the page is the same without them.
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$", re.IGNORECASE)


def page_key(url: str) -> str:
    """One spelling of a page's address, for telling whether two links are the same page.

    Scheme and host case, a ``www.``, the fragment, a trailing slash and tracking parameters do not
    make a different page.
    """
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = "&".join(pair for pair in parts.query.split("&") if pair and not _TRACKING.match(pair.partition("=")[0]))
    path = parts.path.rstrip("/") or "/"
    return f"{host}{path}{'?' + query if query else ''}"
