"""analyze(text, ...) -> Analysis: the one entry point everything calls.

Stages: ingest (HTML, date, page chrome) -> parse paragraphs with spaCy -> speakers ->
quoted spans and their attribution -> reported speech -> stance -> numbers.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Iterable
from datetime import date

from spacy.language import Language

from analysis.attribution import Attribution, attribute_chain
from analysis.attribution_rules import AttributionRule
from analysis.blocks import (
    Turn,
    attributable_to,
    block_after_intro,
    heading_says_after,
    headline_claim,
    headline_dash_source,
    headline_speech_act,
    is_heading,
    labelled_speech,
    paragraphs_after,
    signed_quote,
    speaker_line,
    speech_body,
    speech_title,
    stripped_span,
    transcript_turns,
)
from analysis.cue_speakers import resolve_cue
from analysis.cues import Cue, cue_subject_name, find_cues, is_finite_report
from analysis.ingest import IngestedText, InputError, ingest, month_only, parse_date
from analysis.lexical import lemma
from analysis.nlp import load_nlp
from analysis.numbers import find_numbers
from analysis.parsing import parse_paragraphs
from analysis.quotes import Paragraph, QuoteChain, chain_quotes, find_quoted_spans, split_paragraphs
from analysis.records import Analysis, Article, Mention, Quote, Span
from analysis.registry import Registry, load_registry
from analysis.reported_speech import reported_speech
from analysis.speaker_phrases import strip_the
from analysis.speakers import Entity, Parsed, SpeakerBook
from analysis.speech_words import REPORTING_VERBS
from analysis.stance import SpeakerFacts, migration_cue_count, quote_stance
from analysis.version import analyser_version

ANALYSER_VERSION = analyser_version()
MIGRATION_ARTICLE_CUES = 3

__all__ = ["ANALYSER_VERSION", "InputError", "analyze", "analyze_many"]


# Claims a headline or heading gives to a speaker: reported speech, not words in quote marks
HEADING_CLAIMS = frozenset({"headline_claim", "headline_speech_act", "headline_dash_source", "heading_says_after"})
# Attributions read from the paragraphs around a quote, not from its own sentence: a signature wins
GUESSED_FROM_CONTEXT = frozenset({"continues_previous_speaker", "reporter_of_previous_paragraph"})
# Heading rules that give way where the parser read the same words as reported speech
PARSER_FIRST = frozenset({"headline_speech_act", "heading_says_after"})


def analyze(
    text: str,
    *,
    published: date | str | None = None,
    title: str | None = None,
    source: str | None = None,
    nlp: Language | None = None,
    registry: Registry | None = None,
) -> Analysis:
    """Analyse one article (plain text or HTML). Raises InputError for input that cannot be analysed.

    `registry` replaces the bundled registry of office holders (e.g. one extended with speakers
    that users added)."""
    return analyze_many([text], published=[published], titles=[title], sources=[source], nlp=nlp, registry=registry)[0]


def analyze_many(
    texts: Iterable[str],
    *,
    published: Iterable[date | str | None] | None = None,
    titles: Iterable[str | None] | None = None,
    sources: Iterable[str | None] | None = None,
    nlp: Language | None = None,
    batch_size: int = 256,
    registry: Registry | None = None,
) -> list[Analysis]:
    """Analyse many articles, parsing all their paragraphs in one `nlp.pipe` stream."""
    texts = list(texts)
    n = len(texts)
    published = list(published) if published is not None else [None] * n
    titles = list(titles) if titles is not None else [None] * n
    sources = list(sources) if sources is not None else [None] * n
    ingested = [
        _month_rule(ingest(t, title=ti, published=parse_date(p) if isinstance(p, str) else p), p)
        for t, p, ti in zip(texts, published, titles)
    ]
    nlp = nlp or load_nlp()
    plans = [_content_paragraphs(ing) for ing in ingested]
    flat = [para.text for plan in plans for para in plan]
    docs = parse_paragraphs(nlp, flat, batch_size=batch_size)
    out = []
    for ing, plan, src in zip(ingested, plans, sources):
        parsed = [Parsed(next(docs), para.start) for para in plan]
        out.append(_build(ing, parsed, src, registry or load_registry()))
    return out


def _month_rule(ing: IngestedText, given: object) -> IngestedText:
    """Say so when the date given was a month alone: the page shows the day as a stand-in."""
    if ing.published is not None and ing.published_rule == "given" and month_only(given):
        return dataclasses.replace(ing, published_rule="given (month only: the 1st stands for it)")
    return ing


def _content_paragraphs(ing: IngestedText) -> list[Paragraph]:
    """Paragraphs that are article prose (the headline included, page chrome left out)."""
    chrome = {(c.start, c.end) for c in ing.chrome if c.kind != "heading"}
    out = []
    for para in split_paragraphs(ing.text):
        lead = len(para.text) - len(para.text.lstrip())
        s, e = para.start + lead, para.start + lead + len(para.text.strip())
        if (s, e) not in chrome:
            out.append(para)
    return out


def _build(ing: IngestedText, parsed: list[Parsed], source: str | None, registry: Registry) -> Analysis:
    text = ing.text
    content = [(p.base, p.base + len(p.text)) for p in parsed]

    def in_content(pos: int) -> bool:
        return any(a <= pos < b for a, b in content)

    spans = [s for s in find_quoted_spans(text) if in_content(s.start)]
    chains = chain_quotes(text, spans)
    quoted = [(c.start, c.end) for c in chains]
    cues_by_para = {p.base: find_cues(p, quoted) for p in parsed}
    speaker_names = [span for p in parsed for cue in cues_by_para[p.base] if (span := cue_subject_name(p, cue, text))]
    book = SpeakerBook(text, parsed, registry, ing.published, quoted, speaker_names)
    article_migration = migration_cue_count(text) >= MIGRATION_ARTICLE_CUES

    blocks = [
        (s, e, a) for s, e, a in _layout_speech(split_paragraphs(text), parsed, book, cues_by_para) if in_content(s)
    ]
    in_block = [(s, e) for s, e, _ in blocks]

    def inside_block(pos: int) -> bool:
        return any(a <= pos < b for a, b in in_block)

    drafts: list[Draft] = [(s, e, "indirect" if a.rule_id in HEADING_CLAIMS else "direct", a, 1) for s, e, a in blocks]
    direct, scare = _quoted_drafts(text, chains, blocks, book, parsed, cues_by_para, inside_block)
    drafts += direct
    reported = _reported_drafts(parsed, book, cues_by_para, quoted, inside_block)
    # "Rwanda scheme is working, says Sunak": where the parser read a heading's claim, its reading wins
    drafts = [d for d in drafts if d[3].rule_id not in PARSER_FIRST or not any(_overlap(d, r) for r in reported)]
    drafts = [_inside_report(d, reported) for d in drafts] + reported
    drafts.sort(key=lambda d: d[0])

    quotes = []
    for i, (s, e, kind, attribution, n_parts) in enumerate(drafts, start=1):
        quotes.append(_quote(f"q{i}", s, e, kind, attribution, n_parts, book, parsed, article_migration))

    cited = [(q.start, q.end, q.speaker_id, q.speaker_name, q.id) for q in quotes]
    sentences = [(p.base + sent.start_char, p.base + sent.end_char) for p in parsed for sent in p.sentences()]
    numbers = find_numbers(text, content, sentences, ing.published, cited)
    quoted_ids = {q.speaker_id for q in quotes if q.speaker_id} | {c for q in quotes for c in q.co_speaker_ids}
    article = Article(
        id=_article_id(ing),
        text=text,
        title=ing.title,
        published=ing.published,
        source=source,
        content_hash=ing.content_hash,
        published_rule=ing.published_rule,
    )
    return Analysis(
        article=article,
        speakers=book.speakers(quoted_ids),
        quotes=tuple(quotes),
        numbers=tuple(numbers),
        chrome=ing.chrome,
        scare_quotes=tuple(scare),
        analyser_version=ANALYSER_VERSION,
        warnings=_warnings(text, quotes),
    )


# (start, end, kind, attribution, number of quoted parts) of a statement before it becomes a Quote
Draft = tuple[int, int, str, Attribution, int]


def _overlap(a: Draft, b: Draft) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside_report(draft: Draft, reported: list[Draft]) -> Draft:
    """ "Holm said in the letter that the advertisement “unmistakably and wrongfully” suggests ...":
    words quoted inside someone's reported speech whose own cue names no speaker are that someone's."""
    s, e, kind, attribution, parts = draft
    if attribution.entity is not None:
        return draft
    around = next((r for r in reported if r[0] <= s and e <= r[1]), None)
    return (s, e, kind, around[3], parts) if around is not None else draft


def _quoted_drafts(
    text: str,
    chains: list[QuoteChain],
    blocks: list[tuple[int, int, Attribution]],
    book: SpeakerBook,
    parsed: list[Parsed],
    cues_by_para: dict[int, list[Cue]],
    inside_block: Callable[[int], bool],
) -> tuple[list[Draft], list[Span]]:
    """The words in quote marks that someone said, and the scare quotes nobody did."""
    drafts: list[Draft] = []
    claimed = [(s, e, a) for s, e, a in blocks if a.rule_id in HEADING_CLAIMS]
    scare: list[Span] = []
    previous: Attribution | None = None
    previous_end = -1
    paragraphs = split_paragraphs(text)
    owned = _attributable_paragraphs(paragraphs, book)
    signed = _signed_paragraphs(paragraphs, book)
    for chain in chains:
        attribution = attribute_chain(chain, book, parsed, cues_by_para, previous, previous_end)
        owner = next((a for s, e, a in owned if s <= chain.start < e), None)
        if owner is not None and (attribution is None or attribution.entity is None):
            attribution = owner  # "Quotes attributable to Minister X" and then the quotes
        signer = next((a for s, e, a in signed if s <= chain.start < e), None)
        if signer is not None and (
            attribution is None or attribution.entity is None or attribution.rule_id in GUESSED_FROM_CONTEXT
        ):
            attribution = signer  # "“...” – Ann Hale, Minister of Immigration"
        headline = next((a for s, e, a in claimed if s <= chain.start < e), None)
        if headline is not None and (attribution is None or attribution.entity is None):
            attribution = headline  # "Trump: Cruz Has 'To Come a Long Way' On Ethanol"
        elif (inside_block(chain.start) or inside_block(chain.end - 1)) and (
            attribution is None or attribution.cue is None or attribution.rule_id == "cue_ends_previous_paragraph"
        ):
            continue  # words quoted inside a block quote or a transcript turn: part of that speech
        if attribution is None:
            scare.append(Span(text[chain.start : chain.end], chain.start, chain.end))
            continue
        drafts.append((chain.start, chain.end, "direct", attribution, len(chain.parts)))
        previous, previous_end = attribution, chain.end
    return drafts, scare


def _reported_drafts(
    parsed: list[Parsed],
    book: SpeakerBook,
    cues_by_para: dict[int, list[Cue]],
    quoted: list[tuple[int, int]],
    inside_block: Callable[[int], bool],
) -> list[Draft]:
    """Reported speech: what a cue reports without quote marks."""
    drafts: list[Draft] = []
    for p in parsed:
        for s, e, cue in reported_speech(p, book, cues_by_para[p.base], quoted):
            if inside_block(s) and _first_person(book.text[cue.subject_start : cue.subject_end]):
                continue  # "we said that ..." inside a block quote is the block speaker's own words
            ent, mention = resolve_cue(book, cue)
            if ent is None:
                continue
            drafts.append((s, e, "indirect", Attribution(ent, mention, cue, "reported_speech", 0.7), 1))
    return drafts


def _quote(
    qid: str,
    s: int,
    e: int,
    kind: str,
    attribution: Attribution,
    n_parts: int,
    book: SpeakerBook,
    parsed: list[Parsed],
    article_migration: bool,
) -> Quote:
    text = book.text
    ent = attribution.entity
    cue = attribution.cue
    stance = quote_stance(
        text[s:e],
        s,
        speaker=_speaker_facts(ent, book) if ent is not None else None,
        country=book.home_country,
        published=book.published,
        article_about_migration=article_migration,
        paragraphs=[(p.doc, p.base) for p in parsed],
        registry=book.registry,
    )
    return Quote(
        id=qid,
        kind=kind,  # type: ignore[arg-type]
        text=text[s:e],
        start=s,
        end=e,
        speaker_id=ent.id if ent else None,
        speaker_name=book.display_name(ent) if ent else None,
        cue=cue.text if cue else None,
        cue_start=cue.start if cue else None,
        cue_end=cue.end if cue else None,
        rule=attribution.rule,
        stance=stance,
        speaker_mention=attribution.mention,
        paragraphs=n_parts,
        confidence=attribution.confidence,
        co_speaker_ids=tuple(e.id for e in book.co_speakers(attribution.mention) if e is not ent),
    )


def _speaker_facts(ent: Entity, book: SpeakerBook) -> SpeakerFacts:
    return SpeakerFacts(
        ent.id,
        book.display_name(ent),
        book.role(ent),
        book.party(ent),
        book.country(ent),
        organisation=ent.kind != "person",
        government_body=bool(ent.org and ent.org.government),
    )


FIRST_PERSON = frozenset({"i", "we", "you", "me", "us"})


def _attributable_paragraphs(paragraphs: list[Paragraph], book: SpeakerBook) -> list[tuple[int, int, Attribution]]:
    """(start, end, attribution) of the paragraphs after each "Quotes attributable to X" line."""
    out: list[tuple[int, int, Attribution]] = []
    for i, para in enumerate(paragraphs):
        who = attributable_to(para.text)
        if who is None:
            continue
        hit = _named_in(book, para, who)
        if hit is None:
            continue
        out.extend(
            (p.start, p.end, Attribution(hit[0], hit[1], None, "quotes_attributable", 0.8))
            for p in paragraphs_after(paragraphs, i)
        )
    return out


def _signed_paragraphs(paragraphs: list[Paragraph], book: SpeakerBook) -> list[tuple[int, int, Attribution]]:
    """(start, end, attribution) of each quote paragraph signed with a dash and a name."""
    out: list[tuple[int, int, Attribution]] = []
    for i, para in enumerate(paragraphs):
        who = signed_quote(paragraphs, i) if i > 0 else None
        if who is None:
            continue
        name = book.text[who.name_start : who.name_end]
        hit = book.resolve_headline_name(name, who.name_start, who.name_end, people_only=True)
        if hit is not None:
            if who.role:
                book.note_role(hit[0], who.role)  # "– Ann Hale, Minister of Immigration"
            out.append((*stripped_span(para), Attribution(hit[0], hit[1], None, "signed_quote", 0.8)))
    return out


def _named_in(book: SpeakerBook, para: Paragraph, span: tuple[int, int]) -> tuple[Entity, Mention] | None:
    """The speaker named in part of a paragraph: a person mentioned there, else the words themselves."""
    s, e = para.start + span[0], para.start + span[1]
    people = [(ent, m) for m, ent in book.mention_owner if s <= m.start and m.end <= e and ent.kind == "person"]
    if people:
        return max(people, key=lambda x: x[1].start)
    return book.entity_at(s, e) or book.named_source(para.text[span[0] : span[1]], s, e)


def _headline_claim(title: Paragraph, book: SpeakerBook) -> list[tuple[int, int, Attribution]]:
    """ "Lynch: No outside influence on FBI probe": the claim is reported speech of the name before the
    colon; "Hale Vows to Cut Net Migration": what follows the speech act is the name's."""
    rule: AttributionRule = "headline_claim"
    found = headline_claim(title.text)
    if found is None:
        rule, found = "headline_speech_act", headline_speech_act(title.text)
    if found is None:
        return _headline_dash_source(title, book)
    (ns, ne), (cs, ce) = found
    name = title.text[ns:ne]
    if rule == "headline_speech_act" and name in book.registry.demonyms:
        return []  # "US Pledges to ...": a country's pledge is its government's, not a speaker's
    hit = book.resolve_headline_name(name, title.start + ns, title.start + ne, people_only=False)
    if hit is None:
        return []
    return [(title.start + cs, title.start + ce, Attribution(hit[0], hit[1], None, rule, 0.7))]


def _headline_dash_source(title: Paragraph, book: SpeakerBook) -> list[tuple[int, int, Attribution]]:
    """ "UK Must Tighten Migrant Barriers - Minister": the claim is the words of the person the body
    names with that title, or names outright ("- Jenrick"); a name the body never gives a person
    ("- BBC News") is no source."""
    found = headline_dash_source(title.text)
    if found is None:
        return []
    (ns, ne), (cs, ce) = found
    s, e = title.start + ns, title.start + ne
    hit = book.headline_source(title.text[ns:ne], s, e)
    if hit is None:
        return []
    return [(title.start + cs, title.start + ce, Attribution(hit[0], hit[1], None, "headline_dash_source", 0.7))]


def _heading_says_after(para: Paragraph, book: SpeakerBook) -> list[tuple[int, int, Attribution]]:
    """ "Companies exploit program, say critics": the claim is reported speech of who the heading names last."""
    found = heading_says_after(para.text)
    if found is None:
        return []
    (ns, ne), (cs, ce) = found
    s, e = para.start + ns, para.start + ne
    name = para.text[ns:ne]
    hit = book.resolve_headline_name(name, s, e, people_only=False) or book.entity_for_phrase(name, s, e)
    if hit is None:
        return []
    return [(para.start + cs, para.start + ce, Attribution(hit[0], hit[1], None, "heading_says_after", 0.7))]


def _first_person(phrase: str) -> bool:
    return phrase.strip().lower() in FIRST_PERSON


def _layout_speech(
    paragraphs: list[Paragraph], parsed: list[Parsed], book: SpeakerBook, cues_by_para: dict[int, list[Cue]]
) -> list[tuple[int, int, Attribution]]:
    """Speech marked by layout: transcript turns, and block quotes after "X said:" paragraphs."""
    out: list[tuple[int, int, Attribution]] = []
    ent: Entity | None
    mention: Mention | None
    if paragraphs:
        out.extend(_headline_claim(paragraphs[0], book))
    for i, para in enumerate(paragraphs):
        if i == 0 or is_heading(para.text):
            out.extend(_heading_says_after(para, book))
    turns = transcript_turns(paragraphs)
    if not turns:
        out.extend(_speech_page(paragraphs, parsed, book, cues_by_para))
        out.extend(_members_speeches(paragraphs, parsed, book, cues_by_para))
    for turn, (ent, mention) in zip(turns, book.resolve_turn_labels(turns)):
        if len(turns) == 1 and not _lone_turn_is_speech(book, turn, ent):
            break  # one label that names no one else in the text ("LONDON: ...") is a dateline
        out.extend((s, e, Attribution(ent, mention, None, "transcript_turn", 0.85)) for s, e in turn.pieces)
    labelled = {i for i, para in enumerate(paragraphs) for t in turns if para.start <= t.label_start < para.end}
    for i, para in enumerate(paragraphs[1:], start=1):
        found = labelled_speech(para.text) if i not in labelled and not turns else None
        if found is None:
            continue
        (ls, le), (ss, se) = found
        hit = book.resolve_headline_name(para.text[ls:le], para.start + ls, para.start + le, people_only=True)
        if hit is not None:
            labelled.add(i)
            out.append((para.start + ss, para.start + se, Attribution(hit[0], hit[1], None, "speaker_label", 0.75)))
    parsed_by_start = {p.base: p for p in parsed}
    for i, para in enumerate(paragraphs):
        p = parsed_by_start.get(para.start)
        if i in labelled or p is None:
            continue
        cues = cues_by_para.get(p.base, [])
        who = attributable_to(para.text)
        pieces = block_after_intro(paragraphs, i, labelled=labelled) if cues or who else []
        if not pieces:
            continue
        cue = cues[-1] if cues else None
        if who is not None:  # "Quotes attributable to Minister ... Andrew Giles"
            hit = _named_in(book, para, who)
            ent, mention = hit if hit else (None, None)
        else:
            assert cue is not None
            ent, mention = resolve_cue(book, cue)
        if ent is None:
            continue
        for s, e in pieces:
            if _narrates(s, parsed, book, cues_by_para):
                break  # "Mr Javid also said that ...": the narrator speaks again
            out.append((s, e, Attribution(ent, mention, cue, "block_quote", 0.85)))
    return out


def _lone_turn_is_speech(book: SpeakerBook, turn: Turn, ent: Entity) -> bool:
    """The only label of a transcript is a speaker's when it stands on its own line ("PETER DUTTON:")
    or names a person the text also names elsewhere ("Press Secretary Josh Earnest ... MR. EARNEST:")."""
    if ent.kind != "person":
        return False
    alone = bool(turn.pieces) and "\n" in book.text[turn.label_end : turn.pieces[0][0]]
    # the label is in capitals, so its surname in mixed case is a mention elsewhere
    surname = turn.label.split()[-1].strip(".").title()
    named_elsewhere = re.search(rf"\b{re.escape(surname)}\b", book.text) is not None
    return alone or named_elsewhere or any(m.start != turn.label_start for m in ent.mentions)


def _speech_page(
    paragraphs: list[Paragraph], parsed: list[Parsed], book: SpeakerBook, cues_by_para: dict[int, list[Cue]]
) -> list[tuple[int, int, Attribution]]:
    """ "Remarks of Commissioner X after the Council": every paragraph of the body is the speaker's,
    up to one that reports someone in the third person (a news story about a speech)."""
    who = speech_title(paragraphs[0].text) if paragraphs else None
    if who is None:
        return []
    hit = _named_in(book, paragraphs[0], who)
    if hit is None:
        return []
    return _speech(paragraphs, 1, hit, "speech_title", parsed, book, cues_by_para)


def _members_speeches(
    paragraphs: list[Paragraph], parsed: list[Parsed], book: SpeakerBook, cues_by_para: dict[int, list[Cue]]
) -> list[tuple[int, int, Attribution]]:
    """ "Harriet Harman, Chair, Human Rights (Joint Committee)" on a line of its own, then a speech in
    the first person: a parliamentary record, the member's words up to the next member's line."""
    out: list[tuple[int, int, Attribution]] = []
    lines = [speaker_line(para.text) if i > 0 else None for i, para in enumerate(paragraphs)]
    # a question and its written answer ("Ann Hale (Louth, Independent)" / "202. To ask the
    # Minister ...") are a record in the third person: two members' lines make it one
    record = sum(1 for who in lines if who is not None and not who.bare) >= 2
    # a name alone on its line opens a speech under the title or among other members' lines; after
    # a quoted passage it signs that passage ("... a tremendous advantage." / "President Obama")
    bare_ok = sum(1 for who in lines if who is not None) >= 2
    for i, para in enumerate(paragraphs[:-1]):
        who = lines[i]
        if who is None or who.bare and not (bare_ok or i == 1):
            continue
        if not (record and not who.bare or _speaks_in_first_person(paragraphs[i + 1].text)):
            continue
        name_start, name_end = para.start + who.name_start, para.start + who.name_end
        hit = book.resolve_headline_name(book.text[name_start:name_end], name_start, name_end, people_only=True)
        if hit is not None and hit[0].kind == "person":
            if who.role:  # "The Minister for Immigration (Ann Hale)"
                book.note_role(hit[0], strip_the(who.role))
            elif who.seat:  # "Ann Hale (Louth, Independent)": the party, not a role
                book.note_party_words(hit[0], who.seat)
            out.extend(_speech(paragraphs, i + 1, hit, "speaker_line_speech", parsed, book, cues_by_para))
    return out


def _speaks_in_first_person(text: str) -> bool:
    return re.search(r"\b(?:I|we|We|my|our|Our|My)\b", text) is not None


def _speech(
    paragraphs: list[Paragraph],
    first: int,
    hit: tuple[Entity, Mention],
    rule: AttributionRule,
    parsed: list[Parsed],
    book: SpeakerBook,
    cues_by_para: dict[int, list[Cue]],
) -> list[tuple[int, int, Attribution]]:
    """Each paragraph of a speech from paragraph `first` on, as the speaker's words."""
    out: list[tuple[int, int, Attribution]] = []
    for para in speech_body(paragraphs, first):
        s, e = stripped_span(para)
        # a speaker may report others ("Member States adopted a resolution that confirms ..."), but a
        # body that opens by reporting someone, or later reports the speaker, is a story about the speech
        if _narrates(s, parsed, book, cues_by_para, about=None if not out else hit[0]):
            break
        out.append((s, e, Attribution(hit[0], hit[1], None, rule, 0.8)))
    return out


def _narrates(
    start: int,
    parsed: list[Parsed],
    book: SpeakerBook,
    cues_by_para: dict[int, list[Cue]],
    about: Entity | None = None,
) -> bool:
    """A paragraph that reports someone in the third person ("Mr Javid also said that ...",
    "Shelby said she ...") is the narrator's again, not more of the block quote. With `about`, only
    a report of that speaker ("He said", "The Commissioner added") counts."""
    p = next((q for q in parsed if q.base <= start < q.base + len(q.text)), None)
    if p is None:
        return False
    return any(
        c.rule == "speech_verb"
        and c.token.dep_ in ("ROOT", "conj")  # not "Since the Home Secretary declared ...," inside the block
        and lemma(c.token) in REPORTING_VERBS
        and is_finite_report(c.token)
        and not _first_person(book.text[c.subject_start : c.subject_end])
        and (about is None or _reports(book, c, about))
        for c in cues_by_para.get(p.base, [])
    )


def _reports(book: SpeakerBook, cue: Cue, speaker: Entity) -> bool:
    """A cue whose subject is `speaker` or a third-person singular pronoun."""
    subject = book.text[cue.subject_start : cue.subject_end].strip().lower()
    if subject in ("he", "she"):
        return True
    return resolve_cue(book, cue)[0] is speaker


def _article_id(ing: IngestedText) -> str:
    return "a-" + (ing.content_hash or hashlib.sha256(ing.text.encode()).hexdigest())[:12]


def _warnings(text: str, quotes: list[Quote]) -> tuple[str, ...]:
    out = []
    if not quotes:
        out.append("No quotes or reported speech were found in this article.")
    unattributed = sum(1 for q in quotes if q.speaker_id is None)
    if unattributed:
        out.append(f"{unattributed} quote(s) could not be attributed to a speaker.")
    return tuple(out)
