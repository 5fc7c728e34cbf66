"""Whether two warehouses hold the same data, load timestamps aside.

Used to check that an interrupted, killed or concurrent run ends where one uninterrupted run
does: every table's rows are digested in any order, leaving out the columns that record when
a row was written.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.warehouse.connection import connect
from pipeline.warehouse.load import ALL_TABLES

# When a row was written, not what it says: differs between two loads of the same files.
TIMESTAMP_COLUMNS = frozenset({"ingested_at", "loaded_at", "rejected_at"})


def table_digests(warehouse: Path, tables: tuple[str, ...] = ALL_TABLES) -> dict[str, tuple]:
    """Per table, its row count, an order-independent digest of its rows and one of each
    column (so a difference can be told by column); no warehouse or a missing table counts as
    empty."""
    digests: dict[str, tuple] = {t: (0, None, ()) for t in tables}
    if not warehouse.exists():
        return digests
    with connect(warehouse, read_only=True) as con:
        for table in tables:
            columns = [
                name
                for (name,) in con.execute(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_name = ? ORDER BY ordinal_position",
                    [table],
                ).fetchall()
                if name not in TIMESTAMP_COLUMNS
            ]
            if not columns:  # a warehouse whose first load died before making its tables
                digests[table] = (0, None, ())
                continue
            quoted = [f'"{c}"' for c in columns]
            # Sums of hashes: independent of row order, yet they count duplicate rows.
            sums = ", ".join(f"sum(hash({q})::HUGEINT)" for q in quoted)
            count, digest, *by_column = con.execute(
                f"SELECT count(*), sum(hash({', '.join(quoted)})::HUGEINT), {sums} FROM {table}"
            ).fetchone()
            if count == 0:  # an empty table is the same state as a missing one
                digests[table] = (0, None, ())
                continue
            digests[table] = (count, digest, tuple(zip(columns, by_column, strict=True)))
    return digests


def differences(left: dict[str, tuple], right: dict[str, tuple]) -> list[str]:
    """The tables whose digests differ, each with both row counts and the columns that
    differ."""
    out = []
    for table in sorted(set(left) | set(right)):
        a, b = left.get(table, (None, None, ())), right.get(table, (None, None, ()))
        if a == b:
            continue
        named = sorted({name for name, _ in set(a[2]) ^ set(b[2])})
        out.append(f"{table}: {a[0]} rows vs {b[0]}" + (f" ({', '.join(named)})" if named else ""))
    return out
