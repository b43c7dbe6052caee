"""The sentence in its paragraph, highlighted, with the reasons for its rank and its speaker."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from factcheck_tui.core.models import Claim, Story
from factcheck_tui.core.text import shown

CONTEXT_CHARS = 600


def paragraph_span(body: str, start: int, end: int) -> tuple[int, int]:
    left = body.rfind("\n", 0, start) + 1
    right = body.find("\n", end)
    return left, len(body) if right == -1 else right


def paragraph_text(story: Story, claim: Claim) -> Text:
    """The claim's paragraph with the claim in reverse video (its own text when it has no place
    in the body), and the reviewer's rewording when the claim was edited."""
    text = Text()
    if claim.start is None or claim.end is None or claim.end > len(story.body):
        text.append(shown(claim.text), style="bold")
        return text
    left, right = paragraph_span(story.body, claim.start, claim.end)
    # Very long paragraphs are trimmed around the claim so the pane stays readable at 80x24.
    left = max(left, claim.start - CONTEXT_CHARS // 2)
    right = min(right, claim.end + CONTEXT_CHARS // 2)
    text.append("…" if left > 0 and story.body[left - 1] != "\n" else "")
    text.append(shown(story.body[left : claim.start]))
    text.append(shown(story.body[claim.start : claim.end]), style="reverse bold")
    text.append(shown(story.body[claim.end : right]))
    text.append("…" if right < len(story.body) and story.body[right] != "\n" else "")
    if claim.text != story.body[claim.start : claim.end]:
        text.append("\nEdited claim: ", style="bold")
        text.append(shown(claim.text))
    return text


def rank_text(claim: Claim) -> Text:
    worthy = "check-worthy" if claim.checkworthy else "not check-worthy"
    text = Text()
    text.append(f"Score {claim.score:.2f} ({worthy})", style="bold")
    if claim.reasons:
        text.append(": " + shown("; ".join(claim.reasons)))
    return text


def context_text(story: Story, claim: Claim) -> Text:
    text = Text()
    text.append_text(paragraph_text(story, claim))
    text.append("\n")
    text.append_text(rank_text(claim))
    if claim.speaker:
        text.append("\nSpeaker: ", style="bold")
        text.append(shown(claim.speaker))
    return text


class ClaimContext(Static):
    DEFAULT_CSS = """
    ClaimContext {
        height: auto;
    }
    """

    def show(self, story: Story, claim: Claim | None) -> None:
        self.update(context_text(story, claim) if claim else Text("No claim selected.", style="dim"))
