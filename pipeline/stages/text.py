"""Small text helpers shared by the extraction stages."""

from collections.abc import Iterable


def word_positions(text: str, words: Iterable[str]) -> list[int]:
    """Sorted start offsets of whole-word occurrences of the words (str.find: no regex to build)."""
    found = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not text[at - 1].isalpha()) and (
                end == len(text) or not text[end].isalpha()
            ):
                found.append(at)
            at = text.find(word, at + 1)
    return sorted(found)
