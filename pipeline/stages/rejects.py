"""Rejected inputs and records: the rows of the ``rejects`` table, with messages a person
can act on."""

from __future__ import annotations

import datetime as dt
import traceback
from typing import Any

from schemas import Reject

Row = dict[str, Any]


class InputRejected(ValueError):
    """A verdict on the input (a page with no article, a copy of another): the page is
    rejected, and it says nothing about the health of the stage that judged it."""


MAX_PAYLOAD_CHARS = 2_000


def reject_row(
    source_path: str,
    stage: str,
    error: str,
    article_id: str | None = None,
    payload: str | None = None,
    now: dt.datetime | None = None,
) -> Row:
    return Reject(
        source_path=source_path,
        article_id=article_id,
        stage=stage,
        error=error,
        payload=payload[:MAX_PAYLOAD_CHARS] if payload else None,
        rejected_at=now or dt.datetime.now(dt.UTC),
    ).model_dump()


def describe_error(exc: BaseException) -> str:
    """The error and where it came from, short enough for a table cell."""
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" (at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno})" if frame else ""
    return f"{type(exc).__name__}: {exc}{where}"
