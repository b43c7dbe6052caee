"""Evidence links: accept what a reviewer pastes, store an absolute http(s) URL."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from factcheck_tui.core.errors import InputError

_BARE_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#]\S*)?$", re.IGNORECASE)


def normalise_url(raw: str) -> str:
    url = raw.strip()
    if _BARE_DOMAIN.match(url):
        url = f"https://{url}"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(ch.isspace() for ch in url):
        raise InputError(f"{raw!r} is not a web address (expected https://...)")
    return url
