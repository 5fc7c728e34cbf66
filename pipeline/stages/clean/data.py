"""The cleaner's data files: phrasings by kind (``clean_patterns.json``) and the languages
whose jusText stoplists give function words (``clean_languages.json``)."""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Final


def load_json(name: str) -> dict:
    return json.loads(resources.files("pipeline").joinpath("data", name).read_text("utf-8"))


PATTERNS: Final = load_json("clean_patterns.json")
LANGUAGES: dict[str, str] = {
    k: v for k, v in load_json("clean_languages.json").items() if not k.startswith("_")
}
# Flags of the data file's case-blind phrasings that are matched against lines as written.
FLAGS: Final = re.IGNORECASE | re.UNICODE
