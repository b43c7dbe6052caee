"""Clusters: every story in which one claim recurs, joined through likely or confirmed links.

Seeds are the claims of newsroom stories (or of one story): each is matched against everything,
the archive included, and pairs at the "likely" level or confirmed by a reviewer are joined,
confirmed pairs first and then the closest. A reviewer's "not the same claim" holds for the whole
group: two groups are not joined when a claim of one was rejected against a claim of the other,
so a rejected pair never comes back together through a third claim. It holds for the same words
elsewhere too (an article imported again, slightly updated, repeats its claims word for word):
what the reviewer judged is this wording against that one, and matching sees nothing else.
Archive entries are not used as seeds: the archive is what the newsroom checks against, and
matching every past fact-check against every other would only describe the archive.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from factcheck_tui.core.matching.cancel import Cancel, check
from factcheck_tui.core.matching.results import Cluster, ClusterMember, Decision, Level, LinkDecision
from factcheck_tui.core.text import wording

if TYPE_CHECKING:
    from factcheck_tui.core.matching.index import Entry
    from factcheck_tui.core.matching.service import MatchIndex, Progress

NEIGHBOURS = 10
# Each seed takes ~10 ms: telling ``progress`` every 16 is a few times a second, and no more.
PROGRESS_EVERY = 16
CONFIRMED_SCORE = 1.0

Pair = tuple[str, str]


class _Groups:
    """Union-find over claims that keeps reviewers' rejected pairs apart.

    Each claim carries marks (``marks_of``): its id and its wording. ``apart`` says which marks
    may never share a group; a group is joined to another only when no mark of one is kept apart
    from a mark of the other.
    """

    def __init__(self, apart: dict[str, set[str]], marks_of: Callable[[str], set[str]]) -> None:
        self.parent: dict[str, str] = {}
        self.marks: dict[str, set[str]] = {}
        self._apart = apart
        self._marks_of = marks_of

    def find(self, item: str) -> str:
        if item not in self.parent:
            self.parent[item] = item
            self.marks[item] = self._marks_of(item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def join(self, first: str, second: str) -> None:
        """Join the groups of two claims, unless a reviewer's rejection keeps them apart."""
        one, other = self.find(first), self.find(second)
        if one == other:
            return
        small, large = sorted((self.marks[one], self.marks[other]), key=len)
        if any(self._apart.get(mark, set()) & large for mark in small):
            return
        self.parent[one] = other
        self.marks[other] |= self.marks.pop(one)


def _marks(index: MatchIndex) -> Callable[[str], set[str]]:
    def marks_of(claim_id: str) -> set[str]:
        entry = index.entry(claim_id)
        return {claim_id} if entry is None else {claim_id, f"words:{wording(entry.text)}"}

    return marks_of


def _kept_apart(rejected: Iterable[LinkDecision], marks_of: Callable[[str], set[str]]) -> dict[str, set[str]]:
    """The marks each rejection keeps apart: the two wordings, or the two ids when both claims
    say it in the same words (a reviewer who rejected those meant the claims, not their words)."""
    apart: dict[str, set[str]] = {}
    for link in rejected:
        first, second = marks_of(link.claim_id) - {link.claim_id}, marks_of(link.other_id) - {link.other_id}
        sides = (first, second) if first and second and first != second else ({link.claim_id}, {link.other_id})
        for one, other in (sides, sides[::-1]):
            for mark in one:
                apart.setdefault(mark, set()).update(other)
    return apart


def find_clusters(
    index: MatchIndex, story_id: str | None = None, *, cancel: Cancel = None, progress: Progress | None = None
) -> list[Cluster]:
    """Groups of claims from two or more stories that say the same; biggest first.

    With ``story_id``, only the groups that contain a claim of that story. ``progress(done,
    total)`` hears how many claims were searched from (the total grows as a story's links lead
    to more claims); ``cancel`` is heard before every claim.
    """
    if story_id is not None:
        seeds = list(index.claim_ids(story_id))
    else:
        seeds = [
            claim_id
            for sid in sorted(index.story_ids())
            if not index.is_archive(sid)
            for claim_id in index.claim_ids(sid)
        ]
    # Each pair found, with its score and whether a reviewer confirmed it.
    found: dict[Pair, tuple[float, bool]] = {}
    # For one story, every claim its claims link to is searched from as well (links are not
    # symmetric): newsroom claims found that way are seeds, so the story's clusters are the very
    # ones the whole newsroom's pass finds; archive claims only lead to more newsroom claims.
    seen = set(seeds)
    if progress is not None:
        progress(0, len(seeds))
    # The first seeds' neighbours by meaning, a story at a time; seeds found on the way look
    # theirs up one by one.
    entries = [entry for seed in seeds if (entry := index.entry(seed)) is not None and not entry.dismissed]
    neighbours = index.neighbours_of(entries, cancel=cancel)
    for position, seed in enumerate(seeds):
        check(cancel)
        if progress is not None and position and position % PROGRESS_EVERY == 0:
            progress(position, len(seeds))
        entry = index.entry(seed)
        if entry is None or entry.dismissed:
            continue
        probe = index.is_archive(entry.story_id)
        for match in index.similar_to(seed, NEIGHBOURS, neighbours=neighbours.get(seed)):
            if not (match.confirmed or match.level is Level.LIKELY):
                continue
            if story_id is not None and match.claim_id not in seen:
                seen.add(match.claim_id)
                seeds.append(match.claim_id)
            pair = _pair(seed, match.claim_id)
            if not probe and pair not in found:
                # Scores depend a little on which side asks; a pair keeps the better of both,
                # so a cluster reads the same whichever story it was found from.
                both_ways = max(match.score, index.pair_score(match.claim_id, seed))
                found[pair] = (CONFIRMED_SCORE, True) if match.confirmed else (both_ways, False)
    if progress is not None:
        progress(len(seeds), len(seeds))
    decisions = index.links.all()
    for link in decisions:
        if link.decision is Decision.CONFIRMED and index.entry(link.claim_id) and index.entry(link.other_id):
            found[_pair(link.claim_id, link.other_id)] = (CONFIRMED_SCORE, True)
    marks_of = _marks(index)
    rejected = [link for link in decisions if link.decision is Decision.REJECTED]
    groups = _Groups(_kept_apart(rejected, marks_of), marks_of)
    # Confirmed pairs first, then the closest: where a rejection keeps two groups apart, each
    # claim stays with the claims it is surest to be.
    for (first, second), _ in sorted(found.items(), key=lambda item: (not item[1][1], -item[1][0], item[0])):
        groups.join(first, second)
    link_scores = {pair: score for pair, (score, _confirmed) in found.items()}
    members: dict[str, list[str]] = {}
    for claim_id in list(groups.parent):
        members.setdefault(groups.find(claim_id), []).append(claim_id)
    result = []
    for claim_ids in members.values():
        entries = [entry for claim_id in claim_ids if (entry := index.entry(claim_id)) is not None]
        if len({entry.story_id for entry in entries}) < 2:
            continue
        if story_id is not None and all(entry.story_id != story_id for entry in entries):
            continue
        inside = set(claim_ids)
        weakest = min(
            (score for pair, score in link_scores.items() if pair[0] in inside and pair[1] in inside),
            default=CONFIRMED_SCORE,
        )
        ordered = sorted(entries, key=_oldest_first)
        result.append(Cluster(members=[ClusterMember(**index.reference(entry)) for entry in ordered], score=weakest))
    result.sort(key=lambda cluster: (-len(cluster.story_ids), -cluster.score))
    return result


def _pair(first: str, second: str) -> Pair:
    return (first, second) if first <= second else (second, first)


def _oldest_first(entry: Entry) -> tuple[str, str]:
    return (entry.published or "9999", entry.claim_id)
