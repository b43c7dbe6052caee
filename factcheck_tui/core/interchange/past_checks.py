"""Bringing a newsroom's past fact-checks in, so that matching can find them.

Checks are stored as imported claims in archive stories of at most ``CHUNK`` claims each, titled
after the source file. A check already in the database (same review URL and claim text, or for
checks without a URL the same text, rating and date) is skipped, so importing a file twice adds
nothing the second time; but a check imported without a verdict, because its rating was not mapped
then, gets the verdict the rating maps to now.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from factcheck_tui.core.errors import InputError
from factcheck_tui.core.intake.decoding import binary_error, is_binary, read_capped
from factcheck_tui.core.interchange.check_records import PastCheck, Problem
from factcheck_tui.core.interchange.ratings import RatingMapper, rating_key
from factcheck_tui.core.interchange.readers import FORMAT_NAMES, PAST_CHECKS, read_checks
from factcheck_tui.core.limits import DEFAULT_LIMITS, Limits
from factcheck_tui.core.models import Claim, Origin, Status, Story, StoryKind
from factcheck_tui.core.scale import VerdictScale
from factcheck_tui.core.storage.repository import Repository

CHUNK = 1000
# ``progress(stage, done, total)``: stage "reading" counts lines (or blocks), "saving" counts checks.
Progress = Callable[[str, int, int], None]


@dataclass
class ImportChecksResult:
    source: str
    format: str
    read: int = 0
    imported: int = 0
    duplicates: int = 0
    story_ids: list[str] = field(default_factory=list)
    unmapped: dict[str, int] = field(default_factory=dict)
    # Checks already present without a verdict whose rating maps onto the scale now: they got it.
    rated_now: int = 0
    # Checks that came without any rating (imported without a verdict).
    unrated: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return sum(problem.skipped for problem in self.problems)

    @property
    def unmapped_count(self) -> int:
        return sum(self.unmapped.values())


def _url_key(url: str) -> str:
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), parts.query, parts.fragment))


def check_key(text: str, url: str | None, label: str | None, day: date | None) -> str:
    """What makes two past checks the same check. One page may review several claims, so a URL
    alone is not enough; a check without a URL is known by its text, rating and date."""
    words = " ".join(text.casefold().split())
    if url:
        return f"url\x1f{_url_key(url)}\x1f{words}"
    return f"text\x1f{words}\x1f{rating_key(label)}\x1f{day.isoformat() if day else ''}"


def known_checks(repo: Repository) -> dict[str, str | None]:
    """Every imported check's key, with the claim's id when it has no verdict yet (else None)."""
    keys: dict[str, str | None] = {}
    for summary in repo.list_stories():
        if summary.kind is not StoryKind.ARCHIVE:
            continue
        for claim in repo.list_claims(summary.id, include_dismissed=True):
            if claim.origin is Origin.IMPORTED:
                key = check_key(claim.text, claim.review_url, claim.original_label, claim.reviewed_on)
                keys[key] = claim.id if claim.verdict is None and claim.original_label else None
    return keys


def _rate_unrated(repo: Repository, unrated: dict[str, PastCheck], mapper: RatingMapper, actor: str) -> int:
    """Give checks imported without a verdict the one their rating maps to now (a newer rating
    table, or a scale that gained the publisher's label); a verdict someone gave since is kept."""
    verdicts = {claim_id: mapper.map(check.rating) for claim_id, check in unrated.items()}
    edits = []
    for claim_id, verdict in verdicts.items():
        if verdict is None:
            continue

        def edit(claim: Claim, verdict: str = verdict, label: str = unrated[claim_id].rating.spelled()) -> Claim | None:
            if claim.verdict is not None:
                return None
            claim.verdict, claim.original_label = verdict, label or claim.original_label
            return claim

        edits.append((claim_id, edit))
    if not edits:
        return 0
    return sum(claim.verdict is not None for claim in repo.update_claims(edits, actor, note="rating mapped"))


def _claims_and_body(checks: list[PastCheck], mapper: RatingMapper) -> tuple[str, list[Claim]]:
    """The archive story's body lists its checks one per paragraph, so each claim has a place in it."""
    claims, parts, offset = [], [], 0
    for check in checks:
        text = " ".join(check.text.split())
        claims.append(
            Claim(
                id="",
                story_id="",
                number=0,
                text=text,
                start=offset,
                end=offset + len(text),
                checkworthy=True,
                speaker=check.speaker,
                status=Status.DONE,
                verdict=mapper.map(check.rating),
                conclusion=check.conclusion,
                origin=Origin.IMPORTED,
                review_url=check.url,
                review_title=check.title,
                reviewed_on=check.published,
                original_label=check.rating.spelled() or None,
            )
        )
        parts.append(text)
        offset += len(text) + 2
    return "\n\n".join(parts), claims


def _refuse_binary(path: Path) -> Callable[[bytes], None]:
    def check(head: bytes) -> None:
        if is_binary(head):
            raise binary_error(str(path), PAST_CHECKS)

    return check


def _archive_title(source: Path, part: int, parts: int) -> str:
    title = f"Past fact-checks: {source.name}"
    return f"{title} (part {part} of {parts})" if parts > 1 else title


def _common_publisher(checks: list[PastCheck]) -> str:
    publishers = {check.publisher or "" for check in checks}
    return next(iter(publishers)) if len(publishers) == 1 else ""


def _oversized(check: PastCheck, limits: Limits) -> str | None:
    """Why a check's fields are too long to keep, if they are (a claim's own cap is the reader's)."""
    short = {"title": check.title, "speaker": check.speaker, "publisher": check.publisher, "rating": check.rating.label}
    for name, value in short.items():
        if value and len(value) > limits.headline_chars:
            return f"the {name} is {len(value):,} characters long; the limit is {limits.headline_chars:,}"
    for name, value in {"URL": check.url, "conclusion": check.conclusion}.items():
        if value and len(value) > limits.field_chars:
            return f"the {name} is {len(value):,} characters long; the limit is {limits.field_chars:,}"
    return None


def _new_checks(
    items: Iterable[PastCheck | Problem],
    known: dict[str, str | None],
    result: ImportChecksResult,
    limits: Limits,
    unrated: dict[str, PastCheck],
) -> list[PastCheck]:
    """The checks not in the database yet; ``unrated`` collects those present without a verdict, by claim id."""
    fresh: list[PastCheck] = []
    seen_ids: set[str] = set()
    for item in items:
        if isinstance(item, PastCheck) and (why := _oversized(item, limits)):
            item = Problem(item.where, why)
        if isinstance(item, Problem):
            result.problems.append(item)
            continue
        result.read += 1
        if result.read > limits.past_checks:
            raise InputError(
                f"{result.source}: holds more than {limits.past_checks:,} past checks, the limit for one file "
                "(split it, or see [limits] in the config); nothing was imported"
            )
        key = check_key(item.text, item.url, item.rating.spelled(), item.published)
        if key in known or (item.source_id is not None and item.source_id in seen_ids):
            result.duplicates += 1
            if claim_id := known.get(key):
                unrated[claim_id] = item
            continue
        known[key] = None
        if item.source_id is not None:
            seen_ids.add(item.source_id)
        fresh.append(item)
    return fresh


def import_checks(
    repo: Repository,
    path: Path,
    scale: VerdictScale,
    *,
    actor: str,
    progress: Progress | None = None,
    skip_bad: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> ImportChecksResult:
    """Import a file of past fact-checks: ClaimReview JSON-LD (object, list, DataFeed or an HTML
    page), JSON Lines or CSV. The whole file is read before anything is stored: a bad record
    stops the import with nothing imported, unless ``skip_bad`` (then the result lists each one)."""
    report = progress or (lambda stage, done, total: None)
    payload = read_capped(path, limits.archive_bytes, "a file of past fact-checks", head_check=_refuse_binary(path))
    fmt, items = read_checks(path, payload, lambda done, total: report("reading", done, total))
    result = ImportChecksResult(source=str(path), format=FORMAT_NAMES[fmt])
    unrated: dict[str, PastCheck] = {}
    fresh = _new_checks(items, known_checks(repo), result, limits, unrated)
    bad = [problem for problem in result.problems if problem.skipped]
    if bad and not skip_bad:
        more = f" (and {len(bad) - 1:,} more bad record{'s' if len(bad) > 2 else ''})" if len(bad) > 1 else ""
        raise InputError(
            f"{path}: {bad[0]}{more}; nothing was imported (fix the file, or use --skip-bad to import the rest)"
        )
    if result.read == 0:
        first = next((problem for problem in result.problems if problem.skipped), None)
        detail = f" ({result.skipped} bad record{'s' if result.skipped != 1 else ''}; first: {first})" if first else ""
        raise InputError(f"{path}: no fact-check could be read{detail}")
    mapper = RatingMapper(scale)
    result.rated_now = _rate_unrated(repo, unrated, mapper, actor)
    unmapped: Counter[str] = Counter()
    chunks = [fresh[start : start + CHUNK] for start in range(0, len(fresh), CHUNK)]
    report("saving", 0, len(fresh))
    for number, chunk in enumerate(chunks, start=1):
        body, claims = _claims_and_body(chunk, mapper)
        unmapped.update(claim.original_label for claim in claims if claim.verdict is None and claim.original_label)
        result.unrated += sum(not claim.original_label for claim in claims)
        story = Story(
            id="",
            title=_archive_title(path, number, len(chunks)),
            outlet=_common_publisher(chunk),
            body=body,
            kind=StoryKind.ARCHIVE,
            source_file=str(path),
        )
        stored, _ = repo.add_story(story, claims, actor)
        result.story_ids.append(stored.id)
        result.imported += len(claims)
        report("saving", result.imported, len(fresh))
    result.unmapped = dict(sorted(unmapped.items(), key=lambda item: (-item[1], item[0])))
    return result
