"""Evidence changes in a claim's history: one entry per item added, edited or removed.

A history entry for evidence used to hold the whole list before and after the save, so a claim's
history grew with the square of its evidence (686 saves made one story file 110 MB). An entry now
holds one item: ``old`` is None for an item added, ``new`` is None for one removed, both are set
for an edit. Entries in the old form are split into these when a claim is read, so every caller
sees one form; a story file is rewritten in it on its next save.

Works on plain dicts (the stored form), so that the model can convert while it validates.
"""

from __future__ import annotations

from typing import Any

EVIDENCE = "evidence"
Item = dict[str, Any]


def item_changes(before: list[Item], after: list[Item]) -> list[tuple[Item | None, Item | None]]:
    """(old, new) per evidence item that differs: edited first, then removed, then added."""
    old = {item.get("id"): item for item in before or []}
    new = {item.get("id"): item for item in after or []}
    edited = [(old[key], new[key]) for key in new if key in old and old[key] != new[key]]
    removed = [(old[key], None) for key in old if key not in new]
    added = [(None, new[key]) for key in new if key not in old]
    return [*edited, *removed, *added]


def is_whole_list(change: dict[str, Any]) -> bool:
    """An evidence entry in the old form: the whole list before and after."""
    return change.get("field") == EVIDENCE and (
        isinstance(change.get("old"), list) or isinstance(change.get("new"), list)
    )


def has_whole_lists(claims: Any) -> bool:
    """Whether any claim of a stored claims table keeps evidence history in the old form."""
    return any(_keeps_whole_lists(claim) for claim in claims.values()) if isinstance(claims, dict) else False


def claims_with_whole_lists(claims: Any) -> list[str]:
    """The keys of a stored claims table's claims that keep evidence history in the old form."""
    return [key for key, claim in claims.items() if _keeps_whole_lists(claim)] if isinstance(claims, dict) else []


def _keeps_whole_lists(claim: Any) -> bool:
    history = claim.get("history") if isinstance(claim, dict) else None
    return isinstance(history, list) and any(isinstance(change, dict) and is_whole_list(change) for change in history)


def split_whole_lists(history: list[Any]) -> list[Any]:
    """The history with every old-form evidence entry split into one entry per item changed."""
    if not any(isinstance(change, dict) and is_whole_list(change) for change in history):
        return history
    split: list[Any] = []
    for change in history:
        if not (isinstance(change, dict) and is_whole_list(change)):
            split.append(change)
            continue
        for old, new in item_changes(change.get("old") or [], change.get("new") or []):
            split.append({**change, "old": old, "new": new})
    return split


def item_history(claim: Any) -> Any:
    """A stored claim record with its history in the item form (unchanged if it already is)."""
    if not isinstance(claim, dict) or not isinstance(claim.get("history"), list):
        return claim
    history = split_whole_lists(claim["history"])
    return claim if history is claim["history"] else {**claim, "history": history}


def undone(items: list[Item], old: Item | None, new: Item | None) -> list[Item]:
    """The evidence list with one item change taken back: an added item goes, a removed one comes
    back (in id order, where it was), an edited one is as it was."""
    if new is not None:
        items = [item for item in items if item.get("id") != new.get("id")]
    if old is not None:
        items = sorted([*items, old], key=_id_order)
    return items


def _id_order(item: Item) -> tuple[int, str]:
    key = str(item.get("id", ""))
    return (int(key[1:]), key) if key[1:].isdigit() else (1 << 30, key)
