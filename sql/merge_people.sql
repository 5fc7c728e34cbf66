-- Move surname-only people to the actor id they should have now (temp table
-- wanted_person_ids: actor_key, wanted_id), with the claims they speak, and mark both ids
-- affected so actors.sql rebuilds them and their statements are regrouped.
CREATE OR REPLACE TEMP TABLE moved_people AS
SELECT DISTINCT m.actor_key, m.actor_id AS old_id, w.wanted_id AS new_id
FROM actor_mentions m JOIN wanted_person_ids w USING (actor_key)
WHERE m.actor_id <> w.wanted_id;

-- A surname-only person's article has no full-name mention of that surname (the actors stage
-- resolves surnames within an article), so its claims by old_id are this person's.
UPDATE claims SET speaker_actor_id = p.new_id
FROM moved_people p
WHERE claims.speaker_actor_id = p.old_id
  AND claims.article_id IN (
      SELECT article_id FROM actor_mentions WHERE actor_key = p.actor_key
  );

UPDATE actor_mentions SET actor_id = p.new_id
FROM moved_people p
WHERE actor_mentions.actor_key = p.actor_key AND actor_mentions.actor_id = p.old_id;

INSERT INTO affected_actors
SELECT old_id FROM moved_people UNION SELECT new_id FROM moved_people;
