"""Whether a name is known: lookups in the curated actors and places gazetteers, cached
per string."""

from __future__ import annotations

from functools import cache, lru_cache

from pipeline.stages.actors import gazetteers as gaz


@lru_cache(maxsize=1 << 15)
def is_known(text: str) -> bool:
    """Whether a curated actor or a place has this name (one set holds both tables' keys)."""
    keys = gaz.known_or_place_keys()
    return "=" + text in keys or gaz.norm_name(text) in keys


@lru_cache(maxsize=1 << 15)
def lookup_known(text: str) -> gaz.KnownActor | None:
    by_norm, by_skel = gaz.known_actors()
    hit = gaz.find(by_norm, text)
    if hit is None and not gaz.is_acronym_like(text) and len(gaz.norm_name(text)) > 4:
        hit = by_skel.get(gaz.skeleton(text))
    return hit


@lru_cache(maxsize=1 << 15)
def is_major_known(text: str) -> bool:
    """Countries and curated actors, which a title can precede ("U.S. President")."""
    if lookup_known(text):
        return True
    place = gaz.place_for(text)
    return place is not None and place.type == "country"


@cache
def max_known_words() -> int:
    """The most words (separated by spaces) in the key of any curated actor or place: no
    longer text is known, neither as written nor normalised."""
    return max(len(key.split(" ")) for key in gaz.known_or_place_keys())
