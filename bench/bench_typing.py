"""The conclusion editor keeps up with a fast typist: each key, and a paste, timed to the next refresh.

    python bench/bench_typing.py [--keys 60] [--runs 3]

At 80x24 the app opens a claim with a long text, five evidence items and a long history, and
`c` puts the cursor in the conclusion editor. Keys then arrive as the terminal driver delivers
them (``events.Key`` / ``events.Paste`` posted to the app), and each figure is the time from the
key's arrival to the first screen update that shows it (the app's ``_display``, which in a real
terminal writes the frame). Figures:

- one key at a time (a typist at a normal pace), median and 95th percentile;
- a burst of keys all arriving at once (a fast typist, a laggy SSH link), per key and until the
  last one shows;
- a 266-character paste, as one bracketed paste and as 266 keys (terminals without bracketed paste);
- what a key's draft costs the event loop (every key's text goes to the disk, in a thread): it must
  never hold a key back.

The machine's load changes timings: run it when `uptime` shows a load below 2 and say the load.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from bench_storage import make_story  # noqa: E402
from textual import events  # noqa: E402
from textual._compositor import CompositorUpdate  # noqa: E402
from textual.widgets import TextArea  # noqa: E402

from factcheck_tui.core.config import Config  # noqa: E402
from factcheck_tui.core.storage.repository import Repository  # noqa: E402
from factcheck_tui.core.workspace import Workspace  # noqa: E402
from factcheck_tui.tui.app import FactcheckApp, create_app  # noqa: E402
from factcheck_tui.tui.screens.claim import ClaimScreen  # noqa: E402

SIZE = (80, 24)
PASTE = (
    "The port authority's own figures show 212,140 boardings in the first quarter against 104,380 a year "
    "earlier, so ridership did double; but the fare cut came in March, after most of that rise, and the "
    "authority counts transfers twice since January: not the fare cut's."
)
assert len(PASTE) == 266
TIMEOUT = 30.0


def build(root: Path) -> tuple[str, str]:
    """A 60-claim story; the claim with the longest history, which also has evidence, is the one typed into."""
    repo = Repository(root)
    story, claims = make_story(random.Random(7), "typ1n", 60)
    repo.restore_story(story, claims)
    target = max(claims, key=lambda claim: (len(claim.history), len(claim.evidence), len(claim.text)))
    return story.id, target.id


class Frames:
    """Every screen update the app makes, with its time: the first one after a key that shows it."""

    def __init__(self, app: FactcheckApp) -> None:
        self.app = app
        self.changed = asyncio.Event()
        display = app._display

        def recorded(screen, renderable) -> None:  # type: ignore[no-untyped-def]
            display(screen, renderable)
            if renderable is not None and not app._batch_count:
                # Headless, the app skips turning the frame into terminal output: do it, as a terminal would.
                if isinstance(renderable, CompositorUpdate):
                    renderable.render_segments(app.console)
                self.changed.set()

        app._display = recorded  # type: ignore[method-assign]

    async def until(self, shown: Callable[[], bool], began: float) -> float:
        """Milliseconds from ``began`` to the first frame drawn once ``shown()`` holds."""
        while time.perf_counter() - began < TIMEOUT:
            self.changed.clear()
            await self.changed.wait()
            if shown():
                return (time.perf_counter() - began) * 1000
        return float("inf")


async def measure(root: Path, story_id: str, claim_id: str, keys: int) -> dict[str, list[float]]:
    workspace = Workspace(Config(reviewer="bench"), root / "no-config.toml", root)
    app = create_app(workspace)
    results: dict[str, list[float]] = {}
    async with app.run_test(size=SIZE) as pilot:
        await app.index_loaded.wait()
        app.push_screen(ClaimScreen(story_id, claim_id))
        await pilot.pause()
        await pilot.press("c")
        editor = app.screen.query_one("#conclusion", TextArea)
        frames = Frames(app)
        text = "".join(random.Random(3).choice("abcdefghij klmnop") for _ in range(keys))

        async def settle() -> None:
            await app.keys_settled.wait()
            await pilot.pause()

        # One key at a time.
        single = []
        for char in text:
            await settle()
            expected = editor.text + char
            began = time.perf_counter()
            app.post_message(events.Key(char, char))
            single.append(await frames.until(lambda expected=expected: editor.text == expected, began))
        results["single"] = single

        # A burst: every key arrives at once.
        await settle()
        expected = editor.text + text
        began = time.perf_counter()
        for char in text:
            app.post_message(events.Key(char, char))
        results["burst"] = [await frames.until(lambda: editor.text == expected, began)]

        # A bracketed paste: one event.
        await settle()
        editor.clear()
        await settle()
        began = time.perf_counter()
        app.post_message(events.Paste(PASTE))
        results["paste"] = [await frames.until(lambda: editor.text == PASTE, began)]

        # The same text from a terminal without bracketed paste: 266 keys at once.
        await settle()
        editor.clear()
        await settle()
        began = time.perf_counter()
        for char in PASTE:
            key = "space" if char == " " else char
            app.post_message(events.Key(key, char))
        results["paste_keys"] = [await frames.until(lambda: editor.text == PASTE, began)]

        # A key's draft: what handing it to the writer thread costs the event loop, and that the
        # last one reached the disk.
        await settle()
        screen = app.screen
        assert isinstance(screen, ClaimScreen)
        saves = []
        for number in range(5):
            editor.insert(str(number))
            began = time.perf_counter()
            screen.on_text_area_changed(TextArea.Changed(editor))
            saves.append((time.perf_counter() - began) * 1000)
            await app.workers.wait_for_complete()
        results["draft_save"] = saves
        draft = app.repo.drafts("bench").get(claim_id, "conclusion")
        assert draft is not None and draft.text == editor.text, "the last draft is the editor's text"
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=60, help="keys typed one by one, then in a burst (default 60)")
    parser.add_argument("--runs", type=int, default=3, help="fresh apps to measure (default 3)")
    args = parser.parse_args()
    merged: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "db"
        story_id, claim_id = build(root)
        for _ in range(args.runs):
            for name, values in asyncio.run(measure(root, story_id, claim_id, args.keys)).items():
                merged.setdefault(name, []).extend(values)

    def p95(values: list[float]) -> float:
        return sorted(values)[min(len(values) - 1, round(0.95 * (len(values) - 1)))]

    burst = statistics.median(merged["burst"])
    rows = [
        ("key to screen, one at a time (median)", f"{statistics.median(merged['single']):.1f} ms", "< 30 ms"),
        ("key to screen, one at a time (95th pct)", f"{p95(merged['single']):.1f} ms", "< 30 ms"),
        (f"burst of {args.keys} keys, until the last shows", f"{burst:.0f} ms", "—"),
        ("burst, per key", f"{burst / args.keys:.1f} ms", "< 30 ms"),
        ("266-char bracketed paste to screen", f"{statistics.median(merged['paste']):.1f} ms", "< 30 ms (at once)"),
        ("266-char paste as keys to screen", f"{statistics.median(merged['paste_keys']):.0f} ms", "< 1000 ms"),
        ("a key's draft, time on the event loop", f"{statistics.median(merged['draft_save']):.2f} ms", "< 1 ms"),
    ]
    width = max(len(row[0]) for row in rows)
    print(f"{'figure'.ljust(width)}  {'value':>10}  target")
    for figure, value, target in rows:
        print(f"{figure.ljust(width)}  {value:>10}  {target}")
    print(f"({args.runs} runs, load average {os.getloadavg()[0]:.1f} at the end)")


if __name__ == "__main__":
    main()
