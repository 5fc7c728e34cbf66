"""Whether two articles report the same event: the evidence of one pair, and its score.

A person deciding whether two reports cover the same happening looks for:

- the same text (agency copy republished by several outlets): decisive on its own;
- the same *who*: specific people, organisations, groups and places (countries say little);
  several in common, or one when the *what* evidence is twofold;
- the same *what*: headline and lead wording, the same distinctive figures, the same quotes;
- the same *when*: reports of one event are published within days of each other.

Shared actors alone are a topic ("Trump", "the Fed"), not an event; shared wording alone can
be a formula ("stocks fall"). So a pair scores only when it has both, or a copied text, and a
known gap between publication dates past a few days vetoes it. The score is in [0, 1]: the
clustering (cluster.py) merges stories on their average pair score, and requires every pair
in a story to score at least a floor, so one article cannot chain two events.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from pipeline.stages.stories.features import StoryFeatures
from pipeline.stages.stories.minhash import containment, jaccard

# A text that shares at least this much of itself (estimated containment of word 5-shingles)
# with another is a copy of it: decisive, whatever the dates.
COPY_CONTAINMENT: Final = 0.5
# Partly shared text (a paragraph or two of agency copy) counts as "what" evidence.
SHARED_TEXT_CONTAINMENT: Final = 0.12
# Below this Jaccard the containment estimate is noise (a few shingles of stock phrases
# agreeing by chance), so neither copy nor shared text is claimed.
MIN_TEXT_JACCARD: Final = 0.05
# Reports of one event are published within this many days of each other (when both dates
# are known); further apart they are follow-ups or another event.
MAX_EVENT_GAP_DAYS: Final = 4
# Weights of the actor types: how much naming the same one says about the same event.
ACTOR_WEIGHTS: Final = {
    "person": 1.0,
    "armed_group": 1.0,
    "organization": 0.7,
    "government_body": 0.6,
    "location": 0.6,
    "other": 0.3,
    "country": 0.2,
}
# "Who" evidence: the shared actors' weight, and its share of the lighter article's actors.
# Strong: several specific actors in common. Weak: one (a short report names few actors), which
# needs two kinds of "what" evidence to count.
MIN_SHARED_ACTOR_WEIGHT: Final = 1.6
MIN_ACTOR_OVERLAP: Final = 0.25
MIN_WEAK_ACTOR_WEIGHT: Final = 0.6
WEAK_WHO_MIN_WHAT: Final = 2
# "What" evidence: headline and lead wording (Dice of content words, with a minimum count).
MIN_TITLE_DICE: Final = 0.2
MIN_SHARED_TITLE_WORDS: Final = 2
MIN_LEAD_DICE: Final = 0.2
MIN_SHARED_LEAD_WORDS: Final = 6
# The same quote: at least this many shared 6-word runs of direct quotes (a 7-word quote).
MIN_SHARED_QUOTES: Final = 2
# How much each kind of evidence adds to the score, and the cap of the actors' part.
WHO_SCORE: Final = 0.3
WEAK_WHO_SCORE: Final = 0.15
WHAT_SCORES: Final = {
    "title": 0.25,
    "lead": 0.25,
    "figures": 0.15,
    "quotes": 0.3,
    "text": 0.35,
}


@dataclass(frozen=True)
class PairEvidence:
    """What two articles share, measured (see the module docstring)."""

    gap_days: int | None
    text_jaccard: float
    text_containment: float
    shared_actor_weight: float
    actor_overlap: float
    title_dice: float
    shared_title_words: int
    lead_dice: float
    shared_lead_words: int
    shared_figures: int
    shared_quotes: int

    @property
    def is_copy(self) -> bool:
        return self.text_jaccard >= MIN_TEXT_JACCARD and self.text_containment >= COPY_CONTAINMENT

    @property
    def same_who(self) -> bool:
        return (
            self.shared_actor_weight >= MIN_SHARED_ACTOR_WEIGHT
            and self.actor_overlap >= MIN_ACTOR_OVERLAP
        )

    @property
    def some_who(self) -> bool:
        """At least one specific actor in common (a country alone is not enough)."""
        return self.shared_actor_weight >= MIN_WEAK_ACTOR_WEIGHT

    def what(self) -> dict[str, bool]:
        """Each kind of "what" evidence, whether the pair has it."""
        return {
            "title": self.title_dice >= MIN_TITLE_DICE
            and self.shared_title_words >= MIN_SHARED_TITLE_WORDS,
            "lead": self.lead_dice >= MIN_LEAD_DICE
            and self.shared_lead_words >= MIN_SHARED_LEAD_WORDS,
            "figures": self.shared_figures >= 1,
            "quotes": self.shared_quotes >= MIN_SHARED_QUOTES,
            "text": self.text_jaccard >= MIN_TEXT_JACCARD
            and self.text_containment >= SHARED_TEXT_CONTAINMENT,
        }


def _dice(a: frozenset, b: frozenset) -> tuple[float, int]:
    shared = len(a & b)
    return (2 * shared / (len(a) + len(b)) if a or b else 0.0), shared


def _weight(actors: frozenset[str]) -> float:
    # Summed in sorted order and rounded: a set's order varies between processes, and a
    # float sum that varies in its last bit would flip a pair sitting on a threshold.
    return round(sum(ACTOR_WEIGHTS.get(a.split("|", 1)[0], 0.3) for a in sorted(actors)), 6)


def pair_evidence(a: StoryFeatures, b: StoryFeatures) -> PairEvidence:
    gap = (
        abs((a.published_on - b.published_on).days)
        if a.published_on is not None and b.published_on is not None
        else None
    )
    text_j = jaccard(a.text_signature, b.text_signature)
    shared_actors = a.actors & b.actors
    shared_weight = _weight(shared_actors)
    lighter = min(_weight(a.actors), _weight(b.actors))
    title_dice, title_shared = _dice(a.title_words, b.title_words)
    lead_dice, lead_shared = _dice(a.lead_words, b.lead_words)
    return PairEvidence(
        gap_days=gap,
        text_jaccard=text_j,
        text_containment=containment(text_j, a.shingles, b.shingles),
        shared_actor_weight=shared_weight,
        actor_overlap=shared_weight / lighter if lighter else 0.0,
        title_dice=title_dice,
        shared_title_words=title_shared,
        lead_dice=lead_dice,
        shared_lead_words=lead_shared,
        shared_figures=len(a.figures & b.figures),
        shared_quotes=len(a.quotes & b.quotes),
    )


def evidence_score(ev: PairEvidence) -> float:
    """How strongly the pair reports one event, in [0, 1] (0: no evidence it does)."""
    if ev.is_copy:
        return 1.0
    if ev.gap_days is not None and ev.gap_days > MAX_EVENT_GAP_DAYS:
        return 0.0
    what = [kind for kind, held in ev.what().items() if held]
    if ev.same_who and what:
        who = WHO_SCORE
    elif ev.some_who and len(what) >= WEAK_WHO_MIN_WHAT:
        who = WEAK_WHO_SCORE
    else:
        return 0.0
    return min(1.0, who + sum(WHAT_SCORES[kind] for kind in what))


def pair_score(a: StoryFeatures, b: StoryFeatures) -> float:
    return evidence_score(pair_evidence(a, b))
