-- Story assignment (pipeline.warehouse.stories): the queries it runs inside the load
-- transaction. Temp tables: story_wanted (article_id), story_new (article_id), story_new_bands,
-- story_assign (article_id, story_id, copy_of, copy_similarity), story_labels (story_id, label).

-- name: evidence_articles
SELECT article_id, outlet, published_on, title, standfirst, body
FROM articles WHERE article_id IN (SELECT article_id FROM story_wanted) ORDER BY article_id;

-- name: evidence_mentions
SELECT article_id, actor_key, type, line_no, "start", text
FROM actor_mentions WHERE article_id IN (SELECT article_id FROM story_wanted);

-- name: evidence_figures
SELECT article_id, value, unit
FROM numbers WHERE article_id IN (SELECT article_id FROM story_wanted);

-- name: evidence_quotes
SELECT article_id, text
FROM claims WHERE is_direct AND article_id IN (SELECT article_id FROM story_wanted);

-- name: removed
-- Articles gone from the warehouse (deleted or replaced files) whose features remain.
SELECT article_id, story_id FROM story_features
WHERE article_id NOT IN (SELECT article_id FROM articles);

-- name: unassigned
-- Articles without a story: just inserted (or loaded before stories existed).
SELECT article_id FROM articles WHERE story_id IS NULL ORDER BY article_id;

-- name: candidates
-- For each new article (its bands in temp table story_new_bands), the articles sharing the most
-- LSH bands with it: any text band (a copy is one story whatever its dates), or an event band
-- of an article published within $gap days (or of unknown date). At most $limit per article,
-- most shared bands first. {hits} is the lookup of the bands in story_bands (an index scan on
-- a list of keys for a small batch).
WITH hits AS (
    SELECT band_key, article_id, published_on FROM story_bands WHERE band_key IN ({hits})
)
SELECT q.article_id, h.article_id AS candidate
FROM story_new_bands AS q
JOIN hits AS h ON h.band_key = q.band_key AND h.article_id <> q.article_id
WHERE q.family = 'text' OR q.published_on IS NULL OR h.published_on IS NULL
   OR abs(date_diff('day', q.published_on, h.published_on)) <= $gap
GROUP BY q.article_id, h.article_id
QUALIFY row_number() OVER (PARTITION BY q.article_id ORDER BY count(*) DESC, h.article_id)
    <= $limit;

-- name: members
-- The articles of the stories a change touches.
SELECT article_id, story_id FROM story_features
WHERE story_id IN (SELECT story_id FROM story_touched);

-- name: features
SELECT article_id, outlet, published_on, title, title_words, lead_words, actors, figures,
       quotes, shingles, text_signature, event_signature, story_id
FROM story_features WHERE article_id IN (SELECT article_id FROM story_wanted);

-- name: taken_ids
-- Proposed new story ids already held by a story this change does not touch.
SELECT story_id FROM stories
WHERE story_id IN (SELECT story_id FROM story_proposed)
  AND story_id NOT IN (SELECT story_id FROM story_touched);

-- name: story_figures
-- The figures of the articles whose story this change wrote, with the key their article gave
-- them (article_measure; older rows have only measure) and where each ends.
SELECT s.story_id, n.article_id, n.line_no, n."start", n.qualifier, n.value, n.unit,
       coalesce(n.article_measure, n.measure) AS article_measure, n."end"
FROM numbers AS n JOIN story_assign AS s USING (article_id)
ORDER BY s.story_id, n.article_id, n.line_no, n."start", n.qualifier;

-- name: story_figure_lines
-- The text of each line holding a figure of those stories, once per line however many figures
-- it holds (read for links between figures of one line: "rose to 52 from 40"); only the
-- written stories' lines, as a join on the whole table reads every line stored.
SELECT l.article_id, l.line_no, l.text
FROM article_lines AS l
WHERE l.article_id IN (SELECT article_id FROM story_assign)
  AND (l.article_id, l.line_no) IN (SELECT article_id, line_no FROM numbers
                                    WHERE article_id IN (SELECT article_id FROM story_assign));

-- name: write_story_measures
-- Each figure's story-wide measure (temp table story_measures), keeping its article's key.
UPDATE numbers SET article_measure = m.article_measure, measure = m.measure
FROM story_measures AS m
WHERE numbers.article_id = m.article_id AND numbers.line_no = m.line_no
  AND numbers."start" = m."start" AND numbers.qualifier IS NOT DISTINCT FROM m.qualifier
  AND numbers.value IS NOT DISTINCT FROM m.value;
