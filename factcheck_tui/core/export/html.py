"""The printable HTML report: one self-contained file, inline CSS, nothing fetched from elsewhere.

Story text is untrusted, so every value goes through ``escape`` and every link through
``safe_href``; a Content-Security-Policy that allows no script is a second line of defence.
"""

from __future__ import annotations

from html import escape as _html_escape

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
from factcheck_tui.core.scale import VerdictScale

TITLE = "Fact-check report"

STYLE = """
:root { --ink: #1b1b1b; --muted: #5c5c5c; --rule: #d6d6d6; --good: #1f7a3a; --mid: #9a6a00; --bad: #b3261e; --plain: #44546a; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem; color: var(--ink); background: #fff;
       font: 16px/1.55 Georgia, "Times New Roman", serif; }
h1, h2, h3, h4 { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.25; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
h2 { font-size: 1.45rem; margin: 2.5rem 0 .4rem; padding-top: 1rem; border-top: 3px solid var(--ink); }
h3 { font-size: 1.1rem; margin: 0 0 .5rem; }
h4 { font-size: .8rem; margin: 1rem 0 .25rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.lede, .meta, .source { color: var(--muted); margin: .2rem 0; }
a { color: #0b57d0; overflow-wrap: anywhere; }
.summary { margin: 1rem 0 1.5rem; }
.chart { border-collapse: collapse; width: 100%; max-width: 34rem; font: .9rem system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.chart caption { text-align: left; color: var(--muted); font-size: .8rem; padding-bottom: .25rem; }
.chart th { text-align: left; font-weight: normal; padding: .15rem 1rem .15rem 0; white-space: nowrap; }
.chart .bar-cell { width: 100%; padding: .15rem .5rem .15rem 0; }
.chart .n, .chart .pct { text-align: right; padding: .15rem 0 .15rem .5rem; font-variant-numeric: tabular-nums; }
.chart .pct { color: var(--muted); }
svg.bar { display: block; width: 100%; height: .9rem; }
.track { fill: #eeeeee; } .fill { fill: var(--plain); }
.fill.good { fill: var(--good); } .fill.mid { fill: var(--mid); } .fill.bad { fill: var(--bad); }
.claim { border: 1px solid var(--rule); border-left: 6px solid var(--plain); border-radius: 4px; padding: 1rem 1.25rem; margin: 1.25rem 0; }
.claim.good { border-left-color: var(--good); } .claim.mid { border-left-color: var(--mid); }
.claim.bad { border-left-color: var(--bad); } .claim.none { border-left-color: var(--rule); }
.verdict { display: inline-block; padding: .05rem .5rem; border-radius: 3px; color: #fff; background: var(--plain); }
.good .verdict { background: var(--good); } .mid .verdict { background: var(--mid); }
.bad .verdict { background: var(--bad); } .none .verdict { background: var(--muted); }
.claim.draft { border-style: dashed; } .draft-mark { font-weight: normal; font-style: italic; color: var(--muted); }
blockquote { margin: .5rem 0; padding: .25rem 0 .25rem 1rem; border-left: 3px solid var(--rule); font-size: 1.1rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .75rem 0; font-size: .9rem; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
.empty { font-style: italic; color: var(--muted); }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { color: inherit; }
  .claim, .summary { break-inside: avoid; }
  h2 { break-after: avoid; }
  .verdict { border: 1px solid currentColor; }
  .claim, .verdict { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""".strip()

# No script may run, nothing may load from elsewhere; only the inline style above applies.
CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def escape(text: str) -> str:
    return _html_escape(text, quote=True)


def _link(label: str, url: str) -> str:
    href = safe_href(url)
    return f'<a href="{escape(href)}">{escape(label)}</a>' if href else escape(unlinked(label, url))


def tone(scale: VerdictScale, verdict: str | None) -> str:
    """A colour class from the verdict's place on the ordered scale; unordered verdicts stay plain."""
    if verdict is None:
        return "none"
    rating, best, worst = scale.rating(verdict), scale.best_rating, scale.worst_rating
    if rating is None or best is None or worst is None or best == worst:
        return "plain"
    position = (rating - worst) / (best - worst)
    return "good" if position >= 0.75 else "bad" if position <= 0.25 else "mid"


def _bar(share: float, colour: str) -> str:
    """One bar of the verdict chart: inline SVG, so it prints (unlike a CSS background) and loads nothing."""
    width = f"{100 * share:.1f}".rstrip("0").rstrip(".")
    return (
        '<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">'
        f'<rect class="track" width="100" height="10"/><rect class="fill {colour}" width="{width}" height="10"/></svg>'
    )


def _summary(section: StoryReport, scale: VerdictScale) -> list[str]:
    lines = ['<div class="summary">', f"<p>{escape(checked_line(section))}</p>"]
    if section.verdict_counts:
        total = section.reviewed_count
        lines.append('<table class="chart"><caption>Verdicts in this report</caption>')
        for label, count in section.verdict_counts:
            share = count / total
            lines.append(
                f'<tr><th scope="row">{escape(label)}</th><td class="bar-cell">{_bar(share, tone(scale, label))}</td>'
                f'<td class="n">{count}</td><td class="pct">{round(100 * share)}%</td></tr>'
            )
        lines.append("</table>")
    lines.append("</div>")
    return lines


def _fact(fact: Fact) -> str:
    value = _link(fact.text, fact.url) if fact.url else escape(fact.text)
    return f"<dt>{escape(fact.name)}</dt><dd>{value}</dd>"


def _claim(report: Report, index: int, claim: Claim) -> list[str]:
    verdict = escape(claim.verdict) if claim.verdict else UNRATED
    draft = draft_mark(claim)
    mark = f' <span class="draft-mark">{escape(draft)}</span>' if draft else ""
    lines = [
        f'<article class="claim {tone(report.scale, claim.verdict)}{" draft" if draft else ""}" id="claim-{escape(claim.id)}">',
        f'<h3>{index}. <span class="verdict">{verdict}</span>{mark}</h3>',
        f"<blockquote>{escape(flat(claim.text))}</blockquote>",
    ]
    facts = claim_facts(report, claim)
    if facts:
        lines.extend(['<dl class="facts">', *(_fact(fact) for fact in facts), "</dl>"])
    if claim.conclusion:
        lines.append("<h4>Conclusion</h4>")
        lines.extend(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs(claim.conclusion))
    evidence = evidence_lines(report, claim)
    if evidence:
        lines.extend(["<h4>Evidence</h4>", "<ul>"])
        for item in evidence:
            head = _link(item.label, item.url) if item.url else escape(item.label)
            lines.append(f"<li>{head}{f' — {escape(item.note)}' if item.note else ''}</li>")
        lines.append("</ul>")
    lines.append("</article>")
    return lines


def _story(report: Report, section: StoryReport) -> list[str]:
    story = section.story
    lines = [f'<section class="story" id="story-{escape(story.id)}">', f"<h2>{escape(story.title)}</h2>"]
    meta = []
    if story.outlet:
        meta.append(f"Outlet: {escape(story.outlet)}")
    if story.byline:
        meta.append(f"By: {escape(story.byline)}")
    if story.published:
        day = story.published.isoformat()
        meta.append(f'Published: <time datetime="{day}">{day}</time>')
    if meta:
        lines.append(f'<p class="meta">{" · ".join(meta)}</p>')
    if story.url:
        lines.append(f'<p class="source">Source: {_link(story.url, story.url)}</p>')
    lines.extend(_summary(section, report.scale))
    if not section.claims:
        lines.append(f'<p class="empty">{NOTHING_CHECKED}</p>')
    for index, claim in enumerate(section.claims, start=1):
        lines.extend(_claim(report, index, claim))
    lines.append("</section>")
    return lines


def render_html(report: Report) -> str:
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="factcheck-tui">',
        f"<title>{TITLE}</title>",
        f"<style>\n{STYLE}\n</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{TITLE}</h1>",
        f'<p class="lede">{escape(headline_counts(report))}.</p>',
        "</header>",
        "<main>",
    ]
    for section in report.stories:
        lines.extend(_story(report, section))
    lines.extend(["</main>", "</body>", "</html>"])
    return "\n".join(lines) + "\n"
