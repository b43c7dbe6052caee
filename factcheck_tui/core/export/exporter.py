"""The one entry point for exporting: the CLI and the TUI's export dialog both call these."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from factcheck_tui.core.config import Config
from factcheck_tui.core.errors import InputError
from factcheck_tui.core.export.claimreview import Publishing, check_publishing
from factcheck_tui.core.export.formats import export_format
from factcheck_tui.core.export.options import ExportOptions
from factcheck_tui.core.export.report import Report, build_report
from factcheck_tui.core.export.wording import draft_status, left_out_line
from factcheck_tui.core.matching.results import LinkDecision
from factcheck_tui.core.models import Status
from factcheck_tui.core.scale import VerdictScale
from factcheck_tui.core.storage.files import REPLACED, STREAMED, write_output
from factcheck_tui.core.storage.link_decisions import pair_key
from factcheck_tui.core.storage.repository import Repository
from factcheck_tui.core.workflow.filters import ClaimFilter, reviewer_key


@dataclass(frozen=True)
class Export:
    text: str
    format: str
    story_count: int
    claim_count: int
    # Why nothing was exported, when nothing was: the filter a reviewer is most likely to have missed.
    why_empty: str = ""
    # Why the other claims stayed out ("31 without a verdict, 2 not Done"), if any did.
    left_out: str = ""
    # A publication asked for every claim (``include_unreviewed``): how many of its ratings are of a
    # review not Done yet. ClaimReview has no way to say a rating is not final.
    not_final: int = 0
    # How the output was written (files.NEW, REPLACED or STREAMED), once it has been.
    written: str = ""

    @property
    def replaced(self) -> bool:
        return self.written == REPLACED

    @property
    def streamed(self) -> bool:
        return self.written == STREAMED


def why_empty(options: ExportOptions, *, second_review: bool = False) -> str:
    if _approved_only(options, second_review):
        return "with second review on, reports publish only approved claims, and none is"
    if _publishable(options):
        return f"{export_format(options.format).label} publishes only claims marked Done with a verdict, and none is"
    if not options.include_unreviewed:
        return "only claims with a verdict are exported, and none has one"
    return "no claim matches the chosen stories and filters"


def _publishable(options: ExportOptions) -> list[Status]:
    """A publication (ClaimReview): unless asked for all claims, only checks whose review is Done go out."""
    return [Status.DONE] if export_format(options.format).publication and not options.include_unreviewed else []


def _approved_only(options: ExportOptions, second_review: bool) -> bool:
    """Under second review a report publishes what a second reviewer approved, unless asked for
    every claim; the backup always keeps everything."""
    return second_review and not export_format(options.format).backup and not options.include_unreviewed


def claim_filter(options: ExportOptions, scale: VerdictScale, *, second_review: bool = False) -> ClaimFilter:
    fmt = export_format(options.format)
    return ClaimFilter(
        approved_only=_approved_only(options, second_review),
        verdicts=frozenset(scale.resolve(verdict) for verdict in options.verdicts),
        statuses=frozenset(options.statuses or _publishable(options)),
        reviewers=frozenset(reviewer_key(name) for name in options.reviewers),
        since=options.since,
        until=options.until,
        # A publication needs a rating, so unrated claims never go into one.
        reviewed=None if options.include_unreviewed and not fmt.publication else True,
        # A full backup keeps dismissed claims too.
        dismissed=None if options.include_unreviewed and fmt.backup else False,
    )


def publishing(options: ExportOptions, config: Config) -> Publishing:
    org = config.organisation
    return check_publishing(
        options.org_name if options.org_name is not None else org.name,
        options.org_url if options.org_url is not None else org.url,
        options.review_url or org.review_url,
        options.feed,
    )


def _links_within(repo: Repository, report: Report) -> list[LinkDecision]:
    """Decisions on pairs whose two claims are both in the report, in a fixed order."""
    exported = {claim.id for _, claim in report.claims()}
    kept = [link for link in repo.links.all() if link.claim_id in exported and link.other_id in exported]
    return sorted(kept, key=lambda link: pair_key(link.claim_id, link.other_id))


def select(repo: Repository, config: Config, options: ExportOptions) -> Report:
    """The stories and claims an export holds, and why the others stay out: what the export dialog
    shows before writing and what every format then renders."""
    fmt = export_format(options.format)
    report = build_report(
        repo,
        config.scale,
        options.story_ids,
        claim_filter=claim_filter(options, config.scale, second_review=config.workflow.second_review),
        include_archives=fmt.backup,
        # A complete backup is a copy of every story, even one with no claim yet.
        all_stories=options.all_stories or (fmt.backup and options.include_unreviewed),
        reviewer_names=config.reviewers,
        backup_order=fmt.backup,
    )
    if fmt.backup:
        report = replace(report, links=_links_within(repo, report))
    return report


def build_export(repo: Repository, config: Config, options: ExportOptions) -> Export:
    second_review = config.workflow.second_review
    fmt = export_format(options.format)
    # Settings are checked before any story is read: a missing organisation fails fast.
    publisher = publishing(options, config) if fmt.publication else None
    report = select(repo, config, options)
    text = fmt.render(report, publisher)
    return Export(
        text,
        options.format,
        len(report.stories),
        report.claim_count,
        "" if report.claim_count else why_empty(options, second_review=second_review),
        left_out=left_out_line(report),
        not_final=sum(draft_status(claim) is not None for _, claim in report.claims()) if fmt.publication else 0,
    )


def export_report(repo: Repository, config: Config, options: ExportOptions) -> str:
    """The export as text, exactly the bytes ``write_export`` would save (as UTF-8)."""
    return build_export(repo, config, options).text


def write_export(repo: Repository, config: Config, options: ExportOptions, path: Path) -> Export:
    """Render and save: a file is replaced atomically, so a reader (or a crash) never sees a
    half-written report; a device or a named pipe is written into (see ``write_output``)."""
    path = Path(path).expanduser()
    if not path.parent.exists():
        raise InputError(f"{path}: folder {path.parent} does not exist")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file name for the report")
    export = build_export(repo, config, options)
    return replace(export, written=write_output(path, export.text.encode("utf-8")))
