"""The Candidate record: a span of a line that may name an actor, with the context the
typing rules read and, once typed and resolved, its type, key and name."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Candidate:
    """A span that may name an actor, with the context the typing rules read. ``evidence``
    lists, in order, the rules that typed and resolved it (for explaining a decision)."""

    line_no: int
    start: int
    end: int
    text: str
    line: str
    forced_type: str | None = None
    forced_key: str | None = None
    forced_name: str | None = None
    role: str | None = None
    sentence_initial: bool = False
    shouted: bool = False
    alias_of_previous: bool = False
    next_word: str = ""
    prev_word: str = ""
    # Filled in by typing and resolution.
    type: str = ""
    key: str = ""
    name: str = ""
    evidence: list[str] = field(default_factory=list)

    def __init__(  # written out, as Token's
        self,
        line_no: int,
        start: int,
        end: int,
        text: str,
        line: str,
        forced_type: str | None = None,
        forced_key: str | None = None,
        forced_name: str | None = None,
        role: str | None = None,
        sentence_initial: bool = False,
        shouted: bool = False,
        alias_of_previous: bool = False,
        next_word: str = "",
        prev_word: str = "",
        type: str = "",
        key: str = "",
        name: str = "",
        evidence: list[str] | None = None,
    ) -> None:
        self.line_no = line_no
        self.start = start
        self.end = end
        self.text = text
        self.line = line
        self.forced_type = forced_type
        self.forced_key = forced_key
        self.forced_name = forced_name
        self.role = role
        self.sentence_initial = sentence_initial
        self.shouted = shouted
        self.alias_of_previous = alias_of_previous
        self.next_word = next_word
        self.prev_word = prev_word
        self.type = type
        self.key = key
        self.name = name
        self.evidence = [] if evidence is None else evidence
