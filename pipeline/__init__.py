"""newsfacts: raw news pages to an analytical DuckDB warehouse."""
