"""Figures quoted in an article: value, unit, qualifier, kind, metric, period, who cited them.

`find_numbers` is the entry point; the rules live in analysis/figures/:
- words.py      numbers in words ("Thirty three", "two and a half", "one-quarter")
- scanner.py    what is a figure and its value; masks for what only looks like one (dates, ages,
                reference periods such as "the 12 months to June")
- reading.py    qualifier and range, kind and sign, the unit after a figure
- metrics.py    the metric named in the figure's clause (data/metrics.json), subgroups
- periods.py    the time a figure refers to, resolved against the publication date
- citing.py     who cited a figure, from the quotes around it
- conflicts.py  figures of the same metric, place and period that cannot both be right
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from analysis.figures.citing import CitedQuote, citer
from analysis.figures.conflicts import disagrees, flag_disagreements
from analysis.figures.metrics import clause_around, fallback_metric, metric_of, refers_back, subgroup
from analysis.figures.periods import period_of
from analysis.figures.reading import bounds, kind_and_sign, qualify, unit_after
from analysis.figures.scanner import Found, scan
from analysis.figures.words import WORD_VALUES
from analysis.records import NumberMention, Span

# Number words, for analysis.parsing to tell which paragraphs may hold figures.
WORD_NUMBERS = WORD_VALUES
# How far back a figure with no metric words of its own looks for the figure it follows.
INHERIT_WINDOW = 600

__all__ = ["WORD_NUMBERS", "disagrees", "find_numbers", "flag_disagreements", "period_of", "scan"]


@dataclass(frozen=True)
class _Draft:
    """A figure being built, with what inheriting a metric needs to know."""

    number: NumberMention
    named: bool  # its own clause names the metric
    refers_back: bool  # "That number ...", "It rose to ...": measures what the figure before measured
    kind_class: str


def find_numbers(
    text: str,
    paragraphs: list[tuple[int, int]],
    sentences: list[tuple[int, int]],
    published: date | None,
    cited: list[CitedQuote],
) -> list[NumberMention]:
    """All figures in the given paragraphs. `cited` lists (start, end, speaker id, name, quote id)."""
    drafts: list[_Draft] = []
    for lo, hi in paragraphs:
        for f in scan(text, lo, hi):
            drafts.append(_draft(f"n{len(drafts) + 1}", text, f, (lo, hi), sentences, published, cited))
    return flag_disagreements(_inherit_metrics(drafts))


def _draft(
    nid: str,
    text: str,
    f: Found,
    para: tuple[int, int],
    sentences: list[tuple[int, int]],
    published: date | None,
    cited: list[CitedQuote],
) -> _Draft:
    lo, _ = para
    start, qualifier = qualify(text, f)
    if f.kind == "range":
        qualifier = "between"
    sent = next(((a, b) for a, b in sentences if a <= f.start < b), para)
    kind, sign = kind_and_sign(text, f, sent[0])
    unit = f.unit or unit_after(text, f.end)
    sentence = text[sent[0] : sent[1]]
    clause, clause_start = clause_around(sentence, f.start - sent[0])
    at = f.start - sent[0] - clause_start
    concept = metric_of(clause, at)
    named = concept is not None
    back = not named and refers_back(clause[:at])
    if concept is None:
        concept = metric_of(sentence, f.start - sent[0])
    if concept is None:
        # "More than 600,000 in a single year is not a number ...": the metric was named before
        window_start = max(lo, f.start - 400)
        concept = metric_of(text[window_start : f.start], f.start - window_start)
    low, high = (f.low, f.high) if f.kind == "range" else bounds(f.value, qualifier)
    if unit is None and concept is not None and kind in ("level", "count", "change", "target"):
        unit = "people"
    metric = concept.label if concept else fallback_metric(text, f.end, is_money=f.kind == "money", unit=unit)
    group_of = subgroup(sentence)
    kind_class = "level" if kind in ("level", "count") else kind
    group = None
    if concept is not None:
        group = f"{concept.id}{'@' + group_of if group_of else ''}:{kind_class}"
    elif metric:
        group = f"{re.sub(r'[^a-z0-9]+', '_', metric.lower()).strip('_')}:{kind_class}"
    owner = citer(cited, f.start)
    number = NumberMention(
        id=nid,
        text=text[start : f.end],
        start=start,
        end=f.end,
        value=f.value * sign,
        kind=kind,  # type: ignore[arg-type]
        unit=unit,
        qualifier=qualifier,
        # a fall of "over 90%" is -90 or below: the bounds swap when the sign does
        value_low=(low if sign > 0 else (None if high is None else -high)),
        value_high=(high if sign > 0 else (None if low is None else -low)),
        metric=(metric + (f" ({group_of.title()})" if group_of and concept else "")) if metric else None,
        metric_group=group,
        period=period_of(sentence, published, f.start - sent[0]),
        cited_by=owner[2] if owner else None,
        cited_by_name=owner[3] if owner else None,
        quote_id=owner[4] if owner else None,
        sentence=Span(sentence, sent[0], sent[1]),
        rule=f.rule,
    )
    return _Draft(number, named, back, kind_class)


def _inherit_metrics(drafts: list[_Draft]) -> list[NumberMention]:
    """A figure whose clause names no metric measures what the figure before it measured when it
    refers back to it ("That number is expected to fall to 300,000") or is a bare count ("More
    than 600,000 in a single year is not a number any government can defend")."""
    out: list[NumberMention] = []
    for d in drafts:
        n = d.number
        bare = n.metric_group is None and n.kind in ("level", "count") and n.unit in (None, "people")
        if not d.named and (d.refers_back or bare):
            before = next(
                (
                    b
                    for b in reversed(out)
                    if b.metric_group
                    and 0 <= n.start - b.end <= INHERIT_WINDOW
                    and (b.kind != "duration" if d.refers_back else b.kind in ("level", "count"))
                ),
                None,
            )
            if before is not None and before.metric_group is not None:
                base = before.metric_group.rsplit(":", 1)[0]
                n = replace(
                    n,
                    metric=before.metric,
                    metric_group=f"{base}:{d.kind_class}",
                    unit=n.unit or before.unit,
                    rule=n.rule + "; metric of the figure before",
                )
        out.append(n)
    return out
