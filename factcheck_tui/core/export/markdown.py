"""The editor-ready Markdown report. Every field from a story is escaped: story text is untrusted."""

from __future__ import annotations

import re

from factcheck_tui.core.export.bars import text_bar
from factcheck_tui.core.export.report import Report, StoryReport
from factcheck_tui.core.models import Claim

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
_LINE_START = re.compile(r"^(\s*)([-+>=]|\d+[.)])")


def escape(text: str) -> str:
    """One line of literal text: no markup, no HTML, no list or heading at its start."""
    flat = " ".join(text.split())
    return _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", _SPECIAL.sub(r"\\\1", flat))


def link(label: str, url: str) -> str:
    safe_url = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
    return f"[{escape(label)}](<{safe_url}>)"


def _paragraphs(text: str) -> list[str]:
    return [escape(chunk) for chunk in re.split(r"\n\s*\n", text.strip()) if chunk.strip()]


def _summary(section: StoryReport) -> list[str]:
    checked = len(section.claims)
    lines = [f"**Summary:** {checked} claim{'s' if checked != 1 else ''} checked of {section.checkworthy_count} check-worthy.", ""]
    counts = section.verdict_counts
    if counts:
        width = max(len(label) for label, _ in counts)
        lines.append("```text")
        lines.extend(f"{label.ljust(width)}  {text_bar(count, checked)}  {count}" for label, count in counts)
        lines.append("```")
        lines.append("")
    return lines


def _claim(index: int, claim: Claim) -> list[str]:
    verdict = escape(claim.verdict) if claim.verdict else "Not yet rated"
    lines = [f"### {index}. {verdict}", "", f"> {escape(claim.text)}", ""]
    facts = []
    if claim.speaker:
        facts.append(f"- **Speaker:** {escape(claim.speaker)}")
    facts.append(f"- **Claim id:** `{claim.id}`")
    facts.append(f"- **Status:** {escape(claim.status.value)}")
    if claim.reviewer:
        facts.append(f"- **Reviewer:** {escape(claim.reviewer)}")
    lines.extend(facts)
    lines.append("")
    if claim.conclusion:
        lines.append("**Conclusion:**")
        lines.append("")
        for paragraph in _paragraphs(claim.conclusion):
            lines.extend([paragraph, ""])
    if claim.evidence:
        lines.append("**Evidence:**")
        lines.append("")
        for item in claim.evidence:
            label = item.source or item.url or "Note"
            head = link(label, item.url) if item.url else escape(label)
            note = f" — {escape(item.note)}" if item.note and item.note != label else ""
            lines.append(f"- {head}{note}")
        lines.append("")
    return lines


def _story(section: StoryReport) -> list[str]:
    story = section.story
    lines = [f"## {escape(story.title)}", ""]
    meta = []
    if story.outlet:
        meta.append(f"**Outlet:** {escape(story.outlet)}")
    if story.published:
        meta.append(f"**Published:** {story.published.isoformat()}")
    meta.append(f"**Story id:** `{story.id}`")
    lines.append(" · ".join(meta))
    lines.append("")
    if story.url:
        lines.extend([f"**Source:** {link(story.url, story.url)}", ""])
    lines.extend(_summary(section))
    if not section.claims:
        lines.extend(["_No claims in this story have been checked yet._", ""])
    for index, claim in enumerate(section.claims, start=1):
        lines.extend(_claim(index, claim))
    return lines


def render_markdown(report: Report) -> str:
    stories = len(report.stories)
    lines = [
        "# Fact-check report",
        "",
        f"{stories} stor{'ies' if stories != 1 else 'y'}, {report.claim_count} checked claim{'s' if report.claim_count != 1 else ''}.",
        "",
    ]
    for section in report.stories:
        lines.extend(_story(section))
    return "\n".join(lines).rstrip() + "\n"
