-- Remove everything loaded from the source paths in temp table replaced_sources (files that
-- changed or disappeared), so their new version, if any, replaces it. Claim groups and
-- actors of what is removed are rebuilt afterwards.
CREATE OR REPLACE TEMP TABLE removed_articles AS
SELECT article_id FROM articles WHERE source_path IN (SELECT path FROM replaced_sources);

INSERT INTO affected_actors
SELECT DISTINCT actor_id FROM actor_mentions
WHERE article_id IN (SELECT article_id FROM removed_articles);

DELETE FROM claim_groups WHERE claim_id IN (
    SELECT claim_id FROM claims WHERE article_id IN (SELECT article_id FROM removed_articles));
DELETE FROM claims WHERE article_id IN (SELECT article_id FROM removed_articles);
DELETE FROM numbers WHERE article_id IN (SELECT article_id FROM removed_articles);
DELETE FROM date_mentions WHERE article_id IN (SELECT article_id FROM removed_articles);
DELETE FROM actor_mentions WHERE article_id IN (SELECT article_id FROM removed_articles);
DELETE FROM article_lines WHERE article_id IN (SELECT article_id FROM removed_articles);
DELETE FROM articles WHERE article_id IN (SELECT article_id FROM removed_articles);
DELETE FROM rejects WHERE source_path IN (SELECT path FROM replaced_sources);
