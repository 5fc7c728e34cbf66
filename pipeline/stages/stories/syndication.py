"""Syndication: which articles of a story are copies of the same text (agency copy, reprints).

Within a story, articles whose texts are copies of each other (evidence.is_copy) form a copy
group. The group's *original* is the one published first (unknown dates last), then the
fullest text (an outlet trims agency copy more often than it adds to it), then the smallest
id; every other member is marked as a copy of it, with how much of its own text the original
contains. A story's independent reports are its articles that copy nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from pipeline.stages.stories.evidence import pair_evidence
from pipeline.stages.stories.features import StoryFeatures


@dataclass(frozen=True)
class Copy:
    article_id: str
    copy_of: str
    similarity: float  # share of the copy's text found in the original (estimated)


def _original_order(f: StoryFeatures) -> tuple[bool, dt.date, int, str]:
    return (f.published_on is None, f.published_on or dt.date.max, -f.shingles, f.article_id)


def copies(members: list[str], features: Mapping[str, StoryFeatures]) -> list[Copy]:
    """The copies among one story's articles, each pointing at its group's original."""
    parent = {a: a for a in members}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    ordered = sorted(members)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if find(a) != find(b) and pair_evidence(features[a], features[b]).is_copy:
                parent[max(find(a), find(b))] = min(find(a), find(b))
    groups: dict[str, list[str]] = {}
    for a in ordered:
        groups.setdefault(find(a), []).append(a)
    out = []
    for group in groups.values():
        if len(group) < 2:
            continue
        original = min(group, key=lambda a: _original_order(features[a]))
        for a in group:
            if a != original:
                ev = pair_evidence(features[a], features[original])
                out.append(
                    Copy(a, original, round(_copied_share(ev, features[a], features[original]), 3))
                )
    return out


def _copied_share(ev, copy: StoryFeatures, original: StoryFeatures) -> float:
    """The share of the copy's shingles that the original has too."""
    j = ev.text_jaccard
    if j <= 0 or not copy.shingles:
        return 0.0
    shared = j * (copy.shingles + original.shingles) / (1 + j)
    return min(1.0, shared / copy.shingles)
