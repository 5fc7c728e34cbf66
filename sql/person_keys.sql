-- Every person key in the warehouse: the input of actors.surname_merges.
SELECT DISTINCT actor_key FROM actor_mentions WHERE actor_key LIKE 'person:%';
