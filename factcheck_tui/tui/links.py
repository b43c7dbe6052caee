"""Links on screen: terminal hyperlinks (OSC 8) for web and mail addresses, plain text for the rest.

A link's address comes from untrusted input (a pasted URL, a restored backup, an imported check).
It is shown as literal text, never as markup, and only an address with a safe scheme becomes a
hyperlink, percent-encoded the way reports link it: the terminal receives the address inside an
escape sequence, so a control character in it could end that sequence and write to the terminal.
A terminal without hyperlinks ignores them and shows the text.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from factcheck_tui.core.export.safe_links import safe_href
from factcheck_tui.core.text import copyable, one_line, shown


def link_text(url: str, width: int | None = None, style: str = "") -> Text:
    """``url`` as text (cut to ``width`` when given), clickable in full where it is safe to open."""
    text = Text(one_line(shown(url), width) if width is not None else copyable(url), style=style)
    href = safe_href(url)
    if href is not None:
        text.stylize(Style(link=href))
    return text
