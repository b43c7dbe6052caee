"""A claim's history in words: the same sentence in the CLI's `show` and the TUI's history pane."""

from __future__ import annotations

import difflib
from typing import Any

from factcheck_tui.core.models import Change
from factcheck_tui.core.text import one_line

SHOWN_CHARS = 40
# Unchanged words kept on each side of a change in a word diff; longer unchanged runs are elided.
DIFF_CONTEXT_WORDS = 4
# What each tracked field is called on screen: no internal name reaches the reviewer.
FIELD_NAMES = {
    "text": "claim text",
    "speaker": "speaker",
    "status": "status",
    "verdict": "verdict",
    "conclusion": "conclusion",
    "copied_from": "verdict copied from",
    "assignee": "assigned to",
    "approved_by": "approved by",
    "approved_at": "approved on",
    "tags": "tags",
    "notes": "notes",
}
# Long free text shows as what changed in it, word by word.
WORD_DIFFED = {"text", "conclusion", "notes"}


def _short(value: Any) -> str:
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value)
    return "—" if value is None or value == "" else one_line(str(value), SHOWN_CHARS)


def _label(item: dict[str, Any]) -> str:
    return f"{item.get('id', '?')} ({_short(item.get('source') or item.get('url') or item.get('note'))})"


def _evidence_change(old: dict[str, Any] | None, new: dict[str, Any] | None) -> str:
    if old is None and new is not None:
        return f"evidence: added {_label(new)}"
    if new is None and old is not None:
        return f"evidence: removed {_label(old)}"
    return f"evidence: edited {_label(new or {})}"


def word_diff(old: str, new: str) -> str:
    """What changed between two texts, word by word, as git's word diff writes it: [-removed-]{+added+},
    with a few unchanged words around each change (readable without colour, and in the CLI)."""
    before, after = (old or "").split(), (new or "").split()
    if not before:
        return f"{{+{' '.join(after)}+}}" if after else "—"
    if not after:
        return f"[-{' '.join(before)}-]"
    parts: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if tag == "equal":
            same = before[i1:i2]
            keep = DIFF_CONTEXT_WORDS
            first, last = i1 == 0, i2 == len(before)
            if len(same) > keep * 2 or ((first or last) and len(same) > keep):
                head = [] if first else same[:keep]
                tail = [] if last else same[-keep:]
                same = [*head, "…", *tail]
            parts.append(" ".join(same))
            continue
        if i2 > i1:
            parts.append(f"[-{' '.join(before[i1:i2])}-]")
        if j2 > j1:
            parts.append(f"{{+{' '.join(after[j1:j2])}+}}")
    return " ".join(part for part in parts if part)


def describe_change(change: Change) -> str:
    """What one history entry did, without its time and author: "verdict: — → False"."""
    if change.field == "created":
        return "created the claim"
    if change.field == "evidence":
        return _evidence_change(change.old, change.new)
    if change.field == "dismissed":
        return "dismissed the claim" if change.new else "restored the claim"
    if change.field == "checkworthy":
        return "marked check-worthy" if change.new else "marked not check-worthy"
    if change.field in ("start", "end"):
        return "moved in the story (split or merged)"
    name = FIELD_NAMES.get(change.field, change.field.replace("_", " "))
    if change.field in WORD_DIFFED and change.old and change.new:
        return f"{name}: {word_diff(str(change.old), str(change.new))}"
    return f"{name}: {_short(change.old)} → {_short(change.new)}"
