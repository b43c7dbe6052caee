"""The editor-ready Markdown report. Every field from a story is escaped: story text is untrusted."""

from __future__ import annotations

import re

from factcheck_tui.core.export.bars import text_bar
from factcheck_tui.core.export.report import Report, StoryReport
from factcheck_tui.core.export.safe_links import safe_href
from factcheck_tui.core.export.wording import (
    NOTHING_CHECKED,
    UNRATED,
    Fact,
    checked_line,
    claim_facts,
    draft_mark,
    evidence_lines,
    flat,
    headline_counts,
    paragraphs,
    unlinked,
)
from factcheck_tui.core.models import Claim

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")
_LINE_START = re.compile(r"^(\s*)([-+>=]|\d+[.)])")


def escape(text: str) -> str:
    """One line of literal text: no markup, no HTML, no entity, no list or heading at its start."""
    return _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", _SPECIAL.sub(r"\\\1", flat(text)))


def link(label: str, url: str) -> str:
    href = safe_href(url)
    return f"[{escape(label)}](<{href}>)" if href else escape(unlinked(label, url))


def _fence(rows: list[str]) -> str:
    """Backticks enough that no row can close the code block early (a run one longer than any inside)."""
    longest = max((len(run) for row in rows for run in re.findall(r"`+", row)), default=0)
    return "`" * max(3, longest + 1)


def _summary(section: StoryReport) -> list[str]:
    lines = [f"**Summary:** {checked_line(section)}", ""]
    counts = section.verdict_counts
    if counts:
        labels = [flat(label) for label, _ in counts]
        width = max(len(label) for label in labels)
        rows = [
            f"{label.ljust(width)}  {text_bar(count, section.reviewed_count)}  {count}"
            for label, (_, count) in zip(labels, counts, strict=True)
        ]
        fence = _fence(rows)
        lines.extend([f"{fence}text", *rows, fence, ""])
    return lines


def _fact(fact: Fact) -> str:
    value = link(fact.text, fact.url) if fact.url else escape(fact.text)
    return f"- **{fact.name}:** {value}"


def _claim(report: Report, index: int, claim: Claim) -> list[str]:
    verdict = escape(claim.verdict) if claim.verdict else UNRATED
    draft = draft_mark(claim)
    heading = f"### {index}. {verdict} — _{draft}_" if draft else f"### {index}. {verdict}"
    lines = [heading, "", f"> {escape(claim.text)}", ""]
    facts = claim_facts(report, claim)
    if facts:
        lines.extend([*(_fact(fact) for fact in facts), ""])
    if claim.conclusion:
        lines.extend(["**Conclusion:**", ""])
        for paragraph in paragraphs(claim.conclusion):
            lines.extend([escape(paragraph), ""])
    evidence = evidence_lines(report, claim)
    if evidence:
        lines.extend(["**Evidence:**", ""])
        for item in evidence:
            head = link(item.label, item.url) if item.url else escape(item.label)
            lines.append(f"- {head}{f' — {escape(item.note)}' if item.note else ''}")
        lines.append("")
    return lines


def _story(report: Report, section: StoryReport) -> list[str]:
    story = section.story
    lines = [f"## {escape(story.title)}", ""]
    meta = []
    if story.outlet:
        meta.append(f"**Outlet:** {escape(story.outlet)}")
    if story.byline:
        meta.append(f"**By:** {escape(story.byline)}")
    if story.published:
        meta.append(f"**Published:** {story.published.isoformat()}")
    if meta:
        lines.extend([" · ".join(meta), ""])
    if story.url:
        lines.extend([f"**Source:** {link(story.url, story.url)}", ""])
    lines.extend(_summary(section))
    if not section.claims:
        lines.extend([f"_{NOTHING_CHECKED}_", ""])
    for index, claim in enumerate(section.claims, start=1):
        lines.extend(_claim(report, index, claim))
    return lines


def render_markdown(report: Report) -> str:
    lines = ["# Fact-check report", "", f"{headline_counts(report)}.", ""]
    for section in report.stories:
        lines.extend(_story(report, section))
    return "\n".join(lines).rstrip() + "\n"
