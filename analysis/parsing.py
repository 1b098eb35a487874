"""Parse only what needs parsing.

A paragraph that can hold speech (a quote mark, a reporting verb or noun, "according to") gets
the full spaCy pipeline: attribution walks its dependency parse. A paragraph with figures but no
speech gets the entity recogniser and rule-based sentence boundaries (a figure's sentence is its
context; its citer comes from the quotes and cues around it, not from this paragraph's parse).
Any other paragraph only needs the entity recogniser, to find the people it mentions; in
en_core_web_sm it has its own tok2vec and so runs without the tagger and parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from analysis.lexical import forms
from analysis.numbers import WORD_NUMBERS
from analysis.phrase_gate import text_words
from analysis.quotes import ALL_MARKS
from analysis.speech_words import SPEECH_NOUNS, SPEECH_VERBS


@lru_cache(maxsize=1)
def speech_words() -> frozenset[str]:
    """Forms of the speech verbs and nouns, and "according": what attribution needs the parse for."""
    words = {"according"}
    for lemma in SPEECH_VERBS | SPEECH_NOUNS:
        words |= forms(lemma)
    return frozenset(words)


@lru_cache(maxsize=1)
def figure_words() -> frozenset[str]:
    """Words that can make a figure (digits and currency signs are checked apart)."""
    words = {w for w in WORD_NUMBERS if " " not in w and "-" not in w}
    return frozenset(words | {"doubled", "tripled", "halved", "half", "third", "quarter", "decade", "decades"})


SPEECH_MARKS = frozenset(ALL_MARKS)
# "Labour’s", "don't", "voters’ views": an apostrophe is no quote mark, and alone needs no parse
APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)|(?<=[sS])['’](?=\s)")
FIGURE_MARKS = frozenset("0123456789£$€%")


# "made it clear that", "let reporters know that": speech acts with no speech word of their own
# (the parse then reads them: `analysis.cues.made_known`)
MADE_KNOWN = re.compile(
    r"\bma(?:de|kes?|king)\s+(?:it\s+)?(?:clear|known|plain)\s+that\b|\blet(?:s|ting)?\s+\w+\s+know\b", re.I
)


def needs_dependency_parse(text: str) -> bool:
    """True when a paragraph may hold speech: a quote mark or a speech word (looked up as words,
    not by a regex alternation of a few thousand forms). Figures alone need sentences, not the parse."""
    if not SPEECH_MARKS.isdisjoint(text) and not SPEECH_MARKS.isdisjoint(APOSTROPHE.sub("", text)):
        return True
    return not speech_words().isdisjoint(text_words(text)) or MADE_KNOWN.search(text) is not None


def needs_full_parse(text: str) -> bool:
    """True when a paragraph may hold speech or figures."""
    return (
        needs_dependency_parse(text)
        or not FIGURE_MARKS.isdisjoint(text)
        or not figure_words().isdisjoint(text_words(text))
    )


def parse_paragraphs(nlp: Language, texts: Sequence[str], *, batch_size: int = 256) -> Iterator[Doc]:
    """Docs for `texts`, in order: fully parsed where there may be speech; elsewhere entities only,
    with sentence boundaries from punctuation where there are figures (their sentence is their context)."""
    full_idx = [i for i, t in enumerate(texts) if needs_dependency_parse(t)]
    chosen = set(full_idx)
    light_idx = [i for i in range(len(texts)) if i not in chosen]
    # Lemmas and coarse tags come from analysis.lexical: two components fewer to run.
    unused = [name for name in ("lemmatizer", "attribute_ruler") if name in nlp.pipe_names]
    full = nlp.pipe((texts[i] for i in full_idx), batch_size=batch_size, disable=unused)
    ner_only = [name for name in nlp.pipe_names if name != "ner"]
    light = nlp.pipe((texts[i] for i in light_idx), batch_size=batch_size, disable=ner_only)
    splitter = Sentencizer()
    for i in range(len(texts)):
        if i in chosen:
            yield next(full)
            continue
        doc = next(light)
        if needs_full_parse(texts[i]):
            splitter(doc)  # figures: their sentence is their context
        else:
            for tok in doc:  # nothing in it needs finer boundaries
                tok.is_sent_start = tok.i == 0
        yield doc
