"""What a sentence is within its story: the cues a fact-checker reads beside the sentence itself.

A sentence alone says whether it is checkable (features.py). Which claim of a story to check
first also depends on the story: the claim the story is about comes back in sentence after
sentence; it is usually a quotation from the person the story is about, given near the top; the
newsroom's own reporting ("We found ...") is how it was checked, not what to check. These cues
are weighed by ``bench/train_story_ranking.py`` and explain themselves like the sentence's own.
A text too short to be a story (a tweet, a pasted quote) is scored as sentences alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from factcheck_tui.core.intake.extraction.cues import Feature

MIN_STORY_SENTENCES = 5
LEAD_SHARE = 0.15
LEAD_MIN = 3
SHARED_CAP = 4
TOPIC_FLOOR = 0.5
MENTIONS_CAP = 10
TOPIC_WORDS_SHOWN = 3
STORY_FEATURES = ("lead", "quotation", "main_actor", "topic")

# Words of three letters or more ("tax", not "of") and figures.
_TOKEN = re.compile(r"[a-z][a-z'’-]{2,}|\d[\d,.]*%?")
_STOP = frozenset(
    """the and but for with from that this these those are was were been being its not have has had does
    did will would can could should may might must she they you his her their our your them him who whom
    which what when where why how than then there here also just about into over after before more most
    some any all such only other very said says say told one two new like against cannot under out
    many much because since during per though although while until upon within without whether among
    between through across around again even still yet ever never each every both either neither own
    same off down onto toward towards via unless despite instead rather quite too according following
    including whose get got let lot lots way yes""".split()
)
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=\s)[A-Z][A-Za-z]{2,}\b")
# A quotation of four words or more: a quoted title ("The Choice") is no one speaking.
_QUOTATION = re.compile(r"[\"“](?:[^\"“”\s]+\s+){3,}")


def content_words(text: str) -> set[str]:
    """The words that carry a sentence's matter: no function words or contractions ("don't")."""
    found = set()
    for token in _TOKEN.findall(text.lower().replace("’", "'")):
        stem, apostrophe, ending = token.rstrip(".,").partition("'")
        if apostrophe and ending != "s":
            continue
        if (stem not in _STOP and len(stem) > 2) or stem[:1].isdigit():
            found.add(stem)
    return found


def is_story(sentence_count: int) -> bool:
    return sentence_count >= MIN_STORY_SENTENCES


def story_features(
    texts: Sequence[str], speakers: Sequence[str | None], furniture: Sequence[bool]
) -> list[list[Feature]]:
    """The story cues of each sentence (none for furniture); call only for a story (``is_story``)."""
    count = len(texts)
    words = [content_words(text) if not skip else set() for text, skip in zip(texts, furniture, strict=True)]
    shared = Counter(word for sentence in words for word in sentence)
    mentions = _mentions(texts, speakers)
    lead_end = max(LEAD_MIN, LEAD_SHARE * count)
    # Names are shown as the story writes them ("Burke", "McCain", "NASA"): words it capitalises mid-sentence.
    proper: dict[str, str] = {}
    for text in texts:
        for word in _MID_SENTENCE_CAPITAL.findall(text):
            proper.setdefault(word.lower(), word)
    topics = [_topic(sentence, shared, proper) for sentence in words]
    # Relative to the story's most central sentence, so that stories of any length weigh alike;
    # but a short story whose sentences barely share a word has no topic to lift any of them.
    central = max(TOPIC_FLOOR, *(topic.value for topic in topics))
    found: list[list[Feature]] = []
    for index, text in enumerate(texts):
        cues: list[Feature] = []
        found.append(cues)
        if furniture[index]:
            continue
        if index < lead_end:
            cues.append(Feature("lead", 1.0, "near the top of the story"))
        if _QUOTATION.search(text):
            cues.append(Feature("quotation", 1.0, "direct quotation"))
        speaker = speakers[index]
        if speaker and (named := mentions.get(speaker, 0)) > 1:
            cues.append(
                Feature("main_actor", min(named, MENTIONS_CAP) / MENTIONS_CAP, f"{speaker} is named {named} times")
            )
        if topics[index].value:
            cues.append(Feature("topic", topics[index].value / central, topics[index].reason))
    return found


def _topic(words: set[str], shared: Counter[str], proper: dict[str, str]) -> Feature:
    """How much of the sentence the rest of the story comes back to: the claim a story is about recurs."""
    if not words:
        return Feature("topic", 0.0, "")
    value = sum(min(shared[word] - 1, SHARED_CAP) for word in words) / (SHARED_CAP * len(words))
    recurring = sorted((word for word in words if shared[word] > 2), key=lambda word: (-shared[word], word))
    shown = ", ".join(proper.get(word, word) for word in recurring[:TOPIC_WORDS_SHOWN])
    return Feature("topic", value, f"what the story is about ({shown})" if shown else "")


def _mentions(texts: Sequence[str], speakers: Sequence[str | None]) -> dict[str, int]:
    """How often the story names each speaker, by surname ("Paul said", "Paul’s numbers")."""
    body = "\n".join(texts)
    return {
        speaker: len(re.findall(rf"\b{re.escape(speaker.split()[-1])}\b", body))
        for speaker in set(filter(None, speakers))
    }
