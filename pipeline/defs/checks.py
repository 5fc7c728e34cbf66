"""Asset checks on the warehouse: the invariants every load must keep."""

import dagster as dg

from pipeline.defs.resources import NewsfactsPaths
from pipeline.warehouse import connection
from sql import named_queries

CHECK_QUERIES = named_queries("checks.sql")
CHECKED_ASSET = {
    "span_text_matches_line": "article_lines",
    "foreign_keys_resolve": "actor_mentions",
    "no_duplicate_article_versions": "articles",
}
DESCRIPTIONS = {
    "span_text_matches_line": "Every record's text equals line[start:end] of its article.",
    "foreign_keys_resolve": "Every article_id, actor_id, speaker_actor_id, story_id and copy_of "
    "points at a row.",
    "no_duplicate_article_versions": "No article version, line, actor, claim or story appears "
    "twice.",
}
SAMPLE_ROWS = 10


def build_check(name: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        name=name, asset=CHECKED_ASSET[name], description=DESCRIPTIONS[name], blocking=False
    )
    def _check(paths: NewsfactsPaths) -> dg.AssetCheckResult:
        columns, rows = connection.query(paths.warehouse_path(), CHECK_QUERIES[name])
        sample = [dict(zip(columns, r, strict=True)) for r in rows[:SAMPLE_ROWS]]
        return dg.AssetCheckResult(
            passed=not rows,
            severity=dg.AssetCheckSeverity.ERROR,
            metadata={"violations": len(rows), "sample": dg.MetadataValue.json(sample)},
        )

    return _check


WAREHOUSE_CHECKS = [build_check(name) for name in CHECK_QUERIES]
