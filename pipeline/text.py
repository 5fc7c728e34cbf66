"""Small text helpers shared by the extraction stages."""

from collections.abc import Iterable


def occurrences(text: str, phrase: str) -> list[int]:
    """Start offsets of every occurrence of the phrase in the text, overlapping ones included
    (str.find: no regex to build)."""
    found = []
    at = text.find(phrase)
    while at >= 0:
        found.append(at)
        at = text.find(phrase, at + 1)
    return found


def word_positions(text: str, words: Iterable[str]) -> list[int]:
    """Sorted start offsets of whole-word occurrences of the words."""
    found = []
    for word in words:
        for at in occurrences(text, word):
            end = at + len(word)
            if (at == 0 or not text[at - 1].isalpha()) and (
                end == len(text) or not text[end].isalpha()
            ):
                found.append(at)
    return sorted(found)
