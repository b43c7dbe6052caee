"""Opening a link: only in a graphical browser, never in the terminal the app is drawing on.

Over SSH on a shared host there is no display. Python's ``webbrowser`` would then start a text
browser (lynx, w3m, a ``$BROWSER`` command) on the app's own terminal, both reading the same keys,
and block the app until it exits; or it finds nothing and the link is silently not opened. Here
the reviewer is given the link to copy instead.
"""

from __future__ import annotations

import os
import sys
import webbrowser
from collections.abc import Mapping

SSH_VARIABLES = ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY")


def has_display(environ: Mapping[str, str]) -> bool:
    """An X or Wayland display (forwarded over SSH too), or a local macOS or Windows desktop."""
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return True
    over_ssh = any(environ.get(name) for name in SSH_VARIABLES)
    return not over_ssh and sys.platform in ("darwin", "win32")


def draws_on_terminal(browser: webbrowser.BaseBrowser) -> bool:
    """A browser that runs in the terminal (and waits for it): lynx, w3m, links, elinks, a bare command."""
    if isinstance(browser, webbrowser.BackgroundBrowser):
        return False
    if isinstance(browser, webbrowser.GenericBrowser):
        return True
    if isinstance(browser, webbrowser.UnixBrowser):
        return not browser.background
    return False


def open_in_browser(url: str, environ: Mapping[str, str] = os.environ) -> bool:
    """Open ``url`` in a graphical browser; False when there is none here (or it would not start)."""
    if not has_display(environ):
        return False
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    if draws_on_terminal(browser):
        return False
    try:
        return bool(browser.open(url))
    except (webbrowser.Error, OSError):
        return False
