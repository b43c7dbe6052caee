"""Which stored URLs may become clickable links in a published report.

Story and evidence URLs come from untrusted input; a ``javascript:`` or ``data:`` address in an
href would run or load content in the reader's browser, so only web and mail addresses are linked.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from factcheck_tui.core.urls import SAFE_SCHEMES

# Characters a URL may keep as they are; everything else (spaces, quotes, angle brackets,
# parentheses, backslashes, control characters) is percent-encoded so no output format can break.
_SAFE = "/:?#[]@!$&'*+,;=%-._~"


def safe_href(url: str) -> str | None:
    """The URL ready to put in a link, or None when it must be shown as plain text only."""
    url = url.strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in SAFE_SCHEMES:
        return None
    return quote(url, safe=_SAFE.replace("'", ""))
