"""Loading a staged batch into the DuckDB warehouse: the one writer, in one short transaction.

Everything heavy happens before, in Parquet, so the lock is held only while the batch is
upserted (see connection.py for how a lock is waited out).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from pipeline.ids import stable_id
from pipeline.markdown_tables import markdown_table
from pipeline.stages import actors as actors_stage
from pipeline.stages import claims as claims_stage
from pipeline.warehouse import stories
from pipeline.warehouse.connection import connect
from pipeline.warehouse.manifest import remove_manifest, write_manifest
from pipeline.warehouse.signals import signals_deferred
from pipeline.warehouse.staging import RECORD_TABLES, Batch, mark_loaded
from sql import read_sql, view_files

log = logging.getLogger(__name__)

PREVIEW_ROWS = 5
CONTRACT_TABLES = (
    "articles",
    "stories",
    "article_lines",
    "actors",
    "actor_mentions",
    "numbers",
    "claims",
    "date_mentions",
    "rejects",
)
ALL_TABLES = (*CONTRACT_TABLES, "claim_groups", "sources")
COUNTS_SQL = " UNION ALL ".join(
    f"SELECT '{t}' AS table_name, count(*) AS n FROM {t}" for t in ALL_TABLES
)
RECENT_REJECTS_SQL = (
    "SELECT source_path, stage, error, rejected_at FROM rejects "
    "ORDER BY rejected_at DESC, source_path"
)


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(read_sql("schema.sql"))


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    for name in view_files():
        con.execute(read_sql(name))


@dataclass
class LoadReport:
    inserted: dict[str, int] = field(default_factory=dict)
    removed_articles: int = 0
    duplicates: int = 0
    people_merged: int = 0
    actors_rebuilt: int = 0
    claims_regrouped: int = 0
    story_update: stories.StoryUpdate = field(default_factory=stories.StoryUpdate)
    stale_sources: int = 0
    totals: dict[str, int] = field(default_factory=dict)
    previews: dict[str, str] = field(default_factory=dict)


def _stage_view(
    con: duckdb.DuckDBPyConnection, name: str, batch: Batch, table: str, layer: str
) -> bool:
    """Expose a staged table as a temp view; False when the batch has none of it."""
    if not batch.parts(table, layer):
        return False
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW {name} AS "
        f"SELECT * FROM read_parquet({sql_string(batch.glob(table, layer))})"
    )
    return True


def sql_string(value: str) -> str:
    """A SQL string literal (views cannot take prepared parameters)."""
    return "'" + value.replace("'", "''") + "'"


def load_batch(
    warehouse: Path,
    batch: Batch,
    raw_dir: Path,
    on_wait: Callable[[str], None] | None = None,
    now: dt.datetime | None = None,
) -> LoadReport:
    """Upsert one validated batch in a single transaction, then refresh the manifest.

    A change planned against a file that has changed again since (another run may already
    have loaded the newer version) is skipped: loading it would put old data over new.
    """
    now = now or dt.datetime.now(dt.UTC)
    report = LoadReport()
    stale = stale_changes(batch, raw_dir)
    story_features = stories.batch_features(batch)  # before the lock: only the load waits
    with connect(warehouse, on_wait=on_wait) as con:
        apply_schema(con)
        con.execute("BEGIN TRANSACTION")
        try:
            _upsert(con, batch, stale, report, now)
            report.story_update = stories.update_stories(con, story_features)
            create_views(con)
        except BaseException as exc:  # an interrupt too: nothing of the batch may stay
            con.execute("ROLLBACK")
            if is_query_interrupted(exc):
                raise KeyboardInterrupt from exc  # what it is: a stop asked for, not a failure
            raise
        commit_and_record(con, warehouse, batch)
        report.totals = table_counts(con)
        report.previews = table_previews(con, PREVIEW_ROWS)
    report.stale_sources = len(stale)
    return report


def is_query_interrupted(exc: BaseException) -> bool:
    """Whether DuckDB stopped a query because Ctrl-C or SIGTERM came while it ran (it checks
    for signals itself, and reports them as an error of its own)."""
    return isinstance(exc, duckdb.InterruptException) or (
        isinstance(exc, RuntimeError) and str(exc) == "Query interrupted"
    )


def commit_and_record(con: duckdb.DuckDBPyConnection, warehouse: Path, batch: Batch) -> None:
    """Commit the open transaction, then refresh the manifest and mark the batch loaded.

    A run killed anywhere here leaves a warehouse the next run completes: before the commit,
    nothing of the batch is in it (and its files are still new to the next plan); after it,
    the manifest is missing rather than outdated, and is rebuilt from the warehouse. Ctrl-C
    and SIGTERM wait until the batch is marked loaded, so an interrupted run can tell truly
    whether its batch went in.
    """
    with signals_deferred():
        remove_manifest(warehouse)
        con.execute("COMMIT")
        write_manifest(con, warehouse)
        mark_loaded(batch)


def stale_changes(batch: Batch, raw_dir: Path) -> list[str]:
    """Paths whose file no longer is what the batch planned for (edited or re-added since)."""
    stale = []
    for part in batch.parts("changes"):
        for change in batch.read("changes", part):
            path = raw_dir / change["path"]
            # lstat and is_symlink: the listing saw links as themselves, not their targets.
            if change["action"] == "delete":
                if path.exists() or path.is_symlink():
                    stale.append(change["path"])
                continue
            try:
                stat = path.lstat()
            except OSError:
                stale.append(change["path"])
                continue
            if (stat.st_size, stat.st_mtime_ns) != (change["size"], change["mtime_ns"]):
                stale.append(change["path"])
    return stale


def _upsert(
    con: duckdb.DuckDBPyConnection,
    batch: Batch,
    stale: list[str],
    report: LoadReport,
    now: dt.datetime,
) -> None:
    con.execute("CREATE OR REPLACE TEMP TABLE affected_actors (actor_id VARCHAR)")
    con.execute("CREATE OR REPLACE TEMP TABLE replaced_sources (path VARCHAR)")
    con.execute("CREATE OR REPLACE TEMP TABLE stale_sources (path VARCHAR)")
    if stale:
        con.executemany("INSERT INTO stale_sources VALUES (?)", [[p] for p in stale])
    if not _stage_view(con, "staged_changes", batch, "changes", "stage"):
        return
    con.execute(
        "CREATE OR REPLACE TEMP TABLE batch_changes AS SELECT * FROM staged_changes "
        "WHERE path NOT IN (SELECT path FROM stale_sources)"
    )
    con.execute(
        "INSERT INTO replaced_sources SELECT path FROM batch_changes "
        "WHERE action IN ('replace', 'delete')"
    )
    con.execute(read_sql("delete_sources.sql"))
    report.removed_articles = con.execute("SELECT count(*) FROM removed_articles").fetchone()[0]
    _insert_records(con, batch, report, now)
    report.people_merged = _merge_surname_only_people(con)
    con.execute(read_sql("actors.sql"))
    report.actors_rebuilt = con.execute("SELECT count(*) FROM affected_actors").fetchone()[0]
    report.claims_regrouped = _regroup_claims(con)
    con.execute("DELETE FROM sources WHERE source_path IN (SELECT path FROM batch_changes)")
    con.execute(
        "INSERT INTO sources SELECT path, size, mtime_ns, content_hash, ? FROM batch_changes "
        "WHERE action IN ('replace', 'touch')",
        [now],
    )


def _merge_surname_only_people(con: duckdb.DuckDBPyConnection) -> int:
    """Point each surname-only person's mentions (and claims) at the one full-name person with
    that surname, or back at their own actor when that is no longer one person.

    Mentions keep their ``actor_key``, so the merge is recomputed from the whole warehouse on
    every load and undoes itself when a second full-name person with the surname arrives.
    Returns how many surname-only actors changed hands.
    """
    keys = [k for (k,) in con.execute(read_sql("person_keys.sql")).fetchall()]
    merges = actors_stage.surname_merges(keys)
    bare_keys = [k for k in keys if k.endswith(":")]
    if not bare_keys:
        return 0
    wanted = pl.DataFrame(
        {
            "actor_key": bare_keys,
            "wanted_id": [stable_id("actor", merges.get(k, k)) for k in bare_keys],
        },
        schema={"actor_key": pl.Utf8, "wanted_id": pl.Utf8},
    )
    con.register("wanted_person_ids", wanted.to_arrow())
    con.execute(read_sql("merge_people.sql"))
    con.unregister("wanted_person_ids")
    return con.execute("SELECT count(*) FROM moved_people").fetchone()[0]


def _insert_records(
    con: duckdb.DuckDBPyConnection, batch: Batch, report: LoadReport, now: dt.datetime
) -> None:
    # Articles not to insert: those of stale sources, and versions already loaded from
    # another file (duplicates, rejected with the file they duplicate).
    con.execute("CREATE OR REPLACE TEMP TABLE skipped_articles (article_id VARCHAR)")
    if _stage_view(con, "new_articles", batch, "articles", "valid"):
        con.execute(
            "INSERT INTO skipped_articles SELECT article_id FROM new_articles "
            "WHERE source_path IN (SELECT path FROM stale_sources)"
        )
        con.execute(
            "CREATE OR REPLACE TEMP TABLE duplicate_articles AS "
            "SELECT n.article_id, n.source_path, a.source_path AS loaded_from "
            "FROM new_articles n JOIN articles a USING (article_id) "
            "WHERE n.source_path NOT IN (SELECT path FROM stale_sources)"
        )
        report.duplicates = con.execute("SELECT count(*) FROM duplicate_articles").fetchone()[0]
        con.execute("INSERT INTO skipped_articles SELECT article_id FROM duplicate_articles")
        con.execute(
            "INSERT INTO rejects SELECT source_path, article_id, 'load', "
            "'duplicate article: same text as ' || loaded_from || '; only that copy is loaded', "
            "NULL, ? FROM duplicate_articles",
            [now],
        )
    for table in RECORD_TABLES:
        if not _stage_view(con, f"new_{table}", batch, table, "valid"):
            report.inserted[table] = 0
            continue
        before = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        con.execute(
            f"INSERT INTO {table} BY NAME SELECT * FROM new_{table} "
            "WHERE article_id NOT IN (SELECT article_id FROM skipped_articles)"
        )
        report.inserted[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] - before
    if batch.parts("actor_mentions", "valid"):
        con.execute(
            "INSERT INTO affected_actors SELECT DISTINCT actor_id FROM new_actor_mentions "
            "WHERE article_id NOT IN (SELECT article_id FROM skipped_articles)"
        )
    if _stage_view(con, "new_rejects", batch, "rejects", "valid"):
        con.execute(
            "INSERT INTO rejects BY NAME SELECT * FROM new_rejects "
            "WHERE source_path NOT IN (SELECT path FROM stale_sources)"
        )
        report.inserted["rejects"] = con.execute("SELECT count(*) FROM new_rejects").fetchone()[0]


def _regroup_claims(con: duckdb.DuckDBPyConnection) -> int:
    """Regroup the statements of every speaker whose claims changed in this batch.

    Grouping is blocked by speaker, so only the affected speakers' claims are read again;
    claims without a named speaker are grouped within the batch's articles only.
    """
    rows = con.execute(
        """
        SELECT c.claim_id, c.speaker_actor_id, c.text, a.outlet
        FROM claims c JOIN articles a USING (article_id)
        WHERE c.speaker_actor_id IN (SELECT actor_id FROM affected_actors)
           OR c.claim_id NOT IN (SELECT claim_id FROM claim_groups)
        """
    ).fetchall()
    if not rows:
        return 0
    groups = claims_stage.group_statements([tuple(r) for r in rows])
    frame = pl.DataFrame(
        {"claim_id": list(groups), "group_id": list(groups.values())},
        schema={"claim_id": pl.Utf8, "group_id": pl.Utf8},
    )
    con.register("regrouped", frame.to_arrow())
    con.execute("DELETE FROM claim_groups WHERE claim_id IN (SELECT claim_id FROM regrouped)")
    con.execute("INSERT INTO claim_groups SELECT claim_id, group_id FROM regrouped")
    con.unregister("regrouped")
    return frame.height


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ALL_TABLES}


def table_previews(con: duckdb.DuckDBPyConnection, limit: int) -> dict[str, str]:
    """A markdown table of the first rows of each table, for the UI."""
    out = {}
    for table in ALL_TABLES:
        cur = con.execute(f"SELECT * FROM {table} LIMIT {int(limit)}")
        out[table] = markdown_table([d[0] for d in cur.description], cur.fetchall())
    return out
