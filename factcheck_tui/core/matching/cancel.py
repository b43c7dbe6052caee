"""Stopping long matching work from outside (a Textual worker's cancel) without knowing who asks."""

from __future__ import annotations

import threading
from collections.abc import Callable

Cancel = threading.Event | Callable[[], bool] | None


class MatchingCancelled(Exception):
    """Raised inside a build, refresh or cluster pass when its caller asked it to stop."""


def cancelled(cancel: Cancel) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


def check(cancel: Cancel) -> None:
    if cancelled(cancel):
        raise MatchingCancelled()
