-- What the story reports (pipeline.report) read: the rows of the selected stories, in a few
-- queries over all of them at once. Each query after `selected` runs with it as a CTE
-- (WITH selected AS (...)). Parameters: $story_id (one story, or null for every story with at
-- least $min_outlets outlets). An unknown outlet stands for itself by its file (and
-- record, in a feed), as in the comparison views, so the outlet keys below join theirs.

-- name: selected
SELECT story_id, label, first_published, last_published, articles, outlets, independent
FROM stories
WHERE story_id = $story_id::VARCHAR
    OR ($story_id::VARCHAR IS NULL AND outlets >= $min_outlets)

-- name: stories
SELECT * FROM selected
ORDER BY outlets DESC, first_published DESC NULLS LAST, story_id;

-- name: articles
SELECT
    a.story_id,
    a.article_id,
    coalesce(a.outlet, a.source_path || if(a.kind = 'jsonl', '#' || a.source_id, '')) AS outlet,
    a.outlet IS NOT NULL AS outlet_known,
    a.source_id,
    a.source_path,
    a.wire_service,
    a.title,
    a.byline,
    a.published_on,
    a.url,
    a.copy_of,
    a.copy_similarity
FROM articles AS a
WHERE a.story_id IN (SELECT story_id FROM selected)
ORDER BY a.story_id, a.published_on NULLS LAST, outlet, a.article_id;

-- name: figures
SELECT
    a.story_id,
    n.article_id,
    coalesce(a.outlet, a.source_path || if(a.kind = 'jsonl', '#' || a.source_id, '')) AS outlet,
    n.measure,
    n.text,
    n.value,
    n.value_max,
    n.qualifier,
    n.unit,
    n.line_no,
    n."start"
FROM numbers AS n
JOIN articles AS a USING (article_id)
WHERE n.measure IS NOT NULL
    AND n.value IS NOT NULL
    AND a.story_id IN (SELECT story_id FROM selected)
ORDER BY a.story_id, n.measure, outlet, n.article_id, n.line_no, n."start";

-- name: conflicts
SELECT
    story_id, measure, outlet_a, text_a, outlet_b, text_b,
    article_id_a, line_no_a, article_id_b, line_no_b
FROM number_comparison
WHERE verdict = 'conflict'
    AND story_id IN (SELECT story_id FROM selected)
ORDER BY story_id, measure, outlet_a, outlet_b, line_no_a, line_no_b;

-- name: statements
SELECT
    story_id,
    group_id,
    speaker_name,
    speaker_text,
    outlet,
    wording,
    is_direct,
    outlets_in_group
FROM statement_comparison
WHERE story_id IN (SELECT story_id FROM selected)
ORDER BY story_id, outlets_in_group DESC, group_id, outlet;

-- name: quoted
SELECT
    a.story_id,
    s.name AS speaker_name,
    s.type AS speaker_type,
    coalesce(a.outlet, a.source_path || if(a.kind = 'jsonl', '#' || a.source_id, '')) AS outlet,
    count(*) AS claims,
    count(*) FILTER (WHERE c.is_direct) AS direct_quotes
FROM claims AS c
JOIN articles AS a USING (article_id)
LEFT JOIN actors AS s ON s.actor_id = c.speaker_actor_id
WHERE a.story_id IN (SELECT story_id FROM selected)
GROUP BY ALL
ORDER BY a.story_id, speaker_name NULLS LAST, outlet;
