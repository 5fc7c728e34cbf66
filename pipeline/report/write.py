"""Writing the reports: ``reports/index.html`` and ``reports/<story_id>.html`` beside the
warehouse. A page is rendered again only when its story's rows or the report code changed
(a digest per page is kept in ``reports/digests.json``), and a story that no longer exists, or
no longer has two outlets, takes its page with it."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from pipeline.report import charts, data, pages
from pipeline.report.content import StoryPage, StorySummary, story_page, summarise

REPORTS_DIR = "reports"
DIGESTS_FILE = "digests.json"
# Only files named like a story's page are ever removed from the folder.
STORY_PAGE = re.compile(rf"{pages.STORY_ID.pattern}\.html")
PAGE_MODE = 0o644  # pages are for anyone who can read the folder


@dataclass
class ReportsWritten:
    folder: Path
    index: Path
    pages: dict[str, Path] = field(default_factory=dict)  # story_id -> page, every current one
    rendered: int = 0
    unchanged: int = 0
    removed: int = 0
    summaries: list[StorySummary] = field(default_factory=list)


class UnknownStory(LookupError):
    pass


def reports_dir(db: Path) -> Path:
    return db.parent / REPORTS_DIR


def code_digest() -> str:
    """Of the report package's code and templates: a new version renders every page again."""
    digest = hashlib.sha256()
    package = files("pipeline.report")
    for entry in sorted(
        [*package.iterdir(), *package.joinpath("templates").iterdir()], key=lambda p: p.name
    ):
        if entry.is_file() and entry.name.endswith((".py", ".html", ".css")):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()


def rows_digest(code: str, content: object) -> str:
    return hashlib.sha256(f"{code}\n{content!r}".encode()).hexdigest()


def write_atomically(path: Path, text: str) -> None:
    """Write beside the target and rename: a reader never sees half a page."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(tmp, PAGE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_digests(folder: Path) -> dict[str, str]:
    try:
        return json.loads((folder / DIGESTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def resolve_story(db: Path, text: str) -> str:
    """The story id a person typed, or the one story whose id starts with it."""
    with data.open_read_only(db) as con:
        found = [
            r[0]
            for r in con.execute(
                "SELECT story_id FROM stories WHERE starts_with(story_id, ?) ORDER BY story_id",
                [text],
            ).fetchall()
        ]
    if text in found:
        return text
    if len(found) == 1:
        return found[0]
    if not found:
        raise UnknownStory(f"no story id starts with {text!r}")
    raise UnknownStory(f"{len(found)} stories start with {text!r}: {', '.join(found[:5])}...")


def write_reports(
    db: Path, folder: Path | None = None, story_id: str | None = None
) -> ReportsWritten:
    """Write the index and every page of a story with two or more outlets (or, given
    ``story_id``, the index and that story's page alone)."""
    folder = folder or reports_dir(db)
    folder.mkdir(parents=True, exist_ok=True)
    stories = select_stories(db, story_id)
    code = code_digest()
    digests = read_digests(folder)
    result = ReportsWritten(folder=folder, index=folder / pages.INDEX_FILE)
    for story in stories:
        sid = story.story.story_id
        page = story_page(story)
        if story.story.outlets >= data.MIN_OUTLETS:
            result.summaries.append(summarise(page))
        path = result.pages[sid] = folder / pages.page_file(sid)
        if story_id is None or sid == story_id:
            rendered = write_if_changed(path, rows_digest(code, story), digests, page)
            result.rendered += rendered
            result.unchanged += not rendered
    write_if_changed(result.index, rows_digest(code, result.summaries), digests, result.summaries)
    if story_id is None:
        result.removed = remove_stale_pages(folder, set(result.pages.values()), digests)
    write_atomically(folder / DIGESTS_FILE, json.dumps(digests, indent=1, sort_keys=True))
    return result


def select_stories(db: Path, story_id: str | None) -> list[data.StoryData]:
    """The stories of the index (two or more outlets), and ``story_id`` if it is not one."""
    stories = data.read_stories(db)
    if story_id and story_id not in {s.story.story_id for s in stories}:
        asked = data.read_stories(db, story_id=story_id)
        if not asked:
            raise UnknownStory(f"no story {story_id!r} in {db}")
        stories += asked
    return stories


def write_if_changed(
    path: Path, digest: str, digests: dict[str, str], what: StoryPage | list[StorySummary]
) -> bool:
    """Render a story's page (or the index, for a list of summaries) unless the file is
    there and was made from the same rows by the same code; whether it was rendered."""
    if digests.get(path.name) == digest and path.exists():
        return False
    html = pages.render_story(what) if isinstance(what, StoryPage) else pages.render_index(what)
    write_atomically(path, html)
    digests[path.name] = digest
    return True


def remove_stale_pages(folder: Path, current: set[Path], digests: dict[str, str]) -> int:
    """Remove the pages of stories no longer reported (files named like a story's page only)."""
    removed = 0
    for path in folder.iterdir():
        if STORY_PAGE.fullmatch(path.name) and path not in current:
            path.unlink()
            digests.pop(path.name, None)
            removed += 1
    return removed


def overview_png(summaries: list[StorySummary]) -> bytes | None:
    """The index's overview chart as a PNG (the stories with the most outlets), or None."""
    if not summaries:
        return None
    return charts.render_png(charts.overview_chart(summaries[: charts.OVERVIEW_STORIES]))
