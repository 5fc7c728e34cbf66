"""Stories: articles that report the same real-world event, across outlets.

``features`` reads what a person would compare in one article (text, headline and lead
wording, actors, figures, quotes, date); ``minhash`` summarises text and event tokens as
MinHash signatures and LSH band keys for candidate search; ``evidence`` scores one pair;
``cluster`` groups articles into stories without chaining events; ``syndication`` marks the
copies of one text within a story; ``measures`` gives the figures of one story shared measure
keys. The warehouse side (pipeline.warehouse.stories) stores the features and band keys,
assigns each new article incrementally and writes the measure keys.
"""

from pipeline.stages.stories.cluster import PairScores, cluster, medoid, story_ids
from pipeline.stages.stories.evidence import PairEvidence, evidence_score, pair_evidence, pair_score
from pipeline.stages.stories.features import (
    ActorRef,
    ArticleEvidence,
    FigureRef,
    StoryFeatures,
    story_features,
)
from pipeline.stages.stories.measures import StoryFigure, story_measures
from pipeline.stages.stories.minhash import band_keys
from pipeline.stages.stories.syndication import Copy, copies

__all__ = [
    "ActorRef",
    "ArticleEvidence",
    "Copy",
    "FigureRef",
    "PairEvidence",
    "PairScores",
    "StoryFeatures",
    "StoryFigure",
    "band_keys",
    "cluster",
    "copies",
    "evidence_score",
    "medoid",
    "pair_evidence",
    "pair_score",
    "story_features",
    "story_ids",
    "story_measures",
]
