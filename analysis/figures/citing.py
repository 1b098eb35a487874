"""Who cited a figure: the speaker whose direct or reported speech holds it, from the quotes the
attribution stage found, each as (start, end, speaker id, speaker name, quote id) and, where
known, the start of the speech verb that introduces it."""

from __future__ import annotations

CitedQuote = tuple  # (start, end, speaker_id, speaker_name, quote_id[, cue_start])


def citer(quotes: list[CitedQuote], pos: int, sentence: tuple[int, int]) -> CitedQuote | None:
    """The quote that reports the figure at `pos`.

    The innermost quote around the figure whose speaker is known wins (a minister's figure inside
    a spokesperson's quote is the minister's), else the innermost. A figure in no quote but
    between a speech verb and the quote it introduces, in one sentence, is in the speaker's
    reported words: "Trump said the reason ... in the trillion-dollar plan “is that we need 60
    votes”" (a mixed quote whose paraphrase was not found as reported speech). Words after a
    quoted fragment are not: in "said there was “no end in sight” to a dispute that began more
    than a year ago" the narrator dates the dispute."""
    around = sorted((q for q in quotes if q[0] <= pos < q[1]), key=lambda q: q[1] - q[0])
    if around:
        return next((q for q in around if q[2] is not None), around[0])
    s0, s1 = sentence
    introduced = [q for q in quotes if len(q) > 5 and q[5] is not None and q[2] is not None
                  and s0 <= q[5] < pos < q[0] < s1]
    return min(introduced, key=lambda q: q[0] - pos) if introduced else None
