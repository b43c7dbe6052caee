"""Clusters: every story in which one claim recurs, joined through likely or confirmed links.

Seeds are the claims of newsroom stories (or of one story): each is matched against everything,
the archive included, and pairs at the "likely" level or confirmed by a reviewer are joined with
union-find. Archive entries are not used as seeds: the archive is what the newsroom checks
against, and matching every past fact-check against every other would only describe the archive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck_tui.core.matching.cancel import Cancel, check
from factcheck_tui.core.matching.results import Cluster, ClusterMember, Decision, Level

if TYPE_CHECKING:
    from factcheck_tui.core.matching.index import Entry
    from factcheck_tui.core.matching.service import MatchIndex, Progress

NEIGHBOURS = 10
# Each seed takes ~10 ms: telling ``progress`` every 16 is a few times a second, and no more.
PROGRESS_EVERY = 16
CONFIRMED_SCORE = 1.0


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, first: str, second: str) -> None:
        self.parent[self.find(first)] = self.find(second)


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
    groups = _UnionFind()
    link_scores: dict[tuple[str, str], float] = {}
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
            if not probe:
                groups.union(seed, match.claim_id)
                pair = _pair(seed, match.claim_id)
                if pair not in link_scores:
                    # Scores depend a little on which side asks; a pair keeps the better of both,
                    # so a cluster reads the same whichever story it was found from.
                    both_ways = max(match.score, index.pair_score(match.claim_id, seed))
                    link_scores[pair] = CONFIRMED_SCORE if match.confirmed else both_ways
    if progress is not None:
        progress(len(seeds), len(seeds))
    for link in index.links.all():
        if link.decision is Decision.CONFIRMED and index.entry(link.claim_id) and index.entry(link.other_id):
            groups.union(link.claim_id, link.other_id)
            link_scores[_pair(link.claim_id, link.other_id)] = CONFIRMED_SCORE
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
        weakest = min((score for pair, score in link_scores.items() if pair[0] in inside), default=CONFIRMED_SCORE)
        ordered = sorted(entries, key=_oldest_first)
        result.append(Cluster(members=[ClusterMember(**index.reference(entry)) for entry in ordered], score=weakest))
    result.sort(key=lambda cluster: (-len(cluster.story_ids), -cluster.score))
    return result


def _pair(first: str, second: str) -> tuple[str, str]:
    return (first, second) if first <= second else (second, first)


def _oldest_first(entry: Entry) -> tuple[str, str]:
    return (entry.published or "9999", entry.claim_id)
