-- Invariant queries for the asset checks; each returns the offending rows (none = pass).

-- name: span_text_matches_line
-- Every located record's text is exactly line[start:end] of its article (DuckDB's substring
-- is 1-based and counts characters, as Python's slicing counts code points).
SELECT 'actor_mentions' AS tbl, r.article_id, r.line_no, r.text
FROM actor_mentions r JOIN article_lines l USING (article_id, line_no)
WHERE substring(l.text, r."start" + 1, r."end" - r."start") IS DISTINCT FROM r.text
UNION ALL
SELECT 'numbers', r.article_id, r.line_no, r.text
FROM numbers r JOIN article_lines l USING (article_id, line_no)
WHERE substring(l.text, r."start" + 1, r."end" - r."start") IS DISTINCT FROM r.text
UNION ALL
SELECT 'claims', r.article_id, r.line_no, r.text
FROM claims r JOIN article_lines l USING (article_id, line_no)
WHERE substring(l.text, r."start" + 1, r."end" - r."start") IS DISTINCT FROM r.text
UNION ALL
SELECT 'date_mentions', r.article_id, r.line_no, r.text
FROM date_mentions r JOIN article_lines l USING (article_id, line_no)
WHERE substring(l.text, r."start" + 1, r."end" - r."start") IS DISTINCT FROM r.text;

-- name: foreign_keys_resolve
SELECT 'article_lines' AS tbl, article_id, NULL AS ref FROM article_lines
WHERE article_id NOT IN (SELECT article_id FROM articles)
UNION ALL
SELECT 'actor_mentions', article_id, actor_id FROM actor_mentions
WHERE article_id NOT IN (SELECT article_id FROM articles)
   OR actor_id NOT IN (SELECT actor_id FROM actors)
UNION ALL
SELECT 'numbers', article_id, NULL FROM numbers
WHERE article_id NOT IN (SELECT article_id FROM articles)
UNION ALL
SELECT 'date_mentions', article_id, NULL FROM date_mentions
WHERE article_id NOT IN (SELECT article_id FROM articles)
UNION ALL
SELECT 'claims', article_id, speaker_actor_id FROM claims
WHERE article_id NOT IN (SELECT article_id FROM articles)
   OR (speaker_actor_id IS NOT NULL AND speaker_actor_id NOT IN (SELECT actor_id FROM actors))
UNION ALL
SELECT 'claim_groups', claim_id, group_id FROM claim_groups
WHERE claim_id NOT IN (SELECT claim_id FROM claims)
UNION ALL
SELECT 'articles', article_id, story_id FROM articles
WHERE story_id IS NULL OR story_id NOT IN (SELECT story_id FROM stories)
   OR (copy_of IS NOT NULL AND copy_of NOT IN (SELECT article_id FROM articles));

-- name: no_duplicate_article_versions
SELECT 'articles' AS tbl, article_id, count(*) AS n FROM articles GROUP BY article_id HAVING n > 1
UNION ALL
SELECT 'article_lines', article_id || ':' || line_no, count(*) FROM article_lines
GROUP BY article_id, line_no HAVING count(*) > 1
UNION ALL
SELECT 'actors', actor_id, count(*) FROM actors GROUP BY actor_id HAVING count(*) > 1
UNION ALL
SELECT 'claims', claim_id, count(*) FROM claims GROUP BY claim_id HAVING count(*) > 1
UNION ALL
SELECT 'stories', story_id, count(*) FROM stories GROUP BY story_id HAVING count(*) > 1;
