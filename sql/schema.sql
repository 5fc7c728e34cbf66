-- Warehouse tables (see docs: warehouse contract). Created if missing on every load;
-- no primary keys: DuckDB checks them eagerly within a transaction, which breaks the
-- delete-then-insert upsert of a changed article. The asset checks verify uniqueness instead.

CREATE TABLE IF NOT EXISTS sources (
    source_path  VARCHAR NOT NULL,   -- relative to the raw directory
    size         BIGINT,
    mtime_ns     BIGINT,
    content_hash VARCHAR,            -- sha256 of the file's bytes
    loaded_at    TIMESTAMPTZ
);

CREATE TABLE IF NOT EXISTS articles (
    article_id   VARCHAR NOT NULL,   -- derived from the article's text
    source_path  VARCHAR NOT NULL,
    source_id    VARCHAR NOT NULL,   -- file stem, or the feed record's id
    kind         VARCHAR NOT NULL,   -- txt, html or jsonl
    content_hash VARCHAR NOT NULL,
    outlet       VARCHAR,
    wire_service VARCHAR,
    title        VARCHAR,
    standfirst   VARCHAR,
    byline       VARCHAR,
    published_on DATE,
    language     VARCHAR,
    url          VARCHAR,
    body         VARCHAR,            -- body lines joined by \n
    ingested_at  TIMESTAMPTZ,
    encoding     VARCHAR             -- the text encoding the file was read in (utf-8, cp1252...)
);
-- Warehouses made before the column existed gain it (null for their rows).
ALTER TABLE articles ADD COLUMN IF NOT EXISTS encoding VARCHAR;

CREATE TABLE IF NOT EXISTS article_lines (
    article_id VARCHAR NOT NULL,
    line_no    INTEGER NOT NULL,     -- from 1
    text       VARCHAR,
    is_body    BOOLEAN NOT NULL,
    kind       VARCHAR NOT NULL,     -- body or a boilerplate kind
    reason     VARCHAR               -- why the cleaner chose that kind
);

CREATE TABLE IF NOT EXISTS actors (
    actor_id      VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,  -- canonical name
    type          VARCHAR NOT NULL,
    aliases       VARCHAR[],
    actor_key     VARCHAR,           -- normalised identity shared across articles
    mention_count BIGINT,
    article_count BIGINT
);

CREATE TABLE IF NOT EXISTS actor_mentions (
    article_id VARCHAR NOT NULL,
    actor_id   VARCHAR NOT NULL,
    line_no    INTEGER NOT NULL,
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       VARCHAR NOT NULL,     -- = line[start:end]
    role       VARCHAR,
    actor_key  VARCHAR,
    name       VARCHAR,              -- the actor's name as resolved within the article
    type       VARCHAR
);

CREATE TABLE IF NOT EXISTS numbers (
    article_id VARCHAR NOT NULL,
    line_no    INTEGER NOT NULL,
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    value      DOUBLE,
    value_max  DOUBLE,               -- null: a range is two rows, at_least and at_most (kept for older warehouses)
    qualifier  VARCHAR,
    unit       VARCHAR,
    measure    VARCHAR
);

CREATE TABLE IF NOT EXISTS claims (
    claim_id         VARCHAR NOT NULL,
    article_id       VARCHAR NOT NULL,
    line_no          INTEGER NOT NULL,
    "start"          INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    text             VARCHAR NOT NULL,
    speaker_actor_id VARCHAR,
    speaker_text     VARCHAR,
    cue              VARCHAR,
    is_direct        BOOLEAN NOT NULL,
    when_text        VARCHAR,
    claimed_on       DATE
);

CREATE TABLE IF NOT EXISTS claim_groups (
    claim_id VARCHAR NOT NULL,
    group_id VARCHAR NOT NULL        -- claims reporting the same statement share it
);

CREATE TABLE IF NOT EXISTS date_mentions (
    article_id  VARCHAR NOT NULL,
    line_no     INTEGER NOT NULL,
    "start"     INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    value       DATE,
    granularity VARCHAR
);

CREATE TABLE IF NOT EXISTS rejects (
    source_path VARCHAR NOT NULL,
    article_id  VARCHAR,
    stage       VARCHAR NOT NULL,    -- ingest, clean, actor_mentions, ..., validate, load
    error       VARCHAR NOT NULL,
    payload     VARCHAR,
    rejected_at TIMESTAMPTZ
);

-- Stories: articles reporting the same real-world event (pipeline.warehouse.stories).
-- Every article belongs to one story (a singleton is its own); copy_of names the article whose
-- text it copies (agency copy, a reprint), copy_similarity how much of its text that one has.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS story_id VARCHAR;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS copy_of VARCHAR;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS copy_similarity DOUBLE;
-- A figure's measure is shared by its story's articles (pipeline.stages.stories.measures);
-- article_measure is the key its own article's words gave it.
ALTER TABLE numbers ADD COLUMN IF NOT EXISTS article_measure VARCHAR;

CREATE TABLE IF NOT EXISTS stories (
    story_id        VARCHAR NOT NULL,
    label           VARCHAR,         -- the headline of the article closest to all the others
    first_published DATE,            -- null when no article states a date
    last_published  DATE,
    articles        BIGINT NOT NULL,
    outlets         BIGINT NOT NULL, -- an unknown outlet counts once per file, as in the views
    independent     BIGINT NOT NULL  -- articles that copy no other article of the story
);

-- What story assignment compares, one row per article (never its text again), and the LSH
-- band keys that find an article's candidates (see pipeline.stages.stories).
CREATE TABLE IF NOT EXISTS story_features (
    article_id      VARCHAR NOT NULL,
    story_id        VARCHAR,
    outlet          VARCHAR,
    published_on    DATE,
    title           VARCHAR,
    title_words     VARCHAR[],
    lead_words      VARCHAR[],
    actors          VARCHAR[],
    figures         VARCHAR[],
    quotes          BIGINT[],
    shingles        INTEGER,
    text_signature  UINTEGER[],
    event_signature UINTEGER[]
);

CREATE TABLE IF NOT EXISTS story_bands (
    band_key     BIGINT NOT NULL,
    family       VARCHAR NOT NULL,   -- text (copies: any date) or event (dates within days)
    article_id   VARCHAR NOT NULL,
    published_on DATE
);
-- Candidate search looks band keys up one by one: an index keeps it independent of the size.
CREATE INDEX IF NOT EXISTS story_bands_key ON story_bands (band_key);
