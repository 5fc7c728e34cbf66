"""SQL files of newsfacts (DDL, load steps, analysis views), shipped as package data."""

from importlib.resources import files


def read_sql(name: str) -> str:
    """The text of ``sql/<name>`` (e.g. ``schema.sql`` or ``views/number_comparison.sql``)."""
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


def view_files() -> list[str]:
    """Names of the analysis view files, in the order they are created."""
    folder = files(__name__).joinpath("views")
    return sorted(f"views/{p.name}" for p in folder.iterdir() if p.name.endswith(".sql"))


def named_queries(name: str) -> dict[str, str]:
    """The queries of a file whose statements are headed by ``-- name: <query name>``."""
    queries: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in read_sql(name).splitlines():
        if line.startswith("-- name:"):
            current = queries.setdefault(line.removeprefix("-- name:").strip(), [])
        elif current is not None:
            current.append(line)
    return {key: "\n".join(lines).strip().rstrip(";") for key, lines in queries.items()}
