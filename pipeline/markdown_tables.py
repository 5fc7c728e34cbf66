"""Small renderings of records for people: markdown tables for the Dagster UI."""

from collections.abc import Iterable, Sequence
from typing import Any

CELL_WIDTH = 80


def markdown_table(
    columns: Sequence[str], rows: Iterable[Sequence[Any]], width: int = CELL_WIDTH
) -> str:
    """A markdown table; cells are flattened to one line and cut to ``width`` characters."""

    def cell(value: Any) -> str:
        text = "" if value is None else str(value).replace("|", "\\|").replace("\n", " ")
        return text if len(text) <= width else text[: width - 3] + "..."

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) if len(lines) > 2 else "_no rows_"


def records_table(records: Sequence[dict[str, Any]], columns: Sequence[str], limit: int) -> str:
    """The first ``limit`` records as a markdown table of the given columns."""
    return markdown_table(columns, ([r.get(c) for c in columns] for r in records[:limit]))
