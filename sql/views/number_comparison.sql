-- number_comparison: for each story and measure, every pair of figures from different articles
-- of that story side by side (outlet, text, value, qualifier), with a verdict from the intervals
-- the figures allow. Only articles of one story (one real-world event) are compared, so a
-- measure key only has to mean the same thing within a story, and the view grows with the
-- stories, not with the corpus.
--
-- Each figure becomes an interval from its value (value_max for a range) and qualifier:
--   exact        [v, v]            (a range: [v, value_max])
--   approximate  [0.9 v, 1.1 v]    (a +-10% tolerance around the stated figure)
--   more_than    (v, +inf)         at_least  [v, +inf)
--   less_than    (-inf, v)         at_most   (-inf, v]
-- verdict: 'agree'      same value, upper bound and qualifier;
--          'compatible' the intervals overlap (both figures can be true);
--          'conflict'   the intervals are disjoint.
-- "more than 100" / "more than 120" -> compatible; "some 2,500" / "more than 2,000" ->
-- compatible; "86" / "80" -> conflict.
CREATE OR REPLACE VIEW number_comparison AS
WITH figures AS (
    SELECT
        a.story_id,
        n.measure,
        n.article_id,
        -- Unknown outlet: the file (and record, in a feed) stands for itself.
        coalesce(a.outlet, a.source_path || if(a.kind = 'jsonl', '#' || a.source_id, '')) AS outlet,
        n.line_no,
        n.text,
        n.value,
        n.value_max,
        n.qualifier,
        n.unit,
        CASE n.qualifier
            WHEN 'approximate' THEN least(n.value * 0.9, n.value * 1.1)
            WHEN 'less_than' THEN '-inf'::DOUBLE
            WHEN 'at_most' THEN '-inf'::DOUBLE
            ELSE n.value
        END AS lo,
        CASE n.qualifier
            WHEN 'approximate' THEN greatest(coalesce(n.value_max, n.value) * 1.1,
                                             coalesce(n.value_max, n.value) * 0.9)
            WHEN 'more_than' THEN 'inf'::DOUBLE
            WHEN 'at_least' THEN 'inf'::DOUBLE
            ELSE coalesce(n.value_max, n.value)
        END AS hi,
        n.qualifier = 'more_than' AS lo_open,
        n.qualifier = 'less_than' AS hi_open
    FROM numbers AS n
    JOIN articles AS a USING (article_id)
    WHERE n.measure IS NOT NULL AND n.value IS NOT NULL
)
SELECT
    x.story_id,
    x.measure,
    x.outlet AS outlet_a,
    x.text AS text_a,
    x.value AS value_a,
    x.value_max AS value_max_a,
    x.qualifier AS qualifier_a,
    y.outlet AS outlet_b,
    y.text AS text_b,
    y.value AS value_b,
    y.value_max AS value_max_b,
    y.qualifier AS qualifier_b,
    CASE
        WHEN x.value = y.value
            AND x.value_max IS NOT DISTINCT FROM y.value_max
            AND x.qualifier = y.qualifier THEN 'agree'
        WHEN (x.lo < y.hi OR (x.lo = y.hi AND NOT x.lo_open AND NOT y.hi_open))
            AND (y.lo < x.hi OR (y.lo = x.hi AND NOT y.lo_open AND NOT x.hi_open))
            THEN 'compatible'
        ELSE 'conflict'
    END AS verdict,
    x.article_id AS article_id_a,
    x.line_no AS line_no_a,
    y.article_id AS article_id_b,
    y.line_no AS line_no_b
FROM figures AS x
JOIN figures AS y
    ON x.story_id = y.story_id
    AND x.measure = y.measure
    AND x.article_id <> y.article_id
    AND (x.outlet < y.outlet OR (x.outlet = y.outlet AND x.article_id < y.article_id))
ORDER BY x.story_id, x.measure, x.outlet, y.outlet, x.line_no, y.line_no;
