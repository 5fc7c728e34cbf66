"""Ingestion: change detection and reading each input kind, bad input included."""

import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.stages import ingest
from pipeline.stages.ingest import ManifestEntry, SourceChange, files
from schemas import Reject, SourceDocument

GOOD_FEED_LINE = json.dumps(
    {
        "id": "a1",
        "text": "Officials said on Monday that 12 people were hurt.",
        "title": "T",
        "outlet": "Example News",
        "published": "2024-01-05T10:00:00Z",
    }
)


@pytest.mark.parametrize(
    ("name", "data", "expected_error"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\n \t\n", "file is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("utf16-no-mark.txt", "No mark here.".encode("utf-16-le"), "needs a byte-order mark"),
        ("bad-utf16.txt", b"\xff\xfeA\x00\x00\xd8", "not valid utf-16-le"),
        ("notes.docx", b"PK\x03\x04", "unsupported file type '.docx'"),
        ("controls.txt", b"\x01\x02\x03\x04 abc \x05\x06\x07", "looks binary"),
    ],
)
def test_bad_files_are_explained(name: str, data: bytes, expected_error: str) -> None:
    docs, errors = ingest.read_source(name, data, ingest.content_hash(data))
    assert docs == []
    assert len(errors) == 1
    assert expected_error in errors[0][0]


PAGE = "Strikes in the north\n\nThe minister said on Monday that 120 caf\u00e9s had closed.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (PAGE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + PAGE.encode("utf-8"), "utf-8"),
        (PAGE.encode("utf-16"), "utf-16-le"),  # Python writes the mark in the machine's order
        (b"\xfe\xff" + PAGE.encode("utf-16-be"), "utf-16-be"),
        (PAGE.encode("utf-32"), "utf-32-le"),
        (PAGE.replace("\n", "\r\n").encode("cp1252"), "cp1252"),
    ],
)
def test_text_is_decoded_by_its_mark_or_its_most_likely_encoding(data: bytes, encoding: str):
    docs, errors = ingest.read_source("page.txt", data, "h")
    assert errors == []
    (doc,) = docs
    assert (doc.text, doc.encoding) == (PAGE, encoding)


def test_a_legacy_encoding_is_detected_from_its_letters() -> None:
    text = (
        "\u00abLes n\u00e9gociations ont \u00e9chou\u00e9\u00bb, a d\u00e9clar\u00e9 le "
        "ministre fran\u00e7ais, apr\u00e8s une journ\u00e9e de d\u00e9bats \u00e0 "
        "Bruxelles o\u00f9 l\u2019on esp\u00e9rait un accord \u2014 \u20ac12 milliards.\n"
    ) * 3
    docs, errors = ingest.read_source("article.txt", text.encode("cp1252"), "h")
    assert errors == []
    assert docs[0].text == text
    assert docs[0].encoding == "cp1252"


@pytest.mark.parametrize(
    "opening",
    [
        "<!DOCTYPE html>",
        "\n  <html lang='en'>",
        "<?xml version='1.0'?>\n<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0//EN'>",
        "<!-- saved from url=(0042)https://example.org/ -->\n<html>",
    ],
)
def test_html_is_recognised_by_its_content_whatever_the_name(opening: str) -> None:
    body = "<p>The minister said on Monday that 120 schools had closed after the storm.</p>" * 4
    page = f"{opening}<head><title>Storm closes schools</title></head><body>{body}</body></html>"
    docs, errors = ingest.read_source("saved-page.txt", page.encode(), "h")
    assert errors == []
    (doc,) = docs
    assert doc.kind == "html"
    assert "<p>" not in doc.text and "120 schools" in doc.text


def test_text_that_mentions_html_is_still_page_text() -> None:
    data = b"How to write <html> tags\n\nA page starts with <!DOCTYPE html>, then <html>.\n"
    docs, _ = ingest.read_source("howto.txt", data, "h")
    assert docs[0].kind == "txt"


def test_page_text_keeps_the_file_as_the_article_text() -> None:
    data = b"Title\r\n\r\nBody line one.\r\n"
    docs, errors = ingest.read_source("site/page-1.txt", data, "h")
    assert errors == []
    (doc,) = docs
    assert (doc.kind, doc.source_id, doc.source_path) == ("txt", "page-1", "site/page-1.txt")
    assert doc.text == "Title\n\nBody line one.\n"


def test_feed_loads_good_lines_and_explains_bad_ones() -> None:
    lines = [
        GOOD_FEED_LINE,
        '{"id": "a2", "text": "unterminated',
        json.dumps({"id": "a3"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a4", "text": "Fine.", "published": "last Tuesday"}),
        "",
        json.dumps({"id": "a5", "text": "Also fine."}),
        "[" * 5000,
        '{"id": "a6", "text": "\\ud800"}',
        json.dumps({"id": 0, "text": ["not", "a", "string"]}),
    ]
    data = "\n".join(lines).encode()
    docs, errors = ingest.read_source("feed.jsonl", data, "h")
    assert [d.source_id for d in docs] == ["a1", "a5"]
    assert docs[0].outlet == "Example News"
    assert str(docs[0].published_on) == "2024-01-05"
    messages = [e[0] for e in errors]
    assert messages[0].startswith("line 2: malformed JSON")
    assert messages[1] == "line 3: missing required field(s): text"
    assert messages[2] == "line 4: expected a JSON object per line"
    assert messages[3].startswith("line 5: 'published' is not an ISO date")
    assert messages[4:] == [
        "line 8: malformed JSON (nested too deeply)",
        "line 9: 'text' holds an invalid character at 0 (a lone surrogate)",
        "line 10: 'text' must be a string, not list",
    ]
    assert errors[0][1] == lines[1]  # the offending line is kept as the payload


def test_html_page_is_reduced_to_its_article_text() -> None:
    paragraphs = "".join(
        f"<p>Paragraph {i} of the report says the committee met again on Friday to discuss "
        f"the withdrawal plan in detail with officials.</p>"
        for i in range(6)
    )
    html = (
        "<html><head><title>Committee meets | Example</title></head><body>"
        "<nav><a href='/'>Home</a><a href='/world'>World</a></nav>"
        f"<article><h1>Committee meets</h1>{paragraphs}</article>"
        "<footer>Copyright Example Media</footer></body></html>"
    ).encode()
    docs, errors = ingest.read_source("page.html", html, "h")
    assert errors == []
    (doc,) = docs
    assert doc.kind == "html"
    assert "Paragraph 5 of the report" in doc.text
    assert "Home" not in doc.text.split("\n")


def test_html_without_an_article_is_rejected() -> None:
    docs, errors = ingest.read_source(
        "empty.html", b"<html><body><nav>Home</nav></body></html>", "h"
    )
    assert docs == []
    assert "no article text found in HTML" in errors[0][0]


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def manifest_of(raw: Path) -> dict[str, ManifestEntry]:
    return {
        f.path: ManifestEntry(f.size, f.mtime_ns, ingest.content_hash((raw / f.path).read_bytes()))
        for f in ingest.scan_raw_dir(raw)
    }


def test_plan_changes_sees_new_changed_touched_and_deleted_files(tmp_path: Path) -> None:
    write(tmp_path / "same.txt", "unchanged")
    write(tmp_path / "edited.txt", "old text")
    write(tmp_path / "touched.txt", "same text")
    write(tmp_path / "gone.txt", "will be removed")
    write(tmp_path / ".hidden/skip.txt", "hidden folders are ignored")
    manifest = manifest_of(tmp_path)
    assert ".hidden/skip.txt" not in manifest

    write(tmp_path / "edited.txt", "new text, longer")
    write(tmp_path / "touched.txt", "same text")  # rewritten: new mtime, same bytes
    (tmp_path / "gone.txt").unlink()
    write(tmp_path / "sub/new.txt", "brand new")
    entry = manifest["touched.txt"]
    manifest["touched.txt"] = ManifestEntry(entry.size, entry.mtime_ns - 1, entry.content_hash)

    changes = ingest.plan_changes(ingest.scan_raw_dir(tmp_path), manifest, tmp_path)
    assert {(c.path, c.action) for c in changes} == {
        ("edited.txt", "replace"),
        ("touched.txt", "touch"),
        ("sub/new.txt", "replace"),
        ("gone.txt", "delete"),
    }


def test_unchanged_directory_plans_nothing(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "x")
    assert ingest.plan_changes(ingest.scan_raw_dir(tmp_path), manifest_of(tmp_path), tmp_path) == []


def test_listing_fingerprint_changes_with_any_file(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "x")
    before = ingest.listing_fingerprint(ingest.scan_raw_dir(tmp_path))
    assert before == ingest.listing_fingerprint(ingest.scan_raw_dir(tmp_path))
    write(tmp_path / "b.txt", "y")
    assert before != ingest.listing_fingerprint(ingest.scan_raw_dir(tmp_path))


def test_read_changed_reports_a_file_removed_since_the_scan(tmp_path: Path) -> None:
    change = SourceChange("vanished.txt", "replace", 1, 1, "h")
    ((docs, rejects),) = list(ingest.read_changed(tmp_path, [change]))
    assert docs == []
    assert rejects[0].stage == "ingest"
    assert "cannot read file" in rejects[0].error


def test_in_parts_bounds_documents_per_part() -> None:
    def doc(i: int) -> SourceDocument:
        return SourceDocument(
            source_path="f.jsonl",
            source_id=str(i),
            kind="jsonl",
            content_hash="h",
            text=f"text {i}",
        )

    reject = Reject(
        source_path="bad.txt",
        stage="ingest",
        error="file is empty",
        rejected_at=dt.datetime(2024, 1, 5, tzinfo=dt.UTC),
    )
    files = [([doc(i) for i in range(5)], []), ([], [reject]), ([doc(5)], [])]
    parts = list(ingest.in_parts(files, 2))
    assert [[d.source_id for d in docs] for docs, _ in parts] == [
        ["0", "1"],
        ["2", "3"],
        ["4", "5"],
    ]
    assert [len(rejects) for _, rejects in parts] == [0, 0, 1]


def test_a_changed_file_brings_back_its_duplicates(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "the same article")
    write(tmp_path / "b.txt", "the same article")
    write(tmp_path / "c.txt", "another article")
    manifest = manifest_of(tmp_path)
    (tmp_path / "a.txt").unlink()
    changes = ingest.plan_changes(ingest.scan_raw_dir(tmp_path), manifest, tmp_path)
    assert {(c.path, c.action) for c in changes} == {("a.txt", "delete"), ("b.txt", "replace")}


def test_an_unreadable_file_is_planned_and_then_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "locked.txt", "secret")
    real_read_below = files._read_below

    def read_below(root: Path, parts: tuple[str, ...], limits: ingest.Limits) -> bytes:
        if parts[-1] == "locked.txt":  # tests run as root here: chmod would not stop a read
            raise PermissionError(13, "Permission denied")
        return real_read_below(root, parts, limits)

    monkeypatch.setattr(files, "_read_below", read_below)
    changes = ingest.plan_changes(ingest.scan_raw_dir(tmp_path), {}, tmp_path)
    assert [(c.path, c.action, c.content_hash) for c in changes] == [
        ("locked.txt", "replace", None)
    ]
    ((docs, rejects),) = list(ingest.read_changed(tmp_path, changes))
    assert docs == []
    assert rejects[0].error == "cannot read file: Permission denied"
