"""Claims: attributed statements (direct quotes and reported speech) in body lines.

For each body paragraph we find the quotations (curly, straight, doubled '' and single marks,
quotes left open that run into the next paragraph), split the paragraph into sentences outside
quotations, and look for reporting cues ("said", "according to", "told Reuters", "described ...
as"). A cue next to a quotation makes a direct claim; a cue with a clause makes a reported one; a
paragraph that is a bare quotation continues the previous speaker. The speaker phrase is then
resolved to an actor of the article through its mentions, pronouns and role descriptions ("the
prime minister"); unnamed sources ("a government official") keep a null actor.

Modules, in layers (each imports only from those above it):
    lexicon     the word lists of claims_lexicon.json (capitals: pipeline.stages.gazetteer)
    spans       Span, a (start, end) of a line, and small helpers on spans
    quotes      the top-level quotations of a line (find_quotes) and their text bounds
    sentences   a line's sentences, a full stop inside a quotation not ending one
    records     FoundClaim, a claim before it becomes a record
    cues        the reporting cues of a line ("said", "told Reuters", "according to")
    phrases     what may be a speaker phrase, and trimming its edges (noise, trailing dates)
    speakers    the speaker phrase before a cue ("Sudani said") or after it ("said Mr. Ryder")
    reported    reported speech: "X said (that) ...", "..., X said", "according to X, ..."
    direct      a cue next to a quotation: "“...,” X said", "X said: “...”"
    paragraph   the claims of one paragraph, sentence by sentence
    resolve     the speaker phrase's actor: mentions, pronouns, roles, capitals
    when        the date of a claim: a date in its sentence, or of an event the article dates
    extract     the claims of an article (find_claims) and their Claim records (extract_claims)
    grouping    one statement reported by several outlets (group_statements, content_words)
"""

from pipeline.stages.claims.extract import extract_claims, find_claims
from pipeline.stages.claims.grouping import StatementRow, content_words, group_statements
from pipeline.stages.claims.quotes import Quote, find_quotes
from pipeline.stages.claims.records import FoundClaim

__all__ = [
    "FoundClaim",
    "Quote",
    "StatementRow",
    "content_words",
    "extract_claims",
    "find_claims",
    "find_quotes",
    "group_statements",
]
