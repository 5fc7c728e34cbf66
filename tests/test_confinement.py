"""Nothing outside the raw directory is read, and no file holds a run up: links, loops, FIFOs,
files swapped for links after the listing, and the per-file limits."""

import os
from pathlib import Path

import pytest

from pipeline.stages import ingest
from pipeline.stages.ingest import files

ARTICLE = "Storm closes schools\n\nThe minister said on Monday that 120 schools had closed.\n"
SECRET = "SECRET outside the raw directory\n\nThis must never be loaded by anyone.\n"


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    raw, outside = tmp_path / "raw", tmp_path / "outside"
    raw.mkdir()
    outside.mkdir()
    (raw / "article.txt").write_text(ARTICLE)
    (outside / "secret.txt").write_text(SECRET)
    return raw, outside


def read_all(raw: Path) -> dict[str, tuple[list[str], list[str]]]:
    """Each listed file: (texts of its documents, its reject messages)."""
    changes = ingest.plan_changes(ingest.scan_raw_dir(raw), {}, raw)
    results = {}
    for change, (docs, rejects) in zip(changes, ingest.read_changed(raw, changes), strict=True):
        results[change.path] = ([d.text for d in docs], [r.error for r in rejects])
    return results


def test_a_link_to_a_file_outside_is_refused_naming_its_target(dirs) -> None:
    raw, outside = dirs
    (raw / "link.txt").symlink_to(outside / "secret.txt")
    results = read_all(raw)
    assert results["article.txt"] == ([ARTICLE], [])
    texts, errors = results["link.txt"]
    assert texts == []
    assert str(outside / "secret.txt") in errors[0] and "outside the raw directory" in errors[0]


def test_a_relative_link_that_climbs_out_is_refused(dirs) -> None:
    raw, _ = dirs
    (raw / "sub").mkdir()
    (raw / "sub" / "up.txt").symlink_to("../../outside/secret.txt")
    assert "outside the raw directory" in read_all(raw)["sub/up.txt"][1][0]


def test_a_link_to_a_file_inside_is_read(dirs) -> None:
    raw, _ = dirs
    (raw / "sub").mkdir()
    (raw / "sub" / "same.txt").symlink_to(raw / "article.txt")
    assert read_all(raw)["sub/same.txt"] == ([ARTICLE], [])


def test_a_link_to_a_folder_is_listed_not_followed_and_refused(dirs) -> None:
    raw, outside = dirs
    (raw / "elsewhere").symlink_to(outside, target_is_directory=True)
    files = [f.path for f in ingest.scan_raw_dir(raw)]
    assert files == ["article.txt", "elsewhere"]
    assert "outside the raw directory" in read_all(raw)["elsewhere"][1][0]


def test_loops_and_dangling_links_end_the_listing_and_are_refused(dirs) -> None:
    raw, _ = dirs
    (raw / "self.txt").symlink_to("self.txt")
    (raw / "a.txt").symlink_to("b.txt")
    (raw / "b.txt").symlink_to("a.txt")
    (raw / "gone.txt").symlink_to(raw / "missing.txt")
    (raw / "sub").mkdir()
    (raw / "sub" / "back").symlink_to(raw, target_is_directory=True)
    results = read_all(raw)
    for name in ("self.txt", "a.txt", "b.txt", "gone.txt"):
        assert "leads nowhere" in results[name][1][0], name
    assert "links to folders are not followed" in results["sub/back"][1][0]


def test_a_file_swapped_for_a_link_after_the_listing_is_not_followed(dirs) -> None:
    raw, outside = dirs
    changes = ingest.plan_changes(ingest.scan_raw_dir(raw), {}, raw)
    (raw / "article.txt").unlink()
    (raw / "article.txt").symlink_to(outside / "secret.txt")
    ((docs, rejects),) = list(ingest.read_changed(raw, changes))
    assert docs == []
    assert "outside the raw directory" in rejects[0].error


def test_the_reader_itself_refuses_a_link_at_any_step_of_the_path(dirs) -> None:
    """The last line of defence, for a swap between the link check and the open."""
    raw, outside = dirs
    (raw / "link.txt").symlink_to(outside / "secret.txt")
    (raw / "folder").symlink_to(outside, target_is_directory=True)
    for parts in (("link.txt",), ("folder", "secret.txt")):
        with pytest.raises(ingest.InputError, match="became a symbolic link after it was listed"):
            files._read_below(raw.resolve(), parts, ingest.Limits())


def test_a_folder_swapped_for_a_link_after_the_listing_is_not_followed(dirs) -> None:
    raw, outside = dirs
    (raw / "sub").mkdir()
    (raw / "sub" / "secret.txt").write_text(ARTICLE)
    changes = ingest.plan_changes(ingest.scan_raw_dir(raw), {}, raw)
    (raw / "sub" / "secret.txt").unlink()
    (raw / "sub").rmdir()
    (raw / "sub").symlink_to(outside, target_is_directory=True)
    results = dict(zip([c.path for c in changes], ingest.read_changed(raw, changes), strict=True))
    docs, rejects = results["sub/secret.txt"]
    assert docs == []
    assert "became a symbolic link" in rejects[0].error


def test_a_fifo_is_refused_without_waiting_for_a_writer(dirs) -> None:
    raw, _ = dirs
    os.mkfifo(raw / "pipe.txt")
    assert "not a regular file" in read_all(raw)["pipe.txt"][1][0]


def test_a_file_over_the_byte_limit_is_refused_before_it_is_read(dirs, monkeypatch) -> None:
    raw, _ = dirs
    monkeypatch.setenv("NEWSFACTS_MAX_FILE_BYTES", "1000")
    (raw / "big.txt").write_text(ARTICLE * 100)
    errors = read_all(raw)["big.txt"][1]
    assert "over the limit of 1,000" in errors[0] and "NEWSFACTS_MAX_FILE_BYTES" in errors[0]


@pytest.mark.parametrize(
    ("variable", "text", "message"),
    [
        ("NEWSFACTS_MAX_PAGE_LINES", ARTICLE * 10, "lines, over the limit of 20"),
        ("NEWSFACTS_MAX_LINE_CHARS", "A headline\n\n" + "word " * 100, "a line of 500 characters"),
    ],
)
def test_pages_past_the_line_limits_are_refused(dirs, monkeypatch, variable, text, message):
    raw, _ = dirs
    monkeypatch.setenv(variable, "20" if "LINES" in variable else "100")
    (raw / "long.txt").write_text(text)
    assert message in read_all(raw)["long.txt"][1][0]


def test_the_line_limits_apply_to_each_feed_record(monkeypatch) -> None:
    monkeypatch.setenv("NEWSFACTS_MAX_LINE_CHARS", "100")
    feed = b'{"id": "ok", "text": "Short."}\n{"id": "long", "text": "' + b"x" * 200 + b'"}\n'
    docs, errors = ingest.read_source("feed.jsonl", feed, "h")
    assert [d.source_id for d in docs] == ["ok"]
    assert "line 2:" in errors[0][0] and "a line of 200 characters" in errors[0][0]


@pytest.mark.parametrize("value", ["0", "-5", "lots"])
def test_a_limit_that_is_not_a_positive_number_is_a_clear_error(monkeypatch, value) -> None:
    monkeypatch.setenv("NEWSFACTS_MAX_PAGE_LINES", value)
    with pytest.raises(ValueError, match="NEWSFACTS_MAX_PAGE_LINES must be a positive"):
        ingest.Limits.from_env()
