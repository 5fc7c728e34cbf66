-- Write the stories a change touched (temp tables story_assign, story_labels, story_touched):
-- each article's story and copy marks, then the stories' rows, counted from the articles.
UPDATE story_features SET story_id = a.story_id
FROM story_assign AS a WHERE story_features.article_id = a.article_id;

UPDATE articles SET story_id = a.story_id, copy_of = a.copy_of, copy_similarity = a.copy_similarity
FROM story_assign AS a WHERE articles.article_id = a.article_id;

DELETE FROM stories
WHERE story_id IN (SELECT story_id FROM story_touched)
   OR story_id IN (SELECT story_id FROM story_labels);

INSERT INTO stories
SELECT
    a.story_id,
    coalesce(any_value(l.label), min(a.title), min(a.source_id)) AS label,
    min(a.published_on) AS first_published,
    max(a.published_on) AS last_published,
    count(*) AS articles,
    count(DISTINCT coalesce(a.outlet, a.source_path || if(a.kind = 'jsonl', '#' || a.source_id, '')))
        AS outlets,
    count(*) FILTER (WHERE a.copy_of IS NULL) AS independent
FROM articles AS a
LEFT JOIN story_labels AS l USING (story_id)
WHERE a.story_id IN (SELECT story_id FROM story_labels)
GROUP BY a.story_id;
