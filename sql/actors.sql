-- Rebuild the actors rows of the actor ids in temp table affected_actors from their
-- mentions: canonical name and type are the most frequent among the mentions (ties go to
-- the longer name), aliases every distinct mention text. A person merged from surname-only
-- mentions takes the name and key of the full-name mentions, however many the others are.
DELETE FROM actors WHERE actor_id IN (SELECT actor_id FROM affected_actors);

INSERT INTO actors BY NAME
WITH m AS (
    SELECT *, actor_key LIKE 'person:%:' AS surname_only
    FROM actor_mentions WHERE actor_id IN (SELECT actor_id FROM affected_actors)
),
best_name AS (
    SELECT actor_id, name,
           row_number() OVER (PARTITION BY actor_id
                              ORDER BY bool_or(NOT surname_only) DESC, count(*) DESC,
                                       length(name) DESC, name) AS rank
    FROM m GROUP BY actor_id, name
),
best_type AS (
    SELECT actor_id, type,
           row_number() OVER (PARTITION BY actor_id ORDER BY count(*) DESC, type) AS rank
    FROM m GROUP BY actor_id, type
),
totals AS (
    SELECT actor_id,
           list_sort(list_distinct(list(text))) AS aliases,
           arg_min(actor_key, surname_only) AS actor_key,
           count(*) AS mention_count,
           count(DISTINCT article_id) AS article_count
    FROM m GROUP BY actor_id
)
SELECT t.actor_id, n.name, y.type, t.aliases, t.actor_key, t.mention_count, t.article_count
FROM totals t
JOIN best_name n ON n.actor_id = t.actor_id AND n.rank = 1
JOIN best_type y ON y.actor_id = t.actor_id AND y.rank = 1;
