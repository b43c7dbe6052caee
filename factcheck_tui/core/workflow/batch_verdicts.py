"""``factcheck verdict --from FILE``: many verdicts from JSON Lines, all checked before any is saved.

Each line is ``{"id": "k3p9x-4", "verdict": "False", "note": "...", "evidence": ["https://..."]}``
(``note`` and ``evidence`` optional; ``"verdict": "none"`` clears one). Every problem in the file
is reported with its line number and nothing is changed; a clean file is saved with one lock and
one write per story.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

from factcheck_tui.core.errors import FactcheckError, InputError
from factcheck_tui.core.ids import parse_claim_id
from factcheck_tui.core.intake.decoding import STDIN, read_capped, text_from_bytes
from factcheck_tui.core.limits import DEFAULT_LIMITS, Limits, check_length
from factcheck_tui.core.models import Claim
from factcheck_tui.core.scale import VerdictScale
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.urls import normalise_url
from factcheck_tui.core.workflow.review import NoteMode, conclusion_clash, verdict_edit

FIELDS = ("id", "verdict", "note", "evidence")
# Past this many, the rest of a broken file's problems are counted, not listed.
PROBLEMS_SHOWN = 20


@dataclass(frozen=True)
class VerdictLine:
    line: int
    claim_id: str
    verdict: str | None
    note: str | None
    urls: tuple[str, ...]


def _entry(data: Any, scale: VerdictScale, limits: Limits) -> tuple[str, str | None, str | None, tuple[str, ...]]:
    """One parsed line's values, or an InputError saying what is wrong with it."""
    if not isinstance(data, dict):
        raise InputError('expected an object like {"id": "k3p9x-4", "verdict": "False"}')
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise InputError(f"unknown field {unknown[0]!r} (fields: {', '.join(FIELDS)})")
    raw_id, raw_verdict, note, evidence = (data.get(field) for field in FIELDS)
    if not isinstance(raw_id, str):
        raise InputError("'id' must be a claim id in quotes")
    story_id, number = parse_claim_id(raw_id)
    if not isinstance(raw_verdict, str):
        raise InputError("'verdict' must be a label of the scale in quotes, or \"none\"")
    verdict = None if raw_verdict.strip().casefold() == "none" else scale.resolve(raw_verdict)
    if note is not None and not isinstance(note, str):
        raise InputError("'note' must be text")
    if note is not None:
        check_length(note, limits.field_chars, "the note")
    if evidence is None:
        evidence = []
    if not isinstance(evidence, list) or not all(isinstance(url, str) for url in evidence):
        raise InputError("'evidence' must be a list of URLs")
    return f"{story_id}-{number}", verdict, note, tuple(normalise_url(url) for url in evidence)


def parse_verdict_lines(
    text: str, source: str, scale: VerdictScale, limits: Limits = DEFAULT_LIMITS
) -> list[VerdictLine]:
    """Every line checked; any problem raises one InputError listing them all by line number."""
    entries: list[VerdictLine] = []
    problems: list[str] = []
    first_line: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            claim_id, verdict, note, urls = _entry(orjson.loads(raw), scale, limits)
        except orjson.JSONDecodeError as error:
            problems.append(f"{source}:{number}: not valid JSON ({error.msg})")
            continue
        except InputError as error:
            problems.append(f"{source}:{number}: {error}")
            continue
        if claim_id in first_line:
            problems.append(f"{source}:{number}: {claim_id} already has a verdict on line {first_line[claim_id]}")
            continue
        first_line[claim_id] = number
        entries.append(VerdictLine(number, claim_id, verdict, note, urls))
    if not entries and not problems:
        raise InputError(f"{source}: no verdicts in it (one JSON object a line)")
    _raise_problems(problems, source)
    return entries


def _raise_problems(problems: list[str], source: str) -> None:
    if not problems:
        return
    shown = problems[:PROBLEMS_SHOWN]
    if len(problems) > PROBLEMS_SHOWN:
        shown.append(f"{source}: ... and {len(problems) - PROBLEMS_SHOWN} more")
    shown.append(f"{source}: {len(problems)} bad line{'s' if len(problems) != 1 else ''}; nothing was changed")
    raise InputError("\n".join(shown))


def check_claims(repo: Repository, entries: list[VerdictLine], source: str, *, actor: str, note_mode: NoteMode) -> None:
    """Every claim named must exist (each story read once), and no note may replace another
    reviewer's conclusion unless ``note_mode`` says so, before the first verdict is saved."""
    stories: dict[str, dict[int, Claim] | None] = {}
    problems = []
    for entry in entries:
        story_id, number = parse_claim_id(entry.claim_id)
        if story_id not in stories:
            try:
                claims = repo.list_claims(story_id, include_dismissed=True)
                stories[story_id] = {claim.number: claim for claim in claims}
            except FactcheckError:
                stories[story_id] = None
        known = stories[story_id]
        if known is None:
            problems.append(f"{source}:{entry.line}: no story {story_id} in {repo.root}")
        elif number not in known:
            problems.append(f"{source}:{entry.line}: no claim {entry.claim_id} in {repo.root}")
        elif entry.note is not None and note_mode is NoteMode.KEEP_THEIRS:
            clash = conclusion_clash(known[number], entry.note, actor)
            if clash is not None:
                problems.append(f"{source}:{entry.line}: {clash}")
    _raise_problems(problems, source)


def read_verdicts(path: str, limits: Limits = DEFAULT_LIMITS) -> tuple[str, str]:
    """A verdicts file (``-``: standard input) as text, and the name its messages give it."""
    label = "standard input" if path == STDIN else path
    payload = read_capped(path, limits.archive_bytes, "a file of verdicts")
    return text_from_bytes(payload, label, what="a file of verdicts", replace_bad_bytes=False).text, label


def apply_verdicts(
    repo: Repository,
    text: str,
    source: str,
    *,
    scale: VerdictScale,
    actor: str,
    limits: Limits = DEFAULT_LIMITS,
    note_mode: NoteMode = NoteMode.KEEP_THEIRS,
) -> list[Claim]:
    """Validate the whole file, then save every verdict: one transaction per story. A note that
    would replace another reviewer's conclusion refuses the file unless ``note_mode`` says otherwise."""
    entries = parse_verdict_lines(text, source, scale, limits)
    check_claims(repo, entries, source, actor=actor, note_mode=note_mode)
    edits = [
        (
            entry.claim_id,
            verdict_edit(entry.verdict, actor=actor, conclusion=entry.note, urls=entry.urls, note_mode=note_mode),
        )
        for entry in entries
    ]
    return repo.update_claims(edits, actor)
