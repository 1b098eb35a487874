"""Who cited a figure: the speaker whose direct or reported speech holds it, from the quotes the
attribution stage found, each as (start, end, speaker id, speaker name, quote id)."""

from __future__ import annotations

CitedQuote = tuple[int, int, "str | None", "str | None", str]


def citer(quotes: list[CitedQuote], pos: int) -> CitedQuote | None:
    """The quote that reports the figure at `pos`: the innermost one around it whose speaker is
    known (a minister's figure inside a spokesperson's quote is the minister's), else the innermost."""
    around = sorted((q for q in quotes if q[0] <= pos < q[1]), key=lambda q: q[1] - q[0])
    return next((q for q in around if q[2] is not None), around[0] if around else None)
