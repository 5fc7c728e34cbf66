"""Reported speech: "X said (that) ...", "..., X said", "according to X, ...", "X called Y ...".

The claim is the clause the cue reports, without the speaker, the cue and the adjuncts between
them ("told reporters on Friday that"); a mixed claim (reported words running into a quotation)
is made here too.
"""

from __future__ import annotations

import re as stdre
from bisect import bisect_right
from typing import Final

from pipeline.stages.claims.cues import Cue
from pipeline.stages.claims.lexicon import (
    AUXILIARIES,
    DETERMINERS,
    QUOTE_ONLY_CUES,
    RUMOUR_BEFORE_TO,
    STATEMENT_NOUNS,
    alternation,
)
from pipeline.stages.claims.phrases import (
    DATE_LEAD,
    LEADING_NOISE,
    TAIL_WINDOW,
    is_inverted_speaker,
    valid_speaker,
)
from pipeline.stages.claims.records import FoundClaim
from pipeline.stages.claims.spans import Span
from pipeline.stages.claims.speakers import (
    reporting_speaker,
    sentence_subject,
    speaker_after,
    speaker_before,
)

# How many of the cues after a claim's cue may end its clause (a sentence has a handful).
LATER_CUES_READ: Final = 8
# Words that open an adjunct after a cue ("said on Friday", "told reporters in Baghdad").
_ADJUNCT_OPENERS: Final = (
    "in|on|at|during|to|from|via|through|after|before|with|over|earlier|late|early"
)
# What "this" or "last" opens when it is a time ("said this week that"), not a subject.
_TIME_NOUN: Final = (
    r"(?:week|weekend|month|year|morning|afternoon|evening|night|time|spring|summer|autumn|"
    r"fall|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)
_TIME_OPENER: Final = rf"(?:this|last)\s+{_TIME_NOUN}\b"
# Phrases after a cue that say where or to whom, before the clause or the quotation begins.
_ADJUNCT: Final = stdre.compile(
    rf"\s*(?:(?:{_ADJUNCT_OPENERS})\s+"
    r"(?:a|an|the|his|her|its|their|this|that|[\w.\u2019'&-]+)(?:\s+[\w.\u2019'&-]+){0,8}?"
    rf"|{_TIME_OPENER}(?:\s+[\w.\u2019'&-]+){{0,8}}?"
    r"|,)\s*(?=(?:,\s*)?(?:that\b|[:\u201c\"\u2018']|''))",
    stdre.I,
)
_THAT: Final = stdre.compile(r"\s*,?\s*(?:that|:)\s*", stdre.I)
_MODAL_BEFORE_CUE: Final = stdre.compile(
    r"\b(?:could|would|might|may|should|can|must)(?:\s+(?:not|never|ever|still|also))?\s+$",
    stdre.I,
)
_PASSIVE_BEFORE_CUE: Final = stdre.compile(r"\b(?:was|were|is|are|be|been)\s*$")
_ADJUNCT_ONLY: Final = stdre.compile(
    r"\s*(?:(?:on|in|at|during|to|from|late|early|last|this)(?:\s+[^\s,;\u201c\"]+){1,6}?)?"
    r"[\s.,\u201d\"']*",
    stdre.I,
)
_WEEKDAY: Final = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH: Final = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
# A time closing an object claim: "on Monday (night)", "last week", "on Jan. 5", "yesterday".
_TRAILING_TIME: Final = stdre.compile(
    rf"\s+(?:on\s+{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?:on\s+)?{_MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?"
    rf"|(?:last|this|earlier\s+this|late\s+last)\s+(?:week|weekend|month|year|{_WEEKDAY})"
    r"|yesterday|today|tonight)$"
)
_CLAUSE_IN_OBJECT: Final = stdre.compile(
    r"\b(?:that|which|who|whom|whose|where|when|after|before|since|while|until|as)\b"
    r"|\b\w+(?:ed|ing)\s+(?:on|in|at|by|to)\b"
)
# A clause without "that": a short subject, then an auxiliary or modal verb.
_NOT_IN_A_SUBJECT: Final = (
    r"(?:that|which|who|as|because|while|when|after|before|since|if|but|and|or)"
)
_THATLESS_CLAUSE: Final = stdre.compile(
    rf"\s*(?:(?!{_NOT_IN_A_SUBJECT}\b)[\w\u2019'-]+\s+){{1,5}}?"
    r"(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must)\s",
)
_TO_INFINITIVE: Final = stdre.compile(r"\s+to\s")
_TRAILING_CONJUNCTION: Final = stdre.compile(r"\s(?:and|but)\s*$")
_THAT_CLAUSE_START: Final = stdre.compile(r"\s+(?:that|on\s+\w+\s+that)\b")
_WORD_CHAR: Final = stdre.compile(r"\w")
_THAT_WORD: Final = stdre.compile(r"\bthat\s")
_ONLY_CLOSERS: Final = stdre.compile("[ .\u201d\"']*")
# After an inverted cue: "according to", "in a statement", or a participle ("..., Graham said,
# offering an example").
_INVERTED_TAIL_AT: Final = stdre.compile(
    r"\s*,?\s*(?:according to|in a |speaking|citing|adding|referring)|\s*,\s*[a-z]+ing\b", stdre.I
)
# An owner (capitalised words, or a possessive) and a statement noun right before a cue.
_OWNED_STATEMENT: Final = stdre.compile(
    r"(?P<owner>(?:[A-Z][\w.-]*\s+)+(?:government\s+|ministry\s+|office\s+)?"
    r"|(?:the\s+)?[\w.-]+[\u2019']s\s+)"
    rf"(?P<noun>{alternation(STATEMENT_NOUNS)})\s+$"
)
# A comma before a cue, a quotation's closing mark may follow it ('...,” said X').
_COMMA_BEFORE: Final = stdre.compile(",[\u201d\u2019\"']*\\s*$")
# How far back from a cue its comma is looked for (a comma, two closing marks, spaces).
COMMA_LOOKBACK: Final = 6
# The comma before a participle cue, a subordinator may stand between: ", before insisting".
_PARTICIPLE_COMMA: Final = stdre.compile(
    ",[\u201d\u2019\"']*\\s*(?:(?:before|after|while|when|then|also)\\s+)?$"
)
PARTICIPLE_COMMA_LOOKBACK: Final = 14
# A "that" later after a cue starts its clause only past an adjunct ("said on Friday that").
_ADJUNCT_WORD: Final = stdre.compile(
    rf"\s*(?:{_ADJUNCT_OPENERS}|{_TIME_OPENER}|"
    r"later|yesterday|today|recently|also|again|repeatedly|previously)\b",
    stdre.I,
)
_THAT_AHEAD: Final = stdre.compile(r"[^.;:\u201c\"]{0,80}?\bthat\b")
# What may follow a cue whose reported clause came before it: a day, or a subordinate clause.
_AFTER_INVERTED_CUE: Final = stdre.compile(
    r"\s*(?:,\s*)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|"
    r"tonight|while|when|whilst|as|after|before|during|ever since|but)\b",
    stdre.I,
)
# At most this many words in a noun phrase leading an appositive name ("The club's captain,").
MAX_APPOSITIVE_LEAD_WORDS: Final = 5
# Words a clause before "..., X said" needs to be a clause, not a lead ("On Tuesday, X said").
MIN_INVERTED_CLAUSE_WORDS: Final = 4
_PARTICIPLE_AFTER_COMMA: Final = stdre.compile(r",\s+[a-z]+ing\b")
_CONNECTIVE_TAIL: Final = stdre.compile(
    r"(?:[\s,]+(?:while|and|but|that|which|who|whom|as|when|whereas))*[\s,]*$", stdre.I
)
_QUOTE_AFTER_CUE: Final = stdre.compile("\\s*[:,]?\\s*[\u201c\"\u2018']")
# "asked the company to unwind the deal": a request reported with its addressee.
_REQUEST_CUES: Final = frozenset(["asked", "asks", "ask"])
_OBJECT_TO_VERB: Final = stdre.compile(
    r"\s+(?!(?:to|about|for|if|whether|why|how|what|when|where|who|in|on|at)\s)"
    r"(?:[\w\u2019'-]+\s+){1,4}?to\s+[a-z]+\b"
)
_AND_AHEAD: Final = stdre.compile(r"\s+and\s+")
_AND_PAST_VERB: Final = stdre.compile(r"\s+and\s+(?=[a-z]+ed\b)")
_PARENTHESIS_CLOSE: Final = stdre.compile(r"\s*,\s+(?:he|she|it|they|we|I|the|a|an|[a-z]+)\b")
_NEGATION_BEFORE_CUE: Final = stdre.compile(
    r"(?:\bnot|\bnever|n[\u2019']t)\s+(?:(?:yet|immediately|publicly|directly|officially)\s+)?$",
    stdre.I,
)
# "quoted the minister as saying", "was quoted by Interfax as saying".
QUOTED_AS_LOOKBACK: Final = 160
_QUOTED_OBJECT_AS: Final = stdre.compile(
    r"\bquoted\s+(?!by\s)(?P<who>[^,;:.\u201c\"]{2,120}?)\s+as\s+$"
)
_QUOTED_BY_AS: Final = stdre.compile(
    r"\s+(?P<cue>(?:was|were|is|are)\s+quoted\s+by\s+[^,;:\u201c\"]{2,100}?\s+as)\s+$"
)
_SUBORDINATED_PARTICIPLE: Final = stdre.compile(r"\s+(?:before|after|while)\s+$")
_ANONYMITY: Final = stdre.compile(r"\s+not\s+to\s+be\s+(?:identified|named|quoted)\b")
_PLEA: Final = stdre.compile(r"\s+(?:not\s+)?(?:guilty|no\s+contest|innocent)\b", stdre.I)
# A subject pronoun or a finite verb: words of a clause, which no adjunct holds.
_CLAUSE_WORD: Final = stdre.compile(
    r"\b(?:he|she|it|they|we|I|would|will|could|should|can|may|might|must|was|were|is|are|"
    r"had|has|have)\b"
)
_QUOTE_MARK: Final = stdre.compile("[\u201c\u201d\"]|''")
_INDIRECT_QUESTION: Final = stdre.compile(r"\s*(if|whether)\b", stdre.I)
# Cues after which "if" opens a condition of the statement ("said if the plant closes, ..."),
# not an indirect question ("noted if and how often ...").
_CONDITIONAL_CUES: Final = frozenset(
    ["said", "says", "say", "told", "tells", "added", "warned", "warns", "argued", "insisted"]
)
# A participle phrase set off by commas after a source: ", published in the journal X,".
_PARTICIPLE_APPOSITIVE: Final = stdre.compile(
    r"\s*(?:published|released|issued|posted|cited|quoted|reported|seen|obtained|filed)"
    r"\s+(?:in|by|on|at|to|last|this|earlier)\b[^,;:.\u201c\"]{0,80},"
)
_NOTHING_BEFORE_ACCORDING: Final = stdre.compile(r"[ ,]*(?:(?i:and|but)[ ,]*)?")


def reported_claim(
    line: str, line_no: int, sentence: Span, cue: Cue, cues: list[Cue]
) -> FoundClaim | None:
    """Reported speech: "X said (that) ...", "..., X said", "according to X, ...", "X called Y"."""
    s_start, s_end = sentence
    if cue.kind == "according":
        return _according_claim(line, line_no, sentence, cue, cues)
    after = _speaker_after_comma(line, sentence, cue)
    if after is not None:
        # "CLAUSE, said Juan Perez, a trader." / "CLAUSE, say officials."
        return make_reported(line, line_no, s_start, cue.start, cue, after)
    if (
        cue.text.lower() in QUOTE_ONLY_CUES
        and cue.kind == "clause"
        and not _reports_anyway(line, cue, s_end)
        and not _parenthetical_cue(line, s_start, cue, s_end)
    ):
        # "wrote a book", "added salt": these report only before "that" or inverted.
        return None
    if cue.kind == "according":
        return _according_claim(line, line_no, sentence, cue, cues)
    quoted_as = _quoted_as_saying(line, s_start, cue)
    if quoted_as is not None:
        # "IRNA quoted the minister as saying that ...", "X was quoted by Y as saying ...".
        speaker, cue_start = quoted_as
        body = _THAT.match(line, cue.end, s_end)
        found = make_reported(line, line_no, body.end() if body else cue.end, s_end, cue, speaker)
        if found is not None:
            found.cue = line[cue_start : cue.end]
        return found
    if _NEGATION_BEFORE_CUE.search(line, max(s_start, cue.start - 30), cue.start):
        # "did not respond to a request for comment", "has not confirmed": no statement made.
        return None
    if cue.text.lower() in _REQUEST_CUES and _ANONYMITY.match(line, cue.end, s_end):
        return None  # "who asked not to be identified": a condition of anonymity, no claim
    if _PLEA.match(line, cue.end, s_end) and cue.text.lower() in ("pleaded", "pleads", "pled"):
        return None  # "pleaded guilty to fraud": a plea entered in court, not reported speech
    if cue.kind == "passive" and "claimed by" in cue.text.lower():
        speaker = speaker_after(line, cue.end, s_end)
        if speaker is None:
            return None
        return make_reported(line, line_no, s_start, cue.start, cue, speaker)
    # "was said to have been", "is believed to": a rumour, not an attribution ("vowed to",
    # "told him to" report a pledge or a demand).
    to_infinitive = _TO_INFINITIVE.match(line, cue.end, s_end)
    if to_infinitive and _MODAL_BEFORE_CUE.search(line, max(s_start, cue.start - 20), cue.start):
        # "whether China could agree to end the war": a hypothetical act, no statement.
        return None
    if (to_infinitive and cue.text.split()[-1].lower() in RUMOUR_BEFORE_TO) or (
        _PASSIVE_BEFORE_CUE.search(line[max(s_start, cue.start - TAIL_WINDOW) : cue.start])
        and not cue.text.split()[0].endswith("ing")  # "is calling for": progressive
    ):
        return None
    # Nothing but closing marks after the cue, or "according to", "adding": inverted order.
    # ("said in a statement that ...": the adjunct leads into the clause, not inverted order.)
    inverted = _ONLY_CLOSERS.fullmatch(line, cue.end, s_end) or (
        _INVERTED_TAIL_AT.match(line, cue.end, s_end) and not _ADJUNCT.match(line, cue.end, s_end)
    )
    inverted = inverted or _inverted_before_adjunct(line, sentence, cue)
    if inverted or (not to_infinitive and _ends_with_adjunct(line, cue.end, s_end)):
        if _MODAL_BEFORE_CUE.search(line, max(s_start, cue.start - 20), cue.start):
            return None  # "said it would respond.": a future act, no inverted attribution
        speaker = speaker_before(line, s_start, cue.start)
        claim_end = speaker.start if speaker else cue.start
        if speaker is None:
            # Inverted order: "..., said Mr. Ryder."
            speaker = speaker_after(line, cue.end, s_end)
            claim_end = cue.start
        if speaker is None or claim_end <= s_start:
            return None
        if _is_appositive_lead(line, s_start, claim_end):
            # "The club's captain, Bruno Fernandes, agreed.": a subject and its name, no clause.
            return None
        return make_reported(line, line_no, s_start, claim_end, cue, speaker)
    after_comma = _PARTICIPLE_COMMA.search(
        line, max(s_start, cue.start - PARTICIPLE_COMMA_LOOKBACK), cue.start
    )
    participle = _is_participle_cue(line, cue) or (
        cue.text.split()[0].endswith("ing") and after_comma is not None
    )
    owned = _owned_statement_before(line, s_start, cue) if not participle else None
    speaker = owned or (None if participle else speaker_before(line, s_start, cue.start))
    if speaker is None and (
        participle or _PARTICIPLE_AFTER_COMMA.search(line, max(s_start, cue.start - 3), cue.end)
    ):
        speaker = participle_speaker(line, s_start, cue, cues, after_comma if participle else None)
    if speaker is None:
        return None
    if _cue_right_after_and(line, cue, cues):
        # "Police responded and confirmed that ...": the clause is the second cue's.
        return None
    speaker = reporting_speaker(line, s_start, cues, speaker)
    body_start = to_infinitive.end() if to_infinitive else cue.end
    adjunct = _ADJUNCT.match(line, body_start, s_end)
    if adjunct:
        body_start = adjunct.end()
    date_lead = DATE_LEAD.match(line, body_start, s_end)
    if date_lead:
        body_start = date_lead.end()
    that = _THAT.match(line, body_start, s_end)
    if that:
        body_start = that.end()
    elif cue.kind in ("clause", "told"):
        that_later = _THAT_WORD.search(line, body_start, min(s_end, body_start + 60))
        if (
            that_later
            and len(line[body_start : that_later.start()].split()) <= 6
            and _ADJUNCT_WORD.match(line, body_start, s_end)
        ):
            body_start = that_later.end()
    body_end = s_end
    # The clause ends where a later cue's speaker begins ("..., and Ryder said ..."); a
    # subject opening the clause is part of it ("said he thought ..."), unless its cue
    # introduces a quotation ("said he believes “...”": the quoted words are the claim).
    for other in _next_cues(cues, body_start):
        other_speaker = speaker_before(line, body_start, other.start)
        opening = _first_non_space(line, body_start, s_end)
        if _QUOTE_AFTER_CUE.match(line, other.end):
            opening = body_start
        if other_speaker and other_speaker.start > opening:
            window = max(body_start, other_speaker.start - TAIL_WINDOW)
            cut = _CONNECTIVE_TAIL.search(line, window, other_speaker.start)
            body_end = min(body_end, cut.start() if cut else other_speaker.start)
            break
    # Or at an "and" right before a later cue ("... and called Iraq a partner", "told ABC
    # that ... and said ..."): the subject's second statement is a claim of its own.
    for other in _next_cues(cues, cue.end):
        # (A present-tense cue after "and" goes on reporting: "said she ..., and thinks ...".)
        if other.kind == "object" or (
            other.kind in ("clause", "told") and not other.text.split()[0].endswith("s")
        ):
            window = max(cue.end, other.start - TAIL_WINDOW)
            conjunction = _TRAILING_CONJUNCTION.search(line, window, other.start)
            if conjunction:
                body_end = min(body_end, conjunction.start())
        if _is_participle_cue(line, other):
            # Or at a comma before a participle cue: "..., adding that ...", a claim of its own.
            body_end = min(body_end, line.rfind(",", cue.end, other.start))
        subordinate = _SUBORDINATED_PARTICIPLE.search(
            line, max(cue.end, other.start - 12), other.start
        )
        if subordinate and other.text.split()[0].endswith("ing"):
            # "describing her daughter as ... before describing for the jury ...": two claims.
            body_end = min(body_end, subordinate.start())
    if to_infinitive or _OBJECT_TO_VERB.match(line, cue.end, s_end):
        # "asked the company to unwind the deal and returned the money": a past verb after
        # "and" is the speaker's own act, not part of the request.
        own_act = _AND_PAST_VERB.search(line, body_start, body_end)
        if own_act:
            body_end = own_act.start()
    question = _INDIRECT_QUESTION.match(line, body_start, body_end)
    quoted = _QUOTE_MARK.search(line, body_start, body_end) is not None
    if (
        question
        and not quoted
        and (
            question.group(1).lower() == "whether"
            or cue.text.split()[0].lower() not in _CONDITIONAL_CUES
        )
    ):
        # "noted if and how often respondents used ...", "did not say whether": no statement
        # (a question in quoted words is still reported speech).
        return None
    return make_reported(line, line_no, body_start, body_end, cue, speaker)


def participle_speaker(
    line: str, s_start: int, cue: Cue, cues: list[Cue], after_comma: stdre.Match[str] | None
) -> Span | None:
    """The subject of a participle cue: "... what he said on Thursday, calling Iraq a partner"
    is the earlier cue's speaker; "Berg stood at his pulpit, urging ..." (``after_comma`` the
    comma before the participle) the sentence's subject, when a verb of its own follows it
    (not "Kowalski, noting ..., said": there the phrase comes before the verb)."""
    # (A line's cues are in order and never overlap: their ends are in order too.)
    earlier = bisect_right(cues, cue.start, key=_end)
    if earlier:
        return speaker_before(line, s_start, cues[earlier - 1].start, allow_embedded=True)
    if after_comma is None:
        return None
    subject = sentence_subject(line, s_start, after_comma.start())
    has_verb = subject is not None and line[subject.end : after_comma.start()].strip()
    return subject if has_verb else None


def participle_cue_comma(line: str, s_start: int, cue: Cue) -> stdre.Match[str] | None:
    """The comma before a participle cue (", writing", ", tweeting at him,"), if it is one."""
    if not cue.text.split()[0].endswith("ing"):
        return None
    return _PARTICIPLE_COMMA.search(
        line, max(s_start, cue.start - PARTICIPLE_COMMA_LOOKBACK), cue.start
    )


def _cue_right_after_and(line: str, cue: Cue, cues: list[Cue]) -> bool:
    """Whether "and" and another cue follow the cue at once ("responded and confirmed")."""
    joined = _AND_AHEAD.match(line, cue.end)
    if joined is None:
        return False
    following = bisect_right(cues, cue.start, key=_start)
    return following < len(cues) and cues[following].start == joined.end()


def _is_appositive_lead(line: str, start: int, end: int) -> bool:
    """Whether the words before an inverted speaker are a noun phrase closed by a comma, led by
    a determiner or an owner ("The club's captain,", "Her lawyer,"), not a clause."""
    lead = line[start:end].strip()
    if not lead.endswith(","):
        return False
    words = lead[:-1].split()
    if not 1 < len(words) <= MAX_APPOSITIVE_LEAD_WORDS:
        return False
    first = words[0].lower()
    led = first in DETERMINERS or first.endswith(("\u2019s", "'s"))
    return led and not any(w.lower() in AUXILIARIES or w.endswith("ed") for w in words[1:])


def _quoted_as_saying(line: str, s_start: int, cue: Cue) -> tuple[Span, int] | None:
    """For "saying" after "quoted X as" or "X was quoted by Y as": the speaker X and where
    the cue phrase starts ("quoted ... as saying"); else None."""
    if cue.text.lower() != "saying":
        return None
    window = max(s_start, cue.start - QUOTED_AS_LOOKBACK)
    active = _QUOTED_OBJECT_AS.search(line, window, cue.start)
    if active is not None:
        speaker = valid_speaker(line, active.start("who"), active.end("who"))
        return (speaker, active.start()) if speaker else None
    passive = _QUOTED_BY_AS.search(line, window, cue.start)
    if passive is not None:
        speaker = speaker_before(line, s_start, passive.start())
        return (speaker, passive.start("cue")) if speaker else None
    return None


def _first_non_space(line: str, start: int, end: int) -> int:
    while start < end and line[start].isspace():
        start += 1
    return start


def _owned_statement_before(line: str, s_start: int, cue: Cue) -> Span | None:
    """ "Iraqi government comments suggesting ...", "the ministry's statement saying ...": a
    statement with its owner speaks through a participle cue; the owner is the speaker."""
    if not cue.text.split()[0].endswith("ing"):
        return None
    owned = _OWNED_STATEMENT.search(line, max(s_start, cue.start - TAIL_WINDOW), cue.start)
    if owned is None:
        return None
    return Span(owned.start("owner"), owned.end("noun"))


def _is_participle_cue(line: str, cue: Cue) -> bool:
    """A reporting verb in a participle phrase after a comma (", adding that ...", ", noting
    that ..."): its subject is the earlier cue's speaker."""
    return (
        cue.kind == "clause"
        and cue.text.split()[0].endswith("ing")
        and bool(
            _PARTICIPLE_COMMA.search(line, max(0, cue.start - PARTICIPLE_COMMA_LOOKBACK), cue.start)
        )
    )


def _speaker_after_comma(line: str, sentence: Span, cue: Cue) -> Span | None:
    """The speaker after a cue that follows a comma, in inverted order: ", said X"."""
    if cue.kind not in ("clause", "object") or not _COMMA_BEFORE.search(
        line, max(sentence.start, cue.start - COMMA_LOOKBACK), cue.start
    ):
        return None
    speaker = speaker_after(line, cue.end, sentence.end)
    if speaker is None or not is_inverted_speaker(line[speaker.start : speaker.end]):
        return None
    return speaker


def _parenthetical_cue(line: str, s_start: int, cue: Cue, s_end: int) -> bool:
    """Whether a cue and its subject are set off by commas before the clause they report
    ("But, Carson added, he did not support it")."""
    if not _PARENTHESIS_CLOSE.match(line, cue.end, s_end):
        return False
    speaker = speaker_before(line, s_start, cue.start)
    return speaker is not None and line[s_start : speaker.start].rstrip().endswith(",")


def _reports_anyway(line: str, cue: Cue, s_end: int) -> bool:
    """A cue that reports only in some positions ("wrote", "added") does before "that" (past an
    adjunct), before a clause whose verb is an auxiliary ("revealed the model would cost more"),
    or at the end of its sentence ("..., the authors wrote.")."""
    body = cue.end
    adjunct = _ADJUNCT.match(line, body, s_end)
    if adjunct:
        body = adjunct.end()
    if cue.text.split()[0].endswith("ing"):
        # A participle never ends an inverted attribution: "..., responding to an attack."
        return _THAT.match(line, body, s_end) is not None
    return bool(
        _THAT.match(line, body, s_end)
        or _THATLESS_CLAUSE.match(line, body, s_end)
        or _ONLY_CLOSERS.fullmatch(line, cue.end, s_end)
        or _ends_with_adjunct(line, cue.end, s_end)
        or (cue.text.lower() in _REQUEST_CUES and _OBJECT_TO_VERB.match(line, cue.end, s_end))
    )


def _next_cues(cues: list[Cue], after: int) -> list[Cue]:
    """The next few cues of the sentence starting after ``after``: those that may end a clause.

    A sentence has a handful of cues; a run-on one of thousands would make reading all the
    later cues for each cue quadratic.
    """
    first = bisect_right(cues, after, key=_start)
    return cues[first : first + LATER_CUES_READ]


def _start(cue: Cue) -> int:
    return cue.start


def _end(cue: Cue) -> int:
    return cue.end


def _inverted_before_adjunct(line: str, sentence: Span, cue: Cue) -> bool:
    """ "CLAUSE, Cook said Tuesday in a chat with ...", "CLAUSE, Cook said while visiting ...":
    after the cue only a time or a subordinate clause, and before the speaker a clause of its
    own ending in a comma: the reported words are that clause."""
    s_start, s_end = sentence
    if not _AFTER_INVERTED_CUE.match(line, cue.end, s_end):
        return False
    if _THAT_AHEAD.match(line, cue.end, s_end):
        return False  # "said Tuesday that ...": the clause follows
    speaker = speaker_before(line, s_start, cue.start)
    if speaker is None:
        return False
    before = line[s_start : speaker.start].rstrip().rstrip("\u201d\"'")
    return before.endswith(",") and len(before.split()) >= MIN_INVERTED_CLAUSE_WORDS


def _ends_with_adjunct(line: str, start: int, end: int) -> bool:
    """After an inverted cue only a place or time remains: "..., the Pentagon said on Thursday."
    (not a clause: "said on Tuesday it would cut jobs")."""
    return (
        bool(_ADJUNCT_ONLY.fullmatch(line, start, end))
        and not _CLAUSE_WORD.search(line, start, end)
        and not _THAT_CLAUSE_START.match(line, start, end)
        # "said late Friday that ...": the clause follows the time.
        and not _THAT_WORD.search(line, start, end)
    )


def _according_claim(
    line: str, line_no: int, sentence: Span, cue: Cue, cues: list[Cue]
) -> FoundClaim | None:
    """An "according to" claim: "According to X, CLAUSE." or "CLAUSE, according to X."."""
    s_start, s_end = sentence
    if _NOTHING_BEFORE_ACCORDING.fullmatch(line, s_start, cue.start):
        # "According to X, CLAUSE."
        comma = line.find(",", cue.end, s_end)
        if comma < 0:
            return None
        speaker = valid_speaker(line, cue.end, comma)
        participle = _PARTICIPLE_APPOSITIVE.match(line, comma + 1, s_end)
        if speaker is not None and participle:
            # "According to the study, published in BMJ Case Reports, CLAUSE": the
            # participle phrase describes the source.
            comma = participle.end() - 1
        if speaker is None or _clause_has_own_speaker(line, comma + 1, cues):
            return None
        return make_reported(line, line_no, comma + 1, s_end, cue, speaker)
    speaker = speaker_after(line, cue.end, s_end)
    if speaker is None:
        return None
    return make_reported(line, line_no, s_start, cue.start, cue, speaker)


def _clause_has_own_speaker(line: str, clause_start: int, cues: list[Cue]) -> bool:
    """Whether the clause after "According to X," opens with a speaker of its own and a cue
    before a quotation ("According to AFP, one user posted: “...”"): X only relays the words
    that speaker uttered, which the later cue claims. (Reported words stay X's account.)"""
    for other in _next_cues(cues, clause_start):
        if other.kind == "according" or not _QUOTE_AFTER_CUE.match(line, other.end):
            continue
        speaker = speaker_before(line, clause_start, other.start)
        if speaker is not None and not line[clause_start : speaker.start].strip(" ,"):
            return True
    return False


def make_reported(
    line: str, line_no: int, start: int, end: int, cue: Cue, speaker: Span
) -> FoundClaim | None:
    """A reported claim of ``line[start:end]``, its edges trimmed; None when nothing is left."""
    lead = LEADING_NOISE.match(line, start, end)
    if lead:
        start = lead.end()
    while start < end and line[start] in " ,:":
        start += 1
    while end > start and line[end - 1] in " ,.;:":
        end -= 1
    if cue.kind == "object" and start >= cue.end:
        end = _without_time_adjunct(line, start, end)
    if end - start < 2 or not _WORD_CHAR.search(line, start, end):
        return None
    return FoundClaim(
        line_no,
        start,
        end,
        False,
        line[cue.start : cue.end],
        speaker.start,
        speaker.end,
        line[speaker.start : speaker.end],
    )


def _without_time_adjunct(line: str, start: int, end: int) -> int:
    """An object claim's end before a time that dates the reporting, not the object: "condemned
    the attack on Monday", "praised the budget last week"; not after a clause of the object,
    which the time may date ("a bombing that left scores dead on Jan. 3")."""
    adjunct = _TRAILING_TIME.search(line, start, end)
    if adjunct is None or adjunct.start() <= start:
        return end
    return end if _CLAUSE_IN_OBJECT.search(line, start, adjunct.start()) else adjunct.start()
