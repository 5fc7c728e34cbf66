"""The cleaner's data files: phrasings by kind (``clean_patterns.json``) and the languages
whose jusText stoplists give function words (``clean_languages.json``). A file that cannot be
read, parsed, or lacks what the cleaner reads from it raises, naming the file."""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Final

# What the cleaner reads from clean_patterns.json.
PATTERN_KEYS: Final = (
    "bare_url",
    "barriers",
    "byline",
    "caption_patterns",
    "comments_start",
    "date_prefix",
    "line_kinds",
    "list_item",
    "outlet",
    "script_prefix",
    "script_suffix",
    "title_separators",
    "wire_credit_templates",
    "wire_services",
)


class DataFileError(RuntimeError):
    """A data file of pipeline/data that cannot be read or does not hold what it should."""


def load_json(name: str) -> dict:
    """The JSON object in pipeline/data/``name``."""
    path = f"pipeline/data/{name}"
    try:
        data = json.loads(resources.files("pipeline").joinpath("data", name).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataFileError(f"cannot load {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise DataFileError(f"{path} holds a {type(data).__name__}, not a JSON object")
    return data


def _load_patterns() -> dict:
    patterns = load_json("clean_patterns.json")
    missing = [key for key in PATTERN_KEYS if key not in patterns]
    if missing:
        raise DataFileError(f"pipeline/data/clean_patterns.json lacks {', '.join(missing)}")
    return patterns


def _load_languages() -> dict[str, str]:
    """jusText stoplist name -> ISO 639-1 code (keys starting with "_" are comments)."""
    languages = {
        k: v for k, v in load_json("clean_languages.json").items() if not k.startswith("_")
    }
    wrong = [k for k, v in languages.items() if not isinstance(v, str) or not v]
    if wrong or not languages:
        what = f"no language code for {', '.join(wrong)}" if wrong else "no language"
        raise DataFileError(f"pipeline/data/clean_languages.json: {what}")
    return languages


PATTERNS: Final = _load_patterns()
LANGUAGES: Final = _load_languages()

# Flags of the data file's case-blind phrasings that are matched against lines as written.
FLAGS: Final = re.IGNORECASE | re.UNICODE
