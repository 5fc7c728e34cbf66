-- One row per statement group and outlet: how each outlet worded a statement, and how many
-- outlets carried it. A statement group is one statement as reported by several outlets
-- (different wording, translation or paraphrase); `claim_groups` is filled by
-- pipeline.claims.group_statements. Outlets are compared within a story only: a speaker's
-- statement group is split by story (story_id), so the same words said about two events are
-- two rows apart, and the view grows with the stories, not with the corpus.
CREATE OR REPLACE VIEW statement_comparison AS
WITH grouped AS (
    SELECT
        g.group_id,
        a.story_id,
        -- An article whose outlet is unknown stands for itself, by its file (and record, in a
        -- feed): two such articles are two sources, not one outlet called 'unknown'.
        coalesce(a.outlet, a.source_path || if(a.kind = 'jsonl', '#' || a.source_id, '')) AS outlet,
        c.claim_id,
        c.article_id,
        c.line_no,
        c."start",
        c.text,
        c.is_direct,
        c.speaker_actor_id,
        c.speaker_text,
        c.cue,
        c.claimed_on
    FROM claim_groups AS g
    JOIN claims AS c USING (claim_id)
    JOIN articles AS a USING (article_id)
),
outlet_counts AS (
    SELECT group_id, story_id, count(DISTINCT outlet) AS outlets_in_group
    FROM grouped
    GROUP BY group_id, story_id
)
SELECT
    grouped.group_id,
    grouped.story_id,
    min(grouped.speaker_actor_id) AS speaker_actor_id,
    min(s.name) AS speaker_name,
    grouped.outlet,
    string_agg(grouped.text, ' / ' ORDER BY grouped.article_id, grouped.line_no, grouped."start")
        AS wording,
    bool_and(grouped.is_direct) AS is_direct,
    string_agg(DISTINCT grouped.speaker_text, ' / ') AS speaker_text,
    string_agg(DISTINCT grouped.cue, ' / ') AS cue,
    min(grouped.claimed_on) AS claimed_on,
    count(*) AS claims_in_outlet,
    list(grouped.claim_id ORDER BY grouped.article_id, grouped.line_no, grouped."start") AS claim_ids,
    any_value(outlet_counts.outlets_in_group) AS outlets_in_group
FROM grouped
JOIN outlet_counts USING (group_id, story_id)
LEFT JOIN actors AS s ON s.actor_id = grouped.speaker_actor_id
GROUP BY grouped.group_id, grouped.story_id, grouped.outlet;
