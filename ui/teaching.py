"""How it works, in plain words: names for spaCy's labels, and the explanation of one quote as escaped HTML.

Written for a class of 16-year-olds on a 1,280x720 projector: large type, details that open on a
click or tap (<details>), never in a hover tooltip. No Streamlit here, so tests can call it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

# spaCy's dependency labels (ClearNLP / English), POS tags and entity labels, as plain words.
DEP_NAMES: dict[str, str] = {
    "nsubj": "subject",
    "nsubjpass": "subject (passive)",
    "csubj": "subject clause",
    "dobj": "object",
    "obj": "object",
    "iobj": "indirect object",
    "pobj": "object of preposition",
    "ccomp": "clause said",
    "xcomp": "open clause",
    "advcl": "adverb clause",
    "acl": "clause about a noun",
    "relcl": "relative clause",
    "amod": "describing word",
    "advmod": "adverb",
    "det": "determiner",
    "prep": "preposition",
    "poss": "owner",
    "compound": "part of a name",
    "appos": "another name for",
    "conj": "joined",
    "cc": "and/or",
    "aux": "helper verb",
    "auxpass": "helper verb (passive)",
    "neg": "not",
    "punct": "punctuation",
    "mark": "clause marker",
    "attr": "attribute",
    "acomp": "adjective complement",
    "nummod": "number",
    "quantmod": "number modifier",
    "npadvmod": "noun as adverb",
    "agent": "by whom",
    "prt": "verb particle",
    "case": "possessive 's",
    "expl": "placeholder",
    "dative": "to whom",
    "oprd": "predicate",
    "pcomp": "clause after preposition",
    "nmod": "noun modifier",
    "parataxis": "side clause",
    "intj": "interjection",
    "dep": "unclassified link",
    "ROOT": "main verb",
}
POS_NAMES: dict[str, str] = {
    "NOUN": "noun",
    "PROPN": "name",
    "PRON": "pronoun",
    "VERB": "verb",
    "AUX": "helper verb",
    "ADJ": "adjective",
    "ADV": "adverb",
    "ADP": "preposition",
    "DET": "determiner",
    "NUM": "number",
    "CCONJ": "and/or",
    "SCONJ": "clause word",
    "PART": "particle",
    "PUNCT": "punctuation",
    "SYM": "symbol",
    "INTJ": "interjection",
    "SPACE": "space",
    "X": "other",
}
ENT_NAMES: dict[str, str] = {
    "PERSON": "person",
    "GPE": "country or city",
    "LOC": "place",
    "NORP": "nationality or group",
    "ORG": "organisation",
    "DATE": "date",
    "TIME": "time",
    "CARDINAL": "number",
    "ORDINAL": "order (first, second)",
    "PERCENT": "percentage",
    "MONEY": "money",
    "QUANTITY": "amount",
    "FAC": "building or place",
    "EVENT": "event",
    "LAW": "law",
    "PRODUCT": "product",
    "WORK_OF_ART": "title of a work",
    "LANGUAGE": "language",
}
MENTION_KINDS = {"pronoun", "office", "title", "description", "role", "possessive"}
DIRECTION_MEANING = {
    "restrictive": "wants less migration or tougher rules",
    "open": "wants more migration, safer routes or more protection",
    "mixed": "says things pointing both ways",
    "neutral": "is about migration but takes no side",
    "unclear": "the rules could not tell",
    "n/a": "is not about migration",
}
GOVERNMENT_MEANING = {
    "supports": "backs the government's migration policy",
    "opposes": "criticises the government's migration policy",
    "neutral": "takes no side on the government",
    "n/a": "says nothing about the government",
}


def dep_name(label: str) -> str:
    """A dependency label in plain words (the label itself when unknown)."""
    return DEP_NAMES.get(label, label)


def plain_parse(sent: Any) -> dict[str, Any]:
    """displaCy's manual input for a sentence, with plain names for its words' kinds and links."""
    words = [{"text": t.text, "tag": POS_NAMES.get(t.pos_, t.pos_)} for t in sent]
    arcs = []
    base = sent[0].i
    for t in sent:
        if t.dep_ == "ROOT" or t.head.i == t.i or not (sent.start <= t.head.i < sent.end):
            continue
        start, end = sorted((t.i - base, t.head.i - base))
        arcs.append(
            {"start": start, "end": end, "label": dep_name(t.dep_), "dir": "left" if t.i < t.head.i else "right"}
        )
    return {"words": words, "arcs": arcs}


def plain_entities(doc: Any) -> dict[str, Any]:
    """displaCy's manual input for the entity view, with plain names for the labels."""
    return {
        "text": doc.text,
        "ents": [
            {"start": e.start_char, "end": e.end_char, "label": ENT_NAMES.get(e.label_, e.label_)} for e in doc.ents
        ],
        "title": None,
    }


@dataclass(frozen=True)
class Link:
    """A speaker mention that is not a name (a pronoun, a title) and the earlier naming it was linked to."""

    mention: str
    mention_start: int
    mention_rule: str
    named: str | None
    named_start: int | None


def earlier_naming(quote: Any, speakers: list[Any]) -> Link | None:
    """For a quote whose speaker is named by a pronoun, title or description: the speaker's last naming before it.

    None when the quote's speaker mention is itself a name (or there is none).
    """
    m = quote.speaker_mention
    if m is None or quote.speaker_id is None:
        return None
    rule = (m.rule or "").lower()
    if not any(k in rule for k in MENTION_KINDS):
        return None
    speaker = next((s for s in speakers if s.id == quote.speaker_id), None)
    names = [
        x
        for x in (speaker.mentions if speaker else ())
        if x.start < m.start and not any(k in (x.rule or "").lower() for k in MENTION_KINDS)
    ]
    named = max(names, key=lambda x: x.start) if names else None
    return Link(m.text, m.start, m.rule, named.text if named else None, named.start if named else None)


CSS = """
<style>
.se-teach{font-size:1.3rem;line-height:1.7}
.se-teach details{border:2px solid #E5E7EB;border-radius:0.5rem;padding:0.4rem 0.8rem;margin:0.5rem 0}
.se-teach details[open]{background:#F9FAFB}
.se-teach summary{cursor:pointer;font-weight:700;min-height:2.4rem;display:list-item}
.se-teach .se-passage{font-size:1.3rem;line-height:2.1;border-left:6px solid #9CA3AF;padding-left:0.8rem}
.se-teach mark{color:inherit;padding:0 0.15rem;border-radius:0.2rem}
.se-teach .se-t-quote{background:#FEF3C7}
.se-teach .se-t-cue{background:#BFDBFE;font-weight:700}
.se-teach .se-t-mention{background:#BBF7D0;font-weight:700}
.se-teach .se-t-named{background:#DDD6FE;font-weight:700}
.se-teach .se-gap{color:#6B7280;font-weight:700;margin:0.2rem 0}
.se-teach .se-tag{font-size:0.8rem;vertical-align:super;font-weight:700;margin-left:0.1rem}
.se-link{display:flex;flex-wrap:wrap;align-items:center;gap:0.6rem;font-size:1.3rem;margin:0.6rem 0}
.se-link .se-arrow{font-size:1.6rem;color:#6D28D9;font-weight:700}
.se-key{display:flex;flex-wrap:wrap;gap:0.4rem 1.2rem;font-size:1.05rem;margin:0.3rem 0 0.6rem 0}
</style>
"""


def _e(text: object) -> str:
    return html.escape(str(text))


def passage_html(text: str, ranges: list[tuple[int, int]], marks: list[tuple[int, int, str, str]]) -> str:
    """The pieces text[lo:hi] of `ranges` (in order, joined by '…') with non-overlapping marks
    [(start, end, css class, tag)], everything escaped, under a key to the colours."""
    pieces = []
    for lo, hi in ranges:
        out, pos = [], lo
        for start, end, cls, tag in sorted(m for m in marks if lo <= m[0] < m[1] <= hi):
            if start < pos:
                continue  # overlaps a mark already drawn (a cue inside the quote is marked by the quote)
            out.append(_e(text[pos:start]))
            out.append(f'<mark class="{cls}">{_e(text[start:end])}<span class="se-tag">{_e(tag)}</span></mark>')
            pos = end
        out.append(_e(text[pos:hi]))
        pieces.append("".join(out))
    key = (
        '<div class="se-key"><span><mark class="se-t-quote">quote</mark></span>'
        '<span><mark class="se-t-cue">speech word</mark></span>'
        '<span><mark class="se-t-mention">who says it</mark></span>'
        '<span><mark class="se-t-named">earlier name</mark></span></div>'
    )
    return key + '<div class="se-passage">' + '<div class="se-gap">…</div>'.join(pieces) + "</div>"


def passage_ranges(
    text: str, points: list[int], named: tuple[int, int] | None, *, limit: int = 700
) -> list[tuple[int, int]]:
    """Where to cut the passage: the lines around `points` (quote, cue, mention), at most `limit`
    characters around the first point; and, when the earlier name lies outside that, a piece of its
    own line before it, so the class sees both ends of the link."""

    def lines(lo: int, hi: int) -> tuple[int, int]:
        end = text.find("\n", hi)
        return text.rfind("\n", 0, lo) + 1, len(text) if end == -1 else end

    lo, hi = lines(min(points), max(points))
    if hi - lo > limit:
        anchor = points[0]
        lo, hi = max(lo, anchor - limit // 2), min(hi, anchor + limit // 2)
    if named is None or lo <= named[0] and named[1] <= hi:
        return [(lo, hi)]
    nlo, nhi = lines(*named)
    if named[0] < lo and lo - named[0] < limit // 3:  # just before the passage: start it earlier
        return [(max(nlo, named[0] - 80), hi)]
    nlo, nhi = max(nlo, named[0] - limit // 4), min(nhi, named[1] + limit // 4)
    return [(nlo, nhi), (lo, hi)] if nhi <= lo else [(lo, hi), (nlo, nhi)]


def link_html(link: Link, speaker_name: str | None) -> str:
    """The pronoun (or title) drawn as a link to the earlier mention it was resolved to."""
    target = (
        f'<mark class="se-t-named">{_e(link.named)}</mark> <span class="se-muted">(character {link.named_start})</span>'
        if link.named
        else f"<b>{_e(speaker_name or 'the speaker')}</b> (from the registry of office holders: no earlier name)"
    )
    return (
        f'<div class="se-link" data-mention="{_e(link.mention)}" data-named="{_e(link.named or "")}">'
        f'<mark class="se-t-mention">{_e(link.mention)}</mark>'
        f'<span class="se-arrow" aria-label="refers back to">⟶ refers back to ⟶</span>{target}</div>'
    )


def explanation_html(quote: Any, link: Link | None) -> str:
    """The quote explained step by step, each step a <details> that opens on click or tap."""
    speaker = quote.speaker_name or "nobody (the analyser could not tell)"
    steps = []
    if quote.cue:
        steps.append(
            (
                f"1. The speech word: “{_e(quote.cue)}”",
                f"The analyser looks for words that report speech (said, warned, told…). "
                f"Here it found “{_e(quote.cue)}”, which tells us someone is speaking.",
            )
        )
    else:
        steps.append(("1. No speech word", "No speech word was found; the layout of the text gave the speaker."))
    m = quote.speaker_mention
    if m is not None:
        body = f"The words “{_e(m.text)}” name who is speaking: {_e(speaker)}."
        if link is not None:
            if link.named:
                body += (
                    f" “{_e(link.mention)}” is not a name ({_e(link.mention_rule)}), so the analyser linked it back "
                    f"to the earlier mention “{_e(link.named)}”: the same person."
                )
            else:
                body += f" “{_e(link.mention)}” is a {_e(link.mention_rule)}; the registry of office holders says who held it."
        steps.append((f"2. Who is speaking: {_e(speaker)}", body))
    else:
        steps.append(("2. Who is speaking", f"No mention of the speaker was linked. Speaker: {_e(speaker)}."))
    st = quote.stance
    cues = ", ".join(f"“{_e(ev.text)}” ({_e(ev.label.replace(':', ': '))})" for ev in st.evidence) or "none"
    steps.append(
        (
            f"3. Stance: {_e(st.migration)} on migration",
            f"Stance cue words: {cues}. “{_e(st.migration)}” means the quote "
            f"{_e(DIRECTION_MEANING.get(st.migration, st.migration))}; toward the government it "
            f"{_e(GOVERNMENT_MEANING.get(st.government, st.government))}.",
        )
    )
    steps.append(
        ("4. The rule, in one sentence", f"The quote was given to {_e(speaker)} by the rule: {_e(quote.rule)}.")
    )
    return "".join(
        f'<details class="se-step"{" open" if i == 0 else ""}><summary>{head}</summary><div>{body}</div></details>'
        for i, (head, body) in enumerate(steps)
    )
