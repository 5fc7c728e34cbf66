"""Pages of any size built from one real page, for the scaling benchmark
(bench/size_scaling.py) and the linear-cost test (tests/test_linear_cost.py)."""

from __future__ import annotations

from typing import Final

# One long-line unit: figures, quotes and names, the worst case for the extractors.
LINE_UNIT: Final = (
    'Some 2,500 U.S. troops remain, officials said on Monday; "we will stay," '
    "Gen. Pat Ryder told Reuters, adding that more than 100 attacks hit bases since "
    "October 17. "
)
# Year-less days after a stated month, and one run of figures glued by en dashes, on one line
# with no publication date: each day once made its whole line be read again, as did each
# figure of the run (numbers and dates only).
FIGURES_UNIT: Final = (
    "Since October 2023 some 2,500 U.S. troops remain, officials said on Thursday, Jan. 4; "
    '"we will stay," Gen. Pat Ryder told Reuters, adding that '
)
FIGURES_RUN: Final = "12\u201334\u2013"
SHAPES: Final = ("repeated", "distinct", "figures", "line")


def scaled_page(sample: str, shape: str, copies: int, tag: str = "") -> str:
    """``copies`` of ``sample`` pasted as is (``repeated``) or with every line made distinct
    (``distinct``); or one line of ``copies`` units (``line``, ``figures``). ``tag`` makes
    pages of the same shape and size differ."""
    if shape == "repeated":
        return "\n".join([sample] * copies)
    if shape == "distinct":
        return "\n".join(
            "\n".join(f"{line} ({tag}{n})" if line.strip() else line for line in sample.split("\n"))
            for n in range(copies)
        )
    headline = f"A headline {tag}".rstrip()
    if shape == "figures":
        run = FIGURES_RUN * (20 * copies)
        return f"{headline}\n\n" + FIGURES_UNIT * copies + f"the counts were {run}56.\n"
    if shape == "line":
        return f"{headline}\n\n" + LINE_UNIT * copies + "\n"
    raise ValueError(f"unknown page shape: {shape}")
