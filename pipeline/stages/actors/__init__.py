"""Actor mentions: find every named actor in an article's body lines, type it, and resolve it.

The engine is rules over gazetteers, chosen for speed and explainability:

1. Each body line is tokenised and split into runs of capitalised tokens ("candidates"),
   joined across connectors only where the name needs them ("Department of Defense"). Only
   the stretches around capitalised words are read, and how such a stretch splits into
   names is computed once per distinct stretch (it recurs within and across articles).
2. Each run is segmented: titles ("Maj. Gen.") become the person's role, demonyms and
   sentence-initial common words are dropped, known names are matched whole.
3. Each candidate is typed by the first rule that fires, in order: a title or role noun
   beside it (person), the curated well-known actors list, countries/places, an acronym
   defined in the article, organisation and place head words, given names, surnames of
   people already named in the article, and the shape of the name.
4. Within the article, surnames resolve to full names and acronyms to their expansion;
   across articles, ``actor_key`` is a normalised identity computed from the mention alone
   (country code, geonames id, curated entry, or surname form plus given-name key),
   so no global clustering pass is needed. The one exception is a person named only by
   surname in an article: ``surname_merges`` joins them, at load, to the one full-name
   person with that surname, if there is exactly one.

Modules, in import order (each imports only those above it):

- ``gazetteers``: curated actors, given names and surnames, person-name keys and skeletons;
  countries, places and name normalisation come from the project's one gazetteer
  (``pipeline.stages.gazetteer``), shared with the numbers and claims stages.
- ``words``: the stage's word lists from ``pipeline/data`` (titles, role nouns, head words).
- ``known``: whether a name is a curated actor or a place.
- ``tokens``: ``Token``, ``tokenize`` and word shapes (name-like, acronym).
- ``candidate``: the ``Candidate`` record.
- ``segment``: one run of capitalised words cut into candidates, titles taken off as roles.
- ``patterns``: descriptive mentions found by pattern (coalitions, national bodies, airports).
- ``candidates``: the candidates of one line (regions, runs, connectors).
- ``actor_types``: the typing rules.
- ``resolve``: resolution within the article (people, acronyms, capitals, teams, coalitions,
  keys, duplicates).
- ``extract``: ``find_candidates``, ``extract_actor_mentions``, ``canonical_actor_key``,
  ``surname_merges``.
"""

from pipeline.stages.actors import gazetteers
from pipeline.stages.actors.candidate import Candidate
from pipeline.stages.actors.extract import (
    canonical_actor_key,
    extract_actor_mentions,
    find_candidates,
    preload_gazetteers,
    surname_merges,
)
from pipeline.stages.actors.tokens import Token, line_text, tokenize

__all__ = [
    "Candidate",
    "Token",
    "canonical_actor_key",
    "extract_actor_mentions",
    "find_candidates",
    "gazetteers",
    "line_text",
    "preload_gazetteers",
    "surname_merges",
    "tokenize",
]
