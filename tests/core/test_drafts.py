"""Drafts written from the editor and from background threads land newest last."""

from __future__ import annotations

import threading

from factcheck_tui.core.storage.drafts import DraftWriter, LatestDraft, PendingDraft
from factcheck_tui.core.storage.repository import Repository


def _pending(number: int, text: str | None) -> PendingDraft:
    return PendingDraft(number, "k3p9x-1", "conclusion", text, base_version=1)


def test_an_older_draft_never_lands_after_a_newer_one(repo: Repository) -> None:
    store, writer = repo.drafts("ana"), DraftWriter()
    writer.write(store, _pending(2, "Taxes rose 2%"))
    writer.write(store, _pending(1, "Taxes"))  # a thread that was still waiting on the disk
    draft = store.get("k3p9x-1", "conclusion")
    assert draft is not None and draft.text == "Taxes rose 2%"
    writer.write(store, _pending(3, None))
    assert store.get("k3p9x-1", "conclusion") is None


def test_writes_from_many_threads_keep_the_last_text(repo: Repository) -> None:
    store, writer = repo.drafts("ana"), DraftWriter()
    threads = [
        threading.Thread(target=writer.write, args=(store, _pending(number, f"text {number}")))
        for number in range(1, 21)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    draft = store.get("k3p9x-1", "conclusion")
    assert draft is not None and draft.text == "text 20"


def test_keys_typed_while_a_draft_is_written_leave_only_the_newest_to_write_next() -> None:
    latest = LatestDraft()
    assert latest.offer(_pending(1, "T"))  # no writer yet: start one
    assert latest.take() == _pending(1, "T")
    # While the writer is on the disk, two more keys: no second writer, and only the newest waits.
    assert not latest.offer(_pending(2, "Ta"))
    assert not latest.offer(_pending(3, "Tax"))
    assert latest.take() == _pending(3, "Tax")
    assert latest.take() is None  # the writer stops ...
    assert latest.offer(_pending(4, "Taxe"))  # ... so the next key starts one again
