"""Page cleaning: label every line of an article's text as body or boilerplate, infer metadata.

Pages saved as text have lost the markup extractors rely on, so the classifier reads the
evidence a person would:

1. Each line's phrasing: menus, share bars, newsletter and cookie prompts, ad slots, credits,
   copyright blurbs and inline scripts (``pipeline/data/clean_patterns.json``).
2. Each line's weight as running text: long lines that end like sentences count for their
   words; short lines, unpunctuated teasers and boilerplate count against.
3. The main run of text is the run of lines with the largest total weight (Kadane). Lines that
   open comments or related links are barriers: reader comments are cut off, and a run under the
   page's headline wins over a heavier legal footer past a barrier.
4. The run is widened over paragraphs of its own block, lists it introduces ("...:"), short
   lone paragraphs after it, and opening paragraphs between the byline and an image; the
   header (headline, standfirst, byline, date, image text) is cut off.
5. Inside the run, menu-like blocks of short lines, caption twins, pull quotes that repeat a
   body sentence, all-capitals promos and boxes (teasers over "Read more", links under
   "More:", image blocks, captions ending with a credit) are dropped. Every line keeps a short
   reason.

Metadata (title, standfirst, byline, wire service, date) come from the lines around the
headline: a byline keeps person names only. The outlet comes from evidence that names the
publisher (the title's site part, copyright, trademark and publisher notices, subscription
prompts, staff bios, an HTML page's site name and URL), never from a name in running text,
and is None when the page does not say. Nothing is learned from data: thresholds are named
constants in the modules that use them, phrasings live in the data file, and function words
come from jusText's stoplists (a dependency of trafilatura).

Modules, each on the ones above it:

- ``data``: loads the data files (phrasings, stoplist languages).
- ``wordscan``: a line's words, function words, normalised text and gate words.
- ``alternation``: rewrites line-start patterns into alternations that fail fast.
- ``patterns``: the boilerplate phrasings by kind, and which kind a line's phrasing gives away.
- ``labels``: the line labels (one shared instance per kind and reason).
- ``page``: a page's lines, stripped and lower-cased once.
- ``lines``: each line's features (words, function-word share, phrasing, block, menu runs).
- ``language``: the page's language, by script or by function words.
- ``published``: the publication date a page states.
- ``outlet``: the publisher, from the evidence that names it.
- ``metadata``: bylines, wire service, title; the metadata of a page.
- ``header``: title, standfirst, byline and dateline lines above the body.
- ``boxes``: teasers, link lists, image blocks and credited captions set inside the text.
- ``classify``: the line classifier (runs of prose, lists, repeated lines, pull quotes).
- ``htmlpage``: main text, metadata and stated URL of saved HTML pages; labels of their text.
- ``document``: ``clean_document``, by the kind of the document.
"""

from pipeline.stages.clean.classify import classify_lines
from pipeline.stages.clean.document import clean_document, clear_caches
from pipeline.stages.clean.htmlpage import HtmlPage, extract_html, read_html_page
from pipeline.stages.clean.labels import kind_counts
from pipeline.stages.clean.language import detect_language, stopwords_for
from pipeline.stages.clean.metadata import (
    detect_outlet,
    detect_wire_service,
    infer_metadata,
    parse_byline,
)
from pipeline.stages.clean.published import detect_published_on

__all__ = [
    "HtmlPage",
    "classify_lines",
    "clean_document",
    "clear_caches",
    "detect_language",
    "detect_outlet",
    "detect_published_on",
    "detect_wire_service",
    "extract_html",
    "infer_metadata",
    "kind_counts",
    "parse_byline",
    "read_html_page",
    "stopwords_for",
]
