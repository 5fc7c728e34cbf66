"""Error pages, block pages and bot walls are rejected with that reason, articles are not."""

import pytest

from pipeline.stages import runner

ARTICLE_LINES = [
    "Hackers hit city hall: residents told access denied to online services",
    "",
    "By Jane Smith",
    "",
    *(
        f"Paragraph {n}: the city said on Monday that its online services had been down for "
        "three days after an attack, and that officials were working to restore access "
        "for residents who rely on them to pay bills and register cars."
        for n in range(6)
    ),
]


def page(name: str, lines: list[str]) -> dict:
    return {
        "source_path": name,
        "source_id": name,
        "kind": "txt",
        "content_hash": "0" * 64,
        "text": "\n".join(lines),
    }


@pytest.mark.parametrize(
    ("lines", "phrase"),
    [
        (
            ["404 - Page Not Found", "", "Home | News | Sport", "", "Go back to the homepage."],
            "404",
        ),
        (
            [
                "Example Times",
                "",
                "Sorry, the page you were looking for cannot be found.",
                "It may have been moved or deleted. Try the search box above.",
            ],
            "page you were looking for cannot be found",
        ),
        (
            ["Access Denied", "", "You don't have permission to access this server."],
            "Access Denied",
        ),
        (["Just a moment...", "", "Please verify you are a human to continue."], "verify you are"),
        (["503 Service Unavailable", "", "The server is temporarily busy."], "503 Service"),
    ],
)
def test_error_pages_are_rejected_saying_so(lines: list[str], phrase: str) -> None:
    out = runner.clean_part([page("error.txt", lines)], {})
    assert out.rows["articles"] == []
    (reject,) = out.rows["rejects"]
    assert "an error page, not an article" in reject["error"]
    assert phrase.lower() in reject["error"].lower()
    assert out.failures == []  # a verdict on the input, not a failing stage


def test_an_article_about_access_being_denied_is_kept() -> None:
    out = runner.clean_part([page("article.txt", ARTICLE_LINES)], {})
    assert out.rows["rejects"] == []
    assert len(out.rows["articles"]) == 1
