"""A fresh index of every claim in a database, built on every core the machine lends us.

Text analysis and posting lists are pure Python, and the digest shards are independent of each
other. So a large database is cut into one run of shards per core, and a worker process reads
and analyses each run. The workers first report their claims' lengths; with the whole
archive's average length known, each then works out the posting lists of its own claims, with
slots that follow the runs before it. Joined in shard order, they give the very index a serial
build gives (which also weighs every claim by the whole archive's average). Small databases
stay in this process, where starting workers would cost more than it saves.

Workers are plain subprocesses rather than ``multiprocessing``: they never re-import the
caller's main script, they are killed the moment a build is cancelled, and the TUI (which
builds from a thread) is never forked.
"""

from __future__ import annotations

import gc
import json
import marshal
import os
import select
import struct
import subprocess
import sys
import threading
from array import array
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from factcheck_tui.core.matching.cancel import Cancel, check
from factcheck_tui.core.matching.index import (
    ROW_FIELDS,
    Entry,
    LexicalIndex,
    Postings,
    entry_rows,
    gram_counts,
    postings_of,
)
from factcheck_tui.core.storage.digest_shards import read_digest_shard

# Below this many shard bytes (about 20,000 claims) the build stays in this process.
PARALLEL_BYTES = 8_000_000
# Shards analysed together in this process: enough that per-call costs vanish, few enough that
# a cancel is heard within a tenth of a second.
SERIAL_BYTES = 2_000_000
# How often a build waiting on its workers looks at ``cancel``.
POLL_SECONDS = 0.1
_FRAME = struct.Struct("<Q")
TERMS = ROW_FIELDS.index("terms")


class WorkerFailed(Exception):
    """A worker died or said something unreadable; the build is then done in this process."""


def build_index(paths: list[Path], cancel: Cancel = None) -> LexicalIndex:
    """The index of every claim in ``paths`` (digest shards), slots in the shards' order."""
    with paused_gc():
        sized = list(_sized(paths))
        total = sum(size for _, size in sized)
        cores = _usable_cores()
        if cores > 1 and total >= PARALLEL_BYTES and _can_start_workers():
            try:
                return _in_workers(list(_runs(sized, cores)), cancel)
            except WorkerFailed:
                # Read here instead, where a damaged shard raises its own clear one-line error.
                pass
        return _here(list(_runs(sized, max(1, total // SERIAL_BYTES))), cancel)


def run_rows(paths: list[Path]) -> list[tuple[Any, ...]]:
    """The index rows (``Entry.row()``) of every claim in one run of shards."""
    return entry_rows([digest for path in paths for digest in read_digest_shard(path).values()])


@contextmanager
def paused_gc() -> Iterator[None]:
    """A build allocates millions of objects that all live on; the cyclic collector would walk
    them again and again for nothing (a quarter of the build's time at 100,000 claims)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _entries(rows: list[tuple[Any, ...]]) -> list[Entry]:
    return [Entry(*row) for row in rows]


def _here(runs: list[list[Path]], cancel: Cancel) -> LexicalIndex:
    """The serial build: every run analysed, then weighted with the whole archive's average
    length, as the workers' runs are."""
    rows: list[tuple[Any, ...]] = []
    for run in runs:
        check(cancel)
        rows += run_rows(run)
    index = LexicalIndex()
    index.add_many(_entries(rows))
    return index


def _sized(paths: list[Path]) -> Iterator[tuple[Path, int]]:
    for path in paths:
        try:
            yield path, path.stat().st_size
        except OSError:
            # Gone since it was listed (a story deleted meanwhile): reading it finds no claims.
            yield path, 0


def _runs(sized: list[tuple[Path, int]], count: int) -> Iterator[list[Path]]:
    """At most ``count`` runs of consecutive shards, of about equal bytes."""
    total = sum(size for _, size in sized)
    if not total:
        if sized:
            yield [path for path, _ in sized]
        return
    run: list[Path] = []
    done, boundary = 0, 1
    for path, size in sized:
        run.append(path)
        done += size
        if done * count >= total * boundary:
            yield run
            run = []
            while done * count >= total * boundary:
                boundary += 1
    if run:
        yield run


def _can_start_workers() -> bool:
    # A frozen app's executable is the app itself, not a Python that can run a worker; and
    # waiting on pipes with select() is for POSIX systems.
    return os.name == "posix" and bool(sys.executable) and not getattr(sys, "frozen", False)


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


# -- the parent's side ---------------------------------------------------------------------


def _in_workers(runs: list[list[Path]], cancel: Cancel) -> LexicalIndex:
    workers: list[subprocess.Popen[bytes]] = []
    try:
        workers += [_start(run) for run in runs]
        lengths_of_runs = [_receive(worker, cancel) for worker in workers]
        lengths = [length for run_lengths in lengths_of_runs for length in run_lengths]
        average = sum(lengths) / len(lengths) if lengths else 1.0
        first = 0
        for worker, run_lengths in zip(workers, lengths_of_runs, strict=False):
            _send(worker.stdin, (first, average))
            first += len(run_lengths)
        entries = [entry for worker in workers for entry in _entries(_receive(worker, cancel))]
        results = [_receive(worker, cancel) for worker in workers]
        grams: Counter[str] = Counter()
        for _, counted in results:
            grams.update(counted)
        index = LexicalIndex()
        index.attach(entries, lengths, [_postings(packed) for packed, _ in results], grams)
        return index
    except (OSError, TypeError, ValueError) as error:
        # A worker that could not start, or that answered in a shape this code does not know.
        raise WorkerFailed() from error
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
            worker.wait()
            for pipe in (worker.stdin, worker.stdout):
                if pipe is not None:
                    pipe.close()


def _start(run: list[Path]) -> subprocess.Popen[bytes]:
    # Isolated (-I: no current folder, no PYTHONPATH), then given this process's own sys.path:
    # the worker imports the very code that is running here, whatever folder it starts in.
    return subprocess.Popen(
        [sys.executable, "-I", "-c", _WORKER, json.dumps(sys.path), *map(str, run)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )


_WORKER = (
    "import json, sys; sys.path[:] = json.loads(sys.argv[1]); "
    "from factcheck_tui.core.matching.building import work; work(sys.argv[2:])"
)


def _receive(worker: subprocess.Popen[bytes], cancel: Cancel) -> Any:
    assert worker.stdout is not None
    check(cancel)
    while not select.select([worker.stdout], [], [], POLL_SECONDS)[0]:
        check(cancel)
    try:
        return _read(worker.stdout)
    except (EOFError, ValueError, TypeError, OSError) as error:
        raise WorkerFailed() from error


def _postings(packed: dict[str, tuple[bytes, bytes]]) -> Postings:
    postings: Postings = {}
    for term, (slot_bytes, part_bytes) in packed.items():
        slots, parts = array("I"), array("f")
        slots.frombytes(slot_bytes)
        parts.frombytes(part_bytes)
        postings[term] = (slots, parts)
    return postings


# -- both sides: one marshalled value per frame, its length first --------------------------


def _send(stream: IO[bytes] | None, value: Any) -> None:
    assert stream is not None
    payload = marshal.dumps(value)
    try:
        stream.write(_FRAME.pack(len(payload)) + payload)
        stream.flush()
    except OSError as error:
        raise WorkerFailed() from error


def _read(stream: IO[bytes]) -> Any:
    header = stream.read(_FRAME.size)
    if len(header) != _FRAME.size:
        raise EOFError("the other side closed its pipe")
    (size,) = _FRAME.unpack(header)
    payload = stream.read(size)
    if len(payload) != size:
        raise EOFError("the other side closed its pipe")
    return marshal.loads(payload)


# -- the worker's side ---------------------------------------------------------------------


def work(paths: list[str]) -> None:
    """Analyse the shards named on the command line; send their claims' lengths, then their rows;
    told the first slot and the average length, send their postings and gram counts."""
    out = sys.stdout.buffer
    with paused_gc():
        rows = run_rows([Path(path) for path in paths])
        term_lists = [row[TERMS].split() for row in rows]
        _send(out, [len(terms) for terms in term_lists])
        # The rows travel while the rest is worked out: writing to a pipe lets go of the GIL.
        sending = threading.Thread(target=_send, args=(out, rows))
        sending.start()
        grams = dict(gram_counts(_entries(rows)))
        first, average = _read(sys.stdin.buffer)
        postings = postings_of(term_lists, first, average)
        packed = {term: (slots.tobytes(), parts.tobytes()) for term, (slots, parts) in postings.items()}
        sending.join()
        _send(out, (packed, grams))
    # Nothing is left to clean up, and freeing a million objects one by one only keeps the
    # parent waiting for this process to end.
    os._exit(0)
