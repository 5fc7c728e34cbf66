"""Ingestion: find what is new or changed under the raw directory and read it into documents.

- ``files``: listing the raw directory and reading a file without ever leaving it
- ``changes``: comparing the listing with the last load's manifest; reading what changed
- ``decode``: bytes to text (byte-order marks, UTF-8, detected legacy encodings)
- ``documents``: documents by kind (page text, HTML recognised by content, JSON-lines feeds)
- ``limits``: bytes per file, lines per page, characters per line
"""

from pipeline.stages.ingest.changes import (
    ManifestEntry,
    SourceChange,
    duplicates_to_reread,
    in_parts,
    plan_changes,
    read_changed,
)
from pipeline.stages.ingest.decode import DecodedText, decode_text
from pipeline.stages.ingest.documents import (
    INPUT_KINDS,
    feed_record,
    looks_like_html,
    parse_iso_date,
    read_feed,
    read_html,
    read_page_text,
    read_source,
)
from pipeline.stages.ingest.errors import InputError
from pipeline.stages.ingest.files import (
    IGNORED_NAMES,
    SourceFile,
    content_hash,
    listing_fingerprint,
    read_confined,
    scan_raw_dir,
)
from pipeline.stages.ingest.limits import Limits

__all__ = [
    "IGNORED_NAMES",
    "INPUT_KINDS",
    "DecodedText",
    "InputError",
    "Limits",
    "ManifestEntry",
    "SourceChange",
    "SourceFile",
    "content_hash",
    "decode_text",
    "duplicates_to_reread",
    "feed_record",
    "in_parts",
    "listing_fingerprint",
    "looks_like_html",
    "parse_iso_date",
    "plan_changes",
    "read_changed",
    "read_confined",
    "read_feed",
    "read_html",
    "read_page_text",
    "read_source",
    "scan_raw_dir",
]
