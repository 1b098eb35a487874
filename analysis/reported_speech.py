"""Reported speech: the words a speech cue reports, with or without quote marks.

"ICE said arrests rose", "The plan, the senator said, would fail", "according to Ross, it was a
decision ...": each cue gives the character spans of what it reports, trimmed of glue words and of
the narrator's framing ("..., as he warned", "... on Monday").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from analysis.cues import (
    Cue,
    according_to_source_end,
    cue_subject_left,
    is_finite_report,
    made_known,
    misparsed_report,
)
from analysis.lexical import lemma, upos
from analysis.parsed import Parsed
from analysis.speakers import SpeakerBook
from analysis.speech_words import REPORTING_VERBS, SPEECH_VERBS

GLUE_WORDS = frozenset("that and but or as he she it they we i the a an said says".split())
MIN_PARAPHRASE_WORDS = 1


def paraphrase_beyond_quotes(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    """Whether reported speech says more than the quoted words inside it: "alleges the administration
    has 'manipulated the courts'" is a report of its own with a quoted fragment; "said 'we will win'"
    is only the quote."""
    inside = [(max(a, start), min(b, end)) for a, b in quoted if a < end and b > start]
    if not inside:
        return True
    pieces, pos = [], start
    for a, b in sorted(inside):
        pieces.append(text[pos : max(pos, a - 1)])
        pos = max(pos, b + 1)
    pieces.append(text[pos:end])
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", " ".join(pieces)) if w.lower() not in GLUE_WORDS]
    return len(words) >= MIN_PARAPHRASE_WORDS


def _close_open_quote(text: str, start: int, end: int) -> int:
    """Extend reported speech to the closing mark of a quote it opens ('... had become "a national
    embarrassment.' -> '... embarrassment."'): the quotation marks inside a report belong to it."""
    piece = text[start:end]
    opened = sum(piece.count(m) for m in "“") - piece.count("”") + (piece.count('"') % 2)
    if opened <= 0:
        return end
    m = re.match(r"[.,!?…]?[”\"]", text[end : end + 3])
    return end + m.end() if m else end


TRAILING_NAME = re.compile(r"[”\"]\s*(?:[A-Z][\w.’'-]*\s*){1,4}$")


def _without_trailing_name(text: str, start: int, end: int) -> int:
    """'“...,” Ann Hale, the chairwoman, recalled': a parse that makes the apposition the subject
    leaves the name in the content; the content ends at the quote's closing mark."""
    m = TRAILING_NAME.search(text, start, end)
    return m.start() + 1 if m else end


def reported_speech(
    p: Parsed, book: SpeakerBook, cues: list[Cue], quoted: list[tuple[int, int]]
) -> list[tuple[int, int, Cue]]:
    """Reported speech without quote marks: (start, end, cue) of each content clause."""
    out = []
    doc = p.doc
    for cue in cues:
        tok = cue.token
        told = made_known(tok) if cue.rule == "speech_verb" else None
        voiced = _voiced_clause(tok) if cue.rule == "speech_noun" else None
        if voiced is not None:  # "expressed concern that ...", "made a promise that ...": what follows "that"
            for s, e in _trimmed(doc, voiced.left_edge.i, voiced.right_edge.i):
                out.append((p.base + s, p.base + e, cue))
            continue
        if cue.rule == "speech_noun" or (
            cue.rule in ("speech_verb", "passive_report", "verb_read_from_words")
            and lemma(tok) not in REPORTING_VERBS
            and lemma(tok) not in OBJECT_SPEECH_VERBS
            and not (lemma(tok) in DESCRIBING_VERBS and cue.rule == "speech_verb")  # not "described by"
            and told is None
            and not _agreed_that(tok)
            and not (cue.rule == "speech_verb" and _asked_to_or_whether(tok))
        ):
            continue
        misparsed = cue.rule == "speech_verb" and misparsed_report(tok)
        if cue.rule == "speech_verb" and not is_finite_report(tok) and not misparsed:
            continue
        sent = p.sentence_at(tok.idx) or tok.sent
        if told is not None:  # "made it clear that ...": what follows "that"
            spans = _trimmed(doc, told.i + 1, sent.end - 1)
        elif misparsed:
            spans = _trimmed(doc, tok.i + 1 + (doc[tok.i + 1].lower_ == "that"), sent.end - 1)
        else:
            spans = _content_span(tok, cue, doc, sent)
        for s, e in spans:
            abs_s, abs_e = p.base + s, p.base + e
            if abs_s <= cue.subject_start < abs_e:
                # '“...,” said David Brock, who heads Correct the Record', '“...,” Ann Hale, the
                # chairwoman, recalled of a talk': the speaker is not part of what they said
                continue
            abs_e = _close_open_quote(book.text, abs_s, abs_e)
            abs_e = _without_trailing_name(book.text, abs_s, abs_e)
            if not paraphrase_beyond_quotes(book.text, abs_s, abs_e, quoted):
                continue  # only quoted words (and "that"): the quote itself is the statement
            if len(doc.char_span(s, e, alignment_mode="expand") or []) < 2:
                continue
            out.append((abs_s, abs_e, cue))
    out.extend(_trailing_attributions(p, out, quoted))
    return out


# "..., U.S. Immigration and Customs Enforcement said Wednesday." The parser often hangs such a
# trailing attribution on the wrong clause, so it is read from the words as well.
TRAILING = re.compile(
    r"^(?P<content>.{15,}?),\s+(?P<subj>(?:the |a |an )?[\w.’'&-]+(?: [\w.’'&-]+){0,9}?|"
    # "..., the Mirror, Metro and Star report.": a list of names
    r"(?:the )?[A-Z][\w.’'&-]*(?: [A-Z][\w.’'&-]*)*(?:, (?:the )?[A-Z][\w.’'&-]*(?: [A-Z][\w.’'&-]*)*)+,? and "
    r"(?:the )?[A-Z][\w.’'&-]*(?: [A-Z][\w.’'&-]*)*)\s+"
    r"(?P<verb>(?:has |have |had )?(?:said|says|say|report|added|warned|claimed|argued|stated|confirmed|announced|"
    r"insisted|noted|wrote|reported|estimated|told reporters|told [A-Z][\w ]{2,30}?))"
    r"(?:,? (?:on |late |early )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
    r"last week|this week|in a statement|on Twitter|on X|in an interview)\b)*\s*(?:[.;!?]\W*)?$"
)


def _trailing_attributions(
    p: Parsed, found: list[tuple[int, int, Cue]], quoted: list[tuple[int, int]]
) -> Iterator[tuple[int, int, Cue]]:
    doc = p.doc
    for sent in p.sentences():
        m = TRAILING.match(sent.text)
        if not m:
            continue
        s = p.base + sent.start_char + m.start("content")
        e = p.base + sent.start_char + m.end("content")
        # a report by someone inside the content is nested in it ("X is asking Y to Z, the Star reports")
        if any(a < e and b > s and not _nested_report(s, e, a, b, c) for a, b, c in found) or any(
            a < e and b > s for a, b in quoted
        ):
            continue
        subj_s = p.base + sent.start_char + m.start("subj")
        subj_e = p.base + sent.start_char + m.end("subj")
        if m.group("subj").split()[0].lower() in ("it", "this", "that", "which", "who", "and", "but"):
            continue
        verb_s = sent.start_char + m.start("verb")
        span = doc.char_span(verb_s, sent.start_char + m.end("verb"), alignment_mode="expand")
        if span is None:
            continue
        verb = next((t for t in span if lemma(t) in SPEECH_VERBS), span[-1])
        cue = Cue(
            verb,
            p.base,
            subj_s,
            subj_e,
            m.group("verb"),
            p.base + verb_s,
            p.base + sent.start_char + m.end("verb"),
            "verb_after_content",
            subj_e - len(m.group("subj").split()[-1]),
        )
        yield s, e, cue


def _nested_report(s: int, e: int, a: int, b: int, cue: Cue) -> bool:
    """A report found at [a, b) lies within the content [s, e) and its speaker is named there too."""
    return s < a and b <= e and s <= cue.subject_start and cue.subject_end <= a


_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
TRAILING_TIME = re.compile(
    rf",?\s+(?:on\s+{_DAY}|{_DAY}(?:\s+(?:morning|afternoon|evening|night))?|"
    r"(?:earlier|later)\s+this\s+(?:week|month))$"
)
CUT_CLAUSE = re.compile(r"\s*,?\s+(?:as|after|before|when|while|because|since)\s+(?:he|she|they|it)\b", re.I)


def _asked_to_or_whether(tok: Token) -> bool:
    """ "The committees asked the department to investigate ...", "The senator asked whether ...": a
    request or a question. "asked Clinton about the emails" names only the topic, and "Asked by VOA
    if ..." is the reporter's question."""
    if lemma(tok) != "ask" or not any(c.dep_ == "nsubj" for c in tok.children):
        return False  # "warned that asking refugees to reapply ... would": the asking is a policy, not an act
    has_object = any(c.dep_ in ("dobj", "dative") for c in tok.children)
    request = has_object and any(
        c.dep_ in ("xcomp", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in tok.children
    )
    question = any(
        c.dep_ == "ccomp" and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("whether", "if") for m in c.children)
        for c in tok.children
    )
    return request or question


def _agreed_that(tok: Token) -> bool:
    """ "The two ministers agreed that their teams should ...": a joint statement. "Agree" alone
    ("agreed to the deal", "I agree") reports nothing, and an agreement inside someone's report
    ("officials said the minister had agreed that ...") is part of that report."""
    return (
        lemma(tok) == "agree"
        and tok.dep_ in ("ROOT", "conj")  # a main clause: not a report inside another, however parsed
        and any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in tok.children
        )
    )


def _content_span(tok: Token, cue: Cue, doc: Doc, sent: SpacySpan) -> list[tuple[int, int]]:
    """Character spans (in the paragraph) of what the cue reports; several when quotes interrupt it."""
    if cue.rule == "according_to":
        return _according_to_content(tok, doc, sent)
    if cue.rule == "verb_read_from_words":
        that = tok.i + 1 if tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "that" else tok.i
        return _trimmed(doc, that + 1, sent.end - 1)
    if cue.rule == "passive_report":
        if tok.dep_ == "acl" and tok.head.dep_ in ("pobj", "dobj", "attr") and tok.head.i == tok.i - 1:
            # "to reach the figure of 40,000 places proposed by the Council": what was proposed is the
            # noun it modifies, not the sentence around it
            return _trimmed(doc, tok.head.left_edge.i, tok.i - 1, min_words=1)
        lead = tok.left_edge.i
        if lead <= sent.start + 1:
            return _trimmed(doc, tok.right_edge.i + 1, sent.end - 1)
        return _trimmed(doc, sent.start, lead - 1)
    return _verb_content(tok, doc, sent)


def _according_to_content(tok: Token, doc: Doc, sent: SpacySpan) -> list[tuple[int, int]]:
    """The rest of the sentence around "according to X", before it or after it."""
    to = doc[tok.i + 1]
    phrase_end = according_to_source_end(to)
    rest_tokens = [t for t in sent if not (tok.i <= t.i <= phrase_end) and not t.is_punct]
    if not rest_tokens:
        return []
    while phrase_end > tok.i + 1 and doc[phrase_end].is_punct:
        phrase_end -= 1  # the comma that closes an apposition belongs to the sentence
    resume = phrase_end + 1
    words_after = [t for t in doc[resume : sent.end] if not t.is_punct]
    if tok.i > sent.start + 1 and len(words_after) >= 3 and resume < len(doc) and doc[resume].text == ",":
        # "At the heart of it, according to Ross, was a decision ...": one statement, two pieces
        return _trimmed(doc, sent.start, tok.i - 1, min_words=1) + _trimmed(doc, resume + 1, sent.end - 1)
    if tok.i > sent.start + 1:
        first, last = sent[0], doc[tok.i - 1]
    elif resume >= sent.end:
        return []  # "The according to minister": one word before the phrase and none after it
    else:
        first, last = doc[resume], sent[-1]
    return _trimmed(doc, first.i, last.i)


def _verb_content(tok: Token, doc: Doc, sent: SpacySpan) -> list[tuple[int, int]]:
    """What a reporting verb reports: its complement clauses, the words set off before it, or its object."""
    comps = [c for c in tok.children if c.dep_ == "ccomp"] or misparsed_report_clause(tok, doc)
    after = [c for c in comps if c.i > tok.i]
    interjected = _interjected_report(tok, doc, sent)
    if interjected is not None:
        return interjected
    # "Arrests rose, ICE said": the parser may hang the verb on the words it reports; not so a
    # second speech act joined to a first ("decrying X and accusing Y of Z")
    second_act = (
        # "decrying X and accusing Y of Z"; "The report finds that X, and the Committee calls upon Y to Z"
        tok.dep_ == "conj"
        and lemma(tok.head) in SPEECH_VERBS
        and (not any(c.dep_ == "nsubj" for c in tok.children) or any(c.dep_ == "ccomp" for c in tok.head.children))
    ) or (
        # "the president yielded but then declared a national emergency": an act with its own object
        tok.dep_ == "conj" and any(c.dep_ == "dobj" for c in tok.children)
    )
    if not after and (comps or (tok.dep_ in ("ccomp", "parataxis", "conj") and tok.head.i < tok.i and not second_act)):
        return _content_before_verb(tok, doc, sent)
    if not after and lemma(tok) in DESCRIBING_VERBS:
        return _described_as(tok, doc)
    if not after:
        return _object_content(tok, doc) if lemma(tok) in OBJECT_SPEECH_VERBS or _asked_to_or_whether(tok) else []
    out = []
    # "a date that clerks said was missed": the clause's relative pronoun comes before
    # the verb, and what was said starts after it
    ranges = [(max(lo, tok.i + 1), hi) for lo, hi in _clause_ranges(after, doc)]
    if ranges and after[0].dep_ == "advcl":  # "said after the convention he would ...": from "he"
        own_subject = next(c for c in after[0].children if c.dep_ == "nsubj")
        ranges[0] = (max(ranges[0][0], own_subject.left_edge.i), ranges[0][1])
    subject = _subject_read_as_object(tok, after[0])
    if subject is not None and ranges:  # "say police late Monday pushed back ...": police did
        ranges[0] = (min(ranges[0][0], subject.left_edge.i), ranges[0][1])
    # "the election, which observers say was rigged": what was said is the antecedent's predicate,
    # short as it is
    relative = tok.dep_ == "relcl" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i and c.lower_ in ("which", "that", "who")
        for c in after[0].children
    )
    for lo, hi in _joined_pieces(ranges, doc):
        out.extend(_trimmed(doc, lo, hi, min_words=2 if relative else 3))
    return out


def _subject_read_as_object(verb: Token, clause: Token) -> Token | None:
    """The reported clause's subject when the parser made it the reporting verb's object and left
    the clause without one ("Authorities say police late Monday pushed back ...")."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)


def _content_before_verb(tok: Token, doc: Doc, sent: SpacySpan) -> list[tuple[int, int]]:
    """ "Arrests rose, ICE said Wednesday." / "..., the Home Office has said": reported before the
    verb, set off by a comma (not "to fill what she called a black hole")."""
    left = min(cue_subject_left(tok), tok.i)  # "..., said Howard Rubel": the verb comes first
    set_off = doc[left].is_punct or left > sent.start and doc[left - 1].text in (",", "—", "–", "-", ":", "”", '"', "’")
    if left <= sent.start or not set_off:
        return []
    return _trimmed(doc, sent.start, left - 1)


def _clause_ranges(comps: list[Token], doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of each reported clause and each clause conjoined to it, without the
    narrator's framing that follows ("..., as he warned ...")."""
    units: list[set[int]] = []
    for comp in comps:
        units.extend(_clause_units(comp))
    ranges = []
    for unit in units:
        lo, hi = min(unit), max(unit)
        cut = CUT_CLAUSE.search(doc[lo : hi + 1].text)
        if cut and cut.start() > 10:  # "..., as he warned ...": the narrator's framing, not the report
            limit = doc[lo].idx + cut.start()
            hi = max(i for i in range(lo, hi + 1) if doc[i].idx < limit)
        ranges.append((lo, hi))
    return ranges


def _joined_pieces(ranges: list[tuple[int, int]], doc: Doc) -> list[tuple[int, int]]:
    """Clause ranges in order, each joined to the one before when only punctuation or a
    conjunction lies between them and it does not start a new "that" report."""
    spans: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        # "said, speaking on condition of anonymity, that ...": the report starts after "that"
        mark = next((i for i in range(lo, min(hi, lo + 12)) if doc[i].lower_ == "that" and doc[i].dep_ == "mark"), None)
        if mark is not None and mark > lo and any(doc[i].is_punct for i in range(lo, mark)):
            lo = mark + 1
        gap = range(spans[-1][1] + 1, lo) if spans else range(0)
        starts_new_report = any(doc[i].lower_ == "that" and doc[i].dep_ == "mark" for i in range(lo, min(lo + 3, hi)))
        if (
            spans
            and lo <= spans[-1][1] + 3
            and not starts_new_report
            and all(doc[i].is_punct or doc[i].dep_ in ("cc", "mark") for i in gap)
        ):
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


# Between a speech verb and a clause the parser hung elsewhere: only time, place and occasion.
ADVERBIAL_DEPS = frozenset(
    {"advmod", "npadvmod", "prep", "pobj", "det", "compound", "amod", "nummod", "poss", "case", "dative"}
)


# Reporting verbs that name whom they address before what they report ("told reporters that ...")
ADDRESSEE_VERBS = frozenset("tell assure inform remind warn advise notify promise".split())


# Verbs (as written) that utter a speech noun: "expressed concern", "made a promise", "issued a warning"
VOICING_FORMS = frozenset(
    "express expressed expresses expressing voice voiced voices voicing raise raised raises raising "
    "make made makes making issue issued issues issuing give gave gives giving repeat repeated "
    "reiterate reiterated".split()
)


def _voiced_clause(noun: Token) -> Token | None:
    """The "that" clause of a speech noun someone voices: "expressed concern that the rules would
    fail" reports "the rules would fail"; "the concern that ..." on its own voices nothing."""
    if noun.dep_ != "dobj" or noun.head.lower_ not in VOICING_FORMS:
        return None
    return next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
        ),
        None,
    )


def misparsed_report_clause(tok: Token, doc: Doc) -> list[Token]:
    """The reported clause when the parser did not make it the verb's complement."""
    # "said earlier on Friday during a news conference that he may wait": the clause hung on
    # "conference"; a "that" marking a clause (not a relative pronoun) after adverbials only
    mark = next(
        (
            t
            for t in tok.subtree
            if t.i > tok.i
            and t.lower_ == "that"
            and t.dep_ == "mark"
            and t.head.i != tok.i
            and upos(t.head) in ("VERB", "AUX")
        ),
        None,
    )
    if mark is not None and mark.i - tok.i <= 12:
        # "told the French news agency that police made arrests": the addressee may stand between
        addressee = {
            t.i
            for c in tok.children
            if c.dep_ in ("dobj", "dative") and lemma(tok) in ADDRESSEE_VERBS
            for t in c.subtree
            if t.i < mark.i
        }
        if all(t.is_punct or t.dep_ in ADVERBIAL_DEPS or t.i in addressee for t in doc[tok.i + 1 : mark.i]):
            return [mark.head]
    # "Trump said after the convention he would not accept ...": a time phrase after the verb made
    # the parser read the reported clause as an adverbial one
    timed = _clause_after_a_phrase(tok)
    if timed is not None:
        return [timed]
    # "He said legalizing it could put thousands to work": a gerund subject read as the verb's xcomp
    gerund = next((c for c in tok.children if c.dep_ == "xcomp" and c.i == tok.i + 1 and c.tag_ == "VBG"), None)
    if gerund is not None and any(t.dep_ == "ccomp" and t.i > gerund.i for t in gerund.children):
        return [gerund]
    return []


def _clause_after_a_phrase(tok: Token) -> Token | None:
    """The adverbial clause right after a reporting verb that is really its complement: one with
    a subject and a finite or modal verb of its own, no word that subordinates it ("said after he
    left" is when, not what), and a prepositional phrase between the verb and that subject."""
    for c in tok.children:
        if c.dep_ != "advcl" or c.i < tok.i or any(m.dep_ == "mark" for m in c.children):
            continue
        subject = next((s for s in c.children if s.dep_ == "nsubj" and s.i > tok.i), None)
        finite = c.tag_ in ("VBD", "VBZ", "VBP") or any(a.dep_ == "aux" and a.tag_ == "MD" for a in c.children)
        phrase = next((p for p in c.children if p.dep_ == "prep" and p.i == tok.i + 1), None)
        if subject is not None and finite and phrase is not None and phrase.right_edge.i < subject.left_edge.i:
            return c
    return None


# Speech acts whose content is an object or an infinitive, not a clause: "urged immediate action",
# "called on Congress to act", "pledged to intensify joint work", "accused the department of ...".
OBJECT_SPEECH_VERBS = frozenset(
    """
urge call pledge promise vow demand propose criticise criticize condemn welcome praise blame accuse deny
reject dismiss defend endorse decry slam blast applaud hail thank recommend announce threaten warn offer
attack request reiterate insist appeal report advise commend reaffirm laud assail suggest apologise apologize
""".split()
)
OBJECT_DEPS = frozenset({"dobj", "xcomp", "prep", "dative", "ccomp", "attr"})
PLACE_PREPOSITIONS = frozenset({"from", "at", "in", "near", "outside", "inside"})
# "calling him 'a total stiff'", "described it as 'a shambles'": the quoted words are the statement.
NAMING_VERBS = frozenset({"call", "describe", "brand", "label", "term", "dub", "name"})
# "described the conditions as horrific", "portrayed the bill as an amnesty": without quote marks,
# the thing and what it was described as are the statement.
DESCRIBING_VERBS = frozenset({"describe", "portray", "characterize", "characterise", "depict"})


def _interjected_report(tok: Token, doc: Doc, sent: SpacySpan) -> list[tuple[int, int]] | None:
    """ "The plan, the senator said, would fail": a report set off by commas inside the sentence it
    reports gives one statement in two pieces, the words before and after it."""
    if tok.dep_ != "parataxis" or tok.head.i < tok.i:
        return None
    left = min(cue_subject_left(tok), tok.i)
    while left < tok.i and doc[left].is_punct:
        left += 1
    comma_before = left - 1
    comma_after = next((i for i in range(tok.i + 1, min(sent.end, tok.i + 8)) if doc[i].text == ","), None)
    if comma_before < sent.start or doc[comma_before].text != "," or comma_after is None:
        return None
    pieces = []
    # "measures that, Mayorkas says, will lead to ...": what comes before the relative word is the
    # narrator's; "The plan, the senator said, would fail" reports both pieces
    relative = doc[comma_before - 1].lower_ in ("that", "which", "who") if comma_before > sent.start else False
    if comma_before - sent.start >= 1 and not relative:
        pieces.extend(_trimmed(doc, sent.start, comma_before - 1, min_words=1))
    pieces.extend(_trimmed(doc, comma_after + 1, sent.end - 1, min_words=2))  # "..., he said, would fail"
    return pieces


def _described_as(tok: Token, doc: Doc) -> list[tuple[int, int]]:
    """ "Orner described the conditions at the centers as horrific": the object and its "as" phrase.
    A description that quotes its words ("described it as “a shambles”") is the quote alone."""
    # the object may be a clause ("described making the film as ..."); the parser may hang "as" on
    # the object's last noun ("the conditions at the centers as horrific")
    obj = next((c for c in tok.rights if c.dep_ == "dobj" or (c.dep_ == "xcomp" and c.tag_ == "VBG")), None)
    if obj is None:
        return []
    as_phrase = next(
        (c for c in list(tok.rights) + list(obj.subtree) if c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i),
        None,
    )
    if as_phrase is None:
        return []
    return _unless_quoted(doc, obj.left_edge.i, as_phrase.right_edge.i)


def _named_as(tok: Token, doc: Doc) -> list[tuple[int, int]]:
    """ "called the report a rush to judgment": the thing and the name it was called, when no quote
    marks give the name (then the quoted words are the statement: "called it “cruel”")."""
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    name = next((c for c in tok.rights if c.dep_ == "oprd"), None)
    if obj is None or name is None or name.i < obj.i:
        return []
    return _unless_quoted(doc, obj.left_edge.i, name.right_edge.i)


def _unless_quoted(doc: Doc, lo: int, hi: int) -> list[tuple[int, int]]:
    """Tokens lo..hi as a statement, unless quote marks inside them give the statement already."""
    if any(t.is_quote for t in doc[lo : hi + 1]):
        return []
    return _trimmed(doc, lo, hi)


def _object_content(tok: Token, doc: Doc) -> list[tuple[int, int]]:
    """What a speech act without a complement clause reports: its object and what follows it
    ("immediate action on the fate of 800,000 people"), up to a comma that starts an aside."""
    kids = [c for c in tok.rights if c.dep_ in OBJECT_DEPS]
    if not kids:
        return []
    if lemma(tok) in NAMING_VERBS and (
        any(c.dep_ == "oprd" for c in tok.children) or any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)
    ):
        return _named_as(tok, doc)
    if lemma(tok) == "call" and not any(
        c.dep_ in ("prep", "xcomp") and (c.lower_ in ("for", "on", "upon") or c.dep_ == "xcomp") for c in tok.children
    ):
        return []  # "called the plan a disaster" names, "called for a vote" / "called on X to" asks
    if kids[0].dep_ == "prep" and kids[0].lower_ in PLACE_PREPOSITIONS:
        return []  # "Deborah Tate reports from Capitol Hill": where, not what
    lo = kids[0].left_edge.i
    hi = lo
    for c in tok.rights:
        if c.i < lo:
            continue
        if c.dep_ in OBJECT_DEPS:
            hi = max(hi, c.right_edge.i)
        elif c.dep_ == "advcl" and c.left_edge.i == hi + 1 and c.left_edge.lower_ == "to":
            hi = c.right_edge.i  # "reaffirmed their support to help move the claimants": what the support is for
        elif c.dep_ == "punct" and c.i > hi:
            break
    if doc[lo].dep_ == "prep" and doc[lo].head.i == tok.i and doc[lo].lower_ in ("on", "upon", "for", "to"):
        lo += 1  # "called on Congress to ..." reports "Congress to ..."
    second = next(
        (t for t in doc[lo + 1 : hi + 1] if t.dep_ == "conj" and t.tag_ in ("VBD", "VBZ") and lemma(t) in SPEECH_VERBS),
        None,
    )
    if second is not None and doc[second.i - 1].dep_ == "cc":
        # "commended the work of X to manage the situation and reaffirmed their support": the parser hung
        # the second speech act inside the first one's object; it is a report of its own
        hi = second.i - 2
    for i in range(lo + 2, hi + 1):
        # "urged action on X Monday, using a procedural move": the participle is how, not what
        if doc[i].tag_ == "VBG" and doc[i - 1].text == "," and lemma(doc[i]) not in ("include", "involve"):
            hi = i - 2
            break
    # "asking the minister to end his ordeal, the Courier and Star report": the narrator's source,
    # which the trailing-attribution rule reports on its own
    trailing = TRAILING.match(doc[lo : hi + 1].text) if hi > lo else None
    if trailing:
        end = doc[lo].idx + trailing.end("content")
        hi = max((t.i for t in doc[lo : hi + 1] if t.idx + len(t) <= end), default=lo)
    return _trimmed(doc, lo, hi) if hi - lo >= 1 else []


def _clause_units(root: Token) -> list[set[int]]:
    """A clause and each clause conjoined to it ("X and that Y") as separate sets of token indices.
    A conjoined speech verb ("... but warned that ...", "..., adding that ...") is a report of its
    own, found through its own cue: it is left out here."""
    conjs = [
        c
        for c in root.children
        if (c.dep_ == "conj" and upos(c) in ("VERB", "AUX"))
        or (c.dep_ == "advcl" and c.tag_ == "VBG" and lemma(c) in SPEECH_VERBS)
    ]
    own = {t.i for t in root.subtree}
    for c in conjs:
        own -= {t.i for t in c.subtree}
    units = [own]
    for c in conjs:
        if lemma(c) not in SPEECH_VERBS:
            units.extend(_clause_units(c))
    return units


def _trimmed(doc: Doc, lo: int, hi: int, *, min_words: int = 3) -> list[tuple[int, int]]:
    while lo <= hi and (
        doc[lo].is_punct
        or doc[lo].dep_ in ("cc", "mark")
        and doc[lo].lower_ in ("and", "that", "but", "or")
        or doc[lo].is_space
    ):
        lo += 1
    while hi >= lo and (doc[hi].is_punct or doc[hi].is_space or doc[hi].dep_ == "cc"):
        hi -= 1
    if hi - lo < min(2, min_words - 1):
        return []
    s, e = doc[lo].idx, doc[hi].idx + len(doc[hi])
    m = CUT_CLAUSE.search(doc[lo : hi + 1].text)
    if m and m.start() > 10:
        e = s + m.start()
    span_text = doc[lo : hi + 1].text[: e - s]  # doc.text would rebuild the whole paragraph
    when = TRAILING_TIME.search(span_text)
    if when and when.start() > 0:
        e = s + when.start()  # "... to act earlier this month": when it was said, not what
        span_text = span_text[: when.start()]
    if len(span_text.split()) < min_words:
        return []  # "criticized the plan": too little to be a statement of its own
    return [(s, e)]
