"""Grouping across outlets: claims of one speaker whose content words agree are one statement
(group_statements); content_words gives a claim's crudely stemmed content words."""

from __future__ import annotations

import re as stdre
from collections.abc import Iterable
from typing import Final, NamedTuple

from pipeline.stages.claims.lexicon import STOPWORDS

_LETTER_WORD: Final = stdre.compile(r"[^\W\d_]+")
# Two claims of one speaker are one statement when their content words agree (Dice
# coefficient), or when a long shorter claim is mostly found in the longer one (overlap).
SAME_STATEMENT_DICE: Final = 0.5
SAME_STATEMENT_OVERLAP: Final = 0.6
MIN_SHARED_WORDS: Final = 3
MIN_SHARED_WORDS_FOR_OVERLAP: Final = 6
# Claims with no speaker group only on near-identical wording.
UNNAMED_SAME_STATEMENT_DICE: Final = 0.8
UNNAMED_MIN_SHARED_WORDS: Final = 5
# Words carried by more claims than this within one speaker's block are not used to find
# candidate pairs (they would make the comparison quadratic), only to score them.
MAX_POSTING: Final = 200
# How many of a claim's rarest words are used to find candidate pairs.
CANDIDATE_WORDS: Final = 6
_SUFFIXES: Final = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ings",
    "ing",
    "ied",
    "ies",
    "ed",
    "es",
    "s",
)


def _stem(word: str) -> str:
    """The word without its first listed suffix that leaves at least four letters."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> frozenset[str]:
    """The statement's content words, crudely stemmed, so paraphrases share them."""
    words = _LETTER_WORD.findall(text.lower())
    return frozenset(_stem(w) for w in words if w not in STOPWORDS and len(w) > 2)


def _same_statement(a: frozenset[str], b: frozenset[str], named_speaker: bool) -> bool:
    """Whether two claims' content words make them one statement."""
    shared = len(a & b)
    dice = 2 * shared / (len(a) + len(b)) if a or b else 0.0
    if not named_speaker:
        return shared >= UNNAMED_MIN_SHARED_WORDS and dice >= UNNAMED_SAME_STATEMENT_DICE
    if shared < MIN_SHARED_WORDS:
        return False
    overlap = shared / min(len(a), len(b))
    return dice >= SAME_STATEMENT_DICE or (
        shared >= MIN_SHARED_WORDS_FOR_OVERLAP and overlap >= SAME_STATEMENT_OVERLAP
    )


class StatementRow(NamedTuple):
    """One claim as group_statements reads it (a plain 4-tuple in this order will do)."""

    claim_id: str
    speaker_actor_id: str | None
    text: str
    outlet: str | None


def group_statements(
    claims: Iterable[tuple[str, str | None, str, str | None]],
) -> dict[str, str]:
    """claim_id -> statement group id, grouping one statement as reported by several outlets.

    Rows are StatementRow (claim_id, speaker_actor_id, text, outlet) or such tuples. Claims are
    compared only within their speaker's block (claims without a speaker among themselves, on
    near-identical wording), and only through words rare enough in that block, so a million
    claims stay tractable. The group id is the smallest claim_id of the group, stable across runs.
    """
    # Sorted: the same claims always group the same way.
    rows = sorted((StatementRow(*row) for row in claims), key=lambda row: row.claim_id)
    parent: dict[str, str] = {row.claim_id: row.claim_id for row in rows}

    def find(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(a: str, b: str) -> None:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[max(root_a, root_b)] = min(root_a, root_b)

    blocks: dict[str | None, dict[frozenset[str], list[str]]] = {}
    for row in rows:
        # Identical wording (wire copy carried by many outlets) is grouped without comparing.
        block = blocks.setdefault(row.speaker_actor_id, {})
        block.setdefault(content_words(row.text), []).append(row.claim_id)
    for speaker, by_words in blocks.items():
        members = list(by_words.items())
        for _, same_words in members:
            for claim_id in same_words[1:]:
                union(same_words[0], claim_id)
        postings: dict[str, list[int]] = {}
        for index, (words, _) in enumerate(members):
            for word in words:
                postings.setdefault(word, []).append(index)
        for index, (words, ids) in enumerate(members):
            # Pairs are looked for through each claim's rarest words only: a paraphrase
            # that shares half its words shares some rare ones. Ties are broken by the word
            # itself: a set's order changes with PYTHONHASHSEED, and so would the groups.
            rarest = sorted(words, key=lambda w: (len(postings[w]), w))[:CANDIDATE_WORDS]
            candidates: set[int] = set()
            for word in rarest:
                posting = postings[word]
                if len(posting) <= MAX_POSTING:
                    candidates.update(j for j in posting if j > index)
            for other in candidates:
                other_words, other_ids = members[other]
                if _same_statement(words, other_words, speaker is not None):
                    union(ids[0], other_ids[0])
    return {claim_id: find(claim_id) for claim_id in parent}
