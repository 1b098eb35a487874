"""Turn a local PolNeAR checkout into gold files in our format, outside the repository.

    python scripts/polnear_gold.py PATH/TO/PolNeAR [--out DIR] [--split dev --split train]

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates attributions in US political news as brat
standoff: a Source, a Cue and one or more Content spans per attribution. Its data has no licence
for redistribution, so the gold files go to a directory outside the project (by default
~/.cache/stance-explorer/polnear/<split>/) and are never committed. Only the train and dev splits
are converted: the test split is where others measure us, and this script refuses to read it.

Conversion, following the conventions of ../shared/real/README.md:
- a Content that is one quoted span (marks at both ends) is a `direct` quote of the text inside the
  marks; other Contents are `indirect`, and each quoted fragment inside them is also a `direct`
  entry with `partial: true` and `inside` pointing to the indirect entry. A Content whose words
  outside the marks are only glue ("that", "said") gives just the direct entries;
- a Content over several paragraphs gives one entry per paragraph sharing a `group`;
- the speaker is the Source. A pronoun or description is resolved to a name through the CoreNLP
  coreference chains PolNeAR ships (the chain's longest proper-noun mention); attributions
  without a Source are `optional` (they neither reward nor punish);
- PolNeAR labels no stance and no figures: quotes carry no stance and the files list no numbers
  (`numbers_annotated: false`), so scorers skip both.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ALLOWED_SPLITS = ("train", "dev")
PRONOUNS = {"he", "she", "they", "i", "we", "him", "her", "them", "it", "you", "his", "hers", "their", "its"}
GLUE_WORDS = {"that", "said", "says", "and", "but", "he", "she", "they", "it", "as", "of", "to", "the", "a", "in"}
PLURAL_GROUP = re.compile(r"(?:s|people|police|staff|media)$")


@dataclass(frozen=True)
class Piece:
    """A brat text-bound annotation: a label and one or more character ranges."""

    id: str
    label: str
    ranges: tuple[tuple[int, int], ...]


@dataclass
class Relation:
    """One attribution: its Source, Cue and Content pieces (any may be missing)."""

    id: str
    has_source: bool
    roles: dict[str, list[str]] = field(default_factory=dict)


def parse_ann(text: str) -> tuple[dict[str, Piece], list[Relation]]:
    """Pieces and attribution relations of a brat .ann file."""
    pieces: dict[str, Piece] = {}
    relations: list[Relation] = []
    for line in text.splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, _, spans = cols[1].partition(" ")
            ranges = tuple((int(a), int(b)) for a, b in (r.split() for r in spans.split(";")))
            pieces[cols[0]] = Piece(cols[0], label, ranges)
        elif line.startswith("E") and len(cols) >= 2:
            args = cols[1].split()
            if not args:
                continue
            rel = Relation(cols[0], has_source=not args[0].startswith("Attribution-no-source"))
            for arg in args[1:]:
                role, _, ref = arg.partition(":")
                rel.roles.setdefault(re.sub(r"\d+$", "", role), []).append(ref)
            relations.append(rel)
    return pieces, relations


# ----- CoreNLP coreference ------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    pos: str
    ner: str


@dataclass(frozen=True)
class CorefMention:
    start: int
    end: int
    tokens: tuple[Token, ...]


@dataclass(frozen=True)
class Dependency:
    relation: str
    governor: int  # index into CoreNLP.tokens, -1 for the root
    dependent: int


@dataclass(frozen=True)
class CoreNLP:
    """What the converter uses of PolNeAR's CoreNLP XML: tokens with offsets, coreference chains and
    the basic dependency parse."""

    tokens: tuple[Token, ...]
    chains: tuple[tuple[CorefMention, ...], ...]
    dependencies: tuple[Dependency, ...] = ()


def read_corenlp(xml_text: str) -> CoreNLP:
    """Tokens and coreference chains from a CoreNLP XML file, as character offsets into the article."""
    root = ET.fromstring(xml_text)
    by_sentence: dict[int, list[Token]] = {}
    for sent in root.findall("document/sentences/sentence"):
        by_sentence[int(sent.get("id", "0"))] = [
            Token(
                int(t.findtext("CharacterOffsetBegin", "0")),
                int(t.findtext("CharacterOffsetEnd", "0")),
                t.findtext("POS", ""),
                t.findtext("NER", "O"),
            )
            for t in sent.findall("tokens/token")
        ]
    offset, first_of = 0, {}
    for sid in sorted(by_sentence):
        first_of[sid] = offset
        offset += len(by_sentence[sid])
    dependencies = []
    for sent in root.findall("document/sentences/sentence"):
        base = first_of[int(sent.get("id", "0"))]
        for dep in sent.findall("dependencies[@type='basic-dependencies']/dep"):
            gov, dpt = dep.find("governor"), dep.find("dependent")
            if gov is None or dpt is None:
                continue
            g, d = int(gov.get("idx", "0")), int(dpt.get("idx", "0"))
            dependencies.append(Dependency(dep.get("type", ""), base + g - 1 if g else -1, base + d - 1))
    chains = []
    for chain in root.findall("document/coreference/coreference"):
        mentions = []
        for m in chain.findall("mention"):
            toks = by_sentence.get(int(m.findtext("sentence", "0")), [])
            a, b = int(m.findtext("start", "1")) - 1, int(m.findtext("end", "1")) - 1
            if 0 <= a < b <= len(toks):
                mentions.append(CorefMention(toks[a].start, toks[b - 1].end, tuple(toks[a:b])))
        if mentions:
            chains.append(tuple(mentions))
    tokens = tuple(t for s in sorted(by_sentence) for t in by_sentence[s])
    return CoreNLP(tokens, tuple(chains), tuple(dependencies))


# ----- Sources that are not names ----------------------------------------------------------------

RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# The Source marked on the speech verb itself ("said"), an annotation slip: the verb's subject speaks
# (CoreNLP reads the inverted '“...,” said Ann Hale' as the verb's object)
REPORTING_FORMS = re.compile(r"(?i)(?:said|says|say|told|tells|added|adds|wrote|writes|asked|asks|noted|notes)")


def repaired_source(article: str, source: tuple[tuple[int, int], ...], nlp: CoreNLP) -> tuple[tuple[int, int], ...]:
    """The Source span to name the speaker from. A relative pronoun ("the senators, who said") stands
    for the noun phrase it hangs on; a Source on the speech verb stands for that verb's subject."""
    text = clean_source(" ".join(article[a:b] for a, b in source)).lower()
    index = {t.start: i for i, t in enumerate(nlp.tokens)}
    if text in RELATIVE_PRONOUNS and source[0][0] in index:
        head = _antecedent(index[source[0][0]], nlp)
        named = head is not None and nlp.tokens[head].pos in ("NNP", "NNPS")  # only a name: no guessing
        return _phrase_before(head, index[source[0][0]], nlp) if named and head is not None else source
    if REPORTING_FORMS.fullmatch(text) and source[0][0] in index:
        subject = next(
            (
                d.dependent
                for d in nlp.dependencies
                if d.governor == index[source[0][0]]
                and (d.relation == "nsubj" or d.relation == "dobj" and d.dependent > d.governor)
            ),
            None,
        )
        if subject is None or nlp.tokens[subject].pos not in ("NNP", "NNPS"):
            return source
        return _subtree_span(subject, nlp)
    return source


def _antecedent(pronoun: int, nlp: CoreNLP) -> int | None:
    """The noun a relative pronoun's clause hangs on: pronoun <-nsubj- verb <-acl:relcl- noun."""
    verb = next(
        (d.governor for d in nlp.dependencies if d.dependent == pronoun and d.relation.startswith("nsubj")), None
    )
    return next((d.governor for d in nlp.dependencies if d.dependent == verb and d.relation == "acl:relcl"), None)


def _subtree(head: int, nlp: CoreNLP) -> set[int]:
    """The head and its dependents, without clauses hung on it (relative clauses, participles)."""
    out, todo = {head}, [head]
    while todo:
        g = todo.pop()
        for d in nlp.dependencies:
            if d.governor == g and d.dependent not in out and d.relation not in ("acl:relcl", "acl", "punct"):
                out.add(d.dependent)
                todo.append(d.dependent)
    return out


def _subtree_span(head: int, nlp: CoreNLP) -> tuple[tuple[int, int], ...]:
    span = _subtree(head, nlp)
    return ((nlp.tokens[min(span)].start, nlp.tokens[max(span)].end),)


def _phrase_before(head: int, pronoun: int, nlp: CoreNLP) -> tuple[tuple[int, int], ...]:
    """The antecedent's phrase up to the relative pronoun (its comma left out)."""
    span = {i for i in _subtree(head, nlp) if i < pronoun}
    while len(span) > 1 and nlp.tokens[min(span)].pos in ("IN", "TO"):  # "of cities": the noun, not its case
        span.discard(min(span))
    last = max(span)
    while last > min(span) and nlp.tokens[last].pos in (",", ":"):
        last -= 1
    return ((nlp.tokens[min(span)].start, nlp.tokens[last].end),)


# ----- speakers ---------------------------------------------------------------------------------


def clean_source(text: str) -> str:
    """A Source phrase as a name: no possessive, no surrounding punctuation."""
    text = re.sub(r"[’']s$", "", text.strip(' ,.;:—–-"“”'))
    return re.sub(r"\s+", " ", text).strip()


def name_runs(article: str, tokens: tuple[Token, ...]) -> list[tuple[str, str]]:
    """(text, NER label) of each run of capitalised PERSON or ORGANIZATION tokens, outside the title
    (CoreNLP reads a title-case headline as one long name)."""
    title_end = article.find("\n")
    runs: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        label = tokens[i].ner
        if (
            label not in ("PERSON", "ORGANIZATION")
            or not _capitalised(article, tokens[i])
            or tokens[i].start < title_end
        ):
            i += 1
            continue
        j = i
        while (
            j + 1 < len(tokens)
            and (tokens[j + 1].ner == label or _honorific_or_initial(article, tokens[j]))
            and _capitalised(article, tokens[j + 1])
            and tokens[j + 1].start - tokens[j].end <= 1
        ):
            j += 1
        run = article[tokens[i].start : tokens[j].end]
        # CoreNLP sometimes tags "Mr." or "C." alone as the name ("Mr. Devine", "C. Boyden Gray")
        if not all(HONORIFIC_OR_INITIAL.fullmatch(w) for w in run.split()):
            runs.append((run, label))
        i = j + 1
    return runs


HONORIFIC_OR_INITIAL = re.compile(r"(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Col|Lt|St|[A-Z])\.")


def _honorific_or_initial(article: str, token: Token) -> bool:
    return bool(HONORIFIC_OR_INITIAL.fullmatch(article[token.start : token.end]))


def _capitalised(article: str, token: Token) -> bool:
    return token.pos.startswith("NNP") and article[token.start : token.start + 1].isupper()


def canonical_speaker(
    article: str, source_ranges: tuple[tuple[int, int], ...], nlp: CoreNLP | None
) -> tuple[str, list[str], str, bool]:
    """(name, aliases, NER label, proper-named) for a Source: the name it holds itself, else the
    fullest name in its coreference chain; the plain phrase when neither has one."""
    phrase = clean_source(" ".join(article[a:b] for a, b in source_ranges))
    if nlp is None:
        lead = _leading_name(phrase)
        if lead:  # no CoreNLP file: the name at the head of the phrase, not the whole apposition
            return lead, [phrase], "O", True
        proper = bool(re.search(r"\b[A-Z][a-z]", phrase)) and phrase.lower().split()[0] not in PRONOUNS
        return phrase, [], "O", proper
    lo, hi = source_ranges[0][0], source_ranges[-1][1]
    own = name_runs(article, tuple(t for t in nlp.tokens if t.start >= lo and t.end <= hi))
    chain = _chain_for(lo, hi, nlp.chains)
    chain_runs = [r for m in chain for r in name_runs(article, m.tokens)] if chain else []
    own = [r for r in own if not re.match(r"[’']s?\b", article[article.find(r[0], lo) + len(r[0]) :][:2])]
    if own:
        name, label = _heading_name(phrase, own)
        # "Trump" said, and the chain knows him as "Donald Trump"
        fuller = [r for r in chain_runs if r[1] == label and name.split()[-1] in r[0].split() and len(r[0]) > len(name)]
        if fuller:
            full = max(fuller, key=lambda r: (len(r[0].split()) <= 4, len(r[0])))[0]
            return full, [phrase, name], label, True
        return name, [phrase], label, True
    resolved = _chain_name(article, phrase, chain) if chain else None
    if resolved:
        return resolved[0], [phrase], resolved[1], True
    lead = _leading_name(phrase)
    if lead:
        return lead, [phrase], "PERSON", True  # "Dean Johnson, a 55-year-old salesman from Sumter"
    return phrase, [], "O", False


def _leading_name(phrase: str) -> str | None:
    lead = LEADING_NAME.match(phrase)
    if lead and lead.group(0).split()[0].lower() not in ("the", "a", "an") and not re.search(r"[’']s$", lead.group(0)):
        return lead.group(0)
    return None


def _chain_name(article: str, phrase: str, chain: tuple[CorefMention, ...]) -> tuple[str, str] | None:
    """The name a pronoun or description stands for: the fullest name in its coreference chain.
    "he" and "she" take only a person's name, never a place or organisation that CoreNLP put in
    the chain from an apposition ("Kevin Lee, a planner in Eau Claire")."""
    runs = [run for m in chain for run in name_runs(article, m.tokens)]
    if phrase.lower() in PERSONAL_PRONOUNS:
        runs = [run for run in runs if run[1] == "PERSON"]
    if not runs:
        return None
    return max(runs, key=lambda r: (len(r[0].split()) <= 4, len(r[0].split()), -len(r[0])))


PERSONAL_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "i", "me", "my"}


# Two or more capitalised words at the start of a Source, up to an aside: a name CoreNLP missed.
LEADING_NAME = re.compile(r"^[A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+)+(?=,| —| –| who\b| of\b|$)")


def _heading_name(phrase: str, runs: list[tuple[str, str]]) -> tuple[str, str]:
    """The name a Source stands for. English puts modifiers before the head, so within the first
    stretch of the phrase (up to a comma, dash, bracket or "and") the last person is the head
    ("Former Hale spokesman Ray Dunn", "Daily Courier columnist Lee Moss"), unless a
    preposition or participle ties the name to a modifier ("The head of the PAC backing Jeb Bush,
    Mike Murphy": then the next stretch). Never a name inside a relative clause ("Ann Hale, who
    replaced Mr. Ward"). A phrase with no person gives its longest organisation."""
    norm = [(re.sub(r"\s+", " ", r[0]), r[1]) for r in runs]
    head = RELATIVE_CLAUSE.split(phrase, maxsplit=1)[0]
    people = [r for r in norm if r[1] == "PERSON"]
    if not people:
        return max(norm, key=lambda r: len(r[0]))
    for stretch in STRETCH_BREAK.split(head):
        heads = []
        for name, label in people:
            at = stretch.find(name)
            if at < 0:
                continue
            before = stretch[:at].split()
            linked = before and (
                before[-1] in MODIFIER_LINKS or before[-1].endswith("ing") and before[-1] != "including"
            )
            if not linked:
                heads.append((at, (name, label)))
        if heads:
            return max(heads)[1]
    return people[-1]


RELATIVE_CLAUSE = re.compile(r",?\s+(?:who|whom|whose|which|that)\b")
STRETCH_BREAK = re.compile(r",|\s[-—–]{1,2}\s|\s\(|\)|\s+and\s+|\s+as well as\s+")
MODIFIER_LINKS = {"of", "in", "for", "to", "under", "with", "by", "from", "at", "on", "about", "against", "behind"}


def _chain_for(lo: int, hi: int, chains: tuple[tuple[CorefMention, ...], ...]) -> tuple[CorefMention, ...] | None:
    """The coreference chain with the mention that covers the most of [lo, hi)."""
    best, best_overlap = None, 0
    for chain in chains:
        for m in chain:
            ov = min(hi, m.end) - max(lo, m.start)
            if ov > best_overlap or ov == best_overlap and ov > 0 and best is not None and len(chain) > len(best):
                best, best_overlap = chain, ov
    return best


def _a_person_after_all(name: str, person_surnames: set[str]) -> bool:
    """CoreNLP sometimes labels a person's name an organisation ("Hale" of "the Hale campaign",
    "Mr. Dunn"): a name with an honorific, or one ending in the surname of a person the article
    names, is a person."""
    words = name.split()
    if len(words) == 2 and PERSONAL_HONORIFIC.fullmatch(words[0]):
        return True
    return len(words) == 1 and words[0] in person_surnames


PERSONAL_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.")


def speaker_type(name: str, ner: str) -> str:
    """Our speaker types from a CoreNLP label; plural common nouns ("officials") are groups."""
    if ner == "PERSON":
        return "person"
    if ner == "ORGANIZATION":
        return "organisation"
    low = name.lower()
    if low.split()[-1:] and PLURAL_GROUP.search(low.split()[-1]) and not name[:1].isupper():
        return "group"
    return "person"


# ----- quotes -----------------------------------------------------------------------------------


def paragraph_pieces(article: str, start: int, end: int) -> list[tuple[int, int]]:
    """A content range cut at paragraph breaks, each piece trimmed of spaces."""
    out = []
    pos = start
    for part in article[start:end].split("\n"):
        a, b = pos, pos + len(part)
        while a < b and article[a].isspace():
            a += 1
        while b > a and article[b - 1].isspace():
            b -= 1
        if b - a >= 2:
            out.append((a, b))
        pos += len(part) + 1
    return out


def _marks(article: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(position, width, "open" | "close" | "either") of each double quote mark; two apostrophes
    ('') are one mark, as the New York Times writes them."""
    out = []
    i = start
    while i < end:
        ch = article[i]
        if article.startswith("''", i) and i + 1 < end:
            out.append((i, 2, "either"))
            i += 2
            continue
        if ch in "“«":
            out.append((i, 1, "open"))
        elif ch in "”»":
            out.append((i, 1, "close"))
        elif ch == '"':
            out.append((i, 1, "either"))
        i += 1
    return out


def quoted_spans(article: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) inside the marks of each double-quoted span in article[start:end]."""
    out: list[tuple[int, int]] = []
    marks = _marks(article, start, end)
    if marks and marks[0][2] == "close" and marks[0][0] - start > 3:
        # a paragraph that continues a quote opened in the paragraph before
        out.append((start, marks[0][0]))
        marks = marks[1:]
    open_at: tuple[int, int] | None = None
    for pos, width, kind in marks:
        can_open = kind == "open" or kind == "either" and (pos == start or not article[pos - 1].isalnum())
        if open_at is None and can_open:
            open_at = (pos, width)
        elif open_at is not None and kind in ("close", "either") and pos > open_at[0] + open_at[1]:
            out.append((open_at[0] + open_at[1], pos))
            open_at = None
    if open_at is not None and end - open_at[0] > 3:
        out.append((open_at[0] + open_at[1], end))  # a quote that runs on into the next paragraph
    return out


def _strip_span(article: str, a: int, b: int, chars: str) -> tuple[int, int]:
    while a < b and (article[a] in chars or article[a].isspace()):
        a += 1
    while b > a and (article[b - 1] in chars or article[b - 1].isspace()):
        b -= 1
    return a, b


def _enclosing_quote(article: str, start: int, end: int) -> tuple[int, int] | None:
    """The quoted span of its paragraph that holds [start, end), if any."""
    para_start = article.rfind("\n", 0, start) + 1
    para_end = article.find("\n", end)
    para_end = len(article) if para_end < 0 else para_end
    return next(((qa, qb) for qa, qb in quoted_spans(article, para_start, para_end) if qa <= start and end <= qb), None)


def merge_pieces_of_one_quote(article: str, quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """PolNeAR may split one quote into several attributions, sentence by sentence; our convention
    is one entry per contiguous quoted span, so direct pieces of one span by one speaker merge."""
    out: list[dict[str, Any]] = []
    seen: dict[tuple[int, int, str | None], dict[str, Any]] = {}
    for q in quotes:
        span = _enclosing_quote(article, q["start"], q["end"]) if q["kind"] == "direct" and not q["inside"] else None
        if span is None:
            out.append(q)
            continue
        qa, qb = _strip_span(article, span[0], span[1], ",'")
        key = (qa, qb, q["speaker"])
        if key in seen:
            seen[key]["optional"] = seen[key]["optional"] and q["optional"]
            continue
        merged = dict(q, start=qa, end=qb, text=article[qa:qb], partial=False)
        seen[key] = merged
        out.append(merged)
    return out


def _inside_a_quote(article: str, start: int, end: int) -> bool:
    """Whether [start, end) lies inside one quoted span of its paragraph without holding its marks."""
    para_start = article.rfind("\n", 0, start) + 1
    para_end = article.find("\n", end)
    para_end = len(article) if para_end < 0 else para_end
    for qa, qb in quoted_spans(article, para_start, para_end):
        if qa <= start and end <= qb and (qa < start or qb > end):
            return True
    return False


def content_entries(article: str, ranges: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Quote entries (kind, start, end, partial, inside-index) for one attribution's Content."""
    entries: list[dict[str, Any]] = []
    for start, end in ranges:
        for a, b in paragraph_pieces(article, start, end):
            core_a, core_b = _strip_span(article, a, b, ",.;:—–-")
            if _inside_a_quote(article, core_a, core_b):
                # a sentence picked out of a longer quote: the marks are outside the piece
                qa, qb = _strip_span(article, core_a, core_b, "\"“”'")
                entries.append({"kind": "direct", "start": qa, "end": qb, "partial": True, "inside": None})
                continue
            quotes = quoted_spans(article, core_a, core_b)
            outside = article[core_a:core_b]
            for qa, qb in reversed(quotes):
                outside = outside[: qa - core_a] + " " + outside[qb - core_a :]
            outside_words = [w for w in re.findall(r"[A-Za-z][A-Za-z’']*", outside) if w.lower() not in GLUE_WORDS]
            if quotes and len(outside_words) <= 1:
                for qa, qb in quotes:
                    qa, qb = _strip_span(article, qa, qb, ",'")
                    if qb > qa:
                        entries.append(
                            {"kind": "direct", "start": qa, "end": qb, "partial": len(quotes) > 1, "inside": None}
                        )
                continue
            lead = re.match(r"(?:that|whether|if)\s+", article[core_a:core_b], re.I)
            ia = core_a + (lead.end() if lead else 0)
            entries.append({"kind": "indirect", "start": ia, "end": core_b, "partial": False, "inside": None})
            parent = len(entries) - 1
            for qa, qb in quotes:
                qa, qb = _strip_span(article, qa, qb, ",'")
                if qb > qa:
                    entries.append({"kind": "direct", "start": qa, "end": qb, "partial": True, "inside": parent})
    return entries


def convert(article: str, ann_text: str, coref_xml: str | None, *, name: str, published: str | None) -> dict[str, Any]:
    """One gold file (our format) from an article, its brat annotation and its CoreNLP XML."""
    pieces, relations = parse_ann(ann_text)
    nlp = read_corenlp(coref_xml) if coref_xml else None
    # surnames of people the article names in full ("Ann Hale"): a bare "Hale" is that person
    full_names = [r[0].split() for r in name_runs(article, nlp.tokens) if r[1] == "PERSON"] if nlp else []
    person_surnames = {words[-1] for words in full_names if len(words) >= 2}
    speakers: dict[str, dict[str, Any]] = {}
    quotes: list[dict[str, Any]] = []
    for rel in sorted(
        relations,
        key=lambda r: min((pieces[c].ranges[0][0] for c in r.roles.get("Content", []) if c in pieces), default=0),
    ):
        contents = [pieces[c] for c in rel.roles.get("Content", []) if c in pieces]
        if not contents:
            continue
        source = next((pieces[s] for s in rel.roles.get("Source", []) if s in pieces), None)
        cue = next((pieces[c] for c in rel.roles.get("Cue", []) if c in pieces), None)
        speaker_id, proper = None, False
        if source is not None:
            source_ranges = repaired_source(article, source.ranges, nlp) if nlp else source.ranges
            sp_name, aliases, ner, proper = canonical_speaker(article, source_ranges, nlp)
            if ner == "ORGANIZATION" and _a_person_after_all(sp_name, person_surnames):
                ner = "PERSON"
            speaker_id = re.sub(r"[^a-z0-9]+", "-", sp_name.lower()).strip("-") or "speaker"
            entry = speakers.setdefault(
                speaker_id,
                {
                    "id": speaker_id,
                    "name": sp_name,
                    "aliases": [],
                    "role": None,
                    "party": None,
                    "country": None,
                    "type": speaker_type(sp_name, ner),
                    "proper_name": proper,
                },
            )
            # "The White House" is also "White House": the scorer compares names without articles
            bare = [re.sub(r"^(?:the|The)\s+", "", a) for a in aliases]
            entry["aliases"] = list(dict.fromkeys(entry["aliases"] + [a for a in aliases + bare if a != sp_name]))
        ranges = sorted(r for c in contents for r in c.ranges)
        entries = content_entries(article, ranges)
        group = f"g-{rel.id}" if len(entries) > 1 else None
        first_id = len(quotes) + 1
        for k, e in enumerate(entries):
            qid = f"q{first_id + k}"
            quotes.append(
                {
                    "id": qid,
                    "kind": e["kind"],
                    "text": article[e["start"] : e["end"]],
                    "start": e["start"],
                    "end": e["end"],
                    "speaker": speaker_id,
                    "cue": " ".join(article[a:b] for a, b in cue.ranges) if cue else None,
                    "group": group,
                    "partial": e["partial"],
                    "inside": f"q{first_id + e['inside']}" if e["inside"] is not None else None,
                    "optional": source is None,
                    "in_title": "\n" not in article[: e["start"]],
                    "about_migration": None,
                    "stance": {},
                    "frames": [],
                    "proper_speaker": proper,
                    # where the annotators marked the Source, to tell "the mayor" resolved from a wrong source
                    "source_span": [source.ranges[0][0], source.ranges[-1][1]] if source is not None else None,
                }
            )
    quotes = merge_pieces_of_one_quote(article, quotes)
    return {
        "article": f"{name}.txt",
        "source": f"{name}.txt",
        "title": article.split("\n", 1)[0].strip(),
        "published": published,
        "corpus": "PolNeAR",
        "numbers_annotated": False,
        "stance_annotated": False,
        "speakers": list(speakers.values()),
        "quotes": quotes,
        "numbers": [],
        "scare_quotes": [],
        "same_metric_groups": [],
    }


# ----- the checkout -----------------------------------------------------------------------------


def read_metadata(root: Path) -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    path = root / "data" / "metadata.tsv"
    if not path.exists():
        return rows
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t")))
        rows[row.get("filename", "")] = row
    return rows


def annotation_for(split_dir: Path, name: str, annotators: list[str]) -> Path | None:
    """One annotator's file per article (the first listed), so no article counts twice."""
    for who in annotators + sorted(p.stem.rsplit("_", 1)[-1] for p in split_dir.glob(f"attributions/{name}_*.ann")):
        path = split_dir / "attributions" / f"{name}_{who}.ann"
        if path.exists():
            return path
    return None


def convert_split(root: Path, split: str, out_dir: Path) -> int:
    if split not in ALLOWED_SPLITS:
        raise SystemExit(
            f"refusing split {split!r}: only {', '.join(ALLOWED_SPLITS)} may be read (test is for measuring)"
        )
    split_dir = root / "data" / split
    meta = read_metadata(root)
    (out_dir / "gold").mkdir(parents=True, exist_ok=True)
    (out_dir / "articles").mkdir(parents=True, exist_ok=True)
    n = 0
    for text_path in sorted((split_dir / "text").glob("*.txt")):
        name = text_path.stem
        row = meta.get(name, {})
        ann = annotation_for(split_dir, name, [a for a in row.get("annotators", "").split("|") if a])
        if ann is None:
            continue
        article = text_path.read_text(encoding="utf-8")
        xml_path = split_dir / "corenlp" / f"{name}.txt.xml"
        coref = xml_path.read_text(encoding="utf-8") if xml_path.exists() else None
        gold = convert(
            article, ann.read_text(encoding="utf-8"), coref, name=name, published=row.get("publication_date") or None
        )
        (out_dir / "articles" / f"{name}.txt").write_text(article, encoding="utf-8")
        (out_dir / "gold" / f"{name}.json").write_text(
            json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        n += 1
    return n


def default_out() -> Path:
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "stance-explorer" / "polnear"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkout", type=Path, help="a local PolNeAR checkout (holds data/<split>/text ...)")
    parser.add_argument("--out", type=Path, default=default_out(), help="where the gold files go (outside the repo)")
    parser.add_argument("--split", action="append", choices=ALLOWED_SPLITS, help="split(s) to convert (default both)")
    args = parser.parse_args(argv)
    repo = Path(__file__).resolve().parent.parent
    if args.out.resolve().is_relative_to(repo):
        parser.error("the PolNeAR gold may not be written inside the repository (no licence to redistribute)")
    for split in args.split or ALLOWED_SPLITS:
        n = convert_split(args.checkout, split, args.out / split)
        print(f"{split}: {n} articles -> {args.out / split}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
