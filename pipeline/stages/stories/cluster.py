"""Grouping articles into stories: average linkage with a floor, on a sparse candidate graph.

Two stories merge when the average score of the pairs across them is at least
``MERGE_AVERAGE`` *and* every one of those pairs scores at least ``MIN_PAIR_SCORE``. The floor
is what keeps one ambiguous article from chaining two events: an article about both an
election result and a court ruling may score high with each, but the articles about the result
and those about the ruling share no evidence, so the two stories never become one, and the
ambiguous article joins the one whose articles it matches best.

The result depends only on the set of articles and their candidate pairs, never on the order
they arrived in: merges are taken best first, ties broken by article ids.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Final

from pipeline.ids import stable_id
from pipeline.stages.stories.evidence import pair_score
from pipeline.stages.stories.features import StoryFeatures

MERGE_AVERAGE: Final = 0.55
MIN_PAIR_SCORE: Final = 0.3

Pair = tuple[str, str]


class PairScores:
    """Pair scores computed once each, on demand."""

    def __init__(
        self,
        features: Mapping[str, StoryFeatures],
        score: Callable[[StoryFeatures, StoryFeatures], float] = pair_score,
    ) -> None:
        self.features = features
        self.score = score
        self.cache: dict[Pair, float] = {}

    def __call__(self, a: str, b: str) -> float:
        key = (a, b) if a < b else (b, a)
        if key not in self.cache:
            self.cache[key] = self.score(self.features[key[0]], self.features[key[1]])
        return self.cache[key]


def _linkage(x: list[str], y: list[str], scores: PairScores) -> tuple[float, float]:
    """(average, minimum) pair score across two clusters; stops early below the floor."""
    total, low = 0.0, 1.0
    for a in x:
        for b in y:
            s = scores(a, b)
            if s < MIN_PAIR_SCORE:
                return 0.0, s
            total += s
            low = min(low, s)
    return total / (len(x) * len(y)), low


def cluster(
    features: Mapping[str, StoryFeatures],
    candidates: Iterable[Pair],
    scores: PairScores | None = None,
) -> list[list[str]]:
    """The stories of these articles: lists of article ids, each sorted, smallest first.

    Only clusters joined by at least one candidate pair that scores above zero are compared;
    every other pair counts as unrelated.
    """
    scores = scores or PairScores(features)
    members: dict[str, list[str]] = {a: [a] for a in sorted(features)}
    neighbours: dict[str, set[str]] = {a: set() for a in members}
    for a, b in candidates:
        if a != b and a in members and b in members and scores(a, b) >= MIN_PAIR_SCORE:
            neighbours[a].add(b)
            neighbours[b].add(a)
    heap: list[tuple[float, float, str, str, int, int]] = []
    version = dict.fromkeys(members, 0)  # bumped on each merge: older heap entries are stale

    def push(x: str, y: str) -> None:
        x, y = min(x, y), max(x, y)
        average, low = _linkage(members[x], members[y], scores)
        if average >= MERGE_AVERAGE and low >= MIN_PAIR_SCORE:
            heapq.heappush(heap, (-average, -low, x, y, version[x], version[y]))

    for x in sorted(neighbours):
        for y in sorted(neighbours[x]):
            if x < y:
                push(x, y)
    while heap:
        _, _, x, y, version_x, version_y = heapq.heappop(heap)
        if x not in members or y not in members:
            continue  # one of them has merged into another since
        if (version[x], version[y]) != (version_x, version_y):
            continue  # one of them has merged since: this entry is stale
        # The merged cluster is named by its smallest article id, which is x.
        members[x] = sorted(members[x] + members.pop(y))
        version[x] += 1
        del version[y]
        for other in neighbours.pop(y):
            neighbours[other].discard(y)
            if other != x:
                neighbours[other].add(x)
                neighbours[x].add(other)
        neighbours[x].discard(y)
        for other in sorted(neighbours[x]):
            push(x, other)
    return sorted(members.values())


def story_ids(
    clusters: list[list[str]],
    previous: Mapping[str, str | None],
    in_use: Collection[str] = (),
) -> list[str]:
    """An id for each cluster: the previous story id most of its articles had, else a new one.

    An old id goes to the cluster holding most of that story's articles (ties: the cluster
    with the smallest first article), so a story keeps its id while it grows or loses an
    article; a cluster of only new articles is named after its smallest article id.
    """
    claims: list[tuple[int, str, int]] = []
    for index, cluster_ in enumerate(clusters):
        counts: dict[str, int] = {}
        for article in cluster_:
            old = previous.get(article)
            if old:
                counts[old] = counts.get(old, 0) + 1
        claims += [(-n, old, index) for old, n in counts.items()]
    ids: list[str | None] = [None] * len(clusters)
    taken: set[str] = set()
    for _, old, index in sorted(claims, key=lambda c: (c[0], clusters[c[2]][0], c[1])):
        if ids[index] is None and old not in taken:
            ids[index] = old
            taken.add(old)
    out = []
    for given, cluster_ in zip(ids, clusters, strict=True):
        fresh, salt = given, 0
        while fresh is None or (given is None and (fresh in taken or fresh in in_use)):
            fresh = stable_id("story", cluster_[0], *([salt] if salt else []))
            salt += 1
        taken.add(fresh)
        out.append(fresh)
    return out


def medoid(members: list[str], scores: PairScores) -> str:
    """The article closest to all the others (ties: the smallest id): it names the story."""
    if len(members) <= 2:
        return members[0]
    return min(members, key=lambda a: (-sum(scores(a, b) for b in members if b != a), a))
